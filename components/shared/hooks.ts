import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Guide } from '../../utils/guide/schema';
import { runKey } from '../../utils/messages';
import type { Run } from '../../utils/run';
import { send } from '../../utils/send';

type Changes = Record<string, { newValue?: unknown }>;

/** Calls `listener` on every change of `browser.storage.local`, for the life of the component. */
function useStorageChanges(listener: (changes: Changes) => void, deps: unknown[]): void {
  useEffect(() => {
    const onChanged = (changes: Changes) => listener(changes);
    browser.storage.local.onChanged.addListener(onChanged);
    return () => browser.storage.local.onChanged.removeListener(onChanged);
  }, deps);
}

/** A value the view waits for: undefined while loading, or the failure. */
export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

/**
 * The run of a tab, kept up to date: asked once from the background, then
 * followed in storage (`run:<tabId>`), where the background writes it.
 * `tabId` undefined: the tab is not known yet (loading); null: there is none.
 */
export function useTabRun(tabId: number | null | undefined): Loaded<Run | null> {
  // The state remembers its tab, so that a change of tab never shows the previous tab's run.
  const [run, setRun] = useState<{ tabId: number | null | undefined; loaded: Loaded<Run | null> }>({ tabId, loaded: { state: 'loading' } });
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) return setRun({ tabId, loaded: { state: 'ready', value: null } });
    setRun({ tabId, loaded: { state: 'loading' } });
    const key = runKey(tabId);
    let changed = false;
    let live = true;
    const onChanged = (changes: Changes) => {
      if (!(key in changes)) return;
      changed = true; // newer than any answer still on its way
      setRun({ tabId, loaded: { state: 'ready', value: (changes[key]?.newValue as Run | null | undefined) ?? null } });
    };
    browser.storage.local.onChanged.addListener(onChanged);
    send({ type: 'run:forTab', tabId }).then(
      (value) => live && !changed && setRun({ tabId, loaded: { state: 'ready', value: value ?? null } }),
      () => live && !changed && setRun({ tabId, loaded: { state: 'failed' } }),
    );
    return () => {
      live = false;
      browser.storage.local.onChanged.removeListener(onChanged);
    };
  }, [tabId]);
  return run.tabId === tabId ? run.loaded : { state: 'loading' };
}

/** Runs left unfinished on closed tabs or before a browser restart, by guide id; refreshed on `paused:*` changes. */
export function usePausedRuns(): Record<string, Run> {
  const [paused, setPaused] = useState<Record<string, Run>>({});
  const [version, setVersion] = useState(0);
  useStorageChanges((changes) => {
    if (Object.keys(changes).some((key) => key.startsWith('paused:'))) setVersion((v) => v + 1);
  }, []);
  useEffect(() => {
    let live = true;
    send({ type: 'run:paused' }).then(
      (runs) => live && setPaused(runs ?? {}),
      () => live && setPaused({}),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return paused;
}

/** A guide from the catalogue, by id; never another id's guide while the next one loads. */
export function useGuide(guideId: string | null): Loaded<Guide | null> {
  const [guide, setGuide] = useState<{ guideId: string | null; loaded: Loaded<Guide | null> }>({ guideId, loaded: { state: 'loading' } });
  useEffect(() => {
    if (guideId === null) return setGuide({ guideId, loaded: { state: 'ready', value: null } });
    let live = true;
    setGuide({ guideId, loaded: { state: 'loading' } });
    send({ type: 'guide:get', guideId }).then(
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
