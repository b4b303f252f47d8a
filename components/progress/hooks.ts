import { useEffect, useState } from 'preact/hooks';
import { emptyProgress, entryOf, type StoredRead, type Suggestion, suggestLevel } from '../../utils/progress';
import { progressItem } from '../../utils/storage/schema-items';
import { type Loaded, useStoredItem } from '../shared/hooks';

/** The stored progress, followed (a run finished in another tab, an import…). */
export const useProgress = (): Loaded<StoredRead> => useStoredItem(progressItem, { ok: true, progress: emptyProgress(), dropped: 0 });

/** The suggestion of less help for a guide (null while loading, for none, or on any failure: it is only an offer). */
export function useSuggestion(guideId: string | null): Suggestion | null {
  const [suggestion, setSuggestion] = useState<{ guideId: string | null; value: Suggestion | null }>({ guideId, value: null });
  useEffect(() => {
    if (guideId === null) return;
    let live = true;
    progressItem.get().then(
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
