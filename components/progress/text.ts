import { i18n } from '#i18n';
import type { Suggestion } from '../../utils/progress';
import type { HelpLevel } from '../../utils/run';
import { levelLabel } from '../shared/HelpChoices';

/** "avec guidage", "en autonomie"…: a level inside a sentence. */
export function atLevel(level: HelpLevel): string {
  switch (level) {
    case 'guided':
      return i18n.t('progress.at.guided');
    case 'on-demand':
      return i18n.t('progress.at.onDemand');
    case 'autonomous':
      return i18n.t('progress.at.autonomous');
  }
}

/** « Vous avez réussi 2 fois avec guidage, sans aide. Essayer avec moins d'aide… ? » — the level named as on the start screen. */
export function suggestionText(suggestion: Suggestion): string {
  return i18n.t('progress.suggestion', [String(suggestion.times), atLevel(suggestion.from), levelLabel(suggestion.to)]);
}
