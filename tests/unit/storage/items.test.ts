/** The one way to keep a value in storage: every read parsed, a damaged value set aside, changes followed. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startRun } from '../../../utils/run';
import { serial } from '../../../utils/serial';
import { DAMAGED_PREFIX, defineItem, guarded, lenient } from '../../../utils/storage/item';
import { pausedRuns, settingsItem, tabRuns } from '../../../utils/storage/items';
import { practiceGuide } from '../run/practice-guide';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  return check();
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const isCount = (raw: unknown): raw is number => typeof raw === 'number' && Number.isInteger(raw);
const count = () => defineItem<number>('count', guarded(isCount, 'pas un nombre entier'), 0);

describe('an item', () => {
  it('reads its fallback when nothing is stored, and what was written', async () => {
    expect(await count().get()).toBe(0);
    await count().set(3);
    expect(await count().get()).toBe(3);
    await count().remove();
    expect(await count().get()).toBe(0);
  });

  it('sets a damaged value aside with why, reads the fallback, and leaves the key free', async () => {
    await fakeBrowser.storage.local.set({ count: 'trois' });
    expect(await count().get()).toBe(0);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.count).toBeUndefined();
    expect(stored[`${DAMAGED_PREFIX}count`]).toMatchObject({ key: 'count', problem: 'pas un nombre entier' });
  });

  it('applies updates one after the other: none is lost', async () => {
    await Promise.all(Array.from({ length: 20 }, () => count().update((n) => n + 1)));
    expect(await count().get()).toBe(20);
  });

  it('follows: the value now, then each change; a change always wins over a slower first read', async () => {
    const seen: number[] = [];
    await count().set(1);
    const stop = count().follow((n) => seen.push(n));
    await count().set(2); // may land before the first read answers
    expect(await until(() => seen.at(-1) === 2)).toBe(true);
    expect(seen.filter((n) => n === 1).length).toBeLessThanOrEqual(1);
    stop();
    await count().set(5);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).not.toContain(5);
  });

  it('reads a lenient item field by field (the settings)', async () => {
    await fakeBrowser.storage.local.set({ [settingsItem.key]: { textScale: 'énorme', highContrast: true } });
    expect(await settingsItem.get()).toMatchObject({ textScale: null, highContrast: true });
    // Nothing set aside: a lenient reading always gives a value.
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([settingsItem.key]);
  });

  it('keeps a value read as another type than it is written with (lenient parsing of a stored form)', async () => {
    const doubled = defineItem<number, number>(
      'half',
      lenient((raw) => (isCount(raw) ? raw * 2 : 0)),
      0,
    );
    await doubled.set(21);
    expect(await doubled.get()).toBe(42);
  });
});

describe('a family of items (runs by tab, paused runs by guide)', () => {
  const run = startRun(practiceGuide, 'advisor', 1);

  it('lists its entries only, sets damaged ones aside, and tells which ids changed', async () => {
    const changed: string[][] = [];
    const stop = pausedRuns.watch((ids) => changed.push(ids));
    await pausedRuns.of('constructor').set(run);
    await fakeBrowser.storage.local.set({ 'paused:abime': { v: 99 }, 'run:3': run, other: 1 });
    const all = await pausedRuns.all();
    expect([...all.keys()]).toEqual(['constructor']);
    expect((await fakeBrowser.storage.local.get('damaged:paused:abime'))['damaged:paused:abime']).toBeDefined();
    expect(changed.flat()).toEqual(expect.arrayContaining(['constructor', 'abime']));
    stop();
    expect((await tabRuns.all()).get('3')?.guideId).toBe(practiceGuide.id);
  });
});

describe('serial', () => {
  it('runs the tasks of one key in order, even after a failure, and other keys independently', async () => {
    const order: string[] = [];
    const slow = (name: string, ms: number) => () => new Promise<void>((resolve) => setTimeout(() => resolve(void order.push(name)), ms));
    await Promise.all([
      serial('k', slow('a1', 20)),
      serial('k', async () => {
        throw new Error('non');
      }).catch(() => order.push('failed')),
      serial('k', slow('a2', 0)),
      serial('other', slow('b', 5)),
    ]);
    expect(order).toEqual(['b', 'a1', 'failed', 'a2']);
  });
});
