/**
 * What the review found in an imported guide, shown before it is saved or
 * opened: the facts that still look personal (with the same words as the
 * editor) and how many the recorder withheld. The save then asks about each.
 */
import { i18n } from '#i18n';
import { reviewGuide } from '../../utils/authoring/review';
import type { Guide } from '../../utils/guide/schema';
import { factName, personalText, stepOf } from './review-words';

export function ReviewFound({ guide }: { guide: Guide }) {
  const facts = reviewGuide(guide);
  const marked = facts.filter((fact) => fact.looksPersonal);
  const withheld = facts.filter((fact) => fact.withheld).length;
  return (
    <div class="review-found">
      <h4>{i18n.t('editor.review.found.title')}</h4>
      <p class="review-found-count">{i18n.t('editor.review.found.some', marked.length)}</p>
      {marked.length > 0 && (
        <ul class="review-found-list">
          {marked.map((fact) => (
            <li key={`${fact.stepId}|${fact.fact}`}>
              {stepOf(guide, fact.stepId)} — {factName(fact.fact)} : « {fact.value} ».{' '}
              <span class="fact-mark">
                <span class="mark" aria-hidden="true">
                  ⚠
                </span>{' '}
                {personalText(fact)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {withheld > 0 && <p class="review-found-withheld">{i18n.t('editor.review.found.withheld', withheld)}</p>}
    </div>
  );
}
