import type { GuideOrigin, RecordedEvent, RecorderState } from './authoring';
import type { GuideSummary } from './catalogue';
import type { GuideProblem } from './guide/parse';
import type { ActionStep, Guide, GuideItem, PrepareItem } from './guide/schema';
import type { TargetDescription } from './locate/target';
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
  | { type: 'run:current' }
  // Authoring (trainers)
  /** Start recording on a tab (asks nothing: the caller has obtained the site's permission). */
  | { type: 'recorder:start'; tabId: number }
  /** Stop recording; answers the draft guide built from the recorded steps. */
  | { type: 'recorder:stop' }
  | { type: 'recorder:state' }
  /** From the recorder script: one recorded action (never a value). */
  | { type: 'recorder:event'; event: RecordedEvent }
  /** From the recorder script: the recording's memory-only key and typed-value hashes (`typed-values.ts`). */
  | { type: 'recorder:keyring' }
  /** The person's own guides, and the entries set aside because they are damaged. */
  | { type: 'userGuides:list' }
  | { type: 'userGuides:save'; guide: unknown; origin: GuideOrigin }
  | { type: 'userGuides:remove'; guideId: string }
  /** "Tester": highlight a target on a tab with the real overlay and say whether it is found. */
  | { type: 'target:test'; tabId: number; target: TargetDescription; instruction: string }
  /** Stop a "Tester" highlight. */
  | { type: 'target:clear'; tabId: number };

export type { RecorderState };

export interface UserGuideListEntry {
  id: string;
  title: string;
  origin: GuideOrigin;
  savedAt: string;
}

export type TargetTestResult = { status: 'found' | 'ambiguous' | 'not-found' } | { status: 'unreachable'; reason: string };

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
  /**
   * The action step that follows on the same path, when there is one: the page
   * watches it as soon as the current step is done, so that a click that also
   * ends the current step (leaving a field by clicking « Valider ») is not lost.
   */
  next?: ActionStep;
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
  'recorder:start': RecorderState;
  'recorder:stop': { ok: true; guide: Guide } | { ok: false; problems: GuideProblem[] };
  'recorder:state': RecorderState;
  'recorder:event': RecorderState;
  'recorder:keyring': { key: string; hashes: string[] } | null;
  'userGuides:list': { guides: UserGuideListEntry[]; setAside: { id: string; message: string }[] };
  'userGuides:save': { ok: true; id: string } | { ok: false; problems: GuideProblem[] };
  'userGuides:remove': { ok: true };
  'target:test': TargetTestResult;
  'target:clear': { ok: true };
}

/** Messages from the background to a tab's content script. */
export type TabMessage = { type: 'overlay:test'; target: TargetDescription; instruction: string } | { type: 'overlay:clear' };

export type ResponseOf<R extends Request> = ResponseMap[R['type']];

/** Storage key of the run of a tab: the background writes it, every view reads it. */
export const runKey = (tabId: number) => `run:${tabId}`;
/** Storage key of a run left unfinished when its tab closed or the browser stopped. */
export const pausedKey = (guideId: string) => `paused:${guideId}`;
