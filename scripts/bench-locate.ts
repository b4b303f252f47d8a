/**
 * The locating benchmark, in real Chromium with DSFR's own JavaScript running:
 *
 * 1. cross-version cases — describe an element on an older DSFR page, locate it
 *    on the matching 1.14.4 page, compare with the hand-checked answer;
 * 2. synthetic mutations — seeded, property-based changes made to 1.14.4 pages
 *    between describe and locate;
 * 3. timings — `locate` on the DSFR pages and on a generated 10,000-element page.
 *
 * The engine is compared on the same cases with three baselines (see
 * bench/browser/baselines.ts). Not a test: it exits 0 once it has run, and
 * prints whether each bar is met.
 *
 *   npx tsx scripts/bench-locate.ts [--cases FILE] [--root DIR] [--json OUT]
 *     [--synthetic] [--no-synthetic] [--no-big-page] [--seed N] [--reps N]
 *     [--synthetic-pages N] [--filter TEXT] [--mutations ids,wrappers,…] [--phases]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import fc from 'fast-check';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Capture, Judged, SyntheticTrial } from '../bench/browser/entry.ts';
import { MUTATION_KINDS, type MutationKind } from '../bench/browser/mutations.ts';
import type { Phases } from '../bench/browser/phases.ts';
import { bundlePageScript } from '../bench/lib/bundle.ts';
import { type BenchCase, loadCaseFile } from '../bench/lib/cases.ts';
import { add, type Bar, barsText, emptyTally, kindTable, summarize, type Tally, table } from '../bench/lib/report.ts';
import { defaultTrees, startPracticeServer, treesFromRoot } from './practice-server.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const casesFile = resolve(opt('--cases') ?? 'bench/cases/dsfr-cross-version.json');
const jsonOut = resolve(opt('--json') ?? 'bench/results/locate.json');
const root = opt('--root');
const seed = Number(opt('--seed') ?? Math.floor(Math.random() * 2 ** 31));
const reps = Number(opt('--reps') ?? 10);
const syntheticPages = Number(opt('--synthetic-pages') ?? 12);
const filter = opt('--filter');
const kinds = opt('--mutations')?.split(',') as MutationKind[] | undefined;
const onlySynthetic = flag('--synthetic');
const withPhases = flag('--phases');
const runSynthetic = !flag('--no-synthetic');
const runBigPage = !flag('--no-big-page') && !onlySynthetic;

declare global {
  interface Window {
    __cac: {
      capture(selectors: string[]): Promise<Capture[]>;
      replay(items: { capture: Capture; expected: string | null }[], reps: number): Promise<Judged[]>;
      profile(items: { capture: Capture }[], reps: number): Promise<{ phases: Phases[]; same: boolean }[]>;
      synthetic(kind: MutationKind, seed: number, maxTargets: number): Promise<SyntheticTrial[]>;
      buildBigPage(seed: number, idBase: number): number;
      describeBigPageTargets(): Promise<{ field: unknown; button: unknown }>;
      timeBigPage(d: unknown, which: 'field' | 'button', runs: number, warmup: number): Promise<{ outcome: string; times: number[] }>;
    };
  }
}

const trees = root ? treesFromRoot(resolve(root)) : defaultTrees();
const script = await bundlePageScript();

const server = await startPracticeServer({ trees });
let browser: Browser | undefined;
const started = performance.now();
// Timings on a shared machine depend on its load: kept beside them (1-minute load average).
const loadAtStart = loadavg()[0];

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
  // DSFR's JavaScript marks the root once it runs; the example pages all load it.
  await page.waitForFunction(() => document.readyState === 'complete' && document.documentElement.hasAttribute('data-fr-js'), {
    timeout: 20_000,
  });
  await page.addScriptTag({ content: script });
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

interface CaseResult {
  id: string;
  kind: string;
  expectedAbsent: boolean;
  engine: string;
  confidence?: number;
  got?: string;
  candidates?: number;
  baselines: Judged['baselines'];
  timesMs: number[];
  error?: string;
  note?: string;
  recorded?: unknown;
  expectedNow?: unknown;
  /** Set when the before or after element is not rendered at load. */
  hidden?: string;
  /** With `--phases`: the same calls again, each split into phases (bench/browser/phases.ts). */
  phases?: Phases[];
}

