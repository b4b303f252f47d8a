import { beforeEach, describe, expect, it } from 'vitest';
import {
  emptyStore,
  hasConflict,
  migrateStore,
  removeGuide,
  resolveImportConflict,
  saveGuide,
  type UserGuideStore,
  userGuides,
} from '../../../utils/authoring/user-guides';
import { parseGuide } from '../../../utils/guide/parse';
import type { Guide } from '../../../utils/guide/schema';
import { useLocale } from '../i18n/locale';

beforeEach(() => useLocale('fr'));

const NOW = '2026-03-02T10:00:00.000Z';
const EARLIER = '2026-01-15T08:30:00.000Z';

function rawGuide(id: string, title = `Guide ${id}`): Record<string, unknown> {
  return {
    format: 1,
    id,
    version: '1.0.0',
    lang: 'fr',
    title,
    summary: 'Un guide pour les tests.',
    status: { state: 'draft' },
    sites: ['https://www.exemple.gouv.fr/*'],
    durationMinutes: 5,
    steps: [
      { kind: 'step', id: 'valider', action: 'click', target: { tag: 'button', name: 'Valider' }, instruction: 'Cliquez sur « Valider ».' },
      { kind: 'end', id: 'fin' },
    ],
  };
}

function guide(id: string, title?: string): Guide {
  const parsed = parseGuide(rawGuide(id, title));
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  return parsed.guide;
}

