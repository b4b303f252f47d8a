/**
 * Weight of the content script (what every page of a guided site downloads and
 * parses), gzipped, with driver.js for reference, and where its bytes go.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export interface FileWeight {
  file: string;
  bytes: number;
  /** gzip -9, bytes. */
  gzip: number;
}

export interface Weight {
  files: FileWeight[];
  bytes: number;
  gzip: number;
}

export interface BreakdownRow {
  /** A package (`preact`, `dom-accessibility-api`…) or a folder of this repository (`utils/locate`…). */
  group: string;
  /** Minified bytes in the equivalent bundle. */
  bytes: number;
  share: number;
  /** Estimated gzip bytes: the bundle's gzip size shared in proportion to the minified bytes. */
  gzipEstimate: number;
  modules: { path: string; bytes: number }[];
}

export interface Breakdown {
  method: string;
  bytes: number;
  gzip: number;
  rows: BreakdownRow[];
}

export const gzipSize = (data: Uint8Array | string) => gzipSync(data, { level: 9 }).length;

function weigh(files: string[]): Weight {
  const rows = files.map((file) => {
    const data = readFileSync(file);
    return { file: relative(repo, file), bytes: data.length, gzip: gzipSize(data) };
  });
  return { files: rows, bytes: rows.reduce((s, r) => s + r.bytes, 0), gzip: rows.reduce((s, r) => s + r.gzip, 0) };
}

/**
 * What every page of a guided site loads: the scripts and stylesheets that the
 * manifest declares as content scripts (none since 6 December 2026: a page
 * gets nothing of ours until its tab has a run), plus the stylesheet that a WXT
 * shadow-root UI would fetch at run time (`content-scripts/<name>.css`). Other
 * files in `content-scripts/` (the overlay, the recorder, a trainer's tools,
 * each put in a tab only when needed) are weighed apart, as `onDemand`.
 */
export function contentScriptWeight(outDir: string): Weight & { onDemand: FileWeight[]; withRun: Weight } {
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const declared = new Set<string>();
  for (const cs of manifest.content_scripts ?? []) {
    for (const f of [...(cs.js ?? []), ...(cs.css ?? [])]) declared.add(f);
    for (const js of cs.js ?? []) {
      const css = js.replace(/\.js$/, '.css');
      if (existsSync(join(outDir, css))) declared.add(css);
    }
  }
  const dir = join(outDir, 'content-scripts');
  const others = existsSync(dir)
    ? readdirSync(dir)
        .map((f) => `content-scripts/${f}`)
        .filter((f) => !declared.has(f) && /\.(js|css)$/.test(f))
    : [];
  const onDemand = weigh(others.sort().map((f) => join(outDir, f))).files;
  const page = weigh([...declared].sort().map((f) => join(outDir, f)));
  // With a run, the page also loads the overlay script (put in the tab by the background).
  const overlay = onDemand.filter((f) => f.file.endsWith(`/${PLAYBACK_SCRIPT}`));
  if (overlay.length === 0) throw new Error(`no ${PLAYBACK_SCRIPT} in ${outDir}`);
  const withRun = { files: [...page.files, ...overlay], bytes: 0, gzip: 0 };
  withRun.bytes = withRun.files.reduce((s, f) => s + f.bytes, 0);
  withRun.gzip = withRun.files.reduce((s, f) => s + f.gzip, 0);
  return { ...page, onDemand, withRun };
}

/** The overlay script's file in `content-scripts/` (utils/authoring/background/platform.ts: PLAYBACK_FILE). */
export const PLAYBACK_SCRIPT = 'content-scripts/playback.js';

/** driver.js as a page would load it: the IIFE build and its stylesheet. */
export function driverWeight(): Weight {
  return weigh([join(repo, 'node_modules/driver.js/dist/driver.js.iife.js'), join(repo, 'node_modules/driver.js/dist/driver.css')]);
}

/** The group a bundled module counts under. */
function groupOf(path: string): string {
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = path.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
  }
  const parts = path.split('/');
  if (parts[0] === '.wxt') return '.wxt (generated i18n)';
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.join('/');
}

/**
 * Bundles an equivalent of the overlay script with esbuild (minified, CSS left
 * out: WXT ships it as `content.css`) and sums each module's bytes in the
 * output, by package or folder. WXT builds with Vite/Rollup, so the totals differ
 * a little from the real file; the proportions are what this is for.
 */
