import { itemById } from '../guide/graph';
import type { Guide, GuideItem } from '../guide/schema';
import { landing } from './played';

/**
 * One person going through one guide on one tab. The background owns it and
 * keeps it in extension storage, so it must stay plain JSON: only ids, enums,
 * counters and timestamps — never anything typed or shown on the page.
 */

export const RUN_VERSION = 1;

export const RUN_MODES = ['advisor', 'alone'] as const;
/** Who is at the keyboard with whom: chosen when a guide starts, changeable any time. */
export type RunMode = (typeof RUN_MODES)[number];

/**
 * How much help the person wants (the autonomy scale advisors already use):
 * `guided` — spotlight and bubble at every step; `on-demand` — steps listed,
 * "Montre-moi" on request; `autonomous` — a checklist only.
 */
export const HELP_LEVELS = ['guided', 'on-demand', 'autonomous'] as const;
export type HelpLevel = (typeof HELP_LEVELS)[number];

export const RUN_STATUSES = ['active', 'finished', 'abandoned'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * How a visit of an item ended:
 * - `done`: the observer saw the person do the expected action;
 * - `page`: the person reached the page that completes it (or the next step's page);
 * - `manual`: "C'est fait";
 * - `answered`: a question's choice (see `choice`);
 * - `skipped`: the person went ahead to a later step's page without us seeing this one done;
 * - `back`: "Retour" left it for the previous item.
 */
export const OUTCOMES = ['done', 'page', 'manual', 'answered', 'skipped', 'back'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** "Je ne trouve pas", "Montre-moi", "Je suis perdu·e". */
export const HELP_KINDS = ['not-found', 'show-me', 'lost'] as const;
export type HelpKind = (typeof HELP_KINDS)[number];

/** One visit of an item, once it has ended. */
export interface Visit {
  id: string;
  how: Outcome;
  /** For `answered`: the index of the choice. */
  choice?: number;
  /** Help asked during this visit, each kind once, in the order asked. */
  help: HelpKind[];
  /** The level of help when the visit ended: progress tells at which level a step was done. */
  level: HelpLevel;
  /** When the visit ended (ms since epoch). */
  at: number;
}

export interface Run {
  v: typeof RUN_VERSION;
  guideId: string;
  guideVersion: string;
  mode: RunMode;
  level: HelpLevel;
  status: RunStatus;
  /** Id of the current step, question or end. */
  currentId: string;
  /** Help asked on the current item since it became current. */
  currentHelp: HelpKind[];
  /** Every ended visit, oldest first. Append-only: "Retour" adds a `back` visit, it erases nothing. */
  history: Visit[];
  /**
   * The back-stack of "Retour": indices in `history` of the visits that led to
   * the current item, oldest first. The path actually taken is `history[i]` for each `i`.
   */
  stack: number[];
  /** Question id → index of the chosen answer, for the questions on the path taken. */
  answers: Record<string, number>;
  startedAt: number;
  updatedAt: number;
  /** Set when the run is finished or abandoned. */
  finishedAt?: number;
}

/** A new run at the guide's first item (inside its inner guide when it runs one). */
export function startRun(guide: Guide, mode: RunMode, now: number, level: HelpLevel = 'guided'): Run {
  const firstItem = guide.steps[0];
  if (!firstItem) throw new Error(`guide ${guide.id} has no step`);
  const landed = landing(guide, firstItem.id);
  const first = { id: landed.id ?? firstItem.id, kind: landed.finished ? 'end' : 'step' };
  return {
    v: RUN_VERSION,
    guideId: guide.id,
    guideVersion: guide.version,
    mode,
    level,
    status: first.kind === 'end' ? 'finished' : 'active',
    currentId: first.id,
    currentHelp: [],
    history: [],
    stack: [],
    answers: {},
    startedAt: now,
    updatedAt: now,
    ...(first.kind === 'end' ? { finishedAt: now } : {}),
  };
}

/** The item the run is on, or undefined when the guide no longer has it (e.g. a newer version). */
export function currentItem(guide: Guide, run: Pick<Run, 'currentId'>): GuideItem | undefined {
  return itemById(guide, run.currentId);
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isHelpList = (value: unknown): value is HelpKind[] => Array.isArray(value) && value.every((kind) => isOneOf(HELP_KINDS, kind));

function isVisit(value: unknown): value is Visit {
  const visit = value as Visit;
  return (
    typeof visit === 'object' &&
    visit !== null &&
    typeof visit.id === 'string' &&
    isOneOf(OUTCOMES, visit.how) &&
    (visit.choice === undefined || Number.isInteger(visit.choice)) &&
    isHelpList(visit.help) &&
    isOneOf(HELP_LEVELS, visit.level) &&
    isTime(visit.at)
  );
}

/**
 * Whether a value read from storage is a run of this version. Anything else
 * (an older format, a damaged entry) is dropped rather than half-trusted.
 */
export function isRun(value: unknown): value is Run {
  const run = value as Run;
  return (
    typeof run === 'object' &&
    run !== null &&
    run.v === RUN_VERSION &&
    typeof run.guideId === 'string' &&
    typeof run.guideVersion === 'string' &&
    typeof run.currentId === 'string' &&
    isOneOf(RUN_MODES, run.mode) &&
    isOneOf(HELP_LEVELS, run.level) &&
    isOneOf(RUN_STATUSES, run.status) &&
    isHelpList(run.currentHelp) &&
    Array.isArray(run.history) &&
    run.history.every(isVisit) &&
    Array.isArray(run.stack) &&
    run.stack.every((i) => Number.isInteger(i) && i >= 0 && i < run.history.length) &&
    typeof run.answers === 'object' &&
    run.answers !== null &&
    Object.values(run.answers).every((choice) => Number.isInteger(choice)) &&
    isTime(run.startedAt) &&
    isTime(run.updatedAt) &&
    (run.finishedAt === undefined || isTime(run.finishedAt))
  );
}
