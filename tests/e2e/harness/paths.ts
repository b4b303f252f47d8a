// Where the repository, the practice builds, the browsers and the practice guide are on this machine.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Guide } from '../../../utils/guide/schema';

/** Where the end-to-end tests find the repo, the practice builds and the practice guide. */
export const ROOT = resolve(import.meta.dirname, '../../..');

export type BrowserKind = 'chromium' | 'firefox';

/** The practice builds (`npm run build:practice`): the practice guide on this machine. */
export const BUILDS: Record<BrowserKind, string> = {
  chromium: resolve(ROOT, '.output/chrome-mv3-practice'),
  firefox: resolve(ROOT, '.output/firefox-mv2-practice'),
};

/** Debian's browsers; CHROMIUM_PATH / FIREFOX_PATH point elsewhere. */
export const EXECUTABLES: Record<BrowserKind, string> = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};

export const PRACTICE_GUIDE_ID = 'dsfr-creer-un-compte';
export const PRACTICE_GUIDE_FILE = resolve(ROOT, `guides/${PRACTICE_GUIDE_ID}.json`);
/** The first page of the practice guide, on the DSFR 1.14.4 tree of the practice server. */
export const PRACTICE_START_PAGE = '/1.14.4/example/layout/page/register/2-steps/2a-login/index.html';

/** The built manifest of a browser's practice build; fails with what to run when it is missing. */
export function builtManifest(kind: BrowserKind): Record<string, unknown> {
  const file = resolve(BUILDS[kind], 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`Pas de version d’entraînement construite dans ${BUILDS[kind]} : lancez d’abord « npm run build:practice ».`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * A private copy of a practice build, loaded by one browser: a rebuild during
 * the run (`npm run dev`, another build) cannot pull files from under it.
 */
export interface BuildSnapshot {
  dir: string;
  manifest: Record<string, unknown>;
  remove(): void;
}

export function snapshotBuild(kind: BrowserKind): BuildSnapshot {
  builtManifest(kind);
  const dir = mkdtempSync(join(tmpdir(), `cote-a-cote-e2e-${kind}-`));
  cpSync(BUILDS[kind], dir, { recursive: true });
  return {
    dir,
    manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The practice guide as a file on disk (the tests compare what the browser shows with it). */
export function practiceGuide(): Guide {
  return JSON.parse(readFileSync(PRACTICE_GUIDE_FILE, 'utf8')) as Guide;
}

/** The text that the bubble shows for the first item of a guide, by kind (as text, never HTML). */
export function firstItemText(guide: Guide): string {
  const first = guide.steps[0];
  if (!first) throw new Error(`Le guide ${guide.id} n’a aucune étape.`);
  switch (first.kind) {
    case 'step':
      return first.instruction;
    case 'question':
      return first.question;
    case 'end':
      return first.message ?? '';
    case 'guide':
      return first.instruction;
  }
}
