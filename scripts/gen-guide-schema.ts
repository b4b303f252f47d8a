/**
 * Writes the JSON Schemas generated from the zod schemas: the guide format
 * (`guides/guide.schema.json`) and a team catalogue's index
 * (`docs/catalogue.schema.json`).
 *
 *   npx tsx scripts/gen-guide-schema.ts          # write the files
 *   npx tsx scripts/gen-guide-schema.ts --check  # exit 1 when a committed file is stale
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildGuideJsonSchema, guideJsonSchemaText } from '../utils/guide/json-schema';
import { buildCatalogueJsonSchema, catalogueJsonSchemaText } from '../utils/team-catalogue/json-schema';

const OUTPUTS = [
  {
    file: resolve(import.meta.dirname, '../guides/guide.schema.json'),
    source: 'utils/guide/schema.ts',
    build: buildGuideJsonSchema,
    text: guideJsonSchemaText,
  },
  {
    file: resolve(import.meta.dirname, '../docs/catalogue.schema.json'),
    source: 'utils/team-catalogue/format.ts',
    build: buildCatalogueJsonSchema,
    text: catalogueJsonSchemaText,
  },
];

function isUpToDate(file: string, build: () => unknown): boolean {
  if (!existsSync(file)) return false;
  try {
    // Compare values, not text: a formatter may lay the JSON out differently.
    return isDeepStrictEqual(JSON.parse(readFileSync(file, 'utf8')), build());
  } catch {
    return false;
  }
}

if (process.argv.includes('--check')) {
  let stale = false;
  for (const { file, source, build } of OUTPUTS) {
    const shown = relative(process.cwd(), file);
    if (isUpToDate(file, build)) {
      console.log(`${shown} est à jour.`);
    } else {
      console.error(`${shown} n’est plus à jour avec ${source} : lancez « npx tsx scripts/gen-guide-schema.ts ».`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
} else {
  for (const { file, text } of OUTPUTS) {
    writeFileSync(file, text());
    console.log(`${relative(process.cwd(), file)} écrit.`);
  }
}
