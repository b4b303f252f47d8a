import { useEffect, useRef, useState } from 'preact/hooks';
import type { Guide } from '../../utils/guide/schema';
import type { Run } from '../../utils/run';
import { send } from '../../utils/send';
import { type Item, pausedRuns, tabRuns } from '../../utils/storage/items';

/** A value the view waits for: undefined while loading, or the failure. */
export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

/**
 * A stored item, read then followed for the life of the component; null: no
 * item (the value is then `absent`). The state remembers its key, so that a
 * change of item never shows the previous item's value.
 */
export function useStoredItem<T>(item: Item<T, unknown> | null, absent: T): Loaded<T> {
  const key = item?.key ?? null;
  const [loaded, setLoaded] = useState<{ key: string | null; loaded: Loaded<T> }>({ key, loaded: { state: 'loading' } });
  useEffect(() => {
    if (!item) return setLoaded({ key, loaded: { state: 'ready', value: absent } });
    setLoaded({ key, loaded: { state: 'loading' } });
    return item.follow(
      (value) => setLoaded({ key, loaded: { state: 'ready', value } }),
      () => setLoaded({ key, loaded: { state: 'failed' } }),
    );
  }, [key]);
  return loaded.key === key ? loaded.loaded : { state: 'loading' };
}

/**
 * The run of a tab, kept up to date from storage, where the background writes it.
 * `tabId` undefined: the tab is not known yet (loading); null: there is none.
 */
export function useTabRun(tabId: number | null | undefined): Loaded<Run | null> {
  const loaded = useStoredItem(typeof tabId === 'number' ? tabRuns.of(tabId) : null, null);
  return tabId === undefined ? { state: 'loading' } : loaded;
}

/** Runs left unfinished on closed tabs or before a browser restart, by guide id; asked again when one changes. */
export function usePausedRuns(): Record<string, Run> {
  const [paused, setPaused] = useState<Record<string, Run>>({});
  const [version, setVersion] = useState(0);
  useEffect(() => pausedRuns.watch(() => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    send({ type: 'run:paused' }).then(
      (runs) => live && setPaused(runs),
      () => live && setPaused({}),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return paused;
}

/**
 * A guide from the catalogue, by id, as a run plays it (with the guides it
 * runs laid out); never another id's guide while the next one loads.
 */
export function useGuide(guideId: string | null): Loaded<Guide | null> {
  const [guide, setGuide] = useState<{ guideId: string | null; loaded: Loaded<Guide | null> }>({ guideId, loaded: { state: 'loading' } });
  useEffect(() => {
    if (guideId === null) return setGuide({ guideId, loaded: { state: 'ready', value: null } });
    let live = true;
    setGuide({ guideId, loaded: { state: 'loading' } });
    send({ type: 'guide:get', guideId, played: true }).then(
      (value) => live && setGuide({ guideId, loaded: { state: 'ready', value: value ?? null } }),
      () => live && setGuide({ guideId, loaded: { state: 'failed' } }),
    );
    return () => {
      live = false;
    };
  }, [guideId]);
  return guide.guideId === guideId ? guide.loaded : { state: 'loading' };
}

/**
 * Moves the focus to an element when it appears, so that keyboard and screen
 * reader users land on a screen that replaced another one.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
