/**
 * Writes `guides/guide.schema.json` from the zod schema of the guide format.
 *
 *   npx tsx scripts/gen-guide-schema.ts          # write the file
 *   npx tsx scripts/gen-guide-schema.ts --check  # exit 1 when the committed file is stale
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildGuideJsonSchema, guideJsonSchemaText } from '../utils/guide/json-schema';

const OUTPUT = resolve(import.meta.dirname, '../guides/guide.schema.json');
const shown = relative(process.cwd(), OUTPUT);

function isUpToDate(): boolean {
  if (!existsSync(OUTPUT)) return false;
  try {
    // Compare values, not text: a formatter may lay the JSON out differently.
    return isDeepStrictEqual(JSON.parse(readFileSync(OUTPUT, 'utf8')), buildGuideJsonSchema());
  } catch {
    return false;
  }
}

if (process.argv.includes('--check')) {
  if (isUpToDate()) {
    console.log(`${shown} est à jour.`);
  } else {
    console.error(`${shown} n’est plus à jour avec utils/guide/schema.ts : lancez « npx tsx scripts/gen-guide-schema.ts ».`);
    process.exit(1);
  }
} else {
  writeFileSync(OUTPUT, guideJsonSchemaText());
  console.log(`${shown} écrit.`);
}
