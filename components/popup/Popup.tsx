import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { GuideSummary } from '../../utils/catalogue';
import { RecordControl } from '../recorder/RecordControl';
import { Catalogue, type StartedHow } from '../shared/Catalogue';
import { useDisplaySettings } from '../shared/display';
import { type Loaded, useFocusOnMount, useTabRun } from '../shared/hooks';
import { openProgress, openTeamCatalogues, progressUrl, teamCataloguesUrl } from '../shared/pages';
import { canOpenSidePanel, closePopup, openSidePanel, type ServedTab, servedTab } from '../shared/tab';
import { CurrentRun } from './CurrentRun';

/**
 * The toolbar popup. It serves one tab (`?tab=ID` when opened in a tab, else
 * the active tab): the guide under way there, then the guides for this page.
 */
export function Popup() {
  const [tab, setTab] = useState<Loaded<ServedTab | null>>({ state: 'loading' });
  const [started, setStarted] = useState<{ how: StartedHow; guide: GuideSummary } | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const tabId = tab.state === 'ready' ? (tab.value?.id ?? null) : null;
  const tabRun = useTabRun(tab.state === 'ready' ? tabId : undefined);
  useDisplaySettings(tabRun.state === 'ready' ? (tabRun.value?.mode ?? null) : null);

  useEffect(() => {
    document.documentElement.lang = i18n.t('lang');
    servedTab().then(
      (value) => setTab({ state: 'ready', value }),
      () => setTab({ state: 'failed' }),
    );
  }, []);

  const ready = tab.state === 'ready' && tabRun.state === 'ready';
  const run = tabRun.state === 'ready' ? tabRun.value : null;
  const shownRun = run && (run.status === 'active' || run.status === 'finished') ? run : null;

  return (
    <main class="popup">
      <header>
        <h1>{i18n.t('popup.title')}</h1>
        <p class="tagline">{i18n.t('popup.tagline')}</p>
      </header>
      {tab.state === 'failed' || tabRun.state === 'failed' ? (
        <p role="alert">{i18n.t('popup.error')}</p>
      ) : !ready ? (
        <p aria-live="polite">{i18n.t('popup.loading')}</p>
      ) : started && tabId !== null ? (
        <Started how={started.how} guide={started.guide} tabId={tabId} />
      ) : (
        <>
          {shownRun && tabId !== null && (
            <CurrentRun tabId={tabId} run={shownRun} onMessage={(text, isError = false) => setMessage({ text, isError })} />
          )}
          <Catalogue
            tab={tab.state === 'ready' ? tab.value : null}
            tabRun={run}
            onStarted={(how, guide) => {
              setMessage(null);
              setStarted({ how, guide });
            }}
          />
          <RecordControl tab={tab.state === 'ready' ? tab.value : null} />
        </>
      )}
      <p class="status" aria-live="polite" aria-atomic="true">
        {message && !message.isError ? message.text : ''}
      </p>
      {message?.isError && <p role="alert">{message.text}</p>}
      <footer class="popup-footer">
        <a
          href={progressUrl()}
          target="_blank"
          rel="noopener"
          class="progress-link"
          aria-label={i18n.t('progress.linkLabel')}
          onClick={(event) => {
            event.preventDefault();
            void openProgress();
          }}
        >
          {i18n.t('progress.link')}
        </a>{' '}
        <a
          href={teamCataloguesUrl()}
          target="_blank"
          rel="noopener"
          class="teams-link"
          onClick={(event) => {
            event.preventDefault();
            void openTeamCatalogues();
          }}
        >
          {i18n.t('popup.teamCatalogues')}
        </a>
      </footer>
    </main>
  );
}

/** Once a guide runs on the tab: look at the page; the side panel shows the whole procedure. */
function Started({ how, guide, tabId }: { how: StartedHow; guide: GuideSummary; tabId: number }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const text = how === 'started' ? i18n.t('popup.started') : how === 'resumed' ? i18n.t('popup.resumed') : i18n.t('popup.restarted');
  return (
    <section class="started" aria-labelledby="started-title" data-guide-id={guide.id}>
      <h2 id="started-title" tabIndex={-1} ref={heading}>
        {text}
      </h2>
      <p lang={guide.lang}>{guide.title}</p>
      {canOpenSidePanel() && (
        <>
          <div class="actions">
            <button type="button" class="open-panel" onClick={() => openSidePanel(tabId).then(closePopup, () => undefined)}>
              {i18n.t('popup.openPanel')}
            </button>
          </div>
          <p class="hint">{i18n.t('popup.openPanelHint')}</p>
        </>
      )}
    </section>
  );
}
