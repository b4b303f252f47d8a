/**
 * Bundle the page side of the benchmark (engine + baselines + mutations) into
 * one IIFE string, injected into each page with `page.addScriptTag`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export interface EngineFiles {
  index: string;
  describe: string;
}

export function engineFiles(): EngineFiles {
  const index = `${repo}utils/locate/index.ts`;
  const describe = `${repo}utils/locate/describe.ts`;
  if (!existsSync(index) || !existsSync(describe)) throw new Error('utils/locate/index.ts and utils/locate/describe.ts are missing');
  return { index, describe };
}

export async function bundlePageScript(engine: EngineFiles): Promise<string> {
  const engineAlias: Plugin = {
    name: 'cac-engine',
    setup(b) {
      b.onResolve({ filter: /^cac-engine\/(index|describe)$/ }, (args) => ({
        path: args.path.endsWith('describe') ? engine.describe : engine.index,
      }));
    },
  };
  const result = await build({
    entryPoints: [`${repo}bench/browser/entry.ts`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    sourcemap: false,
    logLevel: 'silent',
    plugins: [engineAlias],
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output');
  return out.text;
}
