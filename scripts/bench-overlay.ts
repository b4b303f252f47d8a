/**
 * The overlay benchmark, in real Chromium with the practice build of the
 * extension installed and DSFR's own JavaScript running, driver.js on the same
 * page as the reference:
 *
 * 1. appear → drawn — the run is on a fill step; the target's container is
 *    removed (the overlay says the target is missing), then re-inserted: time
 *    until the spotlight's cut-out is at the target, and frames;
 * 2. scroll-follow cost — the page scrolled every frame for N frames, with the
 *    spotlight on the target, against the same scroll with no overlay:
 *    main-thread time per frame (CDP metrics), and the overlay's own calls in
 *    a trace;
 * 3. weight — what every page of a guide's site loads (the manifest's content
 *    scripts: none since 6 December 2026), and a page with a run (+ the overlay
 *    script), gzipped; where the bytes go;
 * 4. a page load with no run — main-thread time with and without the
 *    extension, and the part of any script of ours.
 *
 * Not a test: it exits 0 once it has run, prints a table and whether each goal
 * is met, and writes everything to a JSON file.
 *
 *   npx tsx scripts/bench-overlay.ts [--json OUT] [--build] [--ext DIR] [--runs N] [--warmup N]
 *     [--scroll-frames N] [--scroll-reps N] [--scroll-step PX] [--scroll-amplitude PX]
 *     [--phases random,raf] [--step ID] [--container SELECTOR] [--no-trace] [--no-driver] [--save-traces DIR]
 *     [--loads N] [--no-idle]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { bundleProbe, DRIVER_SOURCE_URL, driverSources, PROBE_SOURCE_URL } from '../bench/overlay/bundle.ts';
import type { AppearSample, Phase } from '../bench/overlay/probe.ts';
import { fmt, median, type Summary, summarize, textTable } from '../bench/overlay/stats.ts';
import {
  mainThreadOf,
  type ScriptTime,
  scriptTime,
  spanOf,
  type Time,
  TRACE_CATEGORIES,
  type TraceEvent,
  threadTime,
  traceEvents,
} from '../bench/overlay/trace.ts';
import { contentScriptBreakdown, contentScriptWeight, driverWeight, weightFloors } from '../bench/overlay/weight.ts';
import { OPEN_SHADOW_KEY } from '../components/page/open-shadow-key.ts';
import { startPracticeServer } from './practice-server.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const num = (name: string, fallback: number) => {
  const v = opt(name);
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: a number is expected, got ${v}`);
  return n;
};

const repo = resolve(import.meta.dirname, '..');
const defaultOutDir = join(repo, '.output/chrome-mv3-practice');
/** The built extension measured: the practice build, or another Chrome build given with `--ext DIR` (never built here). */
const outDir = opt('--ext') ? resolve(opt('--ext') as string) : defaultOutDir;
const jsonOut = resolve(opt('--json') ?? join(repo, 'bench/results/overlay.json'));
const runs = num('--runs', 50);
const warmup = num('--warmup', 3);
const scrollFrames = num('--scroll-frames', 300);
const scrollReps = Math.max(1, num('--scroll-reps', 3));
const scrollStep = num('--scroll-step', 4);
const scrollAmplitude = num('--scroll-amplitude', 600);
const stepId = opt('--step') ?? 'identifiant';
const container = opt('--container') ?? '.fr-fieldset__element';
const withTrace = !flag('--no-trace');
const saveTraces = opt('--save-traces') ? resolve(opt('--save-traces') as string) : null;
const withDriver = !flag('--no-driver');
const withIdle = !flag('--no-idle');
const idleLoads = Math.max(1, num('--loads', 20));
/** How long after `load` a page load is observed: the background hears the load (tabs.onUpdated) and answers well within it. */
const IDLE_WINDOW_MS = 500;
const phases = (opt('--phases') ?? 'random,raf').split(',').filter((p): p is Phase => p === 'random' || p === 'raf');
if (!phases.length) throw new Error('--phases: random, raf or both (random,raf)');
const GUIDE_FILE = join(repo, 'guides/dsfr-creer-un-compte.json');
const WAIT_MS = 20_000;

/** Goals (docs/DESIGN.md, "What good looks like"). */
const GOALS = { appearMs: 16, scrollMsPerFrame: 1, weightGzipKiB: 16, idleLoadMs: 0.5 };

// ---------------------------------------------------------------- build

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(tsx?|css|json)$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['components', 'entrypoints', 'utils', 'guides', 'locales']) walk(join(repo, d));
  return newest;
}

