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
 */
export function useTabRun(tabId: number | null): Loaded<Run | null> {
  const [run, setRun] = useState<Loaded<Run | null>>({ state: 'loading' });
  useEffect(() => {
    if (tabId === null) return setRun({ state: 'ready', value: null });
    setRun({ state: 'loading' });
    const key = runKey(tabId);
    let changed = false;
    let live = true;
    const onChanged = (changes: Changes) => {
      if (!(key in changes)) return;
      changed = true; // newer than any answer still on its way
      setRun({ state: 'ready', value: (changes[key]?.newValue as Run | null | undefined) ?? null });
    };
    browser.storage.local.onChanged.addListener(onChanged);
    send({ type: 'run:forTab', tabId }).then(
      (value) => live && !changed && setRun({ state: 'ready', value: value ?? null }),
      () => live && !changed && setRun({ state: 'failed' }),
    );
    return () => {
      live = false;
      browser.storage.local.onChanged.removeListener(onChanged);
    };
  }, [tabId]);
  return run;
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

/** A guide from the catalogue, by id. */
export function useGuide(guideId: string | null): Loaded<Guide | null> {
  const [guide, setGuide] = useState<Loaded<Guide | null>>({ state: 'loading' });
  useEffect(() => {
    if (guideId === null) return setGuide({ state: 'ready', value: null });
    let live = true;
    setGuide({ state: 'loading' });
    send({ type: 'guide:get', guideId }).then(
      (value) => live && setGuide({ state: 'ready', value: value ?? null }),
      () => live && setGuide({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [guideId]);
  return guide;
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
