import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Catalogue } from '../shared/Catalogue';
import { useDisplaySettings } from '../shared/display';
import { type Loaded, useGuide, useTabRun } from '../shared/hooks';
import { openSettings } from '../shared/pages';
import { type ServedTab, servedTab, tabById, tabParam } from '../shared/tab';
import { RunView } from './RunView';

/**
 * The tab the panel serves: `?tab=ID` when given; else the active tab of the
 * panel's window, followed as the person switches tabs or the tab navigates.
 */
function useServedTab(): Loaded<ServedTab | null> {
  const [tab, setTab] = useState<Loaded<ServedTab | null>>({ state: 'loading' });
  const current = useRef<ServedTab | null>(null);
  useEffect(() => {
    const fixed = tabParam();
    let live = true;
    const show = (value: ServedTab | null) => {
      if (!live) return;
      current.current = value;
      setTab({ state: 'ready', value });
    };
    const fail = () => live && setTab({ state: 'failed' });
    (fixed === null ? servedTab() : tabById(fixed)).then(show, fail);

    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (fixed !== null) return;
      const windowId = current.current?.windowId ?? null;
      if (windowId !== null && info.windowId !== windowId) return;
      tabById(info.tabId).then(show, fail);
    };
    const onUpdated = (tabId: number, change: { url?: string }) => {
      const served = current.current;
      if (!served || tabId !== served.id || change.url === undefined || change.url === served.url) return;
      show({ ...served, url: change.url });
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return tab;
}

/** The side panel (Chrome) or sidebar (Firefox): the whole procedure of the guide on the served tab, or the guides to start one. */
export function SidePanel() {
  const tab = useServedTab();
  const tabId = tab.state === 'ready' ? (tab.value?.id ?? null) : undefined;
  const tabRun = useTabRun(tabId);
  const run = tabRun.state === 'ready' ? tabRun.value : null;
  const shown = run && run.status !== 'abandoned' ? run : null;
  const guide = useGuide(shown?.guideId ?? null);
  const settings = useDisplaySettings(shown?.mode ?? null);

  useEffect(() => {
    document.documentElement.lang = i18n.t('lang');
  }, []);

  if (tab.state === 'failed' || tabRun.state === 'failed') {
    return (
      <main class="panel">
        <h1>{i18n.t('sidepanel.title')}</h1>
        <p role="alert">{i18n.t('sidepanel.error')}</p>
      </main>
    );
  }
  if (tab.state === 'loading' || tabRun.state === 'loading' || (shown && guide.state === 'loading')) {
    return (
      <main class="panel">
        <h1>{i18n.t('sidepanel.title')}</h1>
        <p aria-live="polite">{i18n.t('popup.loading')}</p>
      </main>
    );
  }
  if (shown && tabId != null && guide.state === 'ready' && guide.value) {
    return (
      <main class="panel" data-tab-id={tabId}>
        <p class="brand">{i18n.t('sidepanel.title')}</p>
        <RunView tabId={tabId} guide={guide.value} run={shown} autoRead={settings.autoRead} />
        <SettingsLink />
      </main>
    );
  }
  return (
    <main class="panel" data-tab-id={tabId ?? undefined}>
      <h1>{i18n.t('sidepanel.title')}</h1>
      {shown && <p role="alert">{i18n.t('sidepanel.guideMissing')}</p>}
      {run?.status === 'abandoned' && <p class="note">{i18n.t('sidepanel.abandoned')}</p>}
      {/* Once started, the run appears in storage and this view turns into the procedure. */}
      <Catalogue key={tabId ?? 'none'} tab={tab.value} tabRun={run} onStarted={() => undefined} />
      <SettingsLink />
    </main>
  );
}

/** « Réglages d'affichage »: text size, contrast, motion, reading aloud (a new tab). */
function SettingsLink() {
  return (
    <p class="settings-link">
      <button type="button" class="secondary" aria-label={i18n.t('sidepanel.openSettingsLabel')} onClick={() => void openSettings()}>
        {i18n.t('sidepanel.openSettings')}
      </button>
    </p>
  );
}
