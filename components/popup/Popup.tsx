import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GuideSummary } from '../../utils/catalogue';
import { send } from '../../utils/send';

/** The tab this popup serves: `?tab=ID` when opened in a tab (tests, Firefox), else the active tab. */
async function servedTab(): Promise<{ id: number; url: string | null } | null> {
  const param = new URLSearchParams(location.search).get('tab');
  const tab = param
    ? await browser.tabs.get(Number(param))
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
}

interface Lists {
  tabId: number | null;
  fitting: GuideSummary[];
  others: GuideSummary[];
}

export function Popup() {
  const lists = useSignal<Lists | null>(null);
  const failed = useSignal(false);
  const started = useSignal<string | null>(null);

  useEffect(() => {
    document.documentElement.lang = i18n.t('lang');
    (async () => {
      const tab = await servedTab();
      const { fitting, others } = await send({ type: 'catalogue:forPage', url: tab?.url ?? null });
      lists.value = { tabId: tab?.id ?? null, fitting, others };
    })().catch(() => {
      failed.value = true;
    });
  }, []);

  async function start(guide: GuideSummary) {
    const tabId = lists.value?.tabId;
    if (tabId == null) return;
    await send({ type: 'run:start', tabId, guideId: guide.id, mode: 'advisor' });
    started.value = guide.id;
  }

  return (
    <main class="popup">
      <header>
        <h1>{i18n.t('popup.title')}</h1>
        <p class="tagline">{i18n.t('popup.tagline')}</p>
      </header>
      {failed.value ? (
        <p role="alert">{i18n.t('popup.error')}</p>
      ) : !lists.value ? (
        <p aria-live="polite">{i18n.t('popup.loading')}</p>
      ) : (
        <>
          <section aria-labelledby="for-this-page">
            <h2 id="for-this-page">{i18n.t('popup.forThisPage')}</h2>
            <GuideList guides={lists.value.fitting} empty={i18n.t('popup.noneForThisPage')} onStart={start} />
          </section>
          <section aria-labelledby="others">
            <h2 id="others">{i18n.t('popup.others')}</h2>
            <GuideList guides={lists.value.others} empty={i18n.t('popup.noOthers')} onStart={start} />
          </section>
          <p aria-live="polite" class="status">
            {started.value ? i18n.t('popup.started') : ''}
          </p>
        </>
      )}
    </main>
  );
}

function GuideList(props: { guides: GuideSummary[]; empty: string; onStart: (guide: GuideSummary) => void }) {
  if (props.guides.length === 0) return <p class="empty">{props.empty}</p>;
  return (
    <ul class="guides">
      {props.guides.map((guide) => (
        <li key={guide.id} class="guide" data-guide-id={guide.id}>
          <h3 lang={guide.lang}>{guide.title}</h3>
          <p lang={guide.lang}>{guide.summary}</p>
          <p class="meta">
            {i18n.t('popup.duration', [String(guide.durationMinutes)])}
            {guide.verified ? ` · ${i18n.t('popup.verified')}` : ''}
          </p>
          <button type="button" aria-label={i18n.t('popup.startLabel', [guide.title])} onClick={() => props.onStart(guide)}>
            {i18n.t('popup.start')}
          </button>
        </li>
      ))}
    </ul>
  );
}
