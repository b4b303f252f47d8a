/**
 * Bundle the page side of the benchmark (engine + baselines + mutations) into
 * one IIFE string, injected into each page with `page.addScriptTag`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export async function bundlePageScript(): Promise<string> {
  for (const f of ['utils/locate/index.ts', 'utils/locate/describe.ts']) {
    if (!existsSync(`${repo}${f}`)) throw new Error(`${f} is missing: the benchmark measures the locating engine.`);
  }
  const result = await build({
    entryPoints: [`${repo}bench/browser/entry.ts`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output');
  return out.text;
}
