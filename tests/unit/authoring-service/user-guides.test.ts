/**
 * "My guides" through the background: saved after validation, listed, removed,
 * a damaged stored entry set aside with a message while the others stay
 * usable, and the playback script registered on their allowed sites.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAuthoringService } from '../../../utils/authoring/background/service';
import { createUserGuidesStore } from '../../../utils/authoring/background/user-store';
import type { Request } from '../../../utils/messages';
import { userGuidesItem } from '../../../utils/storage/schema-items';
import { asker } from '../harness/background';
import { useLocale } from '../i18n/locale';
import { FakePlatform } from './fakes';

const NOW = '2026-03-02T10:00:00.000Z';

function rawGuide(id: string, site = 'https://www.exemple.gouv.fr/*', title = `Guide ${id}`): Record<string, unknown> {
  return {
    format: 1,
    id,
    version: '1.0.0',
    lang: 'fr',
    title,
    summary: 'Un guide pour les tests.',
    status: { state: 'draft' },
    sites: [site],
    durationMinutes: 5,
    steps: [
      { kind: 'step', id: 'valider', action: 'click', target: { tag: 'button', name: 'Valider' }, instruction: 'Cliquez sur « Valider ».' },
      { kind: 'end', id: 'fin' },
    ],
  };
}

let platform: FakePlatform;
let userGuides: ReturnType<typeof createUserGuidesStore>;
let service: ReturnType<typeof createAuthoringService>;
let clock: number;

function setUp() {
  userGuides = createUserGuidesStore({ now: () => new Date(clock).toISOString(), reservedIds: () => new Set(['dsfr-creer-un-compte']) });
  service = createAuthoringService({ platform, userGuides, now: () => clock, pause: async () => {} });
}

/** The answers, loosely typed: each test reads the fields it checks. */
// biome-ignore lint/suspicious/noExplicitAny: answers of several message types, read field by field in the tests.
type Answer = any;
const ask = asker(() => service.handlers) as unknown as <R extends Request>(request: R, senderTabId?: number) => Promise<Answer>;

beforeEach(async () => {
  fakeBrowser.reset();
  await useLocale('fr');
  clock = Date.parse(NOW);
  platform = new FakePlatform();
  platform.granted.add('https://www.exemple.gouv.fr/*');
  setUp();
});

