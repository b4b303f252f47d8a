import type { GuideOrigin, RecordedEvent, RecorderState } from './authoring';
import type { GuideSummary } from './catalogue';
import type { GuideProblem } from './guide/parse';
import type { ActionStep, Guide } from './guide/schema';
import type { TargetDescription } from './locate/target';
import type { ImportResult } from './progress/store';
import type { HelpLevel, Run, RunEvent, RunMode } from './run';
import type { StepView } from './run/view';
import type { TeamProblem } from './team-catalogue/checks';
import type { CatalogueChanges, CataloguePreview, TeamCatalogueEntry } from './team-catalogue/service';
import type { ErasedTraces } from './traces/service';
import type { VerifyOutcome } from './verify/session';

/** Requests to the run service: the catalogue, the guides and the runs of the tabs. */
export type RunRequest =
  | { type: 'catalogue:forPage'; url: string | null }
  /** `played`: as a run plays it, with the guides it runs laid out (`utils/run/played.ts`); else as written. */
  | { type: 'guide:get'; guideId: string; played?: boolean }
  | { type: 'run:start'; tabId: number; guideId: string; mode: RunMode; level: HelpLevel }
  /** Resume a run left on a closed tab or before a browser restart, on this tab. */
  | { type: 'run:resume'; tabId: number; guideId: string }
  /** Runs left unfinished on tabs that are gone, by guide id. */
  | { type: 'run:paused' }
  /** A run event for a tab; from a content script the tab is always the sender's own. */
  | { type: 'run:event'; tabId?: number; event: RunEvent }
  /** From a content script: the view of the current step of its tab. */
  | { type: 'run:current' }
  /** « Terminer » at the end: the run leaves the tab, and its guide has no paused run left. */
  | { type: 'run:close'; tabId?: number };

/** Requests to the authoring service (trainers). */
export type AuthoringRequest =
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
  | { type: 'target:clear'; tabId: number }
  /** « Vérifier ce guide sur le site »: what the locating engine says of one step on the tab, shown there with the real overlay. */
  | { type: 'verify:check'; tabId: number; check: VerifyCheck }
  /** « Montrer le bon élément »: the tab waits for the person's next click; the element comes back in `verifyPickItem`. */
  | { type: 'verify:pick'; tabId: number }
  /** From the content script of the tab that waits: the element the person clicked, described like a recording. */
  | { type: 'verify:picked'; event: unknown }
  /** The check is over or left: the tab stops waiting and its overlay goes. */
  | { type: 'verify:stop'; tabId: number }
  /** Keeps the report of a finished check, for the printable report page. */
  | { type: 'verify:report'; report: unknown };

/** Requests to the progress service: the background is the only writer of the person's progress. */
export type ProgressRequest =
  | { type: 'progress:forget'; guideId: string }
  /** Deletes everything, whatever its version. */
  | { type: 'progress:forgetAll' }
  /** Adds an exported file's progress to this machine's; a bad file changes nothing. */
  | { type: 'progress:import'; text: string };

/** « Effacer les traces de Côte à côte »: runs, paused runs and progress (see `utils/traces/service.ts`). */
export type TracesRequest = { type: 'traces:erase' };

/** Team catalogues (`utils/team-catalogue/service.ts`): the settings page asks, after the host permission was granted. */
export type TeamCatalogueRequest =
  | { type: 'teamCatalogues:list' }
  /** Downloads and checks a catalogue not added yet; answers what adding it would bring. */
  | { type: 'teamCatalogues:check'; address: string; publicKey: string }
  /** Adds exactly the catalogue that was checked (its index's hash). */
  | { type: 'teamCatalogues:add'; address: string; publicKey: string; indexHash: string; daily: boolean }
  | { type: 'teamCatalogues:update'; url: string }
  /** Removes the catalogue and its guides, and takes back the host permissions only it needed. */
  | { type: 'teamCatalogues:remove'; url: string }
  | { type: 'teamCatalogues:setDaily'; url: string; daily: boolean };

/** Everything the views and content scripts ask the background, which owns the catalogue, the runs and the progress. */
export type Request = RunRequest | AuthoringRequest | ProgressRequest | TracesRequest | TeamCatalogueRequest;
export type RequestType = Request['type'];
export type RequestOf<K extends RequestType> = Extract<Request, { type: K }>;

