/**
 * What the built content scripts may hold, checked after each build
 * (`build:done`): the overlay runs in the pages of a tab with a run, the
 * recorder and a trainer's tools where a trainer works.
 *
 * - Quiet: they tell the page nothing about us — no `postMessage`, no event
 *   dispatched, none of WXT's announcements (their names carry the extension's
 *   id). Outside the practice build, nothing can open our shadow roots
 *   (components/page/test-access.ts).
 * - Light: no guide schema (zod, ~25 KB gzipped); one import of
 *   `utils/guide/schema` or `utils/storage/schema-items` is enough to pull it in.
 *   No webextension-polyfill either (components/page/native-browser.ts), nor
 *   @wxt-dev/i18n's runtime (components/page/i18n.ts: the same `t`), and
 *   nothing of a trainer's tools in what a person's page loads (they come in
 *   their own script, content-scripts/trainer.js, only when a trainer asks).
 *   The manifest puts nothing in any page (idle means idle: the background
 *   puts the overlay in a tab with a run); the overlay script stays within
 *   its budget (docs/benchmarks.md, « Overlay »: the goal is 16 KB).
 *   No zip library either (fflate, for « Mes guides » exported as a team
 *   catalogue's folder: the editor page's only).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BuildOptions } from 'vite';
import { OPEN_SHADOW_KEY } from '../components/page/open-shadow-key';

/**
 * How the content scripts are built (wxt.config.ts, `vite:build:extendConfig`): their bytes go into people's pages.
 * - `target`: the oldest browsers we support run ES2022 (recent Chrome MV3, Firefox ESR 140); Vite's default
 *   (Safari 16 among them) rewrote lookbehind regular expressions as `new RegExp("…")` in the trainer and recorder.
 * - Terser instead of esbuild: −1.2 KB gzipped on the overlay script (docs/benchmarks.md, « third round: the build »),
 *   mostly from how it names and orders things for gzip; two compress passes, no Safari 10 workarounds (Vite's default).
 *   No property mangling, no `unsafe` rewrites, no `pure_getters`: a getter of ours may have effects (`isInvalid`).
 * - `ascii_only`: the output stays ASCII, as WXT's esbuild setting (`charset: 'ascii'`) keeps it (Chrome refuses a
 *   content script it does not read as UTF-8); Terser would otherwise print `é` as is.
 */
export const CONTENT_SCRIPT_BUILD = {
  target: 'es2022',
  minify: 'terser',
  terserOptions: { ecma: 2020, safari10: false, compress: { passes: 2 }, format: { ascii_only: true } },
} as const satisfies Pick<BuildOptions, 'target' | 'minify' | 'terserOptions'>;

/** What a content script must never contain: each would reach the page. */
const TELLS = ['postMessage(', 'dispatchEvent(', 'content-script-started', 'wxt:locationchange', 'CustomEvent('];
/** Only the practice build may let the end-to-end harness open our shadow roots. */
const PRACTICE_ONLY = [OPEN_SHADOW_KEY];
/** What zod leaves in a bundle, minified or not: its class names, kept as strings. */
const ZOD_MARK = /\bZod(?:Type|Error)\b/;
/** What fflate leaves in a bundle: one of its error messages, kept as a string. */
const FFLATE_MARK = 'date not in range 1980-2099';
/**
 * What only a trainer's tools leave in a bundle (components/playback/trainer.tsx, in content-scripts/trainer.js):
 * their messages, and @medv/finder's error (the selector builder that describes a picked element). The person's
 * overlay carries none of them.
 */
