/**
 * The built content scripts tell the page nothing about us: no `postMessage`,
 * no event dispatched, none of WXT's announcements (their names carry the
 * extension's id). And outside the practice build, nothing can open our
 * shadow roots (components/page/test-access.ts). Run after each build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPEN_SHADOW_KEY } from '../components/page/open-shadow-key';

/** What a content script must never contain: each would reach the page. */
const TELLS = ['postMessage(', 'dispatchEvent(', 'content-script-started', 'wxt:locationchange', 'CustomEvent('];
/** Only the practice build may let the end-to-end harness open our shadow roots. */
const PRACTICE_ONLY = [OPEN_SHADOW_KEY];

/** The problems found in the content scripts of one build directory. */
export function quietProblems(buildDir: string, mode: string): string[] {
  const dir = join(buildDir, 'content-scripts');
  if (!existsSync(dir)) return [];
  const problems: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(dir, file), 'utf8');
    const banned = mode === 'practice' ? TELLS : [...TELLS, ...PRACTICE_ONLY];
    for (const tell of banned) if (code.includes(tell)) problems.push(`${file}: ${tell}`);
  }
  return problems;
}

/** Fails the build when a content script could tell the page about us. */
export function assertQuietInPages(outDir: string, mode: string): void {
  const builds = existsSync(outDir) ? readdirSync(outDir).map((name) => join(outDir, name)) : [];
  const problems = builds.flatMap((dir) => quietProblems(dir, mode));
  if (problems.length > 0) throw new Error(`Content scripts that would tell the page about us:\n${problems.join('\n')}`);
}
