import { INDEX_FILE, SIGNATURE_FILE } from '../../../utils/team-catalogue/format';
import { generateKeyPair } from '../../../utils/team-catalogue/keys';
import { type GuideFile, publishCatalogue } from '../../../utils/team-catalogue/publish';
import { type CatalogueSource, SourceError } from '../../../utils/team-catalogue/verify';
import { validGuide } from '../guide/fixtures';

export { INDEX_FILE, SIGNATURE_FILE };
export const SITES = ['https://www.exemple.gouv.fr/*'];

/** The publisher's key pair, and another one (« the wrong key »). */
export const keys = await generateKeyPair();
export const otherKeys = await generateKeyPair();

const encoder = new TextEncoder();

/** A valid guide's file, changed by `change`. */
export function guideFile(id: string, change: (guide: Record<string, any>) => void = () => {}): GuideFile {
  const guide = validGuide();
  guide.id = id;
  guide.title = `Guide ${id}`;
  change(guide);
  return { id: guide.id, version: guide.version, bytes: encoder.encode(`${JSON.stringify(guide, null, 2)}\n`) };
}

export async function publish(
  version: number,
  guides: GuideFile[] = [guideFile('essai')],
  options: { sites?: string[]; secretKey?: string; name?: string } = {},
): Promise<Map<string, Uint8Array>> {
  const { files } = await publishCatalogue(guides, {
    name: options.name ?? 'France Services de Tulle',
    publisher: 'Marie, formatrice',
    version,
    publishedAt: `2026-12-0${Math.min(version, 9)}`,
    sites: options.sites ?? SITES,
    secretKey: options.secretKey ?? keys.secretKey,
  });
  return files;
}

/** A published folder in memory, with the same limits as a download; `reads` lists what was asked. */
export function memorySource(files: ReadonlyMap<string, Uint8Array>, reads: string[] = []): CatalogueSource {
  return {
    async read(file, limit) {
      reads.push(file);
      const bytes = files.get(file);
      if (!bytes) throw new SourceError('missing', file);
      if (bytes.length > limit) throw new SourceError('oversize', file);
      return bytes;
    },
  };
}

/** A copy of the files with one byte of one file changed. */
export function corrupt(files: ReadonlyMap<string, Uint8Array>, file: string, at: number, xor = 1): Map<string, Uint8Array> {
  const copy = new Map(files);
  const bytes = new Uint8Array(files.get(file) as Uint8Array);
  bytes[at % bytes.length] = (bytes[at % bytes.length] as number) ^ (xor || 1);
  copy.set(file, bytes);
  return copy;
}

export const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
