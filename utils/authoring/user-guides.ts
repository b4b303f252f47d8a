/**
 * "My guides": the guides a trainer recorded, imported or edited, as kept in
 * extension storage. Pure: the storage wiring reads the raw value, calls
 * `migrateStore`, and writes the store back when `changed` says so.
 *
 * Stored format, version 1:
 * ```
 * { v: 1,
 *   guides:   { [id]: { guide, savedAt: ISO date, origin: 'recorded' | 'imported' | 'edited' } },
 *   setAside: { [key]: { raw, message, setAsideAt } } }
 * ```
 * Version 0 (the first prototype) was a plain array of guides.
 *
 * Nothing is ever deleted by reading: an entry that cannot be read (not an
 * object, a guide that fails `parseGuide`, a store from a newer version) is
 * moved, as it was, to `setAside` with a message in the interface's language
 * (a guide's own problems inside it stay in French, like every guide
 * validation message), and the other guides stay usable.
 */
import { i18n } from '#i18n';
import { parseGuide } from '../guide/parse';
import { type Guide, LIMITS } from '../guide/schema';
import { clipWords, uniqueId } from './text';

export const STORE_VERSION = 1;

export const ORIGINS = ['recorded', 'imported', 'edited'] as const;
export type GuideOrigin = (typeof ORIGINS)[number];

export interface UserGuideEntry {
  guide: Guide;
  /** When it was last saved, ISO 8601. */
  savedAt: string;
  origin: GuideOrigin;
}

export interface SetAsideEntry {
  /** What was in storage, untouched, so that it can be recovered or sent to the team. */
  raw: unknown;
  /** In words, in the interface's language when it was set aside: which guide, and what is wrong with it. */
  message: string;
  setAsideAt: string;
}

export interface UserGuideStore {
  v: typeof STORE_VERSION;
  guides: Record<string, UserGuideEntry>;
  setAside: Record<string, SetAsideEntry>;
}

export interface MigrationResult {
  store: UserGuideStore;
  /** What this reading set aside (the store's `setAside` also holds earlier ones). */
  setAside: { id: string; message: string }[];
  /** The store differs from what was read: write it back. */
  changed: boolean;
}

export interface StoreOptions {
  /** The current time, ISO 8601; the wiring passes `new Date().toISOString()`. */
  now?: string;
}

const EPOCH = '1970-01-01T00:00:00.000Z';

export function emptyStore(): UserGuideStore {
  return { v: STORE_VERSION, guides: {}, setAside: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

/** The guide's title (or its key), cut; the message quotes it. */
function nameOf(raw: unknown, fallback: string): string {
  if (isRecord(raw)) {
    const inner = isRecord(raw.guide) ? raw.guide : raw;
    if (typeof inner.title === 'string' && inner.title.trim() !== '') return clipWords(inner.title.trim(), 60);
  }
  return clipWords(fallback, 60);
}

/** Keeps every object key as its own, even `__proto__`, without touching prototypes. */
function safeSet<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

class Reader {
  readonly store = emptyStore();
  readonly setAsideNow: { id: string; message: string }[] = [];
  changed = false;
  constructor(private readonly now: string) {}

  setAside(id: string, raw: unknown, message: string): void {
    const key = uniqueId(id.replace(/[^\w-]/g, '-').slice(0, 80) || 'guide', new Set(Object.keys(this.store.setAside)), 100);
    safeSet(this.store.setAside, key, { raw, message, setAsideAt: this.now });
    this.setAsideNow.push({ id, message });
    this.changed = true;
  }

  keepSetAside(raw: unknown): void {
    if (raw === undefined) return;
    if (!isRecord(raw)) {
      this.setAside('mis-de-cote', raw, i18n.t('editor.mine.setAside.list'));
      return;
    }
    for (const [key, entry] of Object.entries(raw)) {
      if (isRecord(entry) && typeof entry.message === 'string') {
        safeSet(this.store.setAside, key, {
          raw: entry.raw,
          message: entry.message,
          setAsideAt: isIsoDate(entry.setAsideAt) ? entry.setAsideAt : this.now,
        });
      } else {
        safeSet(this.store.setAside, key, { raw: entry, message: i18n.t('editor.mine.setAside.earlier'), setAsideAt: this.now });
        this.changed = true;
      }
    }
  }

  /** Reads one entry: kept when it is a valid guide, set aside otherwise. */
  entry(key: string, raw: unknown, defaults: { origin: GuideOrigin }): void {
    if (!isRecord(raw) || !('guide' in raw)) {
      this.setAside(key, raw, i18n.t('editor.mine.setAside.notAGuide', [nameOf(raw, key)]));
      return;
    }
    const parsed = parseGuide(raw.guide);
    if (!parsed.ok) {
      // The guide's first problem, as guide validation tells it (in French); the sentence around it follows the interface.
      const [first, ...more] = parsed.problems.map((problem) => problem.message);
      const name = nameOf(raw, key);
      this.setAside(
        key,
        raw,
        more.length === 0
          ? i18n.t('editor.mine.setAside.damaged', [name, first ?? ''])
          : i18n.t('editor.mine.setAside.damagedMore', more.length, [name, first ?? '', String(more.length)]),
      );
      return;
    }
    const guide = parsed.guide;
    if (Object.hasOwn(this.store.guides, guide.id)) {
      this.setAside(key, raw, i18n.t('editor.mine.setAside.sameId', [nameOf(raw, key), guide.id]));
      return;
    }
    if (key !== guide.id) this.changed = true;
    const savedAt = isIsoDate(raw.savedAt) ? raw.savedAt : this.now;
    const origin = (ORIGINS as readonly unknown[]).includes(raw.origin) ? (raw.origin as GuideOrigin) : defaults.origin;
    if (savedAt !== raw.savedAt || origin !== raw.origin) this.changed = true;
    safeSet(this.store.guides, guide.id, { guide, savedAt, origin });
  }
}

/**
 * Reads "my guides" from what storage holds, whatever it holds: nothing yet,
 * the version-0 array, a version-1 store with broken entries, or a store from
 * a newer version of the extension (kept aside whole, untouched).
 */
export function migrateStore(raw: unknown, options: StoreOptions = {}): MigrationResult {
  const reader = new Reader(isIsoDate(options.now) ? options.now : EPOCH);
  const done = (): MigrationResult => ({ store: reader.store, setAside: reader.setAsideNow, changed: reader.changed });

  if (raw === undefined || raw === null) return done();

  // Version 0: a plain array of guides.
  if (Array.isArray(raw)) {
    reader.changed = true;
    raw.forEach((guide, index) => {
      const key = isRecord(guide) && typeof guide.id === 'string' && guide.id !== '' ? guide.id : `guide-${index + 1}`;
      reader.entry(key, { guide }, { origin: 'imported' });
    });
    return done();
  }

  if (!isRecord(raw)) {
    reader.setAside('stockage', raw, i18n.t('editor.mine.setAside.store'));
    return done();
  }

  if (typeof raw.v === 'number' && raw.v > STORE_VERSION) {
    reader.setAside(`stockage-v${raw.v}`, raw, i18n.t('editor.mine.setAside.newer', [String(raw.v)]));
    return done();
  }

  if (raw.v !== STORE_VERSION) {
    reader.setAside('stockage', raw, i18n.t('editor.mine.setAside.unknownFormat'));
    return done();
  }

  reader.keepSetAside(raw.setAside);
  if (!isRecord(raw.guides)) {
    if (raw.guides !== undefined) {
      reader.setAside('guides', raw.guides, i18n.t('editor.mine.setAside.guides'));
    } else {
      reader.changed = true;
    }
    return done();
  }
  for (const [key, entry] of Object.entries(raw.guides)) reader.entry(key, entry, { origin: 'edited' });
  if (raw.setAside === undefined) reader.changed = true;
  return done();
}

/** The usable guides, most recently saved first. */
export function userGuides(store: UserGuideStore): Guide[] {
  return Object.values(store.guides)
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt))
    .map((entry) => entry.guide);
}

