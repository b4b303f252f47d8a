import { emptyProgress, type StoredRead } from '../../utils/progress';
import { progressItem } from '../../utils/storage/schema-items';
import { type Loaded, useStoredItem } from '../shared/hooks';

/** The stored progress, followed (a run finished in another tab, an import…). */
export const useProgress = (): Loaded<StoredRead> => useStoredItem(progressItem, { ok: true, progress: emptyProgress(), dropped: 0 });
