import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlayScript } from '../../components/playback/overlay-script';
// Inlined: no extension file is web-accessible to pages, so the styles travel inside the script.
import overlayCss from './overlay.css?inline';

/**
 * The overlay: never in the manifest (no script of ours runs in a page by
 * itself). The background puts it in a tab that has a run — at its start or
 * resume, and at each arrival of the tab on a page (utils/run/arrivals.ts) —
 * with `scripting.executeScript` / `tabs.executeScript`: no file is web-accessible. A trainer's « Tester » and « Vérifier » bring their own
 * script instead (entrypoints/trainer.content): nothing of theirs is here.
 */
export default defineContentScript({
  registration: 'runtime',
  // WXT's context is replaced by a silent one (wxt.config.ts): ours tells the page nothing.
  main: () => startOverlayScript(overlayCss),
});
