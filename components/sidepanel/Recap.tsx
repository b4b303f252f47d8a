import { i18n } from '#i18n';
import type { Guide } from '../../utils/guide/schema';
import { type Run, recap } from '../../utils/run';

/** The end recap: counts only, nothing about the person. */
export function Recap({ guide, run }: { guide: Guide; run: Run }) {
  const counts = recap(guide, run);
  const minutes = Math.max(1, Math.round(counts.durationMs / 60_000));
  return (
    <section class="recap" aria-labelledby="recap-title">
      <h2 id="recap-title">{i18n.t('sidepanel.recap.title')}</h2>
      <ul>
        <li data-count="steps">{i18n.t('sidepanel.recap.steps', [String(counts.steps)])}</li>
        <li data-count="by-person">{i18n.t('sidepanel.recap.byPerson', [String(counts.doneByPerson)])}</li>
        <li data-count="by-hand">{i18n.t('sidepanel.recap.byHand', [String(counts.doneByHand)])}</li>
        {counts.skipped > 0 && <li data-count="skipped">{i18n.t('sidepanel.recap.skipped', [String(counts.skipped)])}</li>}
        {counts.questionsAnswered > 0 && (
          <li data-count="answers">{i18n.t('sidepanel.recap.answers', [String(counts.questionsAnswered)])}</li>
        )}
        <li data-count="help">
          {counts.helpAsked === 0 ? i18n.t('sidepanel.recap.noHelp') : i18n.t('sidepanel.recap.help', [String(counts.helpAsked)])}
        </li>
        <li data-count="duration">{i18n.t('sidepanel.recap.duration', [String(minutes)])}</li>
      </ul>
    </section>
  );
}
