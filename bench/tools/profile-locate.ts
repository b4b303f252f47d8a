/**
 * Where `locate` spends its time, by function: the cross-version cases whose id contains one of the
 * given texts are described on their "before" page and located `--reps` times on their "after"
 * page under the V8 CPU profiler; self time is summed per function (the bundle is not minified).
 * A tool for finding hot spots, not a benchmark.
 *
 *   npx tsx bench/tools/profile-locate.ts [--reps N] [--top N] CASE_ID_PART…
 */
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { defaultTrees, startPracticeServer } from '../../scripts/practice-server.ts';
import type { Capture } from '../browser/entry.ts';
import { bundlePageScript } from '../lib/bundle.ts';
import { loadCaseFile } from '../lib/cases.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const reps = Number(opt('--reps') ?? 50);
const top = Number(opt('--top') ?? 30);
const wanted = args;
const cases = loadCaseFile(resolve('bench/cases/dsfr-cross-version.json')).cases.filter(
  (c) => !wanted.length || wanted.some((w) => c.id.includes(w)),
);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

const script = await bundlePageScript();
const server = await startPracticeServer({ trees: defaultTrees() });
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (req) => (req.url().startsWith(server.url) || req.url() === 'about:blank' ? req.continue() : req.abort()));
  const open = async (path: string) => {
    await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'), { timeout: 20_000 });
    await page.addScriptTag({ content: script });
  };
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let samples = 0;
  for (const c of cases) {
    await open(c.before.page);
    const [cap] = await page.evaluate((sel) => window.__cac.capture([sel]), c.before.selector);
    if (!cap?.ok) continue;
    await open(c.after.page);
    await page.evaluate((x) => window.__cac.profile([{ capture: x }], 1), cap as Capture);
    await cdp.send('Profiler.start');
    await page.evaluate((x, n) => window.__cac.profile([{ capture: x }], n), cap as Capture, reps);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[] } };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const nameOf = (n: ProfileNode) =>
      `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    for (const n of profile.nodes) {
      self.set(nameOf(n), (self.get(nameOf(n)) ?? 0) + (n.hitCount ?? 0));
      samples += n.hitCount ?? 0;
    }
    // Inclusive time: each sample counts once per function on its stack (recursion counted once).
    const walk = (n: ProfileNode, stack: Set<string>): number => {
      let sum = n.hitCount ?? 0;
      const name = nameOf(n);
      const mine = !stack.has(name);
      if (mine) stack.add(name);
      for (const c of n.children ?? []) {
        const child = byId.get(c);
        if (child) sum += walk(child, stack);
      }
      if (mine) {
        stack.delete(name);
        total.set(name, (total.get(name) ?? 0) + sum);
      }
      return sum;
    };
    const root = profile.nodes[0];
    if (root) walk(root, new Set());
  }
  const rows = [...self].filter(([k]) => !/^\((idle|program|root)\)/.test(k)).sort((a, b) => b[1] - a[1]);
  const busy = rows.reduce((s, [, v]) => s + v, 0);
  console.log(`${cases.length} cases × ${reps} calls, ${samples} samples (${busy} busy)`);
  console.log('self time:');
  for (const [k, v] of rows.slice(0, top)) console.log(`${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`);
  console.log('inclusive time:');
  const incl = [...total].filter(([k]) => !/^\((idle|program|root)\)/.test(k)).sort((a, b) => b[1] - a[1]);
  for (const [k, v] of incl.slice(0, top)) console.log(`${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`);
} finally {
  await browser.close();
  await server.close();
}
