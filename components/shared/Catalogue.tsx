import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import type { GuideSummary } from '../../utils/catalogue';
import { THEMES, type Theme } from '../../utils/guide/schema';
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
  const [query, setQuery] = useState('');
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
  const searchable = lists.value.fitting.length + lists.value.others.length > SEARCH_FROM;
  const shown = (guides: GuideSummary[]) => (searchable && query.trim() !== '' ? guides.filter((g) => matchesQuery(g, query)) : guides);
  const fitting = shown(lists.value.fitting);
  const others = shown(lists.value.others);
  const found = fitting.length + others.length;
  return (
    <>
      {failed && <p role="alert">{i18n.t('popup.actionFailed')}</p>}
      {!tab && <p class="note">{i18n.t('popup.noTab')}</p>}
      {searchable && (
        <div class="guide-search">
          <label for="guide-search">{i18n.t('popup.search.label')}</label>
          <p class="hint" id="guide-search-hint">
            {i18n.t('popup.search.hint')}
          </p>
          <input
            id="guide-search"
            type="search"
            value={query}
            aria-describedby="guide-search-hint"
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
          <p class="search-count" role="status">
            {query.trim() === '' ? '' : i18n.t('popup.search.count', found, [String(found)])}
          </p>
        </div>
      )}
      <section aria-labelledby="for-this-page">
        <h2 id="for-this-page">{i18n.t('popup.forThisPage')}</h2>
        <GuideList guides={fitting} empty={i18n.t('popup.noneForThisPage')} {...common} />
      </section>
      <section aria-labelledby="others">
        <h2 id="others">{i18n.t('popup.others')}</h2>
        {others.some((guide) => guide.theme !== undefined) ? (
          byTheme(others).map(([theme, guides]) => (
            <section key={theme} class="theme" data-theme={theme} aria-labelledby={`theme-${theme}`}>
              <h3 id={`theme-${theme}`}>{themeLabel(theme)}</h3>
              <GuideList guides={guides} empty="" headingLevel={4} {...common} />
            </section>
          ))
        ) : (
          <GuideList guides={others} empty={i18n.t('popup.noOthers')} {...common} />
        )}
      </section>
    </>
  );
}

/** From this many guides on, the list gets a search box. */
export const SEARCH_FROM = 5;

/** A text folded for search: lower case, without accents, spaces collapsed. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether every word of the query is in the guide's title, summary or theme. */
export function matchesQuery(guide: GuideSummary, query: string): boolean {
  const haystack = fold([guide.title, guide.summary, guide.theme ? themeLabel(guide.theme) : ''].join(' '));
  return fold(query)
    .split(' ')
    .every((word) => haystack.includes(word));
}

type ThemeKey = Theme | 'none';

export function themeLabel(theme: ThemeKey): string {
  switch (theme) {
    case 'impots':
      return i18n.t('popup.theme.impots');
    case 'sante':
      return i18n.t('popup.theme.sante');
    case 'famille':
      return i18n.t('popup.theme.famille');
    case 'emploi':
      return i18n.t('popup.theme.emploi');
    case 'identite':
      return i18n.t('popup.theme.identite');
    case 'compte':
      return i18n.t('popup.theme.compte');
    case 'none':
      return i18n.t('popup.theme.none');
    default:
      return assertNever(theme);
  }
}

/** The guides grouped by theme, in the themes' order, those without a theme last; empty groups left out. */
function byTheme(guides: GuideSummary[]): [ThemeKey, GuideSummary[]][] {
  const keys: ThemeKey[] = [...THEMES, 'none'];
  return keys
    .map((key): [ThemeKey, GuideSummary[]] => [key, guides.filter((guide) => (guide.theme ?? 'none') === key)])
    .filter(([, list]) => list.length > 0);
}
