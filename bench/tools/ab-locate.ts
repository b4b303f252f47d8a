/**
 * Two versions of the engine timed side by side on the same pages, calls interleaved, so that the
 * load of a shared machine weighs on both alike: `--base DIR` is another checkout of the project
 * (its `bench/browser/entry.ts` bundled as the "before"), this tree is the "after". Each case is
 * described once (by this tree) on its "before" page; on its "after" page both engines locate it,
 * one warm-up call then one timed call, in rounds that alternate which goes first.
 *
 *   npx tsx bench/tools/ab-locate.ts --base DIR [--rounds N] [--json OUT]
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { defaultTrees, startPracticeServer } from '../../scripts/practice-server.ts';
import type { Capture, Judged } from '../browser/entry.ts';
import { bundlePageScript } from '../lib/bundle.ts';
import { loadCaseFile } from '../lib/cases.ts';
import { summarize } from '../lib/report.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const base = opt('--base');
if (!base) throw new Error('--base DIR: a checkout of the version to compare with');
const rounds = Number(opt('--rounds') ?? 10);
const jsonOut = opt('--json');

const bundled = await build({
  entryPoints: [resolve(base, 'bench/browser/entry.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome120',
  write: false,
  logLevel: 'silent',
});
const before = `${bundled.outputFiles[0]?.text}\nwindow.__cacBefore = window.__cac;`;
const after = await bundlePageScript();
const cases = loadCaseFile(resolve('bench/cases/dsfr-cross-version.json')).cases;
const load = [loadavg()[0]];
const server = await startPracticeServer({ trees: defaultTrees() });
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const times = { before: [] as number[], after: [] as number[] };
const disagree: string[] = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (req) => (req.url().startsWith(server.url) || req.url() === 'about:blank' ? req.continue() : req.abort()));
  const open = async (path: string, scripts: string[]) => {
    await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'), { timeout: 20_000 });
    for (const content of scripts) await page.addScriptTag({ content });
    await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  };
  const captures = new Map<string, Capture>();
  for (const path of new Set(cases.map((c) => c.before.page))) {
    const group = cases.filter((c) => c.before.page === path);
    await open(path, [after]);
    const got = await page.evaluate(
      (sels) => window.__cac.capture(sels),
      group.map((c) => c.before.selector),
    );
    for (const [i, c] of group.entries()) if (got[i]?.ok) captures.set(c.id, got[i] as Capture);
  }
  for (const path of new Set(cases.map((c) => c.after.page))) {
    const group = cases.filter((c) => c.after.page === path && captures.has(c.id));
    await open(path, [before, after]);
    const items = group.map((c) => ({ capture: captures.get(c.id) as Capture, expected: c.after.selector }));
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const);
      const got: Record<string, Judged[]> = {};
      for (const which of order)
        got[which] = await page.evaluate(
          (xs, w) =>
            (w === 'before' ? (window as unknown as { __cacBefore: typeof window.__cac }).__cacBefore : window.__cac).replay(xs, 1),
          items,
          which,
        );
      for (const which of order) for (const j of got[which] ?? []) times[which].push(...j.times);
      if (r === 0)
        for (const [i, c] of group.entries())
          if (got.before?.[i]?.engine !== got.after?.[i]?.engine)
            disagree.push(`${c.id}: ${got.before?.[i]?.engine} → ${got.after?.[i]?.engine}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
load.push(loadavg()[0]);
const b = summarize(times.before);
const a = summarize(times.after);
console.log(`load average ${load.map((x) => x?.toFixed(2)).join(' → ')}`);
console.log(`before: median ${b.medianMs} ms, p95 ${b.p95Ms} ms, max ${b.maxMs} ms (${b.runs} runs)`);
console.log(`after:  median ${a.medianMs} ms, p95 ${a.p95Ms} ms, max ${a.maxMs} ms (${a.runs} runs)`);
console.log(disagree.length ? `outcomes that differ:\n  ${disagree.join('\n  ')}` : 'same outcome on every case');
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ load, before: b, after: a, disagree }, null, 2)}\n`);
