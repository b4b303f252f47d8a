import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlayScript } from '../../components/playback/overlay-script';
// Inlined: the overlay also runs on the sites of the person's own guides, where no
// extension file is web-accessible, so its styles travel inside the script.
import overlayCss from './overlay.css?inline';

/**
 * The overlay: never in the manifest. The page script of a guide's site
 * (entrypoints/content.ts) asks the background to put it in its tab once the
 * tab has a run (`scripting.executeScript` / `tabs.executeScript`: no file is
 * web-accessible). A trainer's « Tester » and « Vérifier » bring their own
 * script instead (entrypoints/trainer.content): nothing of theirs is here.
 */
export default defineContentScript({
  registration: 'runtime',
  // WXT's context is replaced by a silent one (wxt.config.ts): ours tells the page nothing.
  main: () => startOverlayScript(overlayCss),
});
