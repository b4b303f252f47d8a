/**
 * What the built content scripts may hold, checked after each build
 * (`build:done`): they run in every page of the guides' sites.
 *
 * - Quiet: they tell the page nothing about us — no `postMessage`, no event
 *   dispatched, none of WXT's announcements (their names carry the extension's
 *   id). Outside the practice build, nothing can open our shadow roots
 *   (components/page/test-access.ts).
 * - Light: no guide schema (zod, ~25 KB gzipped); one import of
 *   `utils/guide/schema` or `utils/storage/schema-items` is enough to pull it in.
 *   No zip library either (fflate, for « Mes guides » exported as a team
 *   catalogue's folder: the editor page's only).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPEN_SHADOW_KEY } from '../components/page/open-shadow-key';

/** What a content script must never contain: each would reach the page. */
const TELLS = ['postMessage(', 'dispatchEvent(', 'content-script-started', 'wxt:locationchange', 'CustomEvent('];
/** Only the practice build may let the end-to-end harness open our shadow roots. */
const PRACTICE_ONLY = [OPEN_SHADOW_KEY];
/** What zod leaves in a bundle, minified or not: its class names, kept as strings. */
const ZOD_MARK = /\bZod(?:Type|Error)\b/;
/** What fflate leaves in a bundle: one of its error messages, kept as a string. */
const FFLATE_MARK = 'date not in range 1980-2099';

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
  }
  return problems;
}

/** Fails the build when a content script could tell the page about us, or carries the guide schema. */
export function assertContentScripts(buildDir: string, mode: string): void {
  const problems = contentScriptProblems(buildDir, mode);
  if (problems.length > 0)
    throw new Error(
      `Scripts de contenu à corriger (ils parleraient à la page, ou contiennent zod ou fflate, qui n’ont rien à faire dans une page) :\n${problems.join('\n')}`,
    );
}