function ensureBuild(): { built: boolean; stale: boolean } {
  const overlayJs = join(outDir, 'content-scripts/playback.js');
  const complete = existsSync(overlayJs) && existsSync(join(outDir, 'manifest.json'));
  if (outDir !== defaultOutDir) {
    if (!complete) throw new Error(`${outDir}: no content-scripts/playback.js or no manifest.json (--ext takes a built Chrome extension)`);
  } else if (flag('--build') || !complete) {
    console.log('Building the practice extension (wxt build --mode practice)…');
    const r = spawnSync('npx', ['wxt', 'build', '--mode', 'practice'], { cwd: repo, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('wxt build --mode practice failed');
    return { built: true, stale: false };
  }
  const stale = newestSource() > statSync(overlayJs).mtimeMs;
  if (stale) console.warn(`Warning: some sources are newer than ${outDir}; rebuild to measure the current code.`);
  return { built: false, stale };
}

// ---------------------------------------------------------------- guide

interface GuideItem {
  kind: string;
  id: string;
  page?: string;
  instruction?: string;
  target?: { tag?: string; nameAttr?: string; id?: string; cssPath?: string; twin?: unknown };
  choices?: { label: string; next?: string }[];
}
const guide = JSON.parse(readFileSync(GUIDE_FILE, 'utf8')) as { id: string; steps: GuideItem[] };
const step = guide.steps.find((s) => s.id === stepId);
if (step?.kind !== 'step' || !step.target || !step.page) throw new Error(`${stepId}: not a step with a target and a page in ${GUIDE_FILE}`);
const pagePath = step.page.replace(/\*$/, 'index.html');
/** A selector for the step's element on the page (bench harness only: the extension locates it its own way). */
const selector = (() => {
  const t = step.target;
  if (t.cssPath) return t.cssPath;
  if (t.nameAttr && !t.twin) return `${t.tag ?? ''}[name="${t.nameAttr}"]`;
  if (t.id) return `#${t.id}`;
  throw new Error(`${stepId}: no way to select the target`);
})();
const position = guide.steps.filter((s) => s.kind !== 'end').findIndex((s) => s.id === stepId) + 1;
const popover = {
  title: `Étape ${position} sur ${guide.steps.filter((s) => s.kind !== 'end').length}`,
  description: step.instruction ?? '',
};

// ---------------------------------------------------------------- browser

interface ExtensionApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
}

async function openPracticePage(browser: Browser, base: string, hash: string, probe: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  // The example pages also ask a CDN for Prism: nothing leaves the machine.
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('chrome-extension:')) void req.continue();
    else void req.abort();
  });
  await page.goto(`${base}${pagePath}#${hash}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.readyState === 'complete' && document.documentElement.hasAttribute('data-fr-js'), {
    timeout: WAIT_MS,
  });
  await page.addScriptTag({ content: probe });
  return page;
}

/** Starts the guide on the tab whose URL ends with `#hash` and brings the run to `stepId`, from an extension page. */
async function startRun(browser: Browser, origin: string, hash: string): Promise<void> {
  const ext = await browser.newPage();
  try {
    await ext.goto(`${origin}/popup.html`);
    const plan = guide.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      choices: (s.choices ?? []).map((c) => ({ next: c.next ?? null, end: guide.steps.find((x) => x.id === c.next)?.kind === 'end' })),
    }));
    const reached = await ext.evaluate(
      async (hash, guideId, stepId, plan) => {
        const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
        const tabs = await api.tabs.query({});
        const tab = tabs.find((t) => t.url?.endsWith(`#${hash}`));
        if (tab?.id === undefined) throw new Error(`no tab with #${hash}`);
        const tabId = tab.id;
        // The background answers `{ ok, value }` (utils/router.ts). (No helper function here: the bundler would name it with a
        // `__name` call that the page does not have.)
        type Answer = { ok: boolean; value?: unknown; error?: string } | undefined;
        type RunState = { currentId: string } | null;
        const first = (await api.runtime.sendMessage({ type: 'run:start', tabId, guideId, mode: 'advisor', level: 'guided' })) as Answer;
        if (!first?.ok) throw new Error(`run:start: ${first?.error ?? 'no answer'}`);
        const started = first.value as { ok: boolean; run?: RunState };
        let run: RunState = started.ok ? (started.run ?? null) : null;
        for (let i = 0; run && run.currentId !== stepId && i < 50; i++) {
          const item = plan.find((p) => p.id === run?.currentId);
          if (!item) break;
          let event: object;
          if (item.kind === 'question') {
            let choice = item.choices.findIndex((c) => c.next === stepId);
            if (choice < 0)
              choice = Math.max(
                0,
                item.choices.findIndex((c) => !c.end),
              );
            event = { type: 'answer', choice, itemId: item.id };
          } else {
            event = { type: 'manual-done', itemId: item.id };
          }
          const answer = (await api.runtime.sendMessage({ type: 'run:event', tabId, event })) as Answer;
          if (!answer?.ok) throw new Error(`run:event: ${answer?.error ?? 'no answer'}`);
          run = answer.value as RunState;
        }
        return run?.currentId ?? null;
      },
      hash,
      guide.id,
      stepId,
      plan,
    );
    if (reached !== stepId) throw new Error(`the run did not reach ${stepId} (it is on ${reached})`);
  } finally {
    await ext.close();
  }
}

// ---------------------------------------------------------------- measurements

interface AppearResult {
  what: string;
  samples: AppearSample[];
  timeouts: number;
  ms: Summary;
  frames: Summary;
  paintedMs: Summary;
  paintedFrames: Summary;
  lagFrames: Summary;
  /** Share of the runs whose spotlight was drawn in the first frame that shows the target. */
  sameFrame: number;
}

function appearResult(what: string, samples: AppearSample[]): AppearResult {
  const ok = samples.filter((s) => !s.timeout);
  return {
    what,
    samples,
    timeouts: samples.length - ok.length,
    ms: summarize(ok.map((s) => s.ms)),
    frames: summarize(ok.map((s) => s.frames)),
    paintedMs: summarize(ok.map((s) => s.paintedMs)),
    paintedFrames: summarize(ok.map((s) => s.paintedFrames)),
    lagFrames: summarize(ok.map((s) => s.lagFrames)),
    sameFrame: ok.length ? ok.filter((s) => s.lagFrames === 0).length / ok.length : Number.NaN,
  };
}

async function repeat(n: number, label: string, one: () => Promise<AppearSample>): Promise<AppearSample[]> {
  for (let i = 0; i < warmup; i++) await one();
  const samples: AppearSample[] = [];
  for (let i = 0; i < n; i++) {
    samples.push(await one());
  }
  console.log(`  ${label}: ${n} runs`);
  return samples;
}

