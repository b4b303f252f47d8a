/**
 * What the overlay's scripts run in a page (entrypoints/playback.content, and
 * entrypoints/trainer.content with a trainer's tools): one context named
 * `playback`. The background puts the person's overlay in a tab at each start,
 * resume and arrival of the tab's run: a copy already running there is left as
 * it is (it follows the run; a trainer's copy plays it the same way). A
 * trainer's copy takes the place of the one there.
 */
import { type PageContext, pageContextRunning, startPageContext } from '../page/context';
import { createPageHost, OVERLAY_HOST } from '../page/host';
import { shadowMode } from '../page/test-access';
import { type PlaybackControl, startPlayback } from './playback';

const PLAYBACK_CONTEXT = 'playback';

export interface OverlayOptions {
  mode: ShadowRootMode;
  /** A trainer's tools, started with the overlay (their copy replaces a running one). */
  more?: (playback: PlaybackControl, ctx: PageContext) => void;
  /** Whether the extension is still there (tests pass their own). */
  alive?: () => boolean;
}

/** Starts the overlay in this world, unless the person's copy would find one already running. */
export function startOverlay(css: string, { mode, more, alive }: OverlayOptions): PageContext | null {
  if (!more && pageContextRunning(PLAYBACK_CONTEXT)) return null;
  const ctx = startPageContext(PLAYBACK_CONTEXT, alive ? { alive } : {});
  // Everything playback listens to stops with the context; the host is in the page only while something is shown.
  const playback = startPlayback(createPageHost({ name: OVERLAY_HOST, css, mode, signal: ctx.signal }), ctx);
  more?.(playback, ctx);
  return ctx;
}

export async function startOverlayScript(css: string, more?: OverlayOptions['more']): Promise<void> {
  const mode = await shadowMode();
  startOverlay(css, { mode, ...(more ? { more } : {}) });
}