describe('migrateStore', () => {
  it('starts empty when storage holds nothing, with nothing to write', () => {
    for (const raw of [undefined, null]) {
      expect(migrateStore(raw, { now: NOW })).toEqual({ store: emptyStore(), setAside: [], changed: false });
    }
  });

  it('reads a sound version-1 store as it is', () => {
    const raw = {
      v: 1,
      guides: {
        impots: { guide: rawGuide('impots'), savedAt: EARLIER, origin: 'recorded' },
        caf: { guide: rawGuide('caf'), savedAt: NOW, origin: 'imported' },
      },
      setAside: {},
    };
    const { store, setAside, changed } = migrateStore(raw, { now: NOW });
    expect(setAside).toEqual([]);
    expect(changed).toBe(false);
    expect(Object.keys(store.guides)).toEqual(['impots', 'caf']);
    expect(store.guides.impots).toEqual({ guide: guide('impots'), savedAt: EARLIER, origin: 'recorded' });
    expect(userGuides(store).map((g) => g.id)).toEqual(['caf', 'impots']);
  });

  it('sets a corrupted entry aside with a French message, keeps it, and keeps the others usable', () => {
    const broken = rawGuide('casse', 'Mon guide cassé');
    (broken.steps as unknown[])[0] = { kind: 'step', id: 'x', action: 'clicker', instruction: 'Cliquez.' };
    const raw = {
      v: 1,
      guides: {
        impots: { guide: rawGuide('impots'), savedAt: EARLIER, origin: 'recorded' },
        casse: { guide: broken, savedAt: EARLIER, origin: 'edited' },
        texte: 'pas un guide',
        vide: { savedAt: EARLIER },
      },
    };
    const { store, setAside, changed } = migrateStore(raw, { now: NOW });
    expect(changed).toBe(true);
    expect(Object.keys(store.guides)).toEqual(['impots']);
    expect(setAside.map((s) => s.id)).toEqual(['casse', 'texte', 'vide']);
    expect(setAside[0]?.message).toMatch(
      /^Le guide « Mon guide cassé » est abîmé et a été mis de côté : .*clicker.*Vos autres guides restent utilisables\.$/,
    );
    expect(setAside[1]?.message).toMatch(/^Le guide « texte » est illisible/);
    // Nothing is lost: the raw entries are in the bucket, untouched.
    expect(store.setAside.casse?.raw).toEqual({ guide: broken, savedAt: EARLIER, origin: 'edited' });
    expect(store.setAside.texte?.raw).toBe('pas un guide');
    expect(store.setAside.vide?.raw).toEqual({ savedAt: EARLIER });
    expect(store.setAside.casse?.setAsideAt).toBe(NOW);
  });

  it('tells what it set aside in the interface language; the guide’s own problem stays as guide validation says it', async () => {
    await useLocale('en');
    const broken = rawGuide('casse', 'Mon guide cassé');
    (broken.steps as unknown[])[0] = { kind: 'step', id: 'x', action: 'clicker', instruction: 'Cliquez.' };
    (broken.steps as unknown[])[1] = { kind: 'step', id: 'y', action: 'cliquer', instruction: 'Cliquez.' };
    const { setAside } = migrateStore({ v: 1, guides: { casse: { guide: broken } } }, { now: NOW });
    expect(setAside[0]?.message).toMatch(
      /^The guide “Mon guide cassé” is damaged and was set aside: .*« clicker » n’est pas une action connue.* \(and 1 other problem\)\. Your other guides can still be used\.$/,
    );
    expect(migrateStore({ v: 99 }, { now: NOW }).setAside[0]?.message).toMatch(
      /^Your guides were saved by a newer version .*\(format 99\)/,
    );
  });

  it('keeps what was set aside before, and sets it aside again without overwriting', () => {
    const first = migrateStore({ v: 1, guides: { a: 42 } }, { now: EARLIER }).store;
    expect(Object.keys(first.setAside)).toEqual(['a']);
    const second = migrateStore({ ...first, guides: { ...first.guides, a: 'encore cassé' } }, { now: NOW });
    expect(Object.keys(second.store.setAside)).toEqual(['a', 'a-2']);
    expect(second.store.setAside.a).toEqual(first.setAside.a);
    expect(second.store.setAside['a-2']?.raw).toBe('encore cassé');
    // Reading again what was written changes nothing.
    const third = migrateStore(JSON.parse(JSON.stringify(second.store)), { now: NOW });
    expect(third.changed).toBe(false);
    expect(third.store).toEqual(second.store);
  });

  it('migrates version 0, a plain array of guides, to version 1', () => {
    const broken = { ...rawGuide('vieux'), format: 7 };
    const { store, setAside, changed } = migrateStore([rawGuide('impots'), rawGuide('caf'), broken, 'n’importe quoi'], { now: NOW });
    expect(changed).toBe(true);
    expect(store.v).toBe(1);
    expect(store.guides.impots).toEqual({ guide: guide('impots'), savedAt: NOW, origin: 'imported' });
    expect(Object.keys(store.guides)).toEqual(['impots', 'caf']);
    expect(setAside.map((s) => s.id)).toEqual(['vieux', 'guide-4']);
    expect(store.setAside.vieux?.raw).toEqual({ guide: broken });
    expect(store.setAside['guide-4']?.raw).toEqual({ guide: 'n’importe quoi' });
  });

  it('keeps a store from a newer version aside, whole and untouched', () => {
    const future = { v: 2, guides: { a: { guide: rawGuide('a'), savedAt: NOW, origin: 'shared' } } };
    const { store, setAside } = migrateStore(future, { now: NOW });
    expect(store.guides).toEqual({});
    expect(setAside[0]?.message).toMatch(/version plus récente de Côte à côte/);
    expect(store.setAside['stockage-v2']?.raw).toEqual(future);
  });

  it('sets aside unreadable stores and guide lists', () => {
    expect(migrateStore('texte', { now: NOW }).store.setAside.stockage?.raw).toBe('texte');
    expect(migrateStore({ v: 1, guides: [1, 2] }, { now: NOW }).store.setAside.guides?.raw).toEqual([1, 2]);
    expect(migrateStore({ x: 1 }, { now: NOW }).setAside[0]?.message).toMatch(/format inconnu/);
  });

  it('files an entry under its guide id, fills a missing date and origin, and refuses duplicates', () => {
    const raw = {
      v: 1,
      guides: {
        mauvaise_cle: { guide: rawGuide('impots') },
        impots: { guide: rawGuide('impots'), savedAt: 'hier', origin: 'inconnu' },
      },
      setAside: {},
    };
    const { store, setAside, changed } = migrateStore(raw, { now: NOW });
    expect(changed).toBe(true);
    expect(store.guides.impots).toEqual({ guide: guide('impots'), savedAt: NOW, origin: 'edited' });
    expect(setAside.map((s) => s.id)).toEqual(['impots']);
    expect(setAside[0]?.message).toMatch(/même identifiant/);
  });

  it('does not let a key named __proto__ touch prototypes', () => {
    const raw = JSON.parse('{"v":1,"guides":{"__proto__":{"guide":"x"}},"setAside":{}}');
    const { store } = migrateStore(raw, { now: NOW });
    expect(Object.keys(store.setAside)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).guide).toBeUndefined();
  });
});