type Variant = 'baseline' | 'ours' | 'driver';

interface MetricsPass {
  variant: Variant;
  rep: number;
  frames: number;
  ms: number;
  frameIntervalMs: number;
  /** Main-thread time per frame, ms (CDP Performance.getMetrics deltas / frames). */
  perFrame: { task: number; script: number; layout: number; style: number };
}

interface TracePass {
  variant: Variant;
  rep: number;
  frames: number;
  /** The overlay's own calls over the pass (null for the baseline). */
  script: ScriptTime | null;
  /** The page's renderer main thread during the scroll: busy time and self time by trace event, per frame. */
  mainThread: { busy: Time; byName: ({ name: string } & Time)[] } | null;
}

async function metricsPass(page: Page, variant: Variant, rep: number): Promise<MetricsPass> {
  await page.bringToFront();
  await page.evaluate(() => window.__overlayBench.rest());
  const m0 = await page.metrics();
  const run = await page.evaluate((n, s, a) => window.__overlayBench.scroll(n, s, a), scrollFrames, scrollStep, scrollAmplitude);
  const m1 = await page.metrics();
  const d = (k: 'TaskDuration' | 'ScriptDuration' | 'LayoutDuration' | 'RecalcStyleDuration') =>
    (((m1[k] ?? 0) - (m0[k] ?? 0)) * 1000) / run.frames;
  return {
    variant,
    rep,
    frames: run.frames,
    ms: run.ms,
    frameIntervalMs: median(run.intervals),
    perFrame: { task: d('TaskDuration'), script: d('ScriptDuration'), layout: d('LayoutDuration'), style: d('RecalcStyleDuration') },
  };
}

async function frameIdOf(page: Page): Promise<string> {
  const session = await page.createCDPSession();
  try {
    const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    return frameTree.frame.id;
  } finally {
    await session.detach();
  }
}

async function tracePass(page: Page, variant: Variant, rep: number, matches: ((url: string) => boolean) | null): Promise<TracePass> {
  await page.bringToFront();
  await page.evaluate(() => window.__overlayBench.rest());
  const frame = await frameIdOf(page);
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  const run = await page
    .evaluate((n, s, a) => window.__overlayBench.scroll(n, s, a), scrollFrames, scrollStep, scrollAmplitude)
    .catch(async (error: unknown) => {
      await page.tracing.stop();
      throw error;
    });
  const buffer = await page.tracing.stop();
  if (saveTraces && buffer) {
    mkdirSync(saveTraces, { recursive: true });
    writeFileSync(join(saveTraces, `scroll-${variant}-${rep}.json`), buffer);
  }
  const events = traceEvents(buffer);
  const script = matches ? scriptTime(events, matches, frame) : null;
  const thread = mainThreadOf(events, frame);
  const span = spanOf(events, (url) => url.endsWith(PROBE_SOURCE_URL));
  const time = thread && span ? threadTime(events, thread, span.from, span.to) : null;
  const per = (t: Time): Time => ({ ms: t.ms / run.frames, cpuMs: t.cpuMs / run.frames });
  return {
    variant,
    rep,
    frames: run.frames,
    script,
    mainThread: time ? { busy: per(time.busy), byName: time.byName.slice(0, 20).map((r) => ({ name: r.name, ...per(r) })) } : null,
  };
}

/** One load of the step's page in a fresh tab with no run, traced: main-thread CPU, our scripts' own part, what they left. */
interface IdleLoad {
  extension: boolean;
  /** The renderer main thread, navigation to `load` + the observation window (CPU ms, and wall). */
  busy: Time;
  /** Any script of ours on the page's main thread (compile, first run, its calls and their microtasks), CPU ms; null without the extension. */
  own: (Time & { calls: number }) | null;
  /**
   * Scripts of ours on other threads while the page loads: the background hearing the tab's
   * `tabs.onUpdated` in its own process. Reported, not judged: it is not the page's main thread.
   */
  elsewhere: (Time & { calls: number }) | null;
  /** Elements of ours in the page after the window. (Listeners of our isolated world are not visible from the page's.) */
  hosts: number;
}

async function idleLoad(target: Browser, base: string, extension: boolean, isOurs: (url: string) => boolean): Promise<IdleLoad> {
  const page = await target.newPage();
  try {
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('chrome-extension:')) void req.continue();
      else void req.abort();
    });
    await page.bringToFront();
    await page.tracing.start({ categories: [...TRACE_CATEGORIES, 'v8'] });
    await page.goto(`${base}${pagePath}#cac-bench-idle`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'), { timeout: WAIT_MS });
    // A fixed observation window (not a wait for a condition): any work of ours after `load` would fall in it.
    await new Promise((resolve) => setTimeout(resolve, IDLE_WINDOW_MS));
    const buffer = await page.tracing.stop();
    const frame = await frameIdOf(page);
    const events = traceEvents(buffer);
    const thread = mainThreadOf(events, frame);
    const span = thread && events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
    const busy =
      thread && span?.length
        ? threadTime(events, thread, Math.min(...span.map((e) => e.ts)), Number.POSITIVE_INFINITY).busy
        : { ms: Number.NaN, cpuMs: Number.NaN };
    const onPage = (e: TraceEvent) => !!thread && e.pid === thread.pid && e.tid === thread.tid;
    const ours = (keep: (e: TraceEvent) => boolean) =>
      extension ? callsTime(scriptTime(events.filter(keep), isOurs, undefined, IDLE_SCRIPT_EVENTS)) : null;
    const hosts = await page.evaluate(() => document.querySelectorAll('cote-a-cote-overlay').length);
    return {
      extension,
      busy,
      own: ours(onPage),
      elsewhere: ours((e) => !onPage(e)),
      hosts,
    };
  } finally {
    await page.close();
  }
}