export async function contentScriptBreakdown(): Promise<Breakdown> {
  const result = await bundle({ entryPoints: [join(repo, 'bench/overlay/content-entry.ts')] });
  const out = result.outputFiles?.[0];
  const meta = result.metafile?.outputs[Object.keys(result.metafile.outputs)[0] ?? ''];
  if (!out || !meta) throw new Error('esbuild produced no output');
  const bytes = out.contents.length;
  const gzip = gzipSize(out.contents);
  const groups = new Map<string, { path: string; bytes: number }[]>();
  for (const [path, { bytesInOutput }] of Object.entries(meta.inputs)) {
    if (bytesInOutput === 0) continue;
    const group = groupOf(path);
    groups.set(group, [...(groups.get(group) ?? []), { path, bytes: bytesInOutput }]);
  }
  const rows = [...groups.entries()]
    .map(([group, modules]) => {
      const b = modules.reduce((s, m) => s + m.bytes, 0);
      return {
        group,
        bytes: b,
        share: b / bytes,
        gzipEstimate: Math.round((gzip * b) / bytes),
        modules: modules.sort((x, y) => y.bytes - x.bytes),
      };
    })
    .sort((a, b) => b.bytes - a.bytes);
  return {
    method:
      'esbuild bundle of bench/overlay/content-entry.ts (entrypoints/playback.content + the silent ContentScriptContext), minified, CSS excluded; bytesInOutput per module from the metafile; gzip shared pro rata',
    bytes,
    gzip,
    rows,
  };
}

/**
 * What a content script would weigh with only some of the overlay's parts: the floor under any
 * other way of building it. Each row adds parts to the one before; none has the bubble nor Preact.
 * Bundled as the breakdown is (esbuild, minified), each row on its own, so its gzip is its own.
 */
export const WEIGHT_FLOORS = [
  {
    parts: 'the locating engine (locate, watch)',
    code: `import { locate, watch } from './utils/locate';
globalThis.kept = [locate, watch];`,
  },
  {
    parts: '+ seeing the person act (observe)',
    code: `import { locate, watch } from './utils/locate';
import { followPersonInput, observeStep } from './utils/observe';
globalThis.kept = [locate, watch, followPersonInput, observeStep];`,
  },
  {
    parts: '+ the spotlight’s geometry and scroll-follow, our closed host, the page context, the run item, messaging',
    code: `import { locate, watch } from './utils/locate';
import { followPersonInput, observeStep } from './utils/observe';
import { hole, place, spotlight } from './components/overlay/geometry';
import { follow } from './components/overlay/follow';
import { createPageHost } from './components/page/host';
import { startPageContext } from './components/page/context';
import { matchesPage } from './utils/catalogue/sites';
import { tabRuns } from './utils/storage/items';
import { send } from './utils/send';
globalThis.kept = [locate, watch, followPersonInput, observeStep, hole, place, spotlight, follow, createPageHost, startPageContext, matchesPage, tabRuns, send];`,
  },
] as const;

export interface WeightFloor {
  parts: string;
  bytes: number;
  gzip: number;
}

export async function weightFloors(): Promise<WeightFloor[]> {
  const floors: WeightFloor[] = [];
  for (const { parts, code } of WEIGHT_FLOORS) {
    const out = (await bundle({ stdin: { contents: code, resolveDir: repo, loader: 'ts', sourcefile: 'floor.ts' } })).outputFiles?.[0];
    if (!out) throw new Error(`esbuild produced no output for « ${parts} »`);
    floors.push({ parts, bytes: out.contents.length, gzip: gzipSize(out.contents) });
  }
  return floors;
}

/** The overlay script's modules bundled as WXT's content-script build resolves them (see the aliases). */
function bundle(input: Pick<BuildOptions, 'entryPoints' | 'stdin'>) {
  return build({
    ...input,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    metafile: true,
    outfile: 'content.js',
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: {
      // As the build does for content scripts (wxt.config.ts): the same `t`, without what they do not use.
      '#i18n': join(repo, 'components/page/i18n.ts'),
      // As the build does for content scripts (wxt.config.ts): the browser's own API, and our silent context.
      'wxt/browser': join(repo, 'components/page/native-browser.ts'),
      '@wxt-dev/browser': join(repo, 'components/page/native-browser.ts'),
      'wxt/utils/content-script-context': join(repo, 'components/page/wxt-context.ts'),
    },
    loader: { '.css': 'empty' },
    define: {
      'import.meta.env.MODE': '"practice"',
      'import.meta.env.DEV': 'false',
      'import.meta.env.PROD': 'true',
      'import.meta.env.ENTRYPOINT': '"content"',
      'import.meta.env.BROWSER': '"chrome"',
      'import.meta.env.CHROME': 'true',
      'import.meta.env.FIREFOX': 'false',
      'import.meta.env.MANIFEST_VERSION': '3',
    },
  });
}
