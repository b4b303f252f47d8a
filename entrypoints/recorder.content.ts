import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageContext } from '../components/page/context';
import { shadowMode } from '../components/page/test-access';
import { startRecorder } from '../components/recorder/recorder';

/**
 * The recorder: never in the manifest. The background puts it in the
 * recording tab (`scripting.executeScript` / `tabs.executeScript`), on each
 * page of the procedure whose site the trainer allowed.
 */
export default defineContentScript({
  registration: 'runtime',
  // WXT's context is replaced by a silent one (wxt.config.ts): ours tells the page nothing.
  async main() {
    const ctx = startPageContext('recorder');
    const mode = await shadowMode();
    if (!ctx.isInvalid) startRecorder({ signal: ctx.signal, shadowMode: mode });
  },
});
