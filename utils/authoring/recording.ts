/**
 * The recording of a procedure, as a pure state machine: start on a tab, add
 * the recorded events, note a page the recorder may not enter, finish into a
 * draft guide. The background keeps this state in storage
 * (`recordingItem`) so that a stopped service worker loses nothing.
 *
 * What the state holds: the tab, when it started, the sites seen (match
 * patterns) and the draft steps (target facts, page patterns, actions, first
 * instructions, sensitive flags). Never an address as it was, never a value.
 */
import type { ParseResult } from '../guide/parse';
import { type ActionStep, actionStepSchema, LIMITS } from '../guide/schema';
import { buildDraftGuide } from './draft-guide';
import { type RecordedEvent, recordEvent } from './instruction';
import type { RecorderState } from './recording-view';
import type { TypedMatcher } from './typed-values';
import { generalizeSite } from './url-pattern';

/** The most steps a recording keeps: a guide holds `LIMITS.steps` items, one of them the end. */
export const MAX_RECORDED_STEPS = LIMITS.steps - 1;

export interface RecordingState {
  tabId: number;
  /** Epoch milliseconds. */
  startedAt: number;
  /** Match patterns of the sites the procedure went through, in the order first seen. */
  sites: string[];
  draft: ActionStep[];
  /**
   * The tab is on a page the extension may not enter: the recording goes on,
   * and resumes there once the trainer allows the site (`site` when the
   * browser told the address, `null` when it hid it).
   */
  needsPermission?: { site: string | null };
  /** Epoch ms of the last write (a start, a recorded action, a page): a recording idle too long ends. */
  activeAt?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isSite = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 300;

/** Reads the stored state; anything unreadable counts as no recording. */
export function readRecording(raw: unknown): RecordingState | null {
  if (!isRecord(raw)) return null;
  const { tabId, startedAt, sites, draft, needsPermission } = raw;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  if (typeof startedAt !== 'number' || !Number.isFinite(startedAt)) return null;
  if (!Array.isArray(sites) || sites.length > LIMITS.sites || !sites.every(isSite)) return null;
  if (!Array.isArray(draft) || draft.length > MAX_RECORDED_STEPS) return null;
  const steps: ActionStep[] = [];
  for (const item of draft) {
    const parsed = actionStepSchema.safeParse(item);
    if (!parsed.success) return null;
    steps.push(parsed.data);
  }
  const state: RecordingState = { tabId, startedAt, sites: [...sites], draft: steps };
  if (typeof raw.activeAt === 'number' && Number.isFinite(raw.activeAt)) state.activeAt = raw.activeAt;
  if (isRecord(needsPermission)) {
    const site = needsPermission.site;
    state.needsPermission = { site: isSite(site) ? site : null };
  }
  return state;
}

function withSite(sites: readonly string[], site: string | undefined): string[] {
  if (site === undefined || sites.includes(site) || sites.length >= LIMITS.sites) return [...sites];
  return [...sites, site];
}

/**
 * Starts recording on a tab. A recording already under way is carried on
 * (same steps): on its own tab after a page the extension could not enter,
 * or moved to this tab. `url` is the tab's address when known.
 */
export function startRecording(previous: RecordingState | null, tabId: number, url: string | undefined, now: number): RecordingState {
  const site = url === undefined ? undefined : generalizeSite(url);
  if (previous) return { tabId, startedAt: previous.startedAt, sites: withSite(previous.sites, site), draft: [...previous.draft] };
  return { tabId, startedAt: now, sites: withSite([], site), draft: [] };
}

/**
 * Adds one recorded event (a step, or a change to the last one). Past the step limit, nothing more is kept.
 * `typed`: where a text shows something typed earlier in the recording (the background's memory-only
 * matcher, see `typed-values.ts`); such facts are left out of the step.
 */
export function addEvent(state: RecordingState, event: RecordedEvent, typed?: TypedMatcher): RecordingState {
  const draft = recordEvent(state.draft, event, typed ? { typed } : {});
  if (draft.length > MAX_RECORDED_STEPS) return state;
  const { needsPermission: _, ...rest } = state;
  return { ...rest, sites: withSite(state.sites, generalizeSite(event.url)), draft };
}

/** The tab arrived on a page: the recorder can follow (`allowed`) or must wait for the trainer's permission. */
export function arrivedOnPage(state: RecordingState, url: string | undefined, allowed: boolean): RecordingState {
  const { needsPermission: _, ...rest } = state;
  if (allowed) return rest;
  const site = url === undefined ? undefined : generalizeSite(url);
  return { ...rest, needsPermission: { site: site ?? null } };
}

/** What the views are told: on or off, which tab, how many steps. */
export function recorderState(state: RecordingState | null): RecorderState {
  if (!state) return { recording: false, tabId: null, steps: 0 };
  return {
    recording: true,
    tabId: state.tabId,
    steps: state.draft.length,
    ...(state.needsPermission ? { needsPermission: state.needsPermission.site ?? true } : {}),
  };
}

/**
 * The draft guide of a finished recording, validated by `parseGuide`: named after its site and
 * day, with an id that none of `existingIds` (the guides already kept) has.
 */
export function finishRecording(state: RecordingState, existingIds: Iterable<string> = []): ParseResult {
  return buildDraftGuide({ sites: state.sites, steps: state.draft, existingIds, recordedAt: state.startedAt });
}
