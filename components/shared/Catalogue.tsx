import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { GuideSummary } from '../../utils/catalogue';
import type { HelpLevel, Run, RunMode } from '../../utils/run';
import { send } from '../../utils/send';
import { GuideList } from './GuideList';
import { type Loaded, usePausedRuns } from './hooks';
import { StartScreen } from './StartScreen';
import { useSuggestion } from './suggestion';
import type { ServedTab } from './tab';

export type StartedHow = 'started' | 'resumed' | 'restarted';

export interface CatalogueProps {
  /** The tab the guides would run on; null when there is none to serve. */
  tab: ServedTab | null;
  /** The run already on this tab, if any. */
  tabRun: Run | null;
  /** A guide now runs on the tab. */
  onStarted(how: StartedHow, guide: GuideSummary): void;
}

interface Lists {
  fitting: GuideSummary[];
  others: GuideSummary[];
}

/**
 * The guides for this page, then the others; "Commencer" opens the start
 * screen, and a guide left unfinished offers "Reprendre" and "Recommencer".
 * Shared by the popup and by the side panel when no guide runs on the tab.
 */
export function Catalogue({ tab, tabRun, onStarted }: CatalogueProps) {
  const [lists, setLists] = useState<Loaded<Lists>>({ state: 'loading' });
  const [starting, setStarting] = useState<GuideSummary | null>(null);
  const [failed, setFailed] = useState(false);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const paused = usePausedRuns();
  const suggestion = useSuggestion(starting?.id ?? null);
  const url = tab?.url ?? null;

  // Back from the start screen: the focus returns to the guide's own button.
  useEffect(() => {
    if (returnTo === null || starting || lists.state !== 'ready') return;
    document.querySelector<HTMLElement>(`li.guide[data-guide-id="${CSS.escape(returnTo)}"] button`)?.focus();
    setReturnTo(null);
  }, [returnTo, starting, lists.state]);

  useEffect(() => {
    let live = true;
    send({ type: 'catalogue:forPage', url }).then(
      (value) => live && setLists({ state: 'ready', value }),
      () => live && setLists({ state: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [url]);

  async function run(how: StartedHow, guide: GuideSummary, act: (tabId: number) => Promise<unknown>) {
    if (!tab) return;
    setFailed(false);
    try {
      await act(tab.id);
      onStarted(how, guide);
    } catch {
      setFailed(true);
    }
  }

  const resume = (guide: GuideSummary) =>
    run('resumed', guide, async (tabId) => {
      if (!(await send({ type: 'run:resume', tabId, guideId: guide.id }))) throw new Error('nothing to resume');
    });
  // Starting over a paused run: bring it onto this tab, then back to its first step (same mode and level).
  const restart = (guide: GuideSummary) =>
    run('restarted', guide, async (tabId) => {
      if (!(await send({ type: 'run:resume', tabId, guideId: guide.id }))) throw new Error('nothing to resume');
      await send({ type: 'run:event', tabId, event: { type: 'restart' } });
    });

  if (starting) {
    return (
      <StartScreen
        suggestion={suggestion}
        guide={starting}
        replacesRun={tabRun?.status === 'active'}
        onCancel={() => {
          setReturnTo(starting.id);
          setStarting(null);
        }}
        onStart={async (mode: RunMode, level: HelpLevel) => {
          if (!tab) throw new Error('no tab');
          const started = await send({ type: 'run:start', tabId: tab.id, guideId: starting.id, mode, level });
          // The guide is gone (removed from « Mes guides » meanwhile): the start screen says it did not start.
          if (!started.ok) throw new Error(started.problem);
          setStarting(null);
          onStarted('started', starting);
        }}
      />
    );
  }

  if (lists.state === 'loading') return <p aria-live="polite">{i18n.t('popup.loading')}</p>;
  if (lists.state === 'failed') return <p role="alert">{i18n.t('popup.error')}</p>;
  const common = { paused, onStart: setStarting, onResume: resume, onRestart: restart };
  return (
    <>
      {failed && <p role="alert">{i18n.t('popup.actionFailed')}</p>}
      {!tab && <p class="note">{i18n.t('popup.noTab')}</p>}
      <section aria-labelledby="for-this-page">
        <h2 id="for-this-page">{i18n.t('popup.forThisPage')}</h2>
        <GuideList guides={lists.value.fitting} empty={i18n.t('popup.noneForThisPage')} {...common} />
      </section>
      <section aria-labelledby="others">
        <h2 id="others">{i18n.t('popup.others')}</h2>
        <GuideList guides={lists.value.others} empty={i18n.t('popup.noOthers')} {...common} />
      </section>
    </>
  );
}
