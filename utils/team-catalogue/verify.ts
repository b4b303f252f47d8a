/**
 * Checking a published team catalogue, the same way in the extension and in
 * the trainers' command: the signature of the index first (nothing of an
 * unsigned index is read), then the version against the installed one, then
 * each guide file's size and hash, then each guide with the extension's own
 * validation and against the catalogue's declared sites. Pure apart from Web
 * Crypto: the files come from a `CatalogueSource` (the network, a folder).
 */

import { innerGuideProblems } from '../guide/inner-guides';
import { formatProblems, parseGuideText } from '../guide/parse';
import type { Guide } from '../guide/schema';
import { CATALOGUE_LIMITS, type CatalogueIndex, catalogueIndexSchema, INDEX_FILE, indexIssues, SIGNATURE_FILE } from './format';
import { fromBase64, readPublicKey, sha256Hex, verifySignature } from './keys';
import { sitesCovered } from './sites';

/** Why a file could not be read. */
export type ReadFailure = 'missing' | 'unreachable' | 'timeout' | 'html' | 'oversize' | 'status';

export class SourceError extends Error {
  constructor(
    readonly kind: ReadFailure,
    readonly file: string,
    readonly detail = '',
  ) {
    super(`${kind}: ${file} ${detail}`);
  }
}

/** Where a catalogue's files come from. `read` throws a `SourceError`, and never reads more than `limit` bytes. */
export interface CatalogueSource {
  read(file: string, limit: number): Promise<Uint8Array>;
}

/**
 * What went wrong, as data: the settings page says it in the interface's
 * language, the command in French. `detail` is a guide's validation messages
 * (French, as guide texts are) or the index's problems.
 */
export type CatalogueProblem =
  | { kind: ReadFailure; file: string; detail?: string }
  | { kind: 'key' }
  | { kind: 'signature' }
  | { kind: 'index'; detail: string }
  | { kind: 'rollback'; version: number; installed: number }
  | { kind: 'hash'; file: string }
  | { kind: 'guide'; file: string; detail: string }
  | { kind: 'guide-id'; file: string; id: string }
  | { kind: 'site'; file: string; site: string }
  | { kind: 'taken'; id: string };

export type ProblemKind = CatalogueProblem['kind'];

export interface VerifiedCatalogue {
  index: CatalogueIndex;
  /** SHA-256 of the index's bytes: what was shown is what is applied. */
  indexHash: string;
  guides: Guide[];
}

export interface VerifyOptions {
  /** The version installed now: only a greater one is taken (the same index again is « à jour »). */
  installed?: { version: number; indexHash: string };
  /** Ids a catalogue guide may not take (bundled guides, « Mes guides », other catalogues). */
  takenIds?: ReadonlySet<string>;
  /**
   * The guides of this computer that a catalogue guide may run (bundled, « Mes guides », other catalogues): each
   * guide it runs must be there or in the catalogue. Not given (the command line): not checked.
   */
  elsewhere?: readonly Pick<Guide, 'id' | 'steps'>[];
}

export type VerifyResult =
  | { ok: true; catalogue: VerifiedCatalogue; unchanged: false }
  | { ok: true; unchanged: true }
  | { ok: false; problem: CatalogueProblem };

const decoder = new TextDecoder('utf-8', { fatal: true });

async function read(source: CatalogueSource, file: string, limit: number): Promise<Uint8Array | CatalogueProblem> {
  try {
    return await source.read(file, limit);
  } catch (error) {
    if (error instanceof SourceError) return { kind: error.kind, file: error.file, ...(error.detail ? { detail: error.detail } : {}) };
    return { kind: 'unreachable', file };
  }
}

/**
 * The signature file in its one exact form: 64 bytes in base64 (88 characters)
 * and an optional final newline. A file that differs by one byte is refused,
 * even where a lenient reader would decode the same bytes.
 */
function readSignature(bytes: Uint8Array): Uint8Array | null {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return null;
  }
  if (!/^[A-Za-z0-9+/]{86}==\n?$/.test(text)) return null;
  const signature = fromBase64(text);
  if (signature?.length !== 64) return null;
  // Base64 has spare bits in its last character: only the canonical writing is taken.
  return toBase64(signature) === text.trimEnd() ? signature : null;
}

const toBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

const isProblem = (value: Uint8Array | CatalogueProblem): value is CatalogueProblem => !(value instanceof Uint8Array);

export async function verifyCatalogue(source: CatalogueSource, publicKeyText: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const publicKey = readPublicKey(publicKeyText);
  if (!publicKey) return { ok: false, problem: { kind: 'key' } };

  const indexBytes = await read(source, INDEX_FILE, CATALOGUE_LIMITS.indexBytes);
  if (isProblem(indexBytes)) return { ok: false, problem: indexBytes };
  const signatureBytes = await read(source, SIGNATURE_FILE, CATALOGUE_LIMITS.signatureBytes);
  if (isProblem(signatureBytes)) return { ok: false, problem: signatureBytes };

  const signature = readSignature(signatureBytes);
  if (!signature || !(await verifySignature(publicKey, signature, indexBytes))) return { ok: false, problem: { kind: 'signature' } };

  const indexHash = await sha256Hex(indexBytes);
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(indexBytes));
  } catch {
    return { ok: false, problem: { kind: 'index', detail: 'JSON' } };
  }
  const parsed = catalogueIndexSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: { kind: 'index', detail: indexIssues(parsed.error).join(' ; ') } };
  const index = parsed.data;

  const installed = options.installed;
  if (installed) {
    if (indexHash === installed.indexHash) return { ok: true, unchanged: true };
    // An older index, or another one with the same number: a replay or a mistake, never applied.
    if (index.version <= installed.version) {
      return { ok: false, problem: { kind: 'rollback', version: index.version, installed: installed.version } };
    }
  }

  const guides: Guide[] = [];
  for (const entry of index.guides) {
    if (options.takenIds?.has(entry.id)) return { ok: false, problem: { kind: 'taken', id: entry.id } };
    const bytes = await read(source, entry.file, entry.size);
    if (isProblem(bytes)) return { ok: false, problem: bytes };
    if (bytes.length !== entry.size || (await sha256Hex(bytes)) !== entry.sha256)
      return { ok: false, problem: { kind: 'hash', file: entry.file } };
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { ok: false, problem: { kind: 'guide', file: entry.file, detail: 'UTF-8' } };
    }
    const result = parseGuideText(text, entry.file);
    if (!result.ok) return { ok: false, problem: { kind: 'guide', file: entry.file, detail: formatProblems(result.problems) } };
    const guide = result.guide;
    if (guide.id !== entry.id || guide.version !== entry.version)
      return { ok: false, problem: { kind: 'guide-id', file: entry.file, id: entry.id } };
    const outside = sitesCovered(index.sites, guide.sites);
    if (outside !== null) return { ok: false, problem: { kind: 'site', file: entry.file, site: outside } };
    guides.push(guide);
  }
  // Once every guide is read: a guide that runs a guide missing here would stop the person half-way.
  if (options.elsewhere) {
    for (const [i, guide] of guides.entries()) {
      const file = index.guides[i]?.file ?? guide.id;
      const problems = innerGuideProblems(guide, [...options.elsewhere, ...guides], 'team', file);
      if (problems.length > 0) return { ok: false, problem: { kind: 'guide', file, detail: formatProblems(problems) } };
    }
  }
  return { ok: true, unchanged: false, catalogue: { index, indexHash, guides } };
}
