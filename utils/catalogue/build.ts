/**
 * Build-time side of the catalogue (runs in Node, from wxt.config.ts): reads
 * every `guides/*.json`, validates it, and fails the build with the French
 * messages when one is invalid. Valid guides are handed to the bundle through
 * the `virtual:cac-catalogue` module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblems, parseGuideText } from '../guide/parse';
import type { Guide } from '../guide/schema';
import { isPracticeGuide } from './sites';

export const GUIDES_DIR = resolve(import.meta.dirname, '../../guides');
const NOT_GUIDES = new Set(['guide.schema.json']);

export class CatalogueError extends Error {}

/** Every guide file of `dir`, validated. Throws one error listing every problem of every file. */
export function readGuides(dir = GUIDES_DIR): Guide[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !NOT_GUIDES.has(name))
    .sort();
  const guides: Guide[] = [];
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
    guides.push(result.guide);
  }
  if (reports.length > 0) {
    throw new CatalogueError(`Des guides ne sont pas valides :\n${reports.join('\n')}`);
  }
  return guides;
}

/** The guides bundled in a build of this mode: practice guides only outside production. */
export function loadCatalogue(mode: string, dir = GUIDES_DIR): Guide[] {
  return readGuides(dir).filter((guide) => mode !== 'production' || !isPracticeGuide(guide));
}

/** Content-script matches and host permissions: exactly the sites of the bundled guides. */
export function permissionsFor(guides: readonly Guide[]): { matches: string[]; hostPermissions: string[] } {
  const sites = [...new Set(guides.flatMap((guide) => guide.sites))].sort();
  return { matches: sites, hostPermissions: sites };
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
