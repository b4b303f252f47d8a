import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageContext } from '../../components/page/context';
import { createPageHost, OVERLAY_HOST } from '../../components/page/host';
import { shadowMode } from '../../components/page/test-access';
import { startPlayback } from '../../components/playback/playback';
// Inlined: the overlay also runs on the sites of the person's own guides, where no
// extension file is web-accessible, so its styles travel inside the script.
import overlayCss from './overlay.css?inline';

export default defineContentScript({
  // Replaced at build time by the sites of the bundled guides (wxt.config.ts).
  matches: ['http://localhost/*'],
  cssInjectionMode: 'manual',
  // WXT's context is replaced by a silent one (wxt.config.ts): ours tells the page nothing.
  async main() {
    const ctx = startPageContext('content');
    const mode = await shadowMode();
    if (ctx.isInvalid) return;
    // Everything playback listens to stops with the context; the host is in the page only while something is shown.
    startPlayback(createPageHost({ name: OVERLAY_HOST, css: overlayCss, mode, signal: ctx.signal }), ctx);
  },
});