async function crossVersion(page: Page) {
  const file = loadCaseFile(casesFile);
  const cases = file.cases.filter((c) => !filter || c.id.includes(filter));
  const captures = new Map<string, Capture>();
  for (const [before, group] of groupBy(cases, (c) => c.before.page)) {
    await open(page, before);
    const got = await page.evaluate(
      (sels) => window.__cac.capture(sels),
      group.map((c) => c.before.selector),
    );
    for (const [i, c] of group.entries()) captures.set(c.id, got[i] as Capture);
  }
  const results: CaseResult[] = [];
  for (const [after, group] of groupBy(cases, (c) => c.after.page)) {
    await open(page, after);
    const ready = group.filter((c) => captures.get(c.id)?.ok);
    const judged = await page.evaluate(
      (items, n) => window.__cac.replay(items, n),
      ready.map((c) => ({ capture: captures.get(c.id) as Capture, expected: c.after.selector })),
      reps,
    );
    for (const [i, c] of ready.entries()) {
      const r = toResult(c, judged[i] as Judged);
      const hidden = [captures.get(c.id)?.visible === false && 'before', judged[i]?.expectedVisible === false && 'after'].filter(Boolean);
      if (hidden.length) r.hidden = hidden.join('+');
      results.push(r);
    }
    if (withPhases) {
      const profiled = await page.evaluate(
        (items, n) => window.__cac.profile(items, n),
        ready.map((c) => ({ capture: captures.get(c.id) as Capture })),
        reps,
      );
      for (const [i, c] of ready.entries()) {
        const r = results.find((x) => x.id === c.id);
        const p = profiled[i];
        if (!r || !p) continue;
        if (!p.same) throw new Error(`${c.id}: the profiled locate answered otherwise than locate()`);
        r.phases = p.phases;
      }
    }
    for (const c of group.filter((x) => !captures.get(x.id)?.ok)) {
      results.push({
        id: c.id,
        kind: c.kind,
        expectedAbsent: c.after.selector === null,
        engine: 'notFound',
        baselines: { finder: 'notFound', id: 'notFound', recorder: 'notFound' },
        timesMs: [],
        error: captures.get(c.id)?.error,
      });
    }
  }
  const order = new Map(cases.map((c, i) => [c.id, i]));
  results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const overall = emptyTally();
  const byKind: Record<string, Tally> = {};
  for (const r of results) {
    add(overall, r.engine as never, r.baselines);
    byKind[r.kind] ??= emptyTally();
    add(byKind[r.kind] as Tally, r.engine as never, r.baselines);
  }
  const times = results.flatMap((r) => r.timesMs);
  return { name: file.name, file: casesFile, overall, byKind, timings: times.length ? summarize(times) : null, results };
}

function toResult(c: BenchCase, j: Judged): CaseResult {
  return {
    id: c.id,
    kind: c.kind,
    expectedAbsent: c.after.selector === null,
    engine: j.engine,
    confidence: j.confidence,
    got: j.got,
    candidates: j.candidates,
    baselines: j.baselines,
    timesMs: j.times.map((t) => Math.round(t * 1000) / 1000),
    error: j.error,
    note: c.note,
    recorded: j.recorded,
    expectedNow: j.expectedNow,
  };
}

/** One synthetic target's outcome: what `locate` answered (`confidence` when found, `candidates` when ambiguous). */
interface TrialOutcome {
  kind: MutationKind;
  page: string;
  trialSeed: number;
  target: string;
  engine: string;
  confidence?: number;
  candidates?: number;
  got?: string;
  error?: string;
}

async function synthetic(page: Page, pages: string[]) {
  const byMutation: Record<string, Tally> = {};
  const overall = emptyTally();
  const failures: (SyntheticTrial & { page: string; trialSeed: number })[] = [];
  // Every judged target, in order, so that two runs with the same seed can be compared trial by trial
  // (scripts/compare-bench-locate.ts); `failures` keeps the full details of the misses.
  const outcomes: TrialOutcome[] = [];
  let skipped = 0;
  for (const kind of MUTATION_KINDS.filter((k) => !kinds || kinds.includes(k))) {
    const oneTarget = kind === 'remove' || kind === 'reorder' || kind === 'all';
    const runs = oneTarget ? syntheticPages * 3 : syntheticPages;
    const trials = fc.sample(fc.record({ page: fc.constantFrom(...pages), trialSeed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) }), {
      seed: seed + MUTATION_KINDS.indexOf(kind),
      numRuns: runs,
    });
    byMutation[kind] = emptyTally();
    for (const t of trials) {
      await open(page, t.page);
      const out = await page.evaluate((k, s) => window.__cac.synthetic(k, s, 5), kind, t.trialSeed);
      for (const o of out) {
        if (o.skipped) {
          skipped++;
          continue;
        }
        add(byMutation[kind] as Tally, o.result.engine, o.result.baselines);
        add(overall, o.result.engine, o.result.baselines);
        const { engine, confidence, candidates, got, error } = o.result;
        outcomes.push({ kind, page: t.page, trialSeed: t.trialSeed, target: o.target, engine, confidence, candidates, got, error });
        if (o.result.engine !== 'correct') failures.push({ ...o, page: t.page, trialSeed: t.trialSeed });
      }
    }
  }
  return { seed, overall, byMutation, skipped, failures, trials: outcomes };
}

