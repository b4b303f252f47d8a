/** The page side of the overlay benchmark (bench/overlay/probe.ts), bundled into one IIFE string. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The probe's name in the page (its `sourceURL`): its scroll loop marks the measured span in a trace. */
export const PROBE_SOURCE_URL = 'cac-bench-probe.js';

export async function bundleProbe(): Promise<string> {
  const result = await build({
    entryPoints: [`${repo}bench/overlay/probe.ts`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output');
  // A name of its own in traces, apart from the page's and the extension's scripts.
  return `${out.text}\n//# sourceURL=${PROBE_SOURCE_URL}`;
}

/** The name driver.js's script is given in the page (its `sourceURL`), to find its calls in a trace. */
export const DRIVER_SOURCE_URL = 'driver.js.iife.js';

/** driver.js (IIFE, `window.driver.js.driver`) and its stylesheet, as a page would load them. */
export function driverSources(): { js: string; css: string } {
  return {
    js: `${readFileSync(`${repo}node_modules/driver.js/dist/driver.js.iife.js`, 'utf8')}\n//# sourceURL=${DRIVER_SOURCE_URL}`,
    css: readFileSync(`${repo}node_modules/driver.js/dist/driver.css`, 'utf8'),
  };
}
