import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { spokenText } from '../../utils/speech/text';
import { EraseTraces } from '../shared/EraseTraces';
import { dayText } from '../shared/GuideOrigin';
import { ReadButton } from '../shared/ReadButton';
import type { OverlayEvent, StepView, TargetState } from './types';

export const TITLE_ID = 'cac-title';
export const TEXT_ID = 'cac-text';

const TRACE = ['overlay.traceLogout', 'overlay.tracePassword', 'overlay.traceTabs', 'overlay.traceOurs'] as const;

/** The sentence that replaces the spotlight when the target is missing, out of sight or uncertain; null otherwise. */
export function missingText(target: TargetState): string | null {
  if (target.status === 'not-found')
    return i18n.t(target.opener ? 'overlay.notFoundOpener' : target.outOfSight ? 'overlay.notFoundOutOfSight' : 'overlay.notFound');
  return target.status === 'ambiguous' ? i18n.t('overlay.ambiguous') : null;
}

/** « Étape X sur Y », or inside a guide run by the guide, « Dans « … » : étape X sur Y » (its own figures). */
export function progressText(view: StepView): string {
  if (view.inner) return i18n.t('overlay.innerStepOf', [view.inner.title, String(view.inner.position), String(view.inner.total)]);
  return i18n.t('overlay.stepOf', [String(view.position), String(view.total)]);
}

export function sensitiveText(view: StepView): string | null {
  const { item } = view;
  if (item.kind !== 'step' || !item.sensitive) return null;
  return view.run.mode === 'alone' ? i18n.t('overlay.sensitiveAlone') : i18n.t('overlay.sensitiveAdvisor');
}

interface BubbleProps {
  view: StepView;
  target: TargetState;
  onEvent: (event: OverlayEvent) => void;
  onSearchAgain: () => void;
  onHelp: () => void;
  onHide: () => void;
}

/**
 * The bubble's content. Every guide text is rendered as a text node in the
 * guide's language: a guide can never inject markup.
 */
export function Bubble({ view, target, onEvent, onSearchAgain, onHelp, onHide }: BubbleProps) {
  const { item, guide, recap } = view;
  const itemId = item.id;
  const lang = guide.lang;
  const [why, setWhy] = useState(false);
  const missing = item.kind === 'step' ? missingText(target) : null;
  const sensitive = sensitiveText(view);
  const alone = view.run.mode === 'alone';
  const lost = view.run.currentHelp.includes('lost');
  const read = <ReadButton text={spokenText(item)} lang={lang} />;
  // Alone: "Je suis perdu·e" brings the spotlight back (the run shows it once help is asked), then offers to go back one step.
  const lostHelp = alone && (
    <>
      <div class="lost" aria-live="polite" aria-atomic="true">
        {lost && <p>{view.canGoBack ? i18n.t('overlay.lostNote') : i18n.t('overlay.lostNoteFirst')}</p>}
      </div>
      {lost && view.canGoBack && (
        <div class="actions">
          <button type="button" class="primary" onClick={() => onEvent({ type: 'back', itemId })}>
            {i18n.t('overlay.lostBack')}
          </button>
        </div>
      )}
    </>
  );
  const lostButton = alone && (
    <button type="button" onClick={() => onEvent({ type: 'help', kind: 'lost', itemId })}>
      {i18n.t('overlay.lost')}
    </button>
  );
  const back = (
    <button type="button" onClick={() => onEvent({ type: 'back', itemId })} disabled={!view.canGoBack}>
      {i18n.t('overlay.back')}
    </button>
  );

  return (
    <>
      <div class="head">
        <h2 id={TITLE_ID} class="title">
          <span class="brand">{i18n.t('overlay.title')}</span> <span lang={lang}>{guide.title}</span>
        </h2>
        <button type="button" class="hide" onClick={onHide} aria-label={i18n.t('overlay.hideLabel')} aria-keyshortcuts="Escape">
          {i18n.t('overlay.hide')}
        </button>
      </div>
      {item.kind === 'end' ? (
        <>
          <p class="progress">{i18n.t('overlay.ended')}</p>
          {item.message && (
            <p id={TEXT_ID} class="text" lang={lang}>
              {item.message}
            </p>
          )}
          {read}
          {recap && (
            <>
              <h3>{i18n.t('overlay.recap')}</h3>
              <ul class="recap">
                <li>{i18n.t('overlay.recapDone', [String(recap.steps)])}</li>
                <li>{i18n.t('overlay.recapByHand', [String(recap.doneByHand)])}</li>
                <li>{i18n.t('overlay.recapHelp', [String(recap.helpAsked)])}</li>
              </ul>
            </>
          )}
          <fieldset class="trace">
            <legend>{i18n.t('overlay.trace')}</legend>
            {TRACE.map((key) => (
              <label key={key}>
                <input type="checkbox" /> {i18n.t(key)}
              </label>
            ))}
          </fieldset>
          <EraseTraces beforeErase={() => onEvent({ type: 'keep-end', itemId })} />
          <div class="actions">
            <button type="button" class="primary" onClick={() => onEvent({ type: 'finish', itemId })}>
              {i18n.t('overlay.finish')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p class="progress">{progressText(view)}</p>
          {/* Alone, the person is told at every step that the guide was not walked on the site yet. */}
          {alone && guide.documented && <p class="documented">{i18n.t('overlay.documented', [dayText(guide.documented)])}</p>}
          {view.cameBackFrom && <p class="came-back">{i18n.t('overlay.cameBack', [view.cameBackFrom])}</p>}
          <p id={TEXT_ID} class="text" lang={lang}>
            {item.kind === 'question' ? item.question : item.instruction}
          </p>
          {read}
          {missing && <p class="missing">{missing}</p>}
          {sensitive && (
            <p class="sensitive">
              <strong>{i18n.t('overlay.sensitive')}</strong> {sensitive}
            </p>
          )}
          {item.why && (
            <>
              <button type="button" class="why" aria-expanded={why} aria-controls="cac-why" onClick={() => setWhy(!why)}>
                {i18n.t('overlay.why')}
              </button>
              <p id="cac-why" class="text-why" lang={lang} hidden={!why}>
                {item.why}
              </p>
            </>
          )}
          {item.kind === 'question' ? (
            <>
              <ul class="choices" aria-label={i18n.t('overlay.choices')}>
                {item.choices.map((choice, i) => (
                  <li key={choice.next + i}>
                    <button type="button" class="primary" lang={lang} onClick={() => onEvent({ type: 'answer', choice: i, itemId })}>
                      {choice.label}
                    </button>
                  </li>
                ))}
              </ul>
              <div class="actions">
                {back}
                {lostButton}
              </div>
            </>
          ) : (
            <div class="actions">
              <button type="button" class="primary" onClick={() => onEvent({ type: 'manual-done', itemId })}>
                {i18n.t('overlay.done')}
              </button>
              {back}
              {missing ? (
                <button type="button" onClick={onSearchAgain}>
                  {i18n.t('overlay.searchAgain')}
                </button>
              ) : (
                <button type="button" onClick={onHelp}>
                  {i18n.t('overlay.cantFind')}
                </button>
              )}
              {lostButton}
            </div>
          )}
          {lostHelp}
        </>
      )}
    </>
  );
}