export type { RecorderState };

export interface UserGuideListEntry {
  id: string;
  title: string;
  origin: GuideOrigin;
  savedAt: string;
  /** The titles of the other installed guides (« Mes guides », team catalogues) that play it at one of their steps: removed, it leaves that step as text. */
  playedBy: string[];
}

/** Why "Tester" could not reach the page: the view says it in words. */
export type UnreachableReason = 'target' | 'no-access' | 'not-web' | 'no-answer';
/** `out-of-sight`: not found in sight, but likely in a part of the page still closed (a tab, a folded section). */
export type TargetTestResult =
  | { status: 'found' | 'ambiguous' | 'not-found' | 'out-of-sight' }
  | { status: 'unreachable'; reason: UnreachableReason };

export type { StepView } from './run/view';

/** One step to check on the site: the guide's title and language for the bubble, where the step sits. */
export interface VerifyCheck {
  guide: { title: string; lang: string };
  item: ActionStep;
  position: number;
  total: number;
}

/** What the page says of a step being checked (`utils/verify/session.ts`), and the host of the page. */
export type VerifyPageResult = { status: VerifyOutcome; host: string };
export type VerifyCheckResult = VerifyPageResult | { status: 'unreachable'; reason: UnreachableReason };

export interface ResponseMap {
  'catalogue:forPage': { fitting: GuideSummary[]; others: GuideSummary[] };
  'guide:get': Guide | null;
  'run:start': { ok: true; run: Run } | { ok: false; problem: 'unknown-guide' };
  'run:resume': Run | null;
  'run:paused': Record<string, Run>;
  'run:event': Run | null;
  'run:current': StepView | null;
  'run:close': { ok: true };
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
  'verify:check': VerifyCheckResult;
  'verify:pick': { ok: true } | { ok: false; reason: UnreachableReason };
  'verify:picked': { ok: boolean };
  'verify:stop': { ok: true };
  'verify:report': { ok: boolean };
  'progress:forget': { ok: true };
  'progress:forgetAll': { ok: true };
  'progress:import': ImportResult;
  'traces:erase': ErasedTraces;
  'teamCatalogues:list': { catalogues: TeamCatalogueEntry[] };
  'teamCatalogues:check': { ok: true; preview: CataloguePreview } | { ok: false; problem: TeamProblem };
  'teamCatalogues:add': { ok: true } | { ok: false; problem: TeamProblem };
  'teamCatalogues:update': { ok: true; outcome: 'updated' | 'up-to-date'; changes: CatalogueChanges } | { ok: false; problem: TeamProblem };
  'teamCatalogues:remove': { ok: true };
  'teamCatalogues:setDaily': { ok: true };
}

/** Messages from the background to a tab's content script. */
export type TabMessage =
  | { type: 'overlay:test'; target: TargetDescription; instruction: string }
  | { type: 'overlay:clear' }
  | { type: 'overlay:verify'; check: VerifyCheck }
  /** Wait for the person's next click on the page, and send it back as `verify:picked`. */
  | { type: 'overlay:pick' };
export interface TabResponseMap {
  'overlay:test': TargetTestResult;
  'overlay:clear': { ok: true };
  'overlay:verify': VerifyPageResult;
  'overlay:pick': { ok: true };
}

export type ResponseOf<R extends Request> = ResponseMap[R['type']];

/**
 * Who may send a request. `content`: a content script, about its own tab
 * only; `extension`: one of the extension's own pages (popup, side panel,
 * editor…); `any`: either.
 */
export type SenderKind = 'content' | 'extension' | 'any';

/** The sender as the router saw it. */
export interface Sender {
  /** The tab of a content script; undefined for an extension page. */
  tabId?: number;
  /** Whether the request came from one of the extension's own pages. */
  fromExtension: boolean;
}

export interface Handler<K extends RequestType> {
  from: SenderKind;
  handle(request: RequestOf<K>, sender: Sender): Promise<ResponseMap[K]>;
}

/** A service's table: one handler for each of its request types, no more, no fewer. */
export type Handlers<K extends RequestType> = { [P in K]: Handler<P> };

/** What travels back to the sender: the answer, or the failure in words (never an exception across the boundary). */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: string };