async function bigPage(page: Page) {
  await page.goto('about:blank');
  await page.setContent('<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Grande page</title></head><body></body></html>');
  await page.addScriptTag({ content: script });
  const elements = await page.evaluate(() => window.__cac.buildBigPage(7, 1000));
  const d = await page.evaluate(() => window.__cac.describeBigPageTargets());
  // The played page: same structure, every generated id renumbered.
  await page.evaluate(() => window.__cac.buildBigPage(7, 50_000));
  const out: Record<string, unknown> = { elements };
  for (const which of ['field', 'button'] as const) {
    const r = await page.evaluate((desc, w) => window.__cac.timeBigPage(desc, w, 100, 10), d[which], which);
    out[which] = { outcome: r.outcome, ...summarize(r.times) };
  }
  return out as {
    elements: number;
    field: { outcome: string; medianMs: number; p95Ms: number };
    button: { outcome: string; medianMs: number; p95Ms: number };
  };
}

/** Where the time goes: each phase's median, p95 and max over every profiled call, then the slowest cases. */
function phasesText(results: CaseResult[]): string {
  const calls = results.flatMap((r) => (r.phases ?? []).map((p) => ({ id: r.id, ...p })));
  if (!calls.length) return '';
  const keys = ['totalMs', 'indexMs', 'searchMs', 'decideMs', 'rulesMs', 'namesakesMs'] as const;
  const lines = [`Phases of ${calls.length} profiled calls (median / p95 / max, ms):`];
  for (const k of keys) {
    const s = summarize(calls.map((c) => c[k]));
    lines.push(`  ${k.replace('Ms', '').padEnd(10)} ${s.medianMs} / ${s.p95Ms} / ${s.maxMs}`);
  }
  const byRule = groupBy(calls, (c) => c.rule);
  lines.push('Answered by (calls, median / max total ms):');
  for (const [rule, cs] of byRule) {
    const s = summarize(cs.map((c) => c.totalMs));
    lines.push(`  ${rule.padEnd(22)} ${String(cs.length).padStart(5)}  ${s.medianMs} / ${s.maxMs}`);
  }
  const slow = results
    .filter((r) => r.phases?.length)
    .map((r) => {
      const ps = r.phases as Phases[];
      const med = (k: (typeof keys)[number]) => summarize(ps.map((p) => p[k])).medianMs;
      const p0 = ps[0] as Phases;
      return {
        id: r.id,
        total: med('totalMs'),
        index: med('indexMs'),
        search: med('searchMs'),
        rules: med('rulesMs'),
        names: med('namesakesMs'),
        rule: p0.rule,
        gathered: p0.gathered,
        scored: p0.scored,
      };
    })
    .sort((a, b) => b.total - a.total)
    .slice(0, 15);
  lines.push('Slowest cases (median ms: total = index + search + rules + namesakes; rule; gathered/fully scored):');
  for (const c of slow)
    lines.push(
      `  ${c.id.padEnd(46)} ${c.total} = ${c.index} + ${c.search} + ${c.rules} + ${c.names}  ${c.rule}  ${c.gathered}/${c.scored}`,
    );
  return lines.join('\n');
}

const pct = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : 0);

