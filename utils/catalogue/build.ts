/**
 * Build-time side of the catalogue (runs in Node, from wxt.config.ts): reads
 * every `guides/*.json`, validates it, and fails the build with the French
 * messages when one is invalid. Valid guides are handed to the bundle through
 * the `virtual:cac-catalogue` module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { innerGuideProblems } from '../guide/inner-guides';
import { formatProblems, parseGuideText } from '../guide/parse';
import type { Guide } from '../guide/schema';
import { DRAFT_FILE } from '../team-catalogue/format';
import { isPracticeGuide } from './sites';

export const GUIDES_DIR = resolve(import.meta.dirname, '../../guides');
/** JSON files of a guides folder that are not guides: the schema, and a team catalogue's unsigned draft. */
export const NOT_GUIDES: ReadonlySet<string> = new Set(['guide.schema.json', DRAFT_FILE]);

export class CatalogueError extends Error {}

/**
 * Every guide file of `dir`, validated. Throws one error listing every problem
 * of every file. `installed`: guides that its guides may run without their
 * being in `dir` (a team catalogue's guides may run the bundled ones).
 */
export function readGuides(dir = GUIDES_DIR, installed: readonly Pick<Guide, 'id' | 'steps'>[] = []): Guide[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !NOT_GUIDES.has(name))
    .sort();
  const guides: Guide[] = [];
  const fileOf = new Map<Guide, string>();
  const reports: string[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = relative(process.cwd(), join(dir, name));
    const result = parseGuideText(readFileSync(join(dir, name), 'utf8'), file);
    if (!result.ok) {
      reports.push(formatProblems(result.problems));
      continue;
    }
    const other = seen.get(result.guide.id);
    if (other) {
      reports.push(
        `${file} : l’identifiant « ${result.guide.id} » est déjà celui du guide ${other} ; chaque guide doit avoir son propre identifiant.`,
      );
      continue;
    }
    seen.set(result.guide.id, file);
    fileOf.set(result.guide, file);
    guides.push(result.guide);
  }
  // Inner guides are checked once every file is read (only when all were valid: a broken file's guide is unknown).
  if (reports.length === 0) reports.push(...innerGuideReports(guides, fileOf, installed));
  if (reports.length > 0) {
    throw new CatalogueError(`Des guides ne sont pas valides :\n${reports.join('\n')}`);
  }
  return guides;
}

/** Each guide's inner guides among `guides` (and `installed`): missing ones and circles, one line per problem. */
function innerGuideReports(
  guides: readonly Guide[],
  fileOf?: ReadonlyMap<Guide, string>,
  installed: readonly Pick<Guide, 'id' | 'steps'>[] = [],
): string[] {
  return guides.flatMap((guide) => {
    const problems = innerGuideProblems(guide, [...installed, ...guides], 'bundle', fileOf?.get(guide));
    return problems.length > 0 ? [formatProblems(problems)] : [];
  });
}

/**
 * The guides bundled in a build of this mode: practice guides only outside
 * production. A guide kept in the store build may not run a practice guide,
 * which that build leaves out.
 */
export function loadCatalogue(mode: string, dir = GUIDES_DIR): Guide[] {
  const guides = readGuides(dir).filter((guide) => mode !== 'production' || !isPracticeGuide(guide));
  const reports = innerGuideReports(guides);
  if (reports.length > 0) {
    throw new CatalogueError(`Des guides ne peuvent pas être fournis dans la version « ${mode} » :\n${reports.join('\n')}`);
  }
  return guides;
}

/** Host permissions asked at install: exactly the sites of the bundled guides (where the overlay may come with a run). */
export function permissionsFor(guides: readonly Guide[]): { hostPermissions: string[] } {
  return { hostPermissions: [...new Set(guides.flatMap((guide) => guide.sites))].sort() };
}

const VIRTUAL_ID = 'virtual:cac-catalogue';

/** Serves the validated guides of this mode to the bundle as `virtual:cac-catalogue`. */
export function catalogueVitePlugin(mode: string): Plugin {
  return {
    name: 'cote-a-cote:catalogue',
    resolveId(id) {
      return id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined;
    },
    load(id) {
      if (id !== `\0${VIRTUAL_ID}`) return undefined;
      for (const name of readdirSync(GUIDES_DIR)) this.addWatchFile(join(GUIDES_DIR, name));
      return `export default ${JSON.stringify(loadCatalogue(mode))};`;
    },
  };
}
