import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { StoredRead } from '../../utils/progress';
import { PROGRESS_KEY, type ProgressStore } from '../../utils/progress/store';
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
