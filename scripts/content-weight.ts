/**
 * The content scripts run in every page of the guides' sites: they stay light.
 * The guide schema (zod, ~25 KB gzipped) belongs to the background and the
 * extension's pages; a content script that pulls it in (one import of
 * `utils/guide/schema` or `utils/storage/schema-items` is enough) fails the build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What zod leaves in a bundle, minified or not: its class names, kept as strings. */
const ZOD_MARK = /\bZod(?:Type|Error)\b/;

/** The content scripts of one build (`.output/chrome-mv3…`) that contain zod; empty when all are light. */
export function heavyContentScripts(outDir: string): string[] {
  const dir = join(outDir, 'content-scripts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((file) => file.endsWith('.js') && ZOD_MARK.test(readFileSync(join(dir, file), 'utf8')));
}

export function assertContentScriptsLight(outDir: string): void {
  const heavy = heavyContentScripts(outDir);
  if (heavy.length > 0)
    throw new Error(
      `Ces scripts de contenu contiennent zod (le schéma des guides) : ${heavy.join(', ')}. ` +
        'Un script de contenu n’importe ni utils/guide/schema ni utils/storage/schema-items.',
    );
}
