import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPlayback } from '../../components/playback/playback';
// Inlined: the overlay also runs on the sites of the person's own guides, where no
// extension file is web-accessible, so its styles travel inside the script.
import overlayCss from './overlay.css?inline';

export default defineContentScript({
  // Replaced at build time by the sites of the bundled guides (wxt.config.ts).
  matches: ['http://localhost/*'],
  cssInjectionMode: 'manual',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'cote-a-cote-overlay',
      css: overlayCss,
      position: 'overlay',
      zIndex: 2147483647,
      // After <body>: a page's modal focus trap listening on <body> leaves our bubble alone.
      anchor: 'html',
      append: 'last',
      // Key presses in our UI never reach the page's handlers.
      isolateEvents: true,
      // Everything playback listens to stops with the context.
      onMount: (container, _shadow, host) => startPlayback(container, host, ctx),
    });
    ui.mount();
  },
});
