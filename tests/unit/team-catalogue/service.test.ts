/**
 * Team catalogues in the real background (its router and sender checks), over
 * the fake browser's storage, with the catalogue's host in the test's hands.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../../utils/background';
import type { Guide } from '../../../utils/guide/schema';
import { tabRuns } from '../../../utils/storage/items';
import { teamCataloguesItem } from '../../../utils/storage/schema-items';
import { DAILY_MS, type TeamCataloguePlatform } from '../../../utils/team-catalogue/service';
import { type CatalogueSource, SourceError } from '../../../utils/team-catalogue/verify';
import { FakePlatform } from '../authoring-service/fakes';
import { asker } from '../harness/background';
import { practiceGuide } from '../run/practice-guide';
import { corrupt, guideFile, keys, memorySource, publish } from './fixtures';

const ADDRESS = 'https://equipe.example/catalogue';
const URL_ = 'https://equipe.example/catalogue/';
const T0 = 1_800_000_000_000;

class FakeHost implements TeamCataloguePlatform {
  files: Map<string, Uint8Array> | null = null;
  readonly reads: string[] = [];
  readonly removed: string[][] = [];
  source(base: URL): CatalogueSource {
    if (base.href !== URL_) throw new Error(`unexpected catalogue ${base.href}`);
    const files = this.files;
    if (!files) return { read: async (file) => Promise.reject(new SourceError('unreachable', file)) };
    return memorySource(files, this.reads);
  }
  async removeOrigins(origins: string[]) {
    this.removed.push(origins);
  }
  requiredOrigins() {
    return ['http://localhost/*'];
  }
}

let now = T0;
let host: FakeHost;
let authoring: FakePlatform;
let background: ReturnType<typeof createBackground>;
let ask: ReturnType<typeof asker>;

const v1 = () => publish(1, [guideFile('impots-declarer'), guideFile('caf-aide', (g) => (g.title = 'Demander une aide'))]);
const v2 = () =>
  publish(2, [
    guideFile('impots-declarer', (g) => {
      g.steps[1].instruction = 'Écrivez votre adresse e-mail, celle que vous lisez souvent.';
    }),
    guideFile('ameli-carte'),
  ]);

async function subscribe(daily = false) {
  const checked = await ask({ type: 'teamCatalogues:check', address: ADDRESS, publicKey: `Clé : ${keys.publicKey}\n` });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problem));
  return ask({ type: 'teamCatalogues:add', address: ADDRESS, publicKey: keys.publicKey, indexHash: checked.preview.indexHash, daily });
}

const listed = async () => {
  const { fitting, others } = await ask({ type: 'catalogue:forPage', url: null });
  return [...fitting, ...others];
};

beforeEach(() => {
  fakeBrowser.reset();
  now = T0;
  host = new FakeHost();
  authoring = new FakePlatform();
  background = createBackground({ bundledGuides: [practiceGuide], now: () => now, platform: authoring, teamPlatform: host });
  ask = asker(() => background.table);
});

describe('adding a team catalogue', () => {
  it('checks it, shows what it brings, then adds its guides with where they come from', async () => {
    host.files = await v1();
    const checked = await ask({ type: 'teamCatalogues:check', address: ADDRESS, publicKey: keys.publicKey });
    expect(checked).toMatchObject({
      ok: true,
      preview: {
        url: URL_,
        name: 'France Services de Tulle',
        version: 1,
        added: ['Guide impots-declarer', 'Demander une aide'],
        changed: [],
      },
    });
    expect(await listed()).toHaveLength(1); // nothing applied before « Ajouter »
    if (!checked.ok) return;
    expect(
      await ask({
        type: 'teamCatalogues:add',
        address: ADDRESS,
        publicKey: keys.publicKey,
        indexHash: checked.preview.indexHash,
        daily: true,
      }),
    ).toEqual({ ok: true });
    const team = (await listed()).filter((guide) => guide.team);
    expect(team.map((guide) => [guide.id, guide.team, guide.verified, guide.own])).toEqual([
      ['caf-aide', { name: 'France Services de Tulle', publishedAt: '2026-12-01' }, false, null],
      ['impots-declarer', { name: 'France Services de Tulle', publishedAt: '2026-12-01' }, false, null],
    ]);
    expect(await ask({ type: 'guide:get', guideId: 'caf-aide' })).toMatchObject({ title: 'Demander une aide' });
    expect(await ask({ type: 'teamCatalogues:list' })).toMatchObject({
      catalogues: [
        { url: URL_, version: 1, daily: true, guides: [{ id: 'impots-declarer' }, { id: 'caf-aide' }], check: { outcome: 'updated' } },
      ],
    });
  });

  it('adds only what was checked: a catalogue changed in between is refused', async () => {
    host.files = await v1();
    const checked = await ask({ type: 'teamCatalogues:check', address: ADDRESS, publicKey: keys.publicKey });
    if (!checked.ok) throw new Error('refused');
    const fresh = createBackground({ bundledGuides: [practiceGuide], now: () => now, platform: authoring, teamPlatform: host });
    host.files = await v2(); // the service worker slept; the host now has another index
    const add = asker(() => fresh.table);
    expect(
      await add({
        type: 'teamCatalogues:add',
        address: ADDRESS,
        publicKey: keys.publicKey,
        indexHash: checked.preview.indexHash,
        daily: false,
      }),
    ).toEqual({ ok: false, problem: { kind: 'changed' } });
    expect(await teamCataloguesItem.get()).toEqual({ v: 1, catalogues: [] });
  });

  it('refuses a bad address or key, a guide id already taken, and the same catalogue twice', async () => {
    host.files = await v1();
    expect(await ask({ type: 'teamCatalogues:check', address: 'ftp://x', publicKey: keys.publicKey })).toEqual({
      ok: false,
      problem: { kind: 'address' },
    });
    expect(await ask({ type: 'teamCatalogues:check', address: ADDRESS, publicKey: 'ma clé' })).toEqual({
      ok: false,
      problem: { kind: 'key' },
    });
    host.files = await publish(1, [guideFile(practiceGuide.id)]);
    expect(await ask({ type: 'teamCatalogues:check', address: ADDRESS, publicKey: keys.publicKey })).toEqual({
      ok: false,
      problem: { kind: 'taken', id: practiceGuide.id },
    });
    host.files = await v1();
    await subscribe();
    expect(await ask({ type: 'teamCatalogues:check', address: ADDRESS, publicKey: keys.publicKey })).toEqual({
      ok: false,
      problem: { kind: 'already' },
    });
  });

  it('an own guide may not take the id of a team guide afterwards: one id, one guide', async () => {
    host.files = await v1();
    await subscribe();
    const own = JSON.parse(new TextDecoder().decode(guideFile('impots-declarer', (g) => (g.title = 'Mon guide impôts')).bytes));
    const saved = await ask({ type: 'userGuides:save', guide: own, origin: 'imported' });
    expect(saved).toEqual({
      ok: false,
      problems: [
        {
          path: 'id',
          message:
            'en-tête du guide (id) : « impots-declarer » est déjà l’identifiant d’un guide du catalogue d’équipe « France Services de Tulle » ; choisissez-en un autre.',
        },
      ],
    });
    expect((await ask({ type: 'userGuides:list' })).guides).toEqual([]);
    // The catalogue's guide is still the one listed, once.
    expect((await listed()).filter((guide) => guide.id === 'impots-declarer').map((guide) => guide.team?.name)).toEqual([
      'France Services de Tulle',
    ]);
  });

  it('refuses a guide that runs a guide missing from this computer and from the catalogue, and takes those it can play', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: a raw guide file, written as a trainer would.
    const runs = (inner: string) => (guide: Record<string, any>) => {
      guide.format = 2;
      guide.steps = [
        { kind: 'guide', id: 'connexion', guide: inner, instruction: 'Connectez-vous.' },
        { kind: 'step', id: 'lire', action: 'read', instruction: 'Lisez la page.' },
        { kind: 'end', id: 'fin' },
      ];
    };
    host.files = await publish(1, [guideFile('impots-declarer', runs('franceconect-se-connecter'))]);
    const refused = await ask({ type: 'teamCatalogues:check', address: ADDRESS, publicKey: keys.publicKey });
    expect(refused).toMatchObject({ ok: false, problem: { kind: 'guide', file: expect.stringContaining('impots-declarer') } });
    const detail = !refused.ok && refused.problem.kind === 'guide' ? refused.problem.detail : '';
    expect(detail).toContain(
      'joue le guide « franceconect-se-connecter », qui n’est pas dans ce catalogue ni parmi les guides de cet ordinateur',
    );
    expect(detail).toContain('l’équipe doit publier aussi ce guide');
    expect((await teamCataloguesItem.get()).catalogues).toEqual([]);

    // One that runs a guide of this computer (bundled here: the practice guide), one that runs a guide of the catalogue.
    host.files = await publish(1, [guideFile('impots-declarer', runs(practiceGuide.id)), guideFile('caf-aide', runs('impots-declarer'))]);
    expect(await subscribe()).toEqual({ ok: true });
    expect((await teamCataloguesItem.get()).catalogues[0]?.guides.map((guide) => guide.id)).toEqual(['impots-declarer', 'caf-aide']);
  });

  it('a team guide that plays one of « Mes guides » is named when that one is about to be removed', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: a raw guide file, written as a trainer would.
    const playsMine = (guide: Record<string, any>) => {
      guide.format = 2;
      guide.title = 'Déclarer avec mon guide';
      guide.steps = [
        { kind: 'guide', id: 'connexion', guide: 'mon-guide', instruction: 'Connectez-vous.' },
        { kind: 'end', id: 'fin' },
      ];
    };
    const mine = JSON.parse(new TextDecoder().decode(guideFile('mon-guide', (g) => (g.title = 'Mon guide')).bytes));
    expect(await ask({ type: 'userGuides:save', guide: mine, origin: 'imported' })).toEqual({ ok: true, id: 'mon-guide' });
    host.files = await publish(1, [guideFile('impots-declarer', playsMine)]);
    expect(await subscribe()).toEqual({ ok: true });
    const [entry] = (await ask({ type: 'userGuides:list' })).guides;
    expect(entry).toMatchObject({ id: 'mon-guide', playedBy: ['Déclarer avec mon guide'] });
  });

  it('makes no request while a person’s run is on screen', async () => {
    host.files = await v1();
    await ask({ type: 'run:start', tabId: 3, guideId: practiceGuide.id, mode: 'advisor', level: 'guided' });
    expect(await ask({ type: 'teamCatalogues:check', address: ADDRESS, publicKey: keys.publicKey })).toEqual({
      ok: false,
      problem: { kind: 'run-on-screen' },
    });
    expect(host.reads).toEqual([]);
    await tabRuns.of(3).remove();
    expect(await ask({ type: 'teamCatalogues:check', address: ADDRESS, publicKey: keys.publicKey })).toMatchObject({ ok: true });
  });
});

describe('updating a team catalogue', () => {
  beforeEach(async () => {
    host.files = await v1();
    await subscribe();
  });

  it('applies a newer version whole: changed, added and removed guides', async () => {
    host.files = await v2();
    expect(await ask({ type: 'teamCatalogues:update', url: URL_ })).toEqual({
      ok: true,
      outcome: 'updated',
      changes: { added: ['Guide ameli-carte'], changed: ['Guide impots-declarer'], removed: ['Demander une aide'] },
    });
    const guide = (await ask({ type: 'guide:get', guideId: 'impots-declarer' })) as Guide;
    expect(guide.steps[1]).toMatchObject({ instruction: 'Écrivez votre adresse e-mail, celle que vous lisez souvent.' });
    expect(await ask({ type: 'teamCatalogues:update', url: URL_ })).toMatchObject({ ok: true, outcome: 'up-to-date' });
  });

  it('keeps the last good catalogue exactly as it was when a version is refused, and notes why', async () => {
    host.files = await v2();
    await ask({ type: 'teamCatalogues:update', url: URL_ });
    const good = await fakeBrowser.storage.local.get('teamCatalogues');

    const v3 = await publish(3, [guideFile('impots-declarer', (g) => (g.summary = 'Troisième.'))]);
    host.files = corrupt(v3, 'guides/impots-declarer.json', 100);
    expect(await ask({ type: 'teamCatalogues:update', url: URL_ })).toEqual({
      ok: false,
      problem: { kind: 'hash', file: 'guides/impots-declarer.json' },
    });
    host.files = await v1(); // replay of an old, validly signed version
    expect(await ask({ type: 'teamCatalogues:update', url: URL_ })).toEqual({
      ok: false,
      problem: { kind: 'rollback', version: 1, installed: 2 },
    });
    host.files = null; // the host does not answer
    expect(await ask({ type: 'teamCatalogues:update', url: URL_ })).toMatchObject({ ok: false, problem: { kind: 'unreachable' } });

    expect(await fakeBrowser.storage.local.get('teamCatalogues')).toEqual(good);
    expect(await ask({ type: 'teamCatalogues:list' })).toMatchObject({
      catalogues: [{ version: 2, check: { outcome: 'refused', problem: { kind: 'unreachable' } } }],
    });
  });

  it('looks for an update at browser start once a day, only when the advisor chose it', async () => {
    host.files = await v2();
    now += DAILY_MS;
    await background.onStartup();
    expect((await teamCataloguesItem.get()).catalogues[0]?.version).toBe(1); // not chosen
    await ask({ type: 'teamCatalogues:setDaily', url: URL_, daily: true });
    await background.onStartup();
    expect((await teamCataloguesItem.get()).catalogues[0]?.version).toBe(2);
    const reads = host.reads.length;
    now += 60_000;
    await background.onStartup();
    expect(host.reads.length).toBe(reads); // not twice the same day
  });
});

describe('removing a team catalogue', () => {
  it('removes its guides, keeps the person’s progress, and takes back the permissions only it needed', async () => {
    host.files = await v1();
    await subscribe();
    await fakeBrowser.storage.local.set({ progress: { keep: 'this' } });
    expect(await ask({ type: 'teamCatalogues:remove', url: URL_ })).toEqual({ ok: true });
    expect((await listed()).filter((guide) => guide.team)).toEqual([]);
    expect(await ask({ type: 'teamCatalogues:list' })).toEqual({ catalogues: [] });
    expect(host.removed).toEqual([['https://equipe.example/*', 'https://www.exemple.gouv.fr/*']]);
    expect(await fakeBrowser.storage.local.get('progress')).toEqual({ progress: { keep: 'this' } });
  });

  it('keeps a site that one of « Mes guides » still needs', async () => {
    host.files = await v1();
    await subscribe();
    const own = guideFile('mon-guide');
    await ask({ type: 'userGuides:save', guide: JSON.parse(new TextDecoder().decode(own.bytes)), origin: 'imported' });
    await ask({ type: 'teamCatalogues:remove', url: URL_ });
    expect(host.removed).toEqual([['https://equipe.example/*']]);
  });
});
