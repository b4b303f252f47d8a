/**
 * What every page of a guide's site runs (entrypoints/content.ts), run or not:
 * it tells the background once that the tab arrived on this address (which may
 * complete or move the tab's run), and adds nothing to the page — no element,
 * no observer, no listener, no timer. Only when this tab has a run does it ask
 * the background to put the overlay script in the tab (`playback:load`). A run
 * started later on this tab brings the overlay the same way: the background
 * puts it in the tab when it starts or resumes the run (utils/background.ts).
 */
import { send } from '../../utils/send';

/**
 * Set in our isolated world (never seen by the page) to the address whose
 * arrival the page script already told: the overlay, put in the tab just
 * after, does not tell it again.
 */
export const ARRIVED = Symbol.for('cote-a-cote.arrived');

type Scope = typeof globalThis & { [ARRIVED]?: string };

export interface ArrivalDeps {
  /** Asks the background to put the overlay in this tab. */
  load?: () => Promise<unknown>;
  url?: string;
}

/** Tells the background that the tab arrived here; brings the overlay when the tab has a run. */
export async function arrive({ load = () => send({ type: 'playback:load' }), url = location.href }: ArrivalDeps = {}): Promise<void> {
  try {
    const run = await send({ type: 'run:event', event: { type: 'page', url } });
    (globalThis as Scope)[ARRIVED] = url;
    if (run) await load();
  } catch {
    // The background is restarting, or the extension is gone: a run started later brings the overlay anyway.
  }
}