describe('saving and listing', () => {
  it('saves a valid guide, lists it as the person’s own, and gives it to the catalogue', async () => {
    expect(await ask({ type: 'userGuides:save', guide: rawGuide('impots'), origin: 'recorded' })).toEqual({ ok: true, id: 'impots' });
    clock += 60_000;
    await ask({ type: 'userGuides:save', guide: rawGuide('caf'), origin: 'imported' });
    expect(await ask({ type: 'userGuides:list' })).toEqual({
      guides: [
        { id: 'caf', title: 'Guide caf', origin: 'imported', savedAt: '2026-03-02T10:01:00.000Z', playedBy: [] },
        { id: 'impots', title: 'Guide impots', origin: 'recorded', savedAt: NOW, playedBy: [] },
      ],
      setAside: [],
    });
    expect((await userGuides.guides()).map((guide) => guide.id)).toEqual(['caf', 'impots']);
    expect(await userGuides.ids()).toEqual(new Set(['caf', 'impots']));
  });

  it('refuses an invalid guide with French problems, and loses nothing else', async () => {
    await ask({ type: 'userGuides:save', guide: rawGuide('impots'), origin: 'recorded' });
    const broken = { ...rawGuide('caf'), steps: [{ kind: 'step', id: 'x', action: 'clicker', instruction: 'Cliquez.' }] };
    const result = await ask({ type: 'userGuides:save', guide: broken, origin: 'imported' });
    expect(result.ok).toBe(false);
    expect(result.problems[0].message).toMatch(/clicker/);
    expect(result.problems[0].message).toMatch(/étape|attendu/);
    expect((await ask({ type: 'userGuides:list' })).guides.map((entry: { id: string }) => entry.id)).toEqual(['impots']);
  });

  it('refuses the id of a bundled guide', async () => {
    const result = await ask({ type: 'userGuides:save', guide: rawGuide('dsfr-creer-un-compte'), origin: 'imported' });
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'id' }] });
    expect(result.problems[0].message).toContain('fourni avec Côte à côte');
    expect((await ask({ type: 'userGuides:list' })).guides).toEqual([]);
  });

  it('refuses a guide that runs a guide not installed, naming it, and accepts it once that guide is there', async () => {
    const caller = {
      ...rawGuide('ameli'),
      format: 2,
      steps: [
        { kind: 'guide', id: 'connexion', guide: 'franceconnect-se-connecter', instruction: 'Connectez-vous avec FranceConnect.' },
        { kind: 'end', id: 'fin' },
      ],
    };
    const refused = await ask({ type: 'userGuides:save', guide: caller, origin: 'imported' });
    expect(refused).toMatchObject({ ok: false, problems: [{ path: 'steps[0].guide' }] });
    expect(refused.problems[0].message).toContain(
      '« franceconnect-se-connecter », qui n’est pas parmi les guides fournis avec Côte à côte ni dans « Mes guides »',
    );
    expect((await ask({ type: 'userGuides:list' })).guides).toEqual([]);
    await ask({ type: 'userGuides:save', guide: rawGuide('franceconnect-se-connecter'), origin: 'imported' });
    expect(await ask({ type: 'userGuides:save', guide: caller, origin: 'imported' })).toEqual({ ok: true, id: 'ameli' });
    // The list says which guides play each one: the editor warns before the inner one is removed.
    const listed = (await ask({ type: 'userGuides:list' })).guides as { id: string; playedBy: string[] }[];
    expect(Object.fromEntries(listed.map((entry) => [entry.id, entry.playedBy]))).toEqual({
      ameli: [],
      'franceconnect-se-connecter': ['Guide ameli'],
    });
    // Saving the inner guide again so that it runs its caller would make a circle: refused.
    const circle = { ...caller, id: 'franceconnect-se-connecter', steps: [{ ...caller.steps[0], guide: 'ameli' }, caller.steps[1]] };
    const again = await ask({ type: 'userGuides:save', guide: circle, origin: 'edited' });
    expect(again.problems[0].message).toContain('en rond (« franceconnect-se-connecter » → « ameli » → « franceconnect-se-connecter »)');
  });

  it('accepts a guide that runs a bundled guide', async () => {
    const bundled = { ...rawGuide('dsfr-creer-un-compte') };
    userGuides = createUserGuidesStore({
      now: () => NOW,
      reservedIds: () => new Set(['dsfr-creer-un-compte']),
      bundled: () => [bundled as never],
    });
    service = createAuthoringService({ platform, userGuides, now: () => clock, pause: async () => {} });
    const caller = {
      ...rawGuide('essai'),
      format: 2,
      steps: [
        { kind: 'guide', id: 'compte', guide: 'dsfr-creer-un-compte', instruction: 'Créez votre compte.' },
        { kind: 'end', id: 'fin' },
      ],
    };
    expect(await ask({ type: 'userGuides:save', guide: caller, origin: 'imported' })).toEqual({ ok: true, id: 'essai' });
  });

  it('replaces a guide saved again under the same id, and removes it', async () => {
    await ask({ type: 'userGuides:save', guide: rawGuide('impots'), origin: 'recorded' });
    await ask({ type: 'userGuides:save', guide: rawGuide('impots', undefined, 'Déclarer mes revenus'), origin: 'edited' });
    expect((await ask({ type: 'userGuides:list' })).guides).toEqual([
      { id: 'impots', title: 'Déclarer mes revenus', origin: 'edited', savedAt: NOW, playedBy: [] },
    ]);
    expect(await ask({ type: 'userGuides:remove', guideId: 'impots' })).toEqual({ ok: true });
    expect((await ask({ type: 'userGuides:list' })).guides).toEqual([]);
    expect(await ask({ type: 'userGuides:remove', guideId: 'absent' })).toEqual({ ok: true });
  });

  it('applies saves arriving together one after the other', async () => {
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) => ask({ type: 'userGuides:save', guide: rawGuide(`guide-${id}`), origin: 'imported' })),
    );
    expect((await userGuides.ids()).size).toBe(4);
  });
});

