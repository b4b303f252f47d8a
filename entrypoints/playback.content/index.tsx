import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageContext } from '../../components/page/context';
import { createPageHost, OVERLAY_HOST } from '../../components/page/host';
import { shadowMode } from '../../components/page/test-access';
import { startPlayback } from '../../components/playback/playback';
// Inlined: the overlay also runs on the sites of the person's own guides, where no
// extension file is web-accessible, so its styles travel inside the script.
import overlayCss from './overlay.css?inline';

/**
 * The overlay: never in the manifest. The page script of a guide's site
 * (entrypoints/content.ts) asks the background to put it in its tab once the
 * tab has a run; "Tester" from the editor puts it there too
 * (`scripting.executeScript` / `tabs.executeScript`: no file is web-accessible).
 */
export default defineContentScript({
  registration: 'runtime',
  // WXT's context is replaced by a silent one (wxt.config.ts): ours tells the page nothing.
  async main() {
    const ctx = startPageContext('playback');
    const mode = await shadowMode();
    if (ctx.isInvalid) return;
    // Everything playback listens to stops with the context; the host is in the page only while something is shown.
    startPlayback(createPageHost({ name: OVERLAY_HOST, css: overlayCss, mode, signal: ctx.signal }), ctx);
  },
});
