import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { Overlay } from '../../components/overlay/Overlay';
import { currentStep } from '../../components/overlay/state';
import { send } from '../../utils/send';
import './overlay.css';

export default defineContentScript({
  // Replaced at build time by the sites of the bundled guides (wxt.config.ts).
  matches: ['http://localhost/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const refresh = async () => {
      currentStep.value = await send({ type: 'run:current' });
    };
    const ui = await createShadowRootUi(ctx, {
      name: 'cote-a-cote-overlay',
      position: 'overlay',
      zIndex: 2147483647,
      onMount: (container) => {
        render(<Overlay />, container);
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    ui.mount();
    // Every view reads the run from storage; a change of any run may be ours.
    const onChanged = (changes: Record<string, unknown>) => {
      if (Object.keys(changes).some((key) => key.startsWith('run:'))) void refresh();
    };
    browser.storage.local.onChanged.addListener(onChanged);
    ctx.onInvalidated(() => browser.storage.local.onChanged.removeListener(onChanged));
    await refresh();
  },
});
