import { defineContentScript } from 'wxt/utils/define-content-script';
import { arrive } from '../components/page/arrival';

/**
 * What every page of the guides' sites loads: a few hundred bytes that tell
 * the background once that the tab arrived on this page, and touch nothing in
 * it. The overlay (entrypoints/playback.content) comes only with a run.
 */
export default defineContentScript({
  // Replaced at build time by the sites of the bundled guides (wxt.config.ts).
  matches: ['http://localhost/*'],
  // WXT's context is replaced by a silent one (wxt.config.ts): this script tells the page nothing.
  main: () => arrive(),
});
