/**
 * The JSON Schema of a team catalogue's index (`docs/catalogue.schema.json`),
 * generated from the zod schema by `scripts/gen-guide-schema.ts`; not bundled.
 */
import { z } from 'zod';
import { CATALOGUE_FORMAT, catalogueIndexSchema } from './format';

type Json = Record<string, unknown>;

export const CATALOGUE_SCHEMA_ID = `urn:cote-a-cote:catalogue-format:${CATALOGUE_FORMAT}`;

const INDEX_WORDS: Record<string, string> = {
  format: 'Version du format des catalogues. Toujours 1 pour ce schéma.',
  name: 'Nom de l’équipe, affiché avec chacun de ses guides (« Catalogue de l’équipe … »).',
  publisher: 'Qui publie le catalogue (la formatrice, le réseau).',
  version: 'Numéro de publication : il grandit à chaque publication ; un numéro plus petit ou égal est refusé.',
  publishedAt: 'Date de publication, AAAA-MM-JJ.',
  sites: 'Les seuls sites que les guides du catalogue peuvent nommer (motifs, ex. « https://www.impots.gouv.fr/* »).',
  guides: 'Les guides du catalogue, chacun avec son fichier et son empreinte.',
};
const ENTRY_WORDS: Record<string, string> = {
  id: 'Identifiant du guide, le même que dans son fichier.',
  version: 'Version du guide, la même que dans son fichier.',
  file: 'Chemin du fichier du guide dans le dossier publié (ex. « guides/impots.json »).',
  sha256: 'Empreinte SHA-256 du fichier, en hexadécimal minuscule.',
  size: 'Taille du fichier en octets.',
};

function describe(properties: unknown, words: Record<string, string>) {
  if (typeof properties !== 'object' || properties === null) return;
  for (const [key, value] of Object.entries(properties as Record<string, Json>)) {
    if (words[key]) value.description = words[key];
  }
}

export function buildCatalogueJsonSchema(): Json {
  const generated = z.toJSONSchema(catalogueIndexSchema, { io: 'input' }) as Json;
  describe(generated.properties, INDEX_WORDS);
  const guides = (generated.properties as Record<string, Json> | undefined)?.guides as Json | undefined;
  describe((guides?.items as Json | undefined)?.properties, ENTRY_WORDS);
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: CATALOGUE_SCHEMA_ID,
    title: `Index d’un catalogue d’équipe Côte à côte (format ${CATALOGUE_FORMAT})`,
    description:
      'Le fichier index.json d’un catalogue d’équipe, signé dans index.json.sig. Fichier généré par scripts/gen-guide-schema.ts à partir de utils/team-catalogue/format.ts : ne pas le modifier à la main. Voir docs/catalogue.md.',
    ...rest,
  };
}

export function catalogueJsonSchemaText(): string {
  return `${JSON.stringify(buildCatalogueJsonSchema(), null, 2)}\n`;
}