interface RunLoad {
  /** Ours on the page's main thread, from the reload to the spotlight drawn + the observation window (CPU ms). */
  own: Time & { calls: number };
  /** Of which compiling our scripts (v8.compile), CPU ms. */
  compileMs: number;
}

/** Reloads the tab that has the run, waits for the spotlight on the target, and times our scripts in that page. */
async function runLoad(page: Page, probe: string, isOurs: (url: string) => boolean): Promise<RunLoad> {
  await page.tracing.start({ categories: [...TRACE_CATEGORIES, 'v8'] });
  await page.reload({ waitUntil: 'load' });
  await page.addScriptTag({ content: probe });
  await page.waitForFunction((sel) => window.__overlayBench.oursOn(sel), { timeout: WAIT_MS, polling: 'raf' }, selector);
  // The same fixed observation window as a load with no run: the work that follows the drawing falls in it.
  await new Promise((resolve) => setTimeout(resolve, IDLE_WINDOW_MS));
  const buffer = await page.tracing.stop();
  const events = traceEvents(buffer);
  const thread = mainThreadOf(events, await frameIdOf(page));
  const onPage = events.filter((e) => !!thread && e.pid === thread.pid && e.tid === thread.tid);
  const own = scriptTime(onPage, isOurs, undefined, IDLE_SCRIPT_EVENTS);
  const compile = scriptTime(onPage, isOurs, undefined, ['v8.compile']);
  return { own: callsTime(own), compileMs: compile.cpuMs };
}

/** The time and the number of calls of a `scriptTime` reading, as the loads keep them. */
const callsTime = ({ ms, cpuMs, calls }: Time & { calls: number }): Time & { calls: number } => ({ ms, cpuMs, calls });

/** What counts as our scripts' own work during a page load. */
const IDLE_SCRIPT_EVENTS = ['EvaluateScript', 'v8.compile', 'v8.produceCache', 'v8.deserializeOnBackground', 'FunctionCall'];

// ---------------------------------------------------------------- run

const build = ensureBuild();
const weight = {
  content: contentScriptWeight(outDir),
  driver: driverWeight(),
  breakdown: await contentScriptBreakdown(),
  floors: await weightFloors(),
};

const probe = await bundleProbe();
const driver = driverSources();
const server = await startPracticeServer();
let browser: Browser | undefined;
const started = performance.now();