const TRAINER_MARKS = ['overlay:test', 'overlay:verify', 'verify:picked', 'find a unique selector'];
/** The script a person's page loads, with a run only: the overlay. */
const PERSON_FILES = ['playback.js'];
/** What webextension-polyfill leaves in a bundle: the error it throws outside an extension. */
const POLYFILL_MARK = 'This script should only be loaded in a browser extension';
/** What @wxt-dev/i18n's runtime leaves in a bundle: its error; the content scripts get the same `t` without it (components/page/i18n.ts). */
const I18N_RUNTIME_MARK = 'Unknown plural formatting';
/**
 * Allowed for the overlay script (content-scripts/playback.js), loaded with a run: its weight once a trainer's tools
 * left it for their own script (26.6 KB, from 40.1), then 27.7 KB with the end screen's « Effacer les traces » and the
 * next step's target kept clear, 27.9 KB with locate's per-call memo (issue 14's tails), 26.7 KB once minified by
 * Terser (`CONTENT_SCRIPT_BUILD`), 26.3 KB with the leaner engine, and still 26.3 KB (26,961 B) once locate's second
 * round (+167 B) and the storage items' parsers marked pure (−146 B) came in, 27,009 B with shortened names compared
 * as kept (+48 B) — figures of the practice build, which the guard checks too (the store build is ~110 B
 * lighter) —, then 27,293 B once a best match hidden in a tab or a folded section was no longer passed over for
 * a namesake in sight and an identical twin no longer picked at another rank of the recorded section (+284 B;
 * « A target out of sight, a twin at another rank »), 27,339 B with the bubble's sentence for a target out of
 * sight (+46 B), 27,342 B once the hidden candidates' bound was taken out of the search, to the rule that asks
 * for it (+3 B), 27,569 B with the control that opens a closed part ringed and a target only in a closed part said
 * out of sight (+227 B), 27,321 B once the content scripts' `i18n.t` lost what they do not use (−248 B;
 * components/page/i18n.ts), 27,316 B once a root's `aria-controls` were read once per locate call (−5 B): not to grow; issue 14's goal is 16 KB (docs/benchmarks.md).
 */
export const OVERLAY_BUDGET = 26.75 * 1024;
const OVERLAY_FILE = 'playback.js';

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The content scripts that the manifest declares: none may be (a page gets our overlay only with a run). */
function declaredFiles(buildDir: string): string[] {
  const manifestFile = join(buildDir, 'manifest.json');
  if (!existsSync(manifestFile)) return [];
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { content_scripts?: { js?: string[]; css?: string[] }[] };
  return [...new Set((manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]))];
}

/** The problems of the content scripts of one build (`.output/chrome-mv3…`), as `file: what`. */
export function contentScriptProblems(buildDir: string, mode: string): string[] {
  const dir = join(buildDir, 'content-scripts');
  if (!existsSync(dir)) return [];
  const banned = mode === 'practice' ? TELLS : [...TELLS, ...PRACTICE_ONLY];
  const problems: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(dir, file), 'utf8');
    for (const tell of banned) if (code.includes(tell)) problems.push(`${file}: ${tell}`);
    if (ZOD_MARK.test(code)) problems.push(`${file}: zod`);
    if (code.includes(FFLATE_MARK)) problems.push(`${file}: fflate`);
    if (code.includes(POLYFILL_MARK)) problems.push(`${file}: webextension-polyfill`);
    if (code.includes(I18N_RUNTIME_MARK)) problems.push(`${file}: @wxt-dev/i18n’s runtime`);
    if (PERSON_FILES.includes(file))
      for (const mark of TRAINER_MARKS) if (code.includes(mark)) problems.push(`${file}: trainer’s tools (${mark})`);
    if (file === OVERLAY_FILE && gzipped(join(dir, file)) > OVERLAY_BUDGET)
      problems.push(`${file}: ${kb(gzipped(join(dir, file)))} gzipped, over ${kb(OVERLAY_BUDGET)}`);
  }
  const declared = declaredFiles(buildDir);
  if (declared.length > 0) problems.push(`manifest.json: ${declared.join(' + ')} in every page of the sites, run or not`);
  return problems;
}

/** Fails the build when a content script could tell the page about us, carries the guide schema or the polyfill, or is too heavy. */
export function assertContentScripts(buildDir: string, mode: string): void {
  const problems = contentScriptProblems(buildDir, mode);
  if (problems.length > 0)
    throw new Error(
      `Scripts de contenu à corriger (ils parleraient à la page, contiennent zod, fflate, le polyfill, l’i18n de WXT ou les outils du formateur, qui n’ont rien à faire dans la page d’une personne, ou pèsent trop, ou le manifeste en met dans chaque page) :\n${problems.join('\n')}`,
    );
}
