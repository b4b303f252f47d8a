import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { entryOf, type StoredRead, type Suggestion, suggestLevel } from '../../utils/progress';
import { PROGRESS_KEY, ProgressStore } from '../../utils/progress/store';
import type { Loaded } from '../shared/hooks';

/** The stored progress, read again whenever it changes (a run finished in another tab, an import…). */
export function useProgress(store: ProgressStore): Loaded<StoredRead> {
  const [loaded, setLoaded] = useState<Loaded<StoredRead>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const load = () =>
      store.read().then(
        (value) => live && setLoaded({ state: 'ready', value }),
        () => live && setLoaded({ state: 'failed' }),
      );
    const onChanged = (changes: Record<string, unknown>) => {
      if (PROGRESS_KEY in changes) void load();
    };
    browser.storage.local.onChanged.addListener(onChanged);
    void load();
    return () => {
      live = false;
      browser.storage.local.onChanged.removeListener(onChanged);
    };
  }, [store]);
  return loaded;
}

/** The suggestion of less help for a guide (null while loading, for none, or on any failure: it is only an offer). */
export function useSuggestion(guideId: string | null): Suggestion | null {
  const [suggestion, setSuggestion] = useState<{ guideId: string | null; value: Suggestion | null }>({ guideId, value: null });
  useEffect(() => {
    if (guideId === null) return;
    let live = true;
    new ProgressStore().read().then(
      (read) => {
        const entry = read.ok ? entryOf(read.progress.guides, guideId) : undefined;
        if (live) setSuggestion({ guideId, value: entry ? suggestLevel(entry.completions) : null });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [guideId]);
  return suggestion.guideId === guideId ? suggestion.value : null;
}
