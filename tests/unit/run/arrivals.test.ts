/**
 * Arrivals on a page, as the background hears them from the browser's tab
 * updates: no script of ours runs in a page without a run. Each browser's way
 * of telling a load, a reload and a single-page change of address gives one
 * arrival; the real background (over the fake browser's storage) moves the
 * tab's run with it and puts the overlay only in a tab that has a run.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../../utils/background';
import { createArrivals, type TabChange, type TabState } from '../../../utils/run/arrivals';
import { tabRuns } from '../../../utils/storage/items';
import { FakePlatform } from '../authoring-service/fakes';
import { asker } from '../harness/background';
import { at, practiceGuide } from './practice-guide';

const TAB = 7;
const OTHER_TAB = 8;
const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);

type Update = [TabChange, TabState];

/** The arrivals told for a sequence of one tab's updates. */
function arrivalsOf(updates: Update[], arrivals = createArrivals()): string[] {
  return updates.flatMap(([change, tab]) => arrivals.arrivalOf(TAB, change, tab) ?? []);
}

const A = 'https://exemple.gouv.fr/a';
const B = 'https://exemple.gouv.fr/b';

describe('which tab updates are arrivals', () => {
  it('a load, as Chromium tells it (the address with `loading`): one arrival, once loaded', () => {
    expect(
      arrivalsOf([
        [
          { status: 'loading', url: A },
          { status: 'loading', url: A },
        ],
        [{ status: 'complete' }, { status: 'complete', url: A }],
      ]),
    ).toEqual([A]);
  });

  it('a load, as Firefox tells it (the address on its own, while loading): one arrival, once loaded', () => {
    expect(
      arrivalsOf([
        [{ status: 'loading' }, { status: 'loading', url: 'about:blank' }],
        [{ url: A }, { status: 'loading', url: A }],
        [{ status: 'complete' }, { status: 'complete', url: A }],
      ]),
    ).toEqual([A]);
  });

  it('a single-page change of address: one arrival, even with a `complete` after it', () => {
    const arrivals = createArrivals();
    arrivalsOf([[{ status: 'complete' }, { status: 'complete', url: A }]], arrivals);
    expect(
      arrivalsOf(
        [
          [{ url: B }, { status: 'complete', url: B }],
          [{ status: 'complete' }, { status: 'complete', url: B }],
        ],
        arrivals,
      ),
    ).toEqual([B]);
  });

  it('a reload of the same address is an arrival again; the same address told twice without a load is not', () => {
    const arrivals = createArrivals();
    const load: Update[] = [
      [{ status: 'loading' }, { status: 'loading', url: A }],
      [{ status: 'complete' }, { status: 'complete', url: A }],
    ];
    expect(arrivalsOf(load, arrivals)).toEqual([A]);
    expect(arrivalsOf([[{ status: 'complete' }, { status: 'complete', url: A }]], arrivals)).toEqual([]);
    expect(arrivalsOf(load, arrivals)).toEqual([A]);
  });

  it('nothing where the browser hides the address (a site the extension may not enter), nor for other changes', () => {
    expect(
      arrivalsOf([
        [{ status: 'complete' }, { status: 'complete' }],
        [{ url: A }, { status: 'loading', url: A }],
        [{ title: 'Titre' } as TabChange, { status: 'complete', url: A }],
      ]),
    ).toEqual([]);
  });

  it('each tab apart, and a closed tab forgotten', () => {
    const arrivals = createArrivals();
    const done = { status: 'complete' };
    expect(arrivals.arrivalOf(TAB, done, { ...done, url: A })).toBe(A);
    expect(arrivals.arrivalOf(OTHER_TAB, done, { ...done, url: A })).toBe(A);
    arrivals.forget(TAB);
    expect(arrivals.arrivalOf(TAB, done, { ...done, url: A })).toBe(A);
    expect(arrivals.arrivalOf(OTHER_TAB, done, { ...done, url: A })).toBeUndefined();
  });
});

describe('the background hears arrivals', () => {
  let platform: FakePlatform;
  let background: ReturnType<typeof createBackground>;
  let ask: ReturnType<typeof asker>;
  const loaded = (tabId: number, url: string) => background.onTabUpdated(tabId, { status: 'complete' }, { status: 'complete', url });

  beforeEach(() => {
    fakeBrowser.reset();
    platform = new FakePlatform();
    background = createBackground({ bundledGuides: [practiceGuide], now: () => T0, platform });
    ask = asker(() => background.table);
  });

  it('a tab with no run: no overlay, nothing written', async () => {
    await loaded(TAB, at('/register/identity/'));
    expect(platform.injected).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('a tab with a run: the arrival moves the run, then the overlay comes into that tab', async () => {
    await ask({ type: 'run:start', tabId: TAB, guideId: practiceGuide.id, mode: 'alone', level: 'guided' });
    await ask({ type: 'run:event', tabId: TAB, event: { type: 'answer', choice: 1 } });
    expect((await tabRuns.all()).get(String(TAB))?.currentId).toBe('register-link');
    platform.injected.length = 0;

    // Arriving on the next step's page completes « register-link » (utils/run/advance.ts).
    await loaded(TAB, at('/register/identity/'));
    const run = (await tabRuns.all()).get(String(TAB));
    expect(run?.currentId).toBe('identity-name');
    expect(run?.history.at(-1)).toMatchObject({ id: 'register-link', how: 'page' });
    expect(platform.injected).toEqual([{ tabId: TAB, script: 'playback' }]);
  });

  it('a run in another tab: nothing comes here, and that run does not move', async () => {
    await ask({ type: 'run:start', tabId: OTHER_TAB, guideId: practiceGuide.id, mode: 'alone', level: 'guided' });
    await ask({ type: 'run:event', tabId: OTHER_TAB, event: { type: 'answer', choice: 1 } });
    platform.injected.length = 0;
    await loaded(TAB, at('/register/identity/'));
    expect(platform.injected).toEqual([]);
    expect((await tabRuns.all()).get(String(OTHER_TAB))?.currentId).toBe('register-link');
  });

  it('a page whose address the browser hides: nothing', async () => {
    await ask({ type: 'run:start', tabId: TAB, guideId: practiceGuide.id, mode: 'alone', level: 'guided' });
    platform.injected.length = 0;
    await background.onTabUpdated(TAB, { status: 'complete' }, { status: 'complete' });
    expect(platform.injected).toEqual([]);
  });

  it('a tab that refuses the overlay: the run still moves, and nothing throws', async () => {
    await ask({ type: 'run:start', tabId: TAB, guideId: practiceGuide.id, mode: 'alone', level: 'guided' });
    await ask({ type: 'run:event', tabId: TAB, event: { type: 'answer', choice: 1 } });
    platform.failInjection = true;
    await expect(loaded(TAB, at('/register/identity/'))).resolves.toBeUndefined();
    expect((await tabRuns.all()).get(String(TAB))?.currentId).toBe('identity-name');
  });
});
