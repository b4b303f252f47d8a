import { i18n } from '#i18n';
import { positionOf, type Run, type RunEvent, stepView } from '../../utils/run';
import { send } from '../../utils/send';
import { ConfirmButton } from '../shared/ConfirmButton';
import { useGuide } from '../shared/hooks';
import { canOpenSidePanel, closePopup, openSidePanel } from '../shared/tab';

export interface CurrentRunProps {
  tabId: number;
  run: Run;
  /** Something to tell the person (said in the popup's live region). */
  onMessage(text: string, isError?: boolean): void;
}

/** The guide under way on this tab, at the top of the popup: resume, start over, or stop it. */
export function CurrentRun({ tabId, run, onMessage }: CurrentRunProps) {
  const guide = useGuide(run.guideId);
  const loaded = guide.state === 'ready' ? guide.value : null;
  const title = loaded?.title ?? run.guideId;
  const finished = run.status === 'finished';
  const { position, total } = loaded ? positionOf(loaded, run) : { position: 0, total: 0 };
  // Inside a guide run by this one: its title and its own figures too.
  const inner = loaded && !finished ? stepView(loaded, run)?.inner : undefined;

  async function event(event: RunEvent, done: string) {
    try {
      await send({ type: 'run:event', tabId, event });
      onMessage(done);
    } catch {
      onMessage(i18n.t('popup.actionFailed'), true);
    }
  }

  return (
    <section class="current-run" aria-labelledby="current-run-title" data-guide-id={run.guideId}>
      <h2 id="current-run-title">{finished ? i18n.t('popup.finishedGuide') : i18n.t('popup.currentGuide')}</h2>
      <p class="current-title" lang={loaded?.lang}>
        {title}
      </p>
      {!finished && position > 0 && <p class="meta">{i18n.t('popup.stepOf', [String(position), String(total)])}</p>}
      {inner && <p class="meta inner-guide">{i18n.t('popup.innerStepOf', [inner.title, String(inner.position), String(inner.total)])}</p>}
      <div class="actions">
        {!finished && (
          <button
            type="button"
            class="resume"
            aria-label={i18n.t('popup.resumeLabel', [title])}
            onClick={() => {
              // The run is already on the page: there is nothing to ask, only to look at the page.
              onMessage(i18n.t('popup.lookAtPage'));
              closePopup();
            }}
          >
            {i18n.t('popup.resume')}
          </button>
        )}
        <button
          type="button"
          class="secondary restart"
          aria-label={i18n.t('popup.restartLabel', [title])}
          onClick={() => event({ type: 'restart' }, i18n.t('popup.restarted'))}
        >
          {i18n.t('popup.restart')}
        </button>
        {!finished && (
          <ConfirmButton
            class="stop"
            label={i18n.t('popup.stop')}
            ariaLabel={i18n.t('popup.stopLabel', [title])}
            question={i18n.t('popup.stopConfirm')}
            yes={i18n.t('popup.stopYes')}
            no={i18n.t('popup.stopNo')}
            onConfirm={() => event({ type: 'abandon' }, i18n.t('popup.stopped'))}
          />
        )}
        {canOpenSidePanel() && (
          <button type="button" class="secondary open-panel" onClick={() => openSidePanel(tabId).then(closePopup, () => undefined)}>
            {finished ? i18n.t('popup.openRecap') : i18n.t('popup.openPanel')}
          </button>
        )}
      </div>
    </section>
  );
}
