import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Guide, GuideItem } from '../../utils/guide/schema';
import { canGoBack, type Run, type RunEvent, stepView } from '../../utils/run';
import { send } from '../../utils/send';
import { speak, stop } from '../../utils/speech';
import { spokenText } from '../../utils/speech/text';
import { ConfirmButton } from '../shared/ConfirmButton';
import { LevelChoice, levelLabel, ModeChoice, modeLabel } from '../shared/HelpChoices';
import { NoTrace } from '../shared/NoTrace';
import { PrepareList } from '../shared/PrepareList';
import { ReadButton } from '../shared/ReadButton';
import { itemText, StepList } from '../shared/StepList';
import { Recap } from './Recap';

export interface RunViewProps {
  tabId: number;
  guide: Guide;
  run: Run;
  /** Read each new step aloud (display settings). */
  autoRead?: boolean;
}

/**
 * The whole procedure of the guide running on a tab: progress, the current
 * step with its buttons (so the panel works alone where no overlay can show),
 * the tips for the advisor, the list of steps, the settings, and the recap at
 * the end. Every action is a `run:event` for this tab; the view follows the
 * run from storage.
 */
export function RunView({ tabId, guide, run, autoRead = false }: RunViewProps) {
  // The same figures and spotlight rule as the overlay's bubble.
  const view = stepView(guide, run);
  const item = view?.item;
  const { position = 0, total = 0 } = view ?? {};
  const active = run.status === 'active';
  const finished = run.status === 'finished';
  const [notice, setNotice] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  // A notice belongs to the step it was given for.
  useEffect(() => setNotice(null), [run.currentId]);

  // Reading aloud follows the step. Automatic reading happens here only when the
  // page shows no bubble (levels "on demand" and "autonomous"): else the bubble reads.
  useEffect(() => {
    stop();
    if (autoRead && active && item && !view?.spotlight) speak(spokenText(item), guide.lang);
  }, [run.currentId, run.status]);
  useEffect(() => stop, []);

  async function dispatch(event: RunEvent, then?: string) {
    setFailed(false);
    try {
      await send({ type: 'run:event', tabId, event });
      if (then) setNotice(then);
    } catch {
      setFailed(true);
    }
  }

  return (
    <div class="run-view">
      <h1 lang={guide.lang}>{guide.title}</h1>
      <p class="meta run-settings-summary">
        {modeLabel(run.mode)} · {levelLabel(run.level)}
      </p>
      <p class="progress-label" id="progress-label">
        {i18n.t('sidepanel.stepOf', [String(position), String(total)])}
      </p>
      <progress max={total} value={position} aria-labelledby="progress-label" />

      {finished ? (
        <section class="now end" aria-labelledby="end-title">
          <h2 id="end-title">{i18n.t('sidepanel.finished')}</h2>
          <div aria-live="polite" aria-atomic="true">
            {item?.kind === 'end' && item.message && <p lang={guide.lang}>{item.message}</p>}
          </div>
          {item?.kind === 'end' && <ReadButton text={spokenText(item)} lang={guide.lang} class="secondary" />}
        </section>
      ) : (
        <section class="now" aria-labelledby="now-title">
          <h2 id="now-title">{i18n.t('sidepanel.now')}</h2>
          <div class="now-text" aria-live="polite" aria-atomic="true">
            {item ? (
              <>
                <p class="visually-hidden">{i18n.t('sidepanel.stepOf', [String(position), String(total)])}</p>
                <p class="instruction" lang={guide.lang}>
                  {itemText(item)}
                </p>
                {item.kind === 'step' && item.sensitive && (
                  <p class="sensitive-note">
                    {run.mode === 'advisor' ? i18n.t('sidepanel.sensitiveAdvisor') : i18n.t('sidepanel.sensitiveAlone')}
                  </p>
                )}
              </>
            ) : (
              <p role="alert">{i18n.t('sidepanel.unknownStep')}</p>
            )}
          </div>
          {item && <ReadButton text={spokenText(item)} lang={guide.lang} class="secondary" />}
          {item && 'why' in item && item.why && (
            <details class="why">
              <summary>{i18n.t('sidepanel.why')}</summary>
              <p lang={guide.lang}>{item.why}</p>
            </details>
          )}
          {item && active && <StepButtons item={item} lang={guide.lang} run={run} dispatch={dispatch} />}
          <p class="status" aria-live="polite" aria-atomic="true">
            {notice ?? ''}
          </p>
          {failed && <p role="alert">{i18n.t('sidepanel.eventFailed')}</p>}
        </section>
      )}

      {run.mode === 'advisor' && item && 'advisorTip' in item && item.advisorTip && !finished && (
        <aside class="advisor" aria-labelledby="advisor-title">
          <h2 id="advisor-title">{i18n.t('sidepanel.advisorTitle')}</h2>
          <p lang={guide.lang}>{item.advisorTip}</p>
        </aside>
      )}

      {finished && (
        <>
          <Recap guide={guide} run={run} />
          <NoTrace idPrefix="no-trace" />
        </>
      )}

      {!finished && (
        <section aria-labelledby="prepare-title">
          <h2 id="prepare-title">{i18n.t('popup.prepare.title')}</h2>
          <PrepareList items={guide.prepare} lang={guide.lang} idPrefix="panel-prepare" />
        </section>
      )}

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{i18n.t('sidepanel.steps')}</h2>
        <StepList guide={guide} run={run} />
      </section>

      {active && (
        <section aria-labelledby="settings-title">
          <h2 id="settings-title">{i18n.t('sidepanel.settings')}</h2>
          <ModeChoice value={run.mode} idPrefix="panel" onChange={(mode) => dispatch({ type: 'set-mode', mode })} />
          <LevelChoice value={run.level} idPrefix="panel" onChange={(level) => dispatch({ type: 'set-level', level })} />
        </section>
      )}

      <section aria-labelledby="guide-actions-title">
        <h2 id="guide-actions-title">{i18n.t('sidepanel.guideActions')}</h2>
        <div class="actions">
          <button type="button" class="secondary restart" onClick={() => dispatch({ type: 'restart' })}>
            {i18n.t('popup.restart')}
          </button>
          {active && (
            <ConfirmButton
              class="stop"
              label={i18n.t('popup.stop')}
              question={i18n.t('popup.stopConfirm')}
              yes={i18n.t('popup.stopYes')}
              no={i18n.t('popup.stopNo')}
              onConfirm={() => dispatch({ type: 'abandon' })}
            />
          )}
        </div>
      </section>
    </div>
  );
}

