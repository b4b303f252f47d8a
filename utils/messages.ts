import type { GuideSummary } from './catalogue';
import type { Guide, GuideItem, PrepareItem } from './guide/schema';
import type { HelpLevel, Recap, Run, RunEvent, RunMode } from './run';

/**
 * Requests that the popup, side panel and content scripts send to the
 * background, which owns the catalogue and the runs. Runs live in
 * `browser.storage.local` (`run:<tabId>`); every view also listens there.
 */
export type Request =
  | { type: 'catalogue:forPage'; url: string | null }
  | { type: 'guide:get'; guideId: string }
  | { type: 'run:start'; tabId: number; guideId: string; mode: RunMode; level: HelpLevel }
  /** Resume a run left on a closed tab or before a browser restart, on this tab. */
  | { type: 'run:resume'; tabId: number; guideId: string }
  | { type: 'run:forTab'; tabId: number }
  /** Runs left unfinished on tabs that are gone, by guide id. */
  | { type: 'run:paused' }
  /** A run event for a tab; from a content script the tab is the sender's. */
  | { type: 'run:event'; tabId?: number; event: RunEvent }
  /** From a content script: the view of the current step of its tab. */
  | { type: 'run:current' };

/** What a view needs to show the current step: the run, the item and where it sits. */
export interface StepView {
  guide: Pick<Guide, 'id' | 'title' | 'lang'> & { prepare: PrepareItem[] };
  run: Run;
  item: GuideItem;
  /** 1-based position of the item among the guide's steps, and their count. */
  position: number;
  total: number;
  canGoBack: boolean;
  /** Whether the page shows the spotlight and bubble now (the level of help, or help asked). */
  spotlight: boolean;
  /** At the end: what was done, counts only. */
  recap?: Recap;
}

export interface ResponseMap {
  'catalogue:forPage': { fitting: GuideSummary[]; others: GuideSummary[] };
  'guide:get': Guide | null;
  'run:start': Run;
  'run:resume': Run | null;
  'run:forTab': Run | null;
  'run:paused': Record<string, Run>;
  'run:event': Run | null;
  'run:current': StepView | null;
}

export type ResponseOf<R extends Request> = ResponseMap[R['type']];

/** Storage key of the run of a tab: the background writes it, every view reads it. */
export const runKey = (tabId: number) => `run:${tabId}`;
/** Storage key of a run left unfinished when its tab closed or the browser stopped. */
export const pausedKey = (guideId: string) => `paused:${guideId}`;
