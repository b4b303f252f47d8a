import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogueIndexSchema } from '../../../utils/team-catalogue/format';
import { sha256Hex } from '../../../utils/team-catalogue/keys';
import { publishCatalogue } from '../../../utils/team-catalogue/publish';
import { siteCovers } from '../../../utils/team-catalogue/sites';
import { verifyCatalogue } from '../../../utils/team-catalogue/verify';
import { ROOT } from '../guide/fixtures';
import { corrupt, guideFile, INDEX_FILE, keys, memorySource, otherKeys, publish, SIGNATURE_FILE, text } from './fixtures';

const GUIDE = 'guides/essai.json';

describe('verifying a team catalogue', () => {
  it('takes a good catalogue: its index and every guide, checked', async () => {
    const files = await publish(1, [guideFile('essai'), guideFile('autre')]);
    const result = await verifyCatalogue(memorySource(files), keys.publicKey);
    expect(result.ok && !result.unchanged && result.catalogue.guides.map((guide) => guide.id)).toEqual(['essai', 'autre']);
    if (!result.ok || result.unchanged) throw new Error('refused');
    expect(result.catalogue.index).toMatchObject({ name: 'France Services de Tulle', version: 1 });
    expect(result.catalogue.indexHash).toBe(await sha256Hex(files.get(INDEX_FILE) as Uint8Array));
  });

  it('refuses a guide with one byte changed: its hash no longer matches', async () => {
    const files = corrupt(await publish(1), GUIDE, 200);
    expect(await verifyCatalogue(memorySource(files), keys.publicKey)).toEqual({ ok: false, problem: { kind: 'hash', file: GUIDE } });
  });

  it('refuses an index with one byte changed, before reading anything else', async () => {
    const reads: string[] = [];
    const files = corrupt(await publish(1), INDEX_FILE, 30);
    expect(await verifyCatalogue(memorySource(files, reads), keys.publicKey)).toEqual({ ok: false, problem: { kind: 'signature' } });
    expect(reads).toEqual([INDEX_FILE, SIGNATURE_FILE]);
  });

  it('refuses a catalogue signed with another key', async () => {
    const files = await publish(1, undefined, { secretKey: otherKeys.secretKey });
    expect(await verifyCatalogue(memorySource(files), keys.publicKey)).toEqual({ ok: false, problem: { kind: 'signature' } });
  });

  it('refuses an unreadable public key', async () => {
    expect(await verifyCatalogue(memorySource(await publish(1)), 'cac-ed25519:abc')).toEqual({ ok: false, problem: { kind: 'key' } });
  });

  it('refuses an older index (replay of an old version), and another index with the installed number', async () => {
    const v2 = await publish(2, [guideFile('essai', (g) => (g.summary = 'Deuxième version.'))]);
    const installed = { version: 2, indexHash: await sha256Hex(v2.get(INDEX_FILE) as Uint8Array) };
    const v1 = await publish(1);
    expect(await verifyCatalogue(memorySource(v1), keys.publicKey, { installed })).toEqual({
      ok: false,
      problem: { kind: 'rollback', version: 1, installed: 2 },
    });
    const otherV2 = await publish(2);
    expect(await verifyCatalogue(memorySource(otherV2), keys.publicKey, { installed })).toMatchObject({
      ok: false,
      problem: { kind: 'rollback' },
    });
    // The installed index again: nothing to do.
    expect(await verifyCatalogue(memorySource(v2), keys.publicKey, { installed })).toEqual({ ok: true, unchanged: true });
  });

  it('refuses a catalogue with a file missing, or no signature', async () => {
    const files = await publish(1);
    const noGuide = new Map(files);
    noGuide.delete(GUIDE);
    expect(await verifyCatalogue(memorySource(noGuide), keys.publicKey)).toEqual({ ok: false, problem: { kind: 'missing', file: GUIDE } });
    const noSignature = new Map(files);
    noSignature.delete(SIGNATURE_FILE);
    expect(await verifyCatalogue(memorySource(noSignature), keys.publicKey)).toEqual({
      ok: false,
      problem: { kind: 'missing', file: SIGNATURE_FILE },
    });
  });

  it('refuses a signed index whose hash of a file is wrong', async () => {
    const good = guideFile('essai');
    const files = await publish(1, [good]);
    // The index is signed with the hash of other bytes of the same size.
    const other = new Uint8Array(good.bytes);
    other[other.length - 1] = 0x20;
    const signedWrong = await publish(1, [{ ...good, bytes: other }]);
    signedWrong.set(GUIDE, files.get(GUIDE) as Uint8Array);
    expect(await verifyCatalogue(memorySource(signedWrong), keys.publicKey)).toEqual({ ok: false, problem: { kind: 'hash', file: GUIDE } });
  });

  it('refuses a file larger than the index says, without reading past the size', async () => {
    const files = await publish(1);
    const bigger = new Map(files);
    bigger.set(GUIDE, new Uint8Array([...(files.get(GUIDE) as Uint8Array), 0x20]));
    expect(await verifyCatalogue(memorySource(bigger), keys.publicKey)).toEqual({ ok: false, problem: { kind: 'oversize', file: GUIDE } });
    const hugeIndex = new Map(files);
    hugeIndex.set(INDEX_FILE, new Uint8Array(300 * 1024));
    expect(await verifyCatalogue(memorySource(hugeIndex), keys.publicKey)).toEqual({
      ok: false,
      problem: { kind: 'oversize', file: INDEX_FILE },
    });
  });

  it('refuses a signed catalogue with an invalid guide, with the guide’s French messages', async () => {
    const files = await publish(1, [guideFile('essai', (g) => delete g.title)]);
    const result = await verifyCatalogue(memorySource(files), keys.publicKey);
    expect(result).toMatchObject({ ok: false, problem: { kind: 'guide', file: GUIDE } });
    expect(!result.ok && 'detail' in result.problem && result.problem.detail).toMatch(/guides\/essai\.json.*title/);
  });

  it('refuses a guide for a site outside the catalogue’s declared sites', async () => {
    const files = await publish(1, [
      guideFile('essai', (g) => (g.sites = ['https://www.exemple.gouv.fr/*', 'https://ailleurs.example/*'])),
    ]);
    expect(await verifyCatalogue(memorySource(files), keys.publicKey)).toEqual({
      ok: false,
      problem: { kind: 'site', file: GUIDE, site: 'https://ailleurs.example/*' },
    });
  });

  it('refuses a guide whose id another guide already has', async () => {
    const files = await publish(1);
    expect(await verifyCatalogue(memorySource(files), keys.publicKey, { takenIds: new Set(['essai']) })).toEqual({
      ok: false,
      problem: { kind: 'taken', id: 'essai' },
    });
  });

  it('refuses a guide file that is not the guide the index names', async () => {
    const good = guideFile('essai');
    const { files } = await publishCatalogue([{ ...good, version: '2.0.0' }], {
      name: 'Équipe',
      publisher: 'Marie',
      version: 1,
      publishedAt: '2026-12-05',
      sites: ['https://www.exemple.gouv.fr/*'],
      secretKey: keys.secretKey,
    });
    expect(await verifyCatalogue(memorySource(files), keys.publicKey)).toEqual({
      ok: false,
      problem: { kind: 'guide-id', file: GUIDE, id: 'essai' },
    });
  });

  it('property: any change of any byte of a signed catalogue is refused', async () => {
    const files = await publish(1, [guideFile('essai'), guideFile('autre')]);
    const names = [...files.keys()];
    expect(text(files.get(SIGNATURE_FILE))).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.nat(), fc.integer({ min: 1, max: 255 }), async (file, at, xor) => {
        const result = await verifyCatalogue(memorySource(corrupt(files, file, at, xor)), keys.publicKey);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('declared sites', () => {
  it('covers the same pattern, a narrower host or path, and nothing wider', () => {
    expect(siteCovers('https://www.impots.gouv.fr/*', 'https://www.impots.gouv.fr/*')).toBe(true);
    expect(siteCovers('https://*.impots.gouv.fr/*', 'https://cfspart.impots.gouv.fr/*')).toBe(true);
    expect(siteCovers('https://*.impots.gouv.fr/*', 'https://impots.gouv.fr/compte/*')).toBe(true);
    expect(siteCovers('*://www.ameli.fr/*', 'https://www.ameli.fr/assure/*')).toBe(true);
    expect(siteCovers('https://www.impots.gouv.fr/compte/*', 'https://www.impots.gouv.fr/*')).toBe(false);
    expect(siteCovers('https://www.impots.gouv.fr/*', 'https://*.impots.gouv.fr/*')).toBe(false);
    expect(siteCovers('https://*.gouv.fr/*', 'https://*/*')).toBe(false);
    expect(siteCovers('https://www.impots.gouv.fr/*', 'http://www.impots.gouv.fr/*')).toBe(false);
    expect(siteCovers('https://impots.gouv.fr/*', 'https://faux-impots.gouv.fr/*')).toBe(false);
  });
});

describe('docs/catalogue.md', () => {
  it('shows an index that the schema takes', async () => {
    const doc = readFileSync(join(ROOT, 'docs/catalogue.md'), 'utf8');
    const block = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(catalogueIndexSchema.safeParse(JSON.parse(block ?? 'null')).success).toBe(true);
  });
});
