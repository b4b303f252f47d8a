/**
 * "My guides" in extension storage (`userGuidesItem`): read through
 * `migrateStore` (written back when it changed something, so that a damaged
 * entry is set aside once and for all), saved and removed one at a time.
 * Only the background writes here; the views ask it with messages.
 */
import { innerGuideIds } from '../../guide/graph';
import { innerGuideProblems } from '../../guide/inner-guides';
import { type GuideProblem, parseGuide } from '../../guide/parse';
import type { Guide } from '../../guide/schema';
import type { ResponseMap } from '../../messages';
import { serial } from '../../serial';
import { onStorageChange } from '../../storage/item';
import { userGuidesItem } from '../../storage/schema-items';
import { type GuideOrigin, removeGuide, saveGuide, type UserGuideStore, userGuides } from '../user-guides';

export interface UserGuidesStoreOptions {
  /** The current time, ISO 8601. */
  now?: () => string;
  /** Ids that a saved guide may not take: the bundled guides'. */
  reservedIds?: () => ReadonlySet<string>;
  /** Ids of the team catalogues' guides, with their catalogue's name: not to be taken either (one id, one guide). */
  teamIds?: () => Promise<ReadonlyMap<string, string>>;
  /** The bundled guides, that a saved guide may run (items of kind `guide`). */
  bundled?: () => readonly Guide[];
}

export interface UserGuidesStore {
  /** The store as migrated (damaged entries set aside). */
  read(): Promise<UserGuideStore>;
  /** The usable guides, most recently saved first. */
  guides(): Promise<Guide[]>;
  ids(): Promise<Set<string>>;
  /** The list the views show; `others`: the other installed guides that may play one of mine (team catalogues'). */
  list(others?: readonly Guide[]): Promise<ResponseMap['userGuides:list']>;
  /** Validates, then adds or replaces the guide under its id. Nothing is saved when it is invalid. */
  save(raw: unknown, origin: GuideOrigin): Promise<ResponseMap['userGuides:save']>;
  remove(id: string): Promise<ResponseMap['userGuides:remove']>;
}

export function createUserGuidesStore(options: UserGuidesStoreOptions = {}): UserGuidesStore {
  const now = options.now ?? (() => new Date().toISOString());
  const reserved = options.reservedIds ?? (() => new Set<string>());
  const teamIds = options.teamIds ?? (async () => new Map<string, string>());
  const bundled = options.bundled ?? (() => []);
  let cache: Promise<UserGuideStore> | null = null;

  // Another context of the extension could write the item (an older version, a test page): read again then.
  // Only dropped, not parsed: a migration on every change would be wasted work.
  onStorageChange('local', (changes) => {
    if (userGuidesItem.key in changes) cache = null;
  });

  async function load(): Promise<UserGuideStore> {
    const result = await userGuidesItem.get();
    if (result.changed) await userGuidesItem.set(result.store);
    return result.store;
  }

  function read(): Promise<UserGuideStore> {
    if (!cache) {
      const loading = load();
      cache = loading;
      loading.catch(() => {
        if (cache === loading) cache = null;
      });
    }
    return cache;
  }

  /** Read-modify-write, one at a time. */
  function update<T>(change: (store: UserGuideStore) => { store: UserGuideStore; result: T }): Promise<T> {
    return serial(userGuidesItem.key, async () => {
      const { store, result } = change(await read());
      await userGuidesItem.set(store);
      cache = Promise.resolve(store);
      return result;
    });
  }

  return {
    read,
    guides: async () => userGuides(await read()),
    ids: async () => new Set(Object.keys((await read()).guides)),
    async list(others = []) {
      const store = await read();
      const installed = [...userGuides(store), ...others];
      const playedBy = (id: string) => installed.filter((g) => g.id !== id && innerGuideIds(g).includes(id)).map((g) => g.title);
      return {
        guides: Object.values(store.guides)
          .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
          .map(({ guide, origin, savedAt }) => ({ id: guide.id, title: guide.title, origin, savedAt, playedBy: playedBy(guide.id) })),
        setAside: Object.entries(store.setAside).map(([id, entry]) => ({ id, message: entry.message })),
      };
    },
    async save(raw, origin) {
      const parsed = parseGuide(raw);
      if (!parsed.ok) return { ok: false, problems: parsed.problems };
      const guide = parsed.guide;
      const team = (await teamIds()).get(guide.id);
      if (reserved().has(guide.id) || team !== undefined) {
        const whose = team === undefined ? 'd’un guide fourni avec Côte à côte' : `d’un guide du catalogue d’équipe « ${team} »`;
        const problem: GuideProblem = {
          path: 'id',
          message: `en-tête du guide (id) : « ${guide.id} » est déjà l’identifiant ${whose} ; choisissez-en un autre.`,
        };
        return { ok: false, problems: [problem] };
      }
      // The guides it runs must be installed, and none may lead back to it.
      const inner = innerGuideProblems(guide, [...bundled(), ...userGuides(await read())], 'installed');
      if (inner.length > 0) return { ok: false, problems: inner };
      return update((store) => ({ store: saveGuide(store, guide, origin, { now: now() }), result: { ok: true as const, id: guide.id } }));
    },
    remove: (id) => update((store) => ({ store: removeGuide(store, id), result: { ok: true as const } })),
  };
}
