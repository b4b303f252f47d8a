import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPlayback } from '../../components/playback/playback';
import './overlay.css';

export default defineContentScript({
  // Replaced at build time by the sites of the bundled guides (wxt.config.ts).
  matches: ['http://localhost/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'cote-a-cote-overlay',
      position: 'overlay',
      zIndex: 2147483647,
      // After <body>: a page's modal focus trap listening on <body> leaves our bubble alone.
      anchor: 'html',
      append: 'last',
      // Key presses in our UI never reach the page's handlers.
      isolateEvents: true,
      onMount: (container, _shadow, host) => startPlayback(container, host),
      onRemove: (stop) => stop?.(),
    });
    ui.mount();
  },
});
