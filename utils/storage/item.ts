/**
 * The one way to keep a value in extension storage: a typed item whose every
 * read goes through its parser. A value that does not parse is set aside under
 * `damaged:<key>` with the parser's message (and the item reads as its
 * fallback), so that one damaged entry never breaks a view and is never
 * half-trusted. Writes through `update` are serialised per key in this context.
 */
import { browser } from 'wxt/browser';
import { serial } from '../serial';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };
export type Parse<T> = (raw: unknown) => Parsed<T>;

export type AreaName = 'local' | 'session';

/**
 * A stored value: read as `T`, written as `W` (the same, unless reading
 * brings a stored form to a richer one, as progress read with its version).
 */
export interface Item<T, W = T> {
  readonly key: string;
  get(): Promise<T>;
  set(value: W): Promise<void>;
  remove(): Promise<void>;
  /** Read, change, write, one at a time for this key in this context; answers the value written. */
  update(change: (value: T) => W): Promise<W>;
  /** Calls `listener` on every later change (from any context). Returns the function that stops. */
  watch(listener: (value: T) => void): () => void;
  /** Calls `listener` with the value now, then on every change; a change always wins over the first read. */
  follow(listener: (value: T) => void, onFailure?: () => void): () => void;
}

/** Where a damaged value is set aside, with why. */
export const DAMAGED_PREFIX = 'damaged:';

export interface Damaged {
  key: string;
  problem: string;
  /** Epoch ms. */
  at: number;
}

type Changes = Record<string, { newValue?: unknown }>;

const areaOf = (name: AreaName) => (name === 'session' ? browser.storage.session : browser.storage.local);

/** A parser for values that are always usable: whatever is stored is turned into a value (settings…). */
export const lenient =
  <T>(read: (raw: unknown) => T): Parse<T> =>
  (raw) => ({ ok: true, value: read(raw) });

/** A parser from a type guard: anything else is damaged. */
export const guarded =
  <T>(is: (raw: unknown) => raw is T, problem: string): Parse<T> =>
  (raw) =>
    is(raw) ? { ok: true, value: raw } : { ok: false, problem };

/**
 * Reads one raw value: absent gives the fallback; damaged is moved to
 * `damaged:<key>` and gives the fallback too.
 */
async function parseStored<T>(areaName: AreaName, key: string, raw: unknown, parse: Parse<T>, fallback: T): Promise<T> {
  if (raw === undefined) return fallback;
  const parsed = parse(raw);
  if (parsed.ok) return parsed.value;
  const area = areaOf(areaName);
  const damaged: Damaged = { key, problem: parsed.problem, at: Date.now() };
  console.warn(`[cote-a-cote] unreadable value set aside (${key}): ${parsed.problem}`);
  await area.set({ [`${DAMAGED_PREFIX}${key}`]: damaged });
  await area.remove(key);
  return fallback;
}

/** Parses a value that arrived in a change event, without writing (the writer's context sets it aside). */
function parseChange<T>(raw: unknown, parse: Parse<T>, fallback: T): T {
  if (raw === undefined) return fallback;
  const parsed = parse(raw);
  return parsed.ok ? parsed.value : fallback;
}

/** Follows the changes of some keys of an area; returns the function that stops. */
export function onStorageChange(areaName: AreaName, listener: (changes: Changes) => void): () => void {
  const area = areaOf(areaName);
  const onChanged = (changes: Changes) => listener(changes);
  area.onChanged.addListener(onChanged);
  return () => area.onChanged.removeListener(onChanged);
}

export function defineItem<T, W = T>(key: string, parse: Parse<T>, fallback: T, areaName: AreaName = 'local'): Item<T, W> {
  const area = () => areaOf(areaName);
  const get = async () => parseStored(areaName, key, (await area().get(key))[key], parse, fallback);
  const watch = (listener: (value: T) => void) =>
    onStorageChange(areaName, (changes) => {
      if (key in changes) listener(parseChange(changes[key]?.newValue, parse, fallback));
    });
  return {
    key,
    get,
    set: (value) => area().set({ [key]: value }),
    remove: () => area().remove(key),
    update: (change) =>
      serial(`item:${areaName}:${key}`, async () => {
        const next = change(await get());
        await area().set({ [key]: next });
        return next;
      }),
    watch,
    follow(listener, onFailure) {
      let live = true;
      let changed = false;
      const stop = watch((value) => {
        changed = true; // newer than the first read, still on its way
        listener(value);
      });
      get().then(
        (value) => live && !changed && listener(value),
        () => live && !changed && onFailure?.(),
      );
      return () => {
        live = false;
        stop();
      };
    },
  };
}

/** Items that share a prefix, one per id (`run:<tabId>`, `paused:<guideId>`…). */
export interface ItemFamily<T> {
  readonly prefix: string;
  of(id: string | number): Item<T | null, T>;
  /** Every stored entry, parsed; damaged ones are set aside and left out. */
  all(): Promise<Map<string, T>>;
  /** Calls `listener` with the ids that changed. */
  watch(listener: (ids: string[]) => void): () => void;
}

export function defineItemFamily<T>(prefix: string, parse: Parse<T>, areaName: AreaName = 'local'): ItemFamily<T> {
  const nullable: Parse<T | null> = (raw) => parse(raw);
  return {
    prefix,
    of: (id) => defineItem<T | null, T>(`${prefix}${id}`, nullable, null, areaName),
    async all() {
      const stored = await areaOf(areaName).get(null);
      const out = new Map<string, T>();
      for (const [key, raw] of Object.entries(stored)) {
        if (!key.startsWith(prefix)) continue;
        const value = await parseStored<T | null>(areaName, key, raw, nullable, null);
        if (value !== null) out.set(key.slice(prefix.length), value);
      }
      return out;
    },
    watch: (listener) =>
      onStorageChange(areaName, (changes) => {
        const ids = Object.keys(changes)
          .filter((key) => key.startsWith(prefix))
          .map((key) => key.slice(prefix.length));
        if (ids.length > 0) listener(ids);
      }),
  };
}
