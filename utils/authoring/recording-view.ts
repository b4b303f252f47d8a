/**
 * What the views (the popup, the recording bar) read of the recording kept in
 * storage: on or off, which tab, how many steps, whether a site waits for the
 * trainer's permission. Light on purpose, without the guide schema: the
 * background validates the recording it writes (`recording.ts`).
 */
/** A recording with no recorded action for this long ends by itself (its draft waits for the editor). */
export const RECORDING_IDLE_MS = 30 * 60_000;

/** The recording as the views see it (the answer to `recorder:state`, see utils/messages.ts). */
export interface RecorderState {
  recording: boolean;
  tabId: number | null;
  steps: number;
  /**
   * The recording tab is on a site the extension may not enter yet: its match
   * pattern, or `true` when the browser hides the address. The recording goes
   * on there once the trainer allows the site (`recorder:start` again).
   */
  needsPermission?: string | true;
}

const OFF: RecorderState = { recording: false, tabId: null, steps: 0 };

export function recorderStateOf(raw: unknown): RecorderState {
  if (typeof raw !== 'object' || raw === null) return OFF;
  const { tabId, draft, needsPermission } = raw as { tabId?: unknown; draft?: unknown; needsPermission?: unknown };
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0 || !Array.isArray(draft)) return OFF;
  const state: RecorderState = { recording: true, tabId, steps: draft.length };
  if (typeof needsPermission === 'object' && needsPermission !== null) {
    const site = (needsPermission as { site?: unknown }).site;
    state.needsPermission = typeof site === 'string' ? site : true;
  }
  return state;
}
