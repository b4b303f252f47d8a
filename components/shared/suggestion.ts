import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import { entryOf, type Suggestion, suggestLevel } from '../../utils/progress';
import type { HelpLevel } from '../../utils/run';
import { progressItem } from '../../utils/storage/schema-items';
import { levelLabel } from './HelpChoices';

/** "avec guidage", "en autonomie"…: a level inside a sentence. */
export function atLevel(level: HelpLevel): string {
  switch (level) {
    case 'guided':
      return i18n.t('progress.at.guided');
    case 'on-demand':
      return i18n.t('progress.at.onDemand');
    case 'autonomous':
      return i18n.t('progress.at.autonomous');
    default:
      return assertNever(level);
  }
}

/** « Vous avez réussi 2 fois avec guidage, sans aide. Essayer avec moins d'aide… ? » — the level named as on the start screen. */
export function suggestionText(suggestion: Suggestion): string {
  return i18n.t('progress.suggestion', [String(suggestion.times), atLevel(suggestion.from), levelLabel(suggestion.to)]);
}

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
