/**
 * Making a catalogue's files from guide files: the index (hashes and sizes of
 * the bytes as given) and its signature. Used by the trainers' command and by
 * the tests; never bundled in the extension, which only checks.
 */
import { CATALOGUE_FORMAT, type CatalogueIndex, catalogueIndexSchema, INDEX_FILE, SIGNATURE_FILE } from './format';
import { sha256Hex, sign } from './keys';

export interface GuideFile {
  id: string;
  version: string;
  /** The file's bytes, exactly as published. */
  bytes: Uint8Array;
}

export interface PublishOptions {
  name: string;
  publisher: string;
  version: number;
  publishedAt: string;
  sites: string[];
  secretKey: string;
}

/** Path of a guide in the published folder. */
export const guidePath = (id: string) => `guides/${id}.json`;

/** Every file of the published folder, by path; throws when the index would not be valid. */
export async function publishCatalogue(
  guides: readonly GuideFile[],
  options: PublishOptions,
): Promise<{ files: Map<string, Uint8Array>; index: CatalogueIndex; publicKey: string }> {
  const files = new Map<string, Uint8Array>();
  const entries: CatalogueIndex['guides'] = [];
  for (const guide of guides) {
    const file = guidePath(guide.id);
    files.set(file, guide.bytes);
    entries.push({ id: guide.id, version: guide.version, file, sha256: await sha256Hex(guide.bytes), size: guide.bytes.length });
  }
  const index = catalogueIndexSchema.parse({
    format: CATALOGUE_FORMAT,
    name: options.name,
    publisher: options.publisher,
    version: options.version,
    publishedAt: options.publishedAt,
    sites: options.sites,
    guides: entries,
  });
  const indexBytes = new TextEncoder().encode(`${JSON.stringify(index, null, 2)}\n`);
  const { signature, publicKey } = await sign(options.secretKey, indexBytes);
  files.set(INDEX_FILE, indexBytes);
  let binary = '';
  for (const byte of signature) binary += String.fromCharCode(byte);
  files.set(SIGNATURE_FILE, new TextEncoder().encode(`${btoa(binary)}\n`));
  return { files, index, publicKey };
}