interface StepButtonsProps {
  item: GuideItem;
  /** The guide's language, for the choices' labels. */
  lang: string;
  run: Run;
  dispatch(event: RunEvent, then?: string): void;
}

/** The buttons of the current item; each event names the item, so a double click cannot skip a step. */
function StepButtons({ item, lang, run, dispatch }: StepButtonsProps) {
  const itemId = item.id;
  const back = (
    <button type="button" class="secondary back" disabled={!canGoBack(run)} onClick={() => dispatch({ type: 'back', itemId })}>
      {i18n.t('sidepanel.back')}
    </button>
  );
  // Alone: "Je suis perdu·e" brings the spotlight back on the page (help asked), then offers to go back one step.
  const lost = run.mode === 'alone' && (
    <button
      type="button"
      class="secondary lost"
      onClick={() =>
        dispatch({ type: 'help', kind: 'lost', itemId }, canGoBack(run) ? i18n.t('sidepanel.lostNote') : i18n.t('sidepanel.lostNoteFirst'))
      }
    >
      {i18n.t('sidepanel.lost')}
    </button>
  );
  const lostBack = run.mode === 'alone' && run.currentHelp.includes('lost') && canGoBack(run) && (
    <div class="actions">
      <button type="button" class="lost-back" onClick={() => dispatch({ type: 'back', itemId })}>
        {i18n.t('sidepanel.lostBack')}
      </button>
    </div>
  );
  if (item.kind === 'question') {
    return (
      <>
        <fieldset class="choices">
          <legend>{i18n.t('sidepanel.chooseAnswer')}</legend>
          <div class="actions">
            {item.choices.map((choice, index) => (
              <button
                type="button"
                class="choice"
                key={`${index}-${choice.next}`}
                onClick={() => dispatch({ type: 'answer', choice: index, itemId })}
              >
                <span lang={lang}>{choice.label}</span>
              </button>
            ))}
          </div>
        </fieldset>
        <div class="actions">
          {back}
          {lost}
        </div>
        {lostBack}
      </>
    );
  }
  if (item.kind === 'end') return <div class="actions">{back}</div>;
  const canShow = run.level !== 'guided' && item.kind === 'step' && item.target !== undefined;
  return (
    <>
      <div class="actions">
        <button type="button" class="done" onClick={() => dispatch({ type: 'manual-done', itemId })}>
          {i18n.t('sidepanel.done')}
        </button>
        {back}
        <button
          type="button"
          class="secondary not-found"
          onClick={() => dispatch({ type: 'help', kind: 'not-found', itemId }, i18n.t('sidepanel.notFoundHelp'))}
        >
          {i18n.t('sidepanel.notFound')}
        </button>
        {canShow && (
          <button
            type="button"
            class="secondary show-me"
            onClick={() => dispatch({ type: 'help', kind: 'show-me', itemId }, i18n.t('sidepanel.showMeHelp'))}
          >
            {i18n.t('sidepanel.showMe')}
          </button>
        )}
        {lost}
      </div>
      {lostBack}
    </>
  );
}