describe('resolveImportConflict', () => {
  const base = (): UserGuideStore => saveGuide(emptyStore(), guide('impots', 'Déclarer mes revenus'), 'recorded', { now: EARLIER });

  it('adds a guide without a conflict, whatever the choice', () => {
    for (const choice of ['replace', 'keep-both', 'cancel'] as const) {
      const result = resolveImportConflict(base(), guide('caf'), choice, { now: NOW });
      expect(result.outcome).toBe('added');
      expect(Object.keys(result.store.guides)).toEqual(['impots', 'caf']);
      expect(result.store.guides.caf?.origin).toBe('imported');
    }
  });

  it('replaces the guide with the same id', () => {
    const store = base();
    const incoming = guide('impots', 'Déclarer mes revenus, version 2');
    expect(hasConflict(store, incoming)).toBe(true);
    const result = resolveImportConflict(store, incoming, 'replace', { now: NOW });
    expect(result.outcome).toBe('replaced');
    expect(result.store.guides.impots).toEqual({ guide: incoming, savedAt: NOW, origin: 'imported' });
    expect(store.guides.impots?.guide.title).toBe('Déclarer mes revenus');
  });

  it('keeps both: a new unique id and a title « (copie) »', () => {
    const first = resolveImportConflict(base(), guide('impots', 'Déclarer mes revenus'), 'keep-both', { now: NOW });
    expect(first).toMatchObject({ outcome: 'kept-both', id: 'impots-2' });
    expect(first.store.guides['impots-2']?.guide.title).toBe('Déclarer mes revenus (copie)');
    expect(first.store.guides.impots?.guide.title).toBe('Déclarer mes revenus');
    const second = resolveImportConflict(first.store, guide('impots', 'Déclarer mes revenus'), 'keep-both', { now: NOW });
    expect(second.id).toBe('impots-3');
    expect(second.store.guides['impots-3']?.guide.title).toBe('Déclarer mes revenus (copie 2)');
    // The copy is still a valid guide.
    expect(parseGuide(JSON.parse(JSON.stringify(second.guide))).ok).toBe(true);
  });

  it('keeps ids and titles within the schema limits', () => {
    const longId = 'a'.repeat(80);
    const store = saveGuide(emptyStore(), guide(longId, 't'.repeat(120)), 'recorded');
    const result = resolveImportConflict(store, guide(longId, 't'.repeat(120)), 'keep-both', { now: NOW });
    expect(result.id?.length).toBeLessThanOrEqual(80);
    expect(result.id).not.toBe(longId);
    expect(result.guide?.title.length).toBeLessThanOrEqual(120);
    expect(result.guide?.title.endsWith('(copie)')).toBe(true);
    expect(parseGuide(JSON.parse(JSON.stringify(result.guide))).ok).toBe(true);
  });

  it('cancels without changing anything', () => {
    const store = base();
    const result = resolveImportConflict(store, guide('impots', 'Autre'), 'cancel', { now: NOW });
    expect(result).toEqual({ store, outcome: 'cancelled' });
  });
});

describe('saveGuide and removeGuide', () => {
  it('are pure', () => {
    const empty = emptyStore();
    const one = saveGuide(empty, guide('a'), 'edited', { now: NOW });
    expect(empty.guides).toEqual({});
    expect(one.guides.a?.savedAt).toBe(NOW);
    const none = removeGuide(one, 'a');
    expect(one.guides.a).toBeDefined();
    expect(none.guides).toEqual({});
    expect(removeGuide(none, 'absent')).toBe(none);
  });
});
