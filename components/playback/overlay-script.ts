/**
 * What the overlay's scripts run in a page (entrypoints/playback.content, and
 * entrypoints/trainer.content with a trainer's tools): one context named
 * `playback`, so that a new copy of either stops the one already in the tab.
 */
import { type PageContext, startPageContext } from '../page/context';
import { createPageHost, OVERLAY_HOST } from '../page/host';
import { shadowMode } from '../page/test-access';
import { type PlaybackControl, startPlayback } from './playback';

export async function startOverlayScript(css: string, more?: (playback: PlaybackControl, ctx: PageContext) => void): Promise<void> {
  const ctx = startPageContext('playback');
  const mode = await shadowMode();
  if (ctx.isInvalid) return;
  // Everything playback listens to stops with the context; the host is in the page only while something is shown.
  const playback = startPlayback(createPageHost({ name: OVERLAY_HOST, css, mode, signal: ctx.signal }), ctx);
  more?.(playback, ctx);
}
