/**
 * The question asked before a guide is kept or shared while some of its facts
 * still look like someone's data: for each, « Ce n'est pas une donnée
 * personnelle » or « Supprimer ce fait ». Nothing goes on until every fact is
 * answered; « Annuler » changes nothing. The editor's « Ajouter à mes
 * guides » and « Exporter », and the import's « Ajouter à mes guides », ask it
 * with this one panel. It takes the focus; Escape cancels.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ReviewedFact } from '../../utils/authoring/review';
import { factKey, type ReviewAnswer, type ReviewOutcome, reviewOutcome } from '../../utils/editor';
import { factName, personalText, stepOf } from './review-words';

export type ReviewPurpose = 'save' | 'export';

const PURPOSE = {
  save: () => i18n.t('editor.review.purpose.save'),
  export: () => i18n.t('editor.review.purpose.export'),
} satisfies Record<ReviewPurpose, () => string>;

const PROCEED = {
  save: () => i18n.t('editor.review.proceed.save'),
  export: () => i18n.t('editor.review.proceed.export'),
} satisfies Record<ReviewPurpose, () => string>;

export interface ReviewConfirmProps {
  /** The marked facts to answer. */
  facts: readonly ReviewedFact[];
  /** The guide they come from, to name their steps. */
  guide: { steps: readonly { id: string }[] };
  purpose: ReviewPurpose;
  /** Every fact is answered: called from the click itself (the save may ask for permissions there). */
  onProceed(outcome: ReviewOutcome): void;
  onCancel(): void;
}

export function ReviewConfirm({ facts, guide, purpose, onProceed, onCancel }: ReviewConfirmProps) {
  const [answers, setAnswers] = useState<ReadonlyMap<string, ReviewAnswer>>(new Map());
  const [tried, setTried] = useState(false);
  const [focus, setFocus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  // The button pressed is replaced by its opposite: the focus follows it.
  useEffect(() => {
    if (focus) panel.current?.querySelector<HTMLElement>(focus)?.focus();
  }, [focus, answers]);

  function answer(key: string, value: ReviewAnswer | undefined, then?: string) {
    setAnswers((current) => {
      const next = new Map(current);
      if (value === undefined) next.delete(key);
      else next.set(key, value);
      return next;
    });
    setFocus(then ?? null);
  }

  const outcome = reviewOutcome(facts, answers);

  function proceed() {
    if (outcome.unanswered.length > 0) {
      setTried(true);
      const first = facts.findIndex((fact) => !answers.has(factKey(fact)));
      setFocus(`#review-ok-${first}`);
      return;
    }
    onProceed(outcome);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  }

  return (
    <section class="confirm review-confirm" aria-labelledby="review-title" ref={panel} onKeyDown={onKeyDown}>
      <h2 id="review-title" tabIndex={-1} ref={heading}>
        {i18n.t('editor.review.title')}
      </h2>
      <p>{i18n.t('editor.review.intro')}</p>
      <p class="hint">{PURPOSE[purpose]()}</p>
      <ul class="review-list">
        {facts.map((fact, i) => {
          const key = factKey(fact);
          const state = answers.get(key);
          const name = factName(fact.fact);
          const step = stepOf(guide, fact.stepId);
          const at = `[data-index="${i}"]`;
          return (
            <li key={key} data-index={i} class={`review-fact${state === 'delete' ? ' to-delete' : ''}`}>
              <fieldset>
                <legend>
                  {step} — {name}
                </legend>
                <p class="fact-value" id={`review-value-${i}`}>
                  « {fact.value} »
                </p>
                <p class="fact-mark" id={`review-reason-${i}`}>
                  <span class="mark" aria-hidden="true">
                    ⚠
                  </span>{' '}
                  {personalText(fact)}
                </p>
                {state === 'delete' ? (
                  <>
                    <p class="will-delete">{i18n.t('editor.review.willDelete')}</p>
                    <button
                      type="button"
                      class="secondary keep-fact"
                      aria-label={i18n.t('editor.review.keepLabel', [name, step])}
                      onClick={() => answer(key, undefined, `${at} .delete-fact`)}
                    >
                      {i18n.t('editor.review.keep')}
                    </button>
                  </>
                ) : (
                  <>
                    <div class="field checkbox">
                      <input
                        type="checkbox"
                        id={`review-ok-${i}`}
                        class="not-personal"
                        checked={state === 'confirmed'}
                        aria-describedby={`review-value-${i} review-reason-${i}`}
                        onChange={(event) => answer(key, event.currentTarget.checked ? 'confirmed' : undefined)}
                      />
                      <label for={`review-ok-${i}`}>{i18n.t('editor.review.notPersonal')}</label>
                    </div>
                    <button
                      type="button"
                      class="secondary delete-fact"
                      aria-label={i18n.t('editor.review.deleteLabel', [name, step])}
                      onClick={() => answer(key, 'delete', `${at} .keep-fact`)}
                    >
                      {i18n.t('editor.review.delete')}
                    </button>
                  </>
                )}
              </fieldset>
            </li>
          );
        })}
      </ul>
      {tried && (
        <p class={outcome.unanswered.length > 0 ? 'review-missing' : 'review-missing done'} role="alert">
          {i18n.t('editor.review.missing', outcome.unanswered.length)}
        </p>
      )}
      <div class="actions">
        <button type="button" class="review-proceed" onClick={proceed}>
          {PROCEED[purpose]()}
        </button>
        <button type="button" class="secondary review-cancel" onClick={onCancel}>
          {i18n.t('editor.review.cancel')}
        </button>
      </div>
    </section>
  );
}