describe('a damaged stored guide', () => {
  it('is set aside with a message, written back, and the other guides stay usable', async () => {
    await fakeBrowser.storage.local.set({
      [userGuidesItem.key]: {
        v: 1,
        guides: {
          impots: { guide: rawGuide('impots'), savedAt: NOW, origin: 'recorded' },
          caf: { guide: { ...rawGuide('caf'), steps: 'abîmé' }, savedAt: NOW, origin: 'imported' },
          ameli: 'pas un guide',
        },
        setAside: {},
      },
    });
    setUp();
    const list = await ask({ type: 'userGuides:list' });
    expect(list.guides.map((entry: { id: string }) => entry.id)).toEqual(['impots']);
    expect(list.setAside.map((entry: { id: string }) => entry.id).sort()).toEqual(['ameli', 'caf']);
    for (const entry of list.setAside) expect(entry.message).toMatch(/mis de côté.*autres guides restent utilisables/);
    expect((await userGuides.guides()).map((guide) => guide.id)).toEqual(['impots']);

    // Written back: the damaged entries are kept, untouched, apart from the usable guides.
    const raw = (await fakeBrowser.storage.local.get(userGuidesItem.key))[userGuidesItem.key] as {
      guides: Record<string, unknown>;
      setAside: Record<string, { raw: unknown }>;
    };
    expect(Object.keys(raw.guides)).toEqual(['impots']);
    expect(raw.setAside.ameli?.raw).toBe('pas un guide');

    // Saving another guide keeps what was set aside.
    await ask({ type: 'userGuides:save', guide: rawGuide('caf'), origin: 'imported' });
    const again = await ask({ type: 'userGuides:list' });
    expect(again.guides.map((entry: { id: string }) => entry.id).sort()).toEqual(['caf', 'impots']);
    expect(again.setAside).toHaveLength(2);
  });

  it('sets a store that is not one aside whole, with a message', async () => {
    await fakeBrowser.storage.local.set({ [userGuidesItem.key]: 'n’importe quoi' });
    setUp();
    const list = await ask({ type: 'userGuides:list' });
    expect(list.guides).toEqual([]);
    expect(list.setAside).toHaveLength(1);
    expect(list.setAside[0].message).toMatch(/illisible/);
  });
});

describe('taking back the sites of a removed guide (least privilege)', () => {
  it('gives a site back when the last guide that needed it is removed, not before', async () => {
    await ask({ type: 'userGuides:save', guide: rawGuide('impots'), origin: 'recorded' });
    await ask({ type: 'userGuides:save', guide: rawGuide('impots-bis'), origin: 'imported' });
    await ask({ type: 'userGuides:remove', guideId: 'impots' });
    expect(platform.released).toEqual([]);
    expect(platform.granted.has('https://www.exemple.gouv.fr/*')).toBe(true);
    await ask({ type: 'userGuides:remove', guideId: 'impots-bis' });
    expect(platform.released).toEqual(['https://www.exemple.gouv.fr/*']);
    expect(platform.granted.has('https://www.exemple.gouv.fr/*')).toBe(false);
  });

  it('keeps a site that another guide covers with a wildcard, that the manifest runs on, or that a recording uses', async () => {
    await ask({ type: 'userGuides:save', guide: rawGuide('large', 'https://*.exemple.gouv.fr/*'), origin: 'imported' });
    await ask({ type: 'userGuides:save', guide: rawGuide('etroit'), origin: 'imported' });
    await ask({ type: 'userGuides:remove', guideId: 'etroit' });
    expect(platform.released).toEqual([]);

    platform.manifest = ['https://www.caf.exemple/*'];
    await ask({ type: 'userGuides:save', guide: rawGuide('caf', 'https://www.caf.exemple/*'), origin: 'imported' });
    await ask({ type: 'userGuides:remove', guideId: 'caf' });
    expect(platform.released).toEqual([]);

    platform.urls.set(7, 'https://www.ameli.exemple/compte');
    platform.granted.add('https://www.ameli.exemple/*');
    await ask({ type: 'recorder:start', tabId: 7 });
    await ask({ type: 'userGuides:save', guide: rawGuide('ameli', 'https://www.ameli.exemple/*'), origin: 'imported' });
    await ask({ type: 'userGuides:remove', guideId: 'ameli' });
    expect(platform.released).toEqual([]);

    await ask({ type: 'userGuides:remove', guideId: 'large' });
    expect(platform.released).toEqual(['https://*.exemple.gouv.fr/*']);
  });
});