/** Saves (adds or replaces) a guide under its own id. Returns a new store. */
export function saveGuide(store: UserGuideStore, guide: Guide, origin: GuideOrigin, options: StoreOptions = {}): UserGuideStore {
  const guides = { ...store.guides };
  safeSet(guides, guide.id, { guide, savedAt: isIsoDate(options.now) ? options.now : EPOCH, origin });
  return { ...store, guides };
}

/** Removes a guide the trainer chose to delete. Returns a new store. */
export function removeGuide(store: UserGuideStore, id: string): UserGuideStore {
  if (!Object.hasOwn(store.guides, id)) return store;
  const guides = { ...store.guides };
  delete guides[id];
  return { ...store, guides };
}

/** Whether importing this guide would meet one already there (same id). */
export function hasConflict(store: UserGuideStore, guide: Pick<Guide, 'id'>): boolean {
  return Object.hasOwn(store.guides, guide.id);
}

export type ConflictChoice = 'replace' | 'keep-both' | 'cancel';

export interface ConflictResolution {
  store: UserGuideStore;
  outcome: 'added' | 'replaced' | 'kept-both' | 'cancelled';
  /** The id the guide was saved under (absent when cancelled). */
  id?: string;
  /** The guide as saved (for keep-both: new id, title « (copie) »). */
  guide?: Guide;
}

function copyTitle(title: string, titles: ReadonlySet<string>): string {
  const base = title.replace(/\s*\(copie(?: \d+)?\)$/, '');
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copie)' : ` (copie ${n})`;
    const candidate = `${clipWords(base, LIMITS.title - suffix.length)}${suffix}`;
    if (!titles.has(candidate)) return candidate;
  }
}

/**
 * Imports a guide into the store, when one with the same id may already be
 * there: `replace` it, `keep-both` (the import gets a free id, `-2`, `-3`…,
 * and its title « (copie) »), or `cancel`. Without a conflict the guide is
 * simply added, whatever the choice. Pure: returns a new store.
 */
export function resolveImportConflict(
  store: UserGuideStore,
  guide: Guide,
  choice: ConflictChoice,
  options: StoreOptions = {},
): ConflictResolution {
  if (!hasConflict(store, guide)) {
    return { store: saveGuide(store, guide, 'imported', options), outcome: 'added', id: guide.id, guide };
  }
  if (choice === 'cancel') return { store, outcome: 'cancelled' };
  if (choice === 'replace') {
    return { store: saveGuide(store, guide, 'imported', options), outcome: 'replaced', id: guide.id, guide };
  }
  const id = uniqueId(guide.id, new Set(Object.keys(store.guides)), LIMITS.id);
  const titles = new Set(Object.values(store.guides).map((entry) => entry.guide.title));
  const copy: Guide = { ...guide, id, title: copyTitle(guide.title, titles) };
  return { store: saveGuide(store, copy, 'imported', options), outcome: 'kept-both', id, guide: copy };
}