try {
  browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.setRequestInterception(true);
  // The example pages also ask a CDN for Prism (code highlighting): nothing leaves the machine.
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith(server.url) || url.startsWith('data:') || url === 'about:blank') req.continue();
    else req.abort();
  });
  const chromium = await browser.version();

  const cross = onlySynthetic ? null : await crossVersion(page);
  if (cross) {
    console.log(`\n${table(`Cross-version (${cross.name})`, cross.overall)}`);
    console.log(`\n${kindTable(cross.byKind)}`);
    const hidden = cross.results.filter((r) => r.hidden);
    if (hidden.length)
      console.log(`\n⚠ cases whose element is not rendered at load: ${hidden.map((r) => `${r.id} (${r.hidden})`).join(', ')}`);
    const misses = cross.results.filter((r) => r.engine !== 'correct');
    if (misses.length) {
      console.log('\nEngine misses:');
      for (const r of misses) {
        console.log(
          `  ${r.engine.padEnd(9)} ${r.id}${r.got ? ` → got ${r.got}` : ''}${r.candidates ? ` (${r.candidates} candidates)` : ''}${r.error ? ` [${r.error}]` : ''}`,
        );
      }
    }
    if (cross.timings)
      console.log(
        `\nlocate on DSFR pages: median ${cross.timings.medianMs} ms, p95 ${cross.timings.p95Ms} ms, max ${cross.timings.maxMs} ms (${cross.timings.runs} timed runs, ${reps} per case after warm-up)`,
      );
  }

  if (cross && withPhases) console.log(`\n${phasesText(cross.results)}`);

  const pages = [...new Set(loadCaseFile(casesFile).cases.map((c) => c.after.page))].sort();
  const synth = runSynthetic ? await synthetic(page, pages) : null;
  if (synth) {
    console.log(`\n${table(`Synthetic mutations (seed ${synth.seed})`, synth.overall)}`);
    console.log(`\n${kindTable(synth.byMutation).replace(/^kind/, 'mutation')}`);
    const wrong = synth.failures.filter((f) => f.result.engine === 'wrong');
    if (wrong.length) {
      console.log('\nEngine wrong on synthetic mutations:');
      for (const f of wrong) console.log(`  ${f.kind.padEnd(8)} ${f.target} → got ${f.result.got} (${f.page}, trial seed ${f.trialSeed})`);
    }
  }

  const big = runBigPage ? await bigPage(page) : null;
  if (big) {
    console.log(
      `\nGenerated page, ${big.elements} elements: field median ${big.field.medianMs} ms / p95 ${big.field.p95Ms} ms (${big.field.outcome}); button median ${big.button.medianMs} ms / p95 ${big.button.p95Ms} ms (${big.button.outcome})`,
    );
  }

  const bars: Bar[] = [];
  if (cross) {
    const o = cross.overall;
    bars.push({
      name: 'cross-version correct',
      target: '≥ 99 %',
      value: `${pct(o.correct, o.cases)} % (${o.correct}/${o.cases})`,
      met: o.correct >= 0.99 * o.cases,
    });
    bars.push({ name: 'cross-version wrong', target: '0', value: String(o.wrong), met: o.wrong === 0 });
    const t = cross.timings;
    // No long tails (issue 14): a step's highlight must not wait a frame for `locate`.
    if (t) {
      bars.push({ name: 'locate p95 on DSFR pages', target: '≤ 2 ms', value: `${t.p95Ms} ms`, met: t.p95Ms <= 2 });
      bars.push({ name: 'locate max on DSFR pages', target: '≤ 16 ms', value: `${t.maxMs} ms`, met: t.maxMs <= 16 });
    }
  }
  if (synth) bars.push({ name: 'synthetic wrong', target: '0', value: String(synth.overall.wrong), met: synth.overall.wrong === 0 });
  if (big) {
    const worst = Math.max(big.field.medianMs, big.button.medianMs);
    bars.push({
      name: 'median locate at 10,000 elements',
      target: '≤ 2 ms',
      value: `${worst} ms`,
      met: worst <= 2 && big.field.outcome === 'correct' && big.button.outcome === 'correct',
    });
  }
  const load = { start: Math.round((loadAtStart ?? 0) * 100) / 100, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 };
  console.log(`\nBars (load average ${load.start} at start, ${load.end} at end):\n${barsText(bars)}`);

  const report = {
    generatedAt: new Date().toISOString(),
    chromium,
    engine: 'utils/locate',
    seed,
    repsPerCase: reps,
    durationS: Math.round((performance.now() - started) / 100) / 10,
    loadAverage: load,
    crossVersion: cross,
    synthetic: synth,
    bigPage: big,
    bars,
  };
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults: ${jsonOut}`);
} finally {
  await browser?.close();
  await server.close();
}