try {
  browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    pipe: true,
    protocolTimeout: 120_000,
    enableExtensions: true,
    defaultViewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const chromium = await browser.version();
  const extensionId = await browser.installExtension(outDir);
  const origin = `chrome-extension://${extensionId}`;
  await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`${origin}/`), { timeout: WAIT_MS });
  /** Any script of ours in a page: since 6 December 2026 only the overlay, put in a tab with a run (a page script before). */
  const isOurs = (url: string) => url.startsWith(`${origin}/`);
  // Our shadow roots are closed to pages; the practice build opens them when asked (components/page/test-access.ts),
  // so that the probe can see the spotlight from the page, as the end-to-end tests do.
  const setup = await browser.newPage();
  await setup.goto(`${origin}/popup.html`);
  await setup.evaluate(
    (key) =>
      (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
        [key]: true,
      }),
    OPEN_SHADOW_KEY,
  );
  await setup.close();

  // Tab "run": the guide runs there. Tab "ref": same page, no run (nothing of ours in it), driver.js injected.
  const base = server.url;
  const runPage = await openPracticePage(browser, base, 'cac-bench-run', probe);
  const refPage = await openPracticePage(browser, base, 'cac-bench-ref', probe);
  await refPage.addScriptTag({ content: driver.js });
  await refPage.addStyleTag({ content: driver.css });
  await startRun(browser, origin, 'cac-bench-run');
  await runPage.bringToFront();
  await runPage.evaluate((sel) => window.__overlayBench.waitOursOn(sel), selector);
  await refPage.bringToFront();
  await refPage.waitForFunction(() => window.__overlayBench.oursIdle(), { timeout: WAIT_MS });

  // 1. Appear → drawn, with the change at a random point of the frame, then inside the frame's callbacks.
  console.log(`Appear → drawn: ${runs} runs each (+${warmup} warm-up), target ${selector} in ${container}`);
  type AppearSet = { ours: AppearResult; driverWait: AppearResult | null; driverCall: AppearResult | null };
  const appear = {} as Record<Phase, AppearSet>;
  for (const phase of phases) {
    await runPage.bringToFront();
    const ours = appearResult(
      'Côte à côte: container re-inserted → spotlight drawn at the target (run on the step, target re-found by the locating engine)',
      await repeat(runs, `ours, ${phase}`, () =>
        runPage.evaluate((s, c, ph) => window.__overlayBench.oursAppear(s, c, ph), selector, container, phase),
      ),
    );
    let driverWait: AppearResult | null = null;
    let driverCall: AppearResult | null = null;
    if (withDriver) {
      await refPage.bringToFront();
      driverWait = appearResult(
        'driver.js drive() of a one-step tour with waitForElement: container re-inserted → overlay drawn at the element',
        await repeat(runs, `driver.js wait, ${phase}`, () =>
          refPage.evaluate((s, c, p, ph) => window.__overlayBench.driverAppear(s, c, 'wait', p, ph), selector, container, popover, phase),
        ),
      );
      driverCall = appearResult(
        'driver.js highlight() called right after the re-insertion → overlay drawn at the element',
        await repeat(runs, `driver.js call, ${phase}`, () =>
          refPage.evaluate((s, c, p, ph) => window.__overlayBench.driverAppear(s, c, 'call', p, ph), selector, container, popover, phase),
        ),
      );
    }
    appear[phase] = { ours, driverWait, driverCall };
  }
  const headline = appear[phases[0] as Phase].ours;
  if (saveTraces) {
    // For reading in DevTools: a few appear runs of each, traced.
    mkdirSync(saveTraces, { recursive: true });
    for (const [page, name, one] of [
      [runPage, 'ours', () => runPage.evaluate((s, c) => window.__overlayBench.oursAppear(s, c, 'random'), selector, container)],
      [
        refPage,
        'driver',
        () => refPage.evaluate((s, c, p) => window.__overlayBench.driverAppear(s, c, 'wait', p, 'random'), selector, container, popover),
      ],
    ] as const) {
      await page.bringToFront();
      await page.tracing.start({ categories: TRACE_CATEGORIES, path: join(saveTraces, `appear-${name}.json`) });
      for (let i = 0; i < 10; i++) await one();
      await page.tracing.stop();
    }
  }

  // 2. Scroll-follow cost: passes interleaved, so that the machine's load spreads over all variants.
  console.log(`Scroll: ${scrollFrames} frames × ${scrollReps} reps, ${scrollStep} px a frame over ${scrollAmplitude} px`);
  const metrics: MetricsPass[] = [];
  const traces: TracePass[] = [];
  for (let rep = 0; rep < scrollReps; rep++) {
    metrics.push(await metricsPass(refPage, 'baseline', rep));
    if (withTrace) traces.push(await tracePass(refPage, 'baseline', rep, null));
    await runPage.bringToFront();
    await runPage.evaluate((sel) => window.__overlayBench.waitOursOn(sel), selector);
    metrics.push(await metricsPass(runPage, 'ours', rep));
    if (withTrace) traces.push(await tracePass(runPage, 'ours', rep, isOurs));
    if (withDriver) {
      await refPage.bringToFront();
      await refPage.evaluate(() => window.__overlayBench.rest());
      await refPage.evaluate((s, p) => window.__overlayBench.driverHighlight(s, p), selector, popover);
      metrics.push(await metricsPass(refPage, 'driver', rep));
      if (withTrace) traces.push(await tracePass(refPage, 'driver', rep, (url) => url.endsWith(DRIVER_SOURCE_URL)));
      await refPage.evaluate(() => window.__overlayBench.driverDestroy());
    }
    console.log(`  scroll: rep ${rep + 1}/${scrollReps}`);
  }
  // Still drawn on the target after all that scrolling: the figures are of a working overlay.
  await runPage.bringToFront();
  await runPage.evaluate(() => window.__overlayBench.rest());
  const stillOn = await runPage.evaluate((sel) => window.__overlayBench.oursOn(sel), selector);

  // 4. A page load with no run: with the extension (nothing of ours expected) and in a browser without it, loads alternated.
  let idle: {
    loads: IdleLoad[];
    withExtension: Summary;
    without: Summary;
    own: Summary;
    /** Script events of ours on the page's main thread over all the loads (compile, evaluate, calls): 0 when nothing of ours runs. */
    ownCalls: number;
    /** Ours on other threads (the background), reported apart. */
    elsewhere: Summary;
    elsewhereCalls: number;
    extraMs: number;
    hosts: number;
  } | null = null;
  if (withIdle) {
    console.log(`Page load with no run: ${idleLoads} loads with the extension, ${idleLoads} without (another browser), alternated`);
    const plain = await puppeteer.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      pipe: true,
      protocolTimeout: 120_000,
      defaultViewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const loads: IdleLoad[] = [];
      // One unrecorded load each: the first load compiles and caches what later ones reuse.
      await idleLoad(browser, base, true, isOurs);
      await idleLoad(plain, base, false, isOurs);
      for (let i = 0; i < idleLoads; i++) {
        loads.push(await idleLoad(browser, base, true, isOurs));
        loads.push(await idleLoad(plain, base, false, isOurs));
      }
      const ext = loads.filter((l) => l.extension);
      const none = loads.filter((l) => !l.extension);
      const withExtension = summarize(ext.map((l) => l.busy.cpuMs));
      const without = summarize(none.map((l) => l.busy.cpuMs));
      idle = {
        loads,
        withExtension,
        without,
        own: summarize(ext.map((l) => l.own?.cpuMs ?? Number.NaN)),
        ownCalls: ext.reduce((sum, l) => sum + (l.own?.calls ?? 0), 0),
        elsewhere: summarize(ext.map((l) => l.elsewhere?.cpuMs ?? Number.NaN)),
        elsewhereCalls: ext.reduce((sum, l) => sum + (l.elsewhere?.calls ?? 0), 0),
        extraMs: withExtension.median - without.median,
        hosts: Math.max(...ext.map((l) => l.hosts)),
      };
    } finally {
      await plain.close();
    }
  }

  // 5. A page load with a run: the tab with the run reloaded, the background puts the overlay in at the arrival; our
  //    scripts' main-thread time in that page until the spotlight is on the target, and for the window after it.
  let withRunLoad: { loads: RunLoad[]; own: Summary; compile: Summary; ownCalls: number } | null = null;
  if (withIdle) {
    console.log(`Page load with a run: ${idleLoads} reloads of the run's tab`);
    await runPage.bringToFront();
    const loads: RunLoad[] = [];
    // One unrecorded load: the first injection compiles and caches what later ones reuse.
    await runLoad(runPage, probe, isOurs);
    for (let i = 0; i < idleLoads; i++) loads.push(await runLoad(runPage, probe, isOurs));
    withRunLoad = {
      loads,
      own: summarize(loads.map((l) => l.own.cpuMs)),
      compile: summarize(loads.map((l) => l.compileMs)),
      ownCalls: loads.reduce((sum, l) => sum + l.own.calls, 0),
    };
  }

  const perVariant = (v: Variant) => {
    const ps = metrics.filter((p) => p.variant === v);
    if (!ps.length) return null;
    return {
      passes: ps.length,
      task: median(ps.map((p) => p.perFrame.task)),
      script: median(ps.map((p) => p.perFrame.script)),
      layout: median(ps.map((p) => p.perFrame.layout)),
      style: median(ps.map((p) => p.perFrame.style)),
      frameIntervalMs: median(ps.map((p) => p.frameIntervalMs)),
    };
  };
  /** Per rep, `value(variant) - value(baseline)`, paired so that the machine's load at that moment cancels out. */
  const paired = <P extends { variant: Variant; rep: number }>(passes: P[], v: Variant, value: (p: P) => number) => {
    const diffs: number[] = [];
    for (let rep = 0; rep < scrollReps; rep++) {
      const b = passes.find((p) => p.variant === 'baseline' && p.rep === rep);
      const x = passes.find((p) => p.variant === v && p.rep === rep);
      if (b && x) diffs.push(value(x) - value(b));
    }
    return { median: median(diffs), min: Math.min(...diffs), max: Math.max(...diffs), perRep: diffs };
  };
  const traced = (v: Variant) => {
    const ts = traces.filter((t) => t.variant === v);
    if (!ts.length) return null;
    const names = new Set(ts.flatMap((t) => t.mainThread?.byName.map((r) => r.name) ?? []));
    const nameTime = (t: TracePass, name: string) => t.mainThread?.byName.find((r) => r.name === name);
    const perFrame = (f: (t: TracePass) => number) => median(ts.map(f));
    return {
      /** The overlay's own calls (+ their microtasks), per frame. */
      own: ts[0]?.script
        ? {
            ms: perFrame((t) => (t.script?.ms ?? Number.NaN) / t.frames),
            cpuMs: perFrame((t) => (t.script?.cpuMs ?? Number.NaN) / t.frames),
            forcedCpuMs: perFrame((t) => (t.script?.forced.cpuMs ?? Number.NaN) / t.frames),
            microtasksCpuMs: perFrame((t) => (t.script?.microtasks.cpuMs ?? Number.NaN) / t.frames),
            callsPerFrame: perFrame((t) => (t.script?.calls ?? Number.NaN) / t.frames),
            cpuMsPerRep: ts.map((t) => (t.script?.cpuMs ?? Number.NaN) / t.frames),
            byFunction: ts[0].script.byFunction.map((f) => ({ ...f, cpuMsPerFrame: f.cpuMs / (ts[0]?.frames ?? 1) })),
          }
        : null,
      busy: { ms: perFrame((t) => t.mainThread?.busy.ms ?? Number.NaN), cpuMs: perFrame((t) => t.mainThread?.busy.cpuMs ?? Number.NaN) },
      extraBusy: v === 'baseline' ? null : paired(traces, v, (t) => t.mainThread?.busy.cpuMs ?? Number.NaN),
      byName: [...names]
        .map((name) => ({ name, ms: perFrame((t) => nameTime(t, name)?.ms ?? 0), cpuMs: perFrame((t) => nameTime(t, name)?.cpuMs ?? 0) }))
        .sort((a, b) => b.cpuMs - a.cpuMs),
    };
  };
  const scroll = {
    frames: scrollFrames,
    reps: scrollReps,
    stepPx: scrollStep,
    amplitudePx: scrollAmplitude,
    /** CDP Performance.getMetrics deltas (wall time), ms per frame, median of the passes. */
    metrics: {
      baseline: perVariant('baseline'),
      ours: perVariant('ours'),
      driver: perVariant('driver'),
      extraTask: {
        ours: paired(metrics, 'ours', (p) => p.perFrame.task),
        driver: withDriver ? paired(metrics, 'driver', (p) => p.perFrame.task) : null,
      },
    },
    /** From the traced passes: main-thread busy CPU time, the extra over the baseline, the overlay's own calls. */
    trace: withTrace ? { baseline: traced('baseline'), ours: traced('ours'), driver: withDriver ? traced('driver') : null } : null,
    stillOnTargetAfterScroll: stillOn,
    metricsPasses: metrics,
  };
  /** The figure the goal is judged on: extra main-thread CPU time over no overlay (trace), else the metrics' wall time. */
  const scrollExtra = (v: 'ours' | 'driver') =>
    scroll.trace?.[v]?.extraBusy?.median ??
    (v === 'ours' ? scroll.metrics.extraTask.ours : scroll.metrics.extraTask.driver)?.median ??
    Number.NaN;

  // ---------------------------------------------------------------- report
  const kib = (b: number) => b / 1024;
  const goals = [
    {
      goal: `appear → spotlight drawn, median ≤ ${GOALS.appearMs} ms (one frame), change at a ${phases[0]} phase`,
      value: `${fmt(headline.ms.median)} ms (p95 ${fmt(headline.ms.p95)}); in the first frame showing the target in ${fmt(headline.sameFrame * 100, 0)} % of runs`,
      met: headline.ms.median <= GOALS.appearMs && headline.timeouts === 0,
    },
    {
      goal: `scroll-follow, overlay's main-thread time < ${GOALS.scrollMsPerFrame} ms a frame`,
      value: `${fmt(scrollExtra('ours'), 3)} ms/frame more than with no overlay (${withTrace ? 'CPU, trace' : 'wall, metrics'}); its own code ${fmt(scroll.trace?.ours?.own?.cpuMs, 3)} ms/frame`,
      met: scrollExtra('ours') < GOALS.scrollMsPerFrame && stillOn,
    },
    {
      goal: `what every page of a guide's site loads ≤ ${GOALS.weightGzipKiB} KB gzipped (the manifest's content scripts, js + css)`,
      value: `${fmt(kib(weight.content.gzip), 1)} KB`,
      met: kib(weight.content.gzip) <= GOALS.weightGzipKiB,
    },
    {
      goal: `what a page loads with a run ≤ ${GOALS.weightGzipKiB} KB gzipped (+ the overlay script)`,
      value: `${fmt(kib(weight.content.withRun.gzip), 1)} KB`,
      met: kib(weight.content.withRun.gzip) <= GOALS.weightGzipKiB,
    },
    ...(idle
      ? [
          {
            goal: `page load with no run: our scripts ≤ ${GOALS.idleLoadMs} ms of main thread (median), no element of ours`,
            value: `${fmt(idle.own.median, 3)} ms (p95 ${fmt(idle.own.p95, 3)}), ${idle.ownCalls} script event(s) of ours in the page (${idle.elsewhereCalls} in the background, ${fmt(idle.elsewhere.median, 3)} ms); ${idle.hosts} element(s); whole load ${fmt(idle.withExtension.median, 1)} vs ${fmt(idle.without.median, 1)} ms without`,
            met: idle.own.median <= GOALS.idleLoadMs && idle.hosts === 0,
          },
        ]
      : []),
  ];

  const appearRow = (name: string, r: AppearResult | null) =>
    r
      ? [
          name,
          fmt(r.ms.median),
          fmt(r.ms.p95),
          fmt(r.frames.median, 0),
          fmt(r.paintedMs.median),
          fmt(r.paintedMs.p95),
          `${fmt(r.sameFrame * 100, 0)} %`,
          fmt(r.lagFrames.max, 0),
          String(r.timeouts),
        ]
      : [name, '–', '–', '–', '–', '–', '–', '–', '–'];
  for (const phase of phases) {
    const a = appear[phase];
    console.log(
      `\nAppear → drawn, change ${phase === 'raf' ? 'inside the frame’s rAF callbacks' : 'at a random phase of the frame'} (ms; ${runs} runs)`,
    );
    console.log(
      textTable(
        ['', 'median', 'p95', 'frames', 'rendered', 'p95', 'same frame', 'max lag', 'timeouts'],
        [
          appearRow('Côte à côte (re-found)', a.ours),
          appearRow('driver.js waitForElement', a.driverWait),
          appearRow('driver.js highlight() call', a.driverCall),
        ],
      ),
    );
  }
  console.log(
    '  frames: frames begun until drawn; rendered: until the end of the frame that renders it; same frame: runs drawn in the first frame that shows the target; max lag: frames shown without the spotlight.',
  );
  const m = scroll.metrics;
  const t = scroll.trace;
  const scrollRow = (name: string, v: Exclude<Variant, 'baseline'> | 'baseline') => {
    const mv = m[v];
    const tv = t?.[v];
    const ex = v === 'baseline' ? null : t ? tv?.extraBusy : v === 'ours' ? m.extraTask.ours : m.extraTask.driver;
    return [
      name,
      fmt(tv?.busy.cpuMs, 3),
      fmt(tv?.busy.ms, 3),
      fmt(mv?.task, 3),
      ex ? `${fmt(ex.median, 3)} [${fmt(ex.min, 2)}…${fmt(ex.max, 2)}]` : '–',
      fmt(tv?.own?.cpuMs, 3),
      fmt(tv?.own?.forcedCpuMs, 3),
      fmt(mv?.frameIntervalMs, 1),
    ];
  };
  console.log(`\nScroll-follow (main thread, ms per frame; median of ${scrollReps} passes of ${scrollFrames} frames)`);
  console.log(
    textTable(
      ['', 'busy CPU', 'busy wall', 'task (metrics)', 'extra [min…max]', 'own CPU', 'forced', 'frame ms'],
      [
        scrollRow('no overlay (baseline)', 'baseline'),
        scrollRow('Côte à côte', 'ours'),
        ...(withDriver ? [scrollRow('driver.js', 'driver')] : []),
      ],
    ),
  );
  console.log(
    `  busy: the page's renderer main thread (trace; CPU = thread time, wall = elapsed); task: CDP metrics TaskDuration (wall);\n  extra: busy ${t ? 'CPU' : 'wall'} time over the baseline, paired by rep; own: the script's calls and their microtasks (CPU); forced: style/layout inside them.`,
  );
  if (t) {
    const top = new Set([t.baseline, t.ours, t.driver].flatMap((x) => x?.byName.slice(0, 8).map((r) => r.name) ?? []));
    const cell = (x: ReturnType<typeof traced>, name: string) => fmt(x?.byName.find((r) => r.name === name)?.cpuMs ?? 0, 3);
    console.log('\nMain thread during the scroll, by trace event (self CPU time, ms per frame)');
    console.log(
      textTable(
        ['', 'baseline', 'Côte à côte', 'driver.js'],
        [...top].map((name) => [name, cell(t.baseline, name), cell(t.ours, name), cell(t.driver, name)]),
      ),
    );
    const fns = (x: ReturnType<typeof traced>) =>
      x?.own?.byFunction
        .slice(0, 4)
        .map((f) => `${f.name} ${fmt(f.cpuMsPerFrame, 3)} ms/frame (${f.calls} calls)`)
        .join('; ') ?? '–';
    console.log(`  Côte à côte's calls (first traced pass, CPU): ${fns(t.ours)}`);
    if (withDriver) console.log(`  driver.js's calls (first traced pass, CPU): ${fns(t.driver)}`);
  }
  console.log(`\nWeight (gzip -9; KB = 1024 bytes)`);
  console.log(
    textTable(
      ['', 'bytes', 'gzip', 'KB gz'],
      [
        ...weight.content.files.map((f) => [f.file, String(f.bytes), String(f.gzip), fmt(kib(f.gzip), 1)]),
        [
          'every page of a guide’s site, total',
          String(weight.content.bytes),
          String(weight.content.gzip),
          fmt(kib(weight.content.gzip), 1),
        ],
        ...weight.content.onDemand.map((f) => [`${f.file} (on demand)`, String(f.bytes), String(f.gzip), fmt(kib(f.gzip), 1)]),
        [
          'a page with a run (+ the overlay), total',
          String(weight.content.withRun.bytes),
          String(weight.content.withRun.gzip),
          fmt(kib(weight.content.withRun.gzip), 1),
        ],
        ...weight.driver.files.map((f) => [f.file, String(f.bytes), String(f.gzip), fmt(kib(f.gzip), 1)]),
        ['driver.js, total', String(weight.driver.bytes), String(weight.driver.gzip), fmt(kib(weight.driver.gzip), 1)],
      ],
    ),
  );
  console.log(
    `\nWhere the overlay script's bytes go (equivalent esbuild bundle: ${weight.breakdown.bytes} B, ${weight.breakdown.gzip} B gz)`,
  );
  console.log(
    textTable(
      ['', 'min bytes', 'share', '≈ KB gz'],
      weight.breakdown.rows
        .filter((r) => r.share >= 0.005)
        .map((r) => [r.group, String(r.bytes), `${(r.share * 100).toFixed(1)} %`, fmt(kib(r.gzipEstimate), 1)]),
    ),
  );
  console.log('\nThe floor: a content script with only some of these parts, no bubble and no Preact (esbuild bundles)');
  console.log(
    textTable(
      ['parts', 'min bytes', 'gzip B', 'KB gz'],
      weight.floors.map((f) => [f.parts, String(f.bytes), String(f.gzip), fmt(kib(f.gzip), 1)]),
    ),
  );
  if (idle) {
    console.log(`\nPage load with no run (main-thread CPU, ms; ${idleLoads} loads each; load + ${IDLE_WINDOW_MS} ms)`);
    console.log(
      textTable(
        ['', 'median', 'p95', 'max'],
        [
          [
            'whole load, with the extension',
            fmt(idle.withExtension.median, 2),
            fmt(idle.withExtension.p95, 2),
            fmt(idle.withExtension.max, 2),
          ],
          ['whole load, without', fmt(idle.without.median, 2), fmt(idle.without.p95, 2), fmt(idle.without.max, 2)],
          ['any script of ours in the page (compile, run, calls)', fmt(idle.own.median, 3), fmt(idle.own.p95, 3), fmt(idle.own.max, 3)],
          [
            'ours elsewhere (the background, own process)',
            fmt(idle.elsewhere.median, 3),
            fmt(idle.elsewhere.p95, 3),
            fmt(idle.elsewhere.max, 3),
          ],
        ],
      ),
    );
    console.log(
      `  elements of ours left in the page: ${idle.hosts}; script events of ours in the page: ${idle.ownCalls}, elsewhere: ${idle.elsewhereCalls}.\n  The whole load varies by tens of ms from load to load on this machine: the time of our scripts is the figure judged.`,
    );
  }
  if (withRunLoad) {
    console.log(
      `\nPage load with a run (our scripts on the page's main thread, CPU ms; ${idleLoads} reloads; until drawn + ${IDLE_WINDOW_MS} ms)`,
    );
    console.log(
      textTable(
        ['', 'median', 'p95', 'max'],
        [
          ['our scripts (compile, run, calls)', fmt(withRunLoad.own.median, 2), fmt(withRunLoad.own.p95, 2), fmt(withRunLoad.own.max, 2)],
          ['  of which compiling', fmt(withRunLoad.compile.median, 2), fmt(withRunLoad.compile.p95, 2), fmt(withRunLoad.compile.max, 2)],
        ],
      ),
    );
  }
  console.log('\nGoals');
  for (const g of goals) console.log(`  ${g.met ? 'met    ' : 'NOT met'}  ${g.goal}: ${g.value}`);
  if (!stillOn) console.log('  Warning: after the scroll passes the spotlight was no longer on the target.');
  if (build.stale) console.log('  Warning: the build is older than the sources (pass --build).');

  const result = {
    benchmark: 'overlay',
    date: new Date().toISOString(),
    seconds: Math.round((performance.now() - started) / 1000),
    environment: {
      chromium,
      node: process.version,
      cpus: cpus().length,
      loadavg: loadavg(),
      viewport: { width: 1280, height: 800 },
      headless: true,
    },
    options: { runs, warmup, phases, scrollFrames, scrollReps, scrollStep, scrollAmplitude, stepId, selector, container, page: pagePath },
    build,
    goals,
    appear,
    scroll,
    idle,
    withRunLoad,
    weight,
  };
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nResults: ${jsonOut} (${result.seconds} s)`);
} finally {
  await browser?.close();
  await server.close();
}
