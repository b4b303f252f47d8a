import { defineContentScript } from 'wxt/utils/define-content-script';
import { startRecorder } from '../components/recorder/recorder';

/**
 * The recorder: never in the manifest. The background puts it in the
 * recording tab (`scripting.executeScript` / `tabs.executeScript`), on each
 * page of the procedure whose site the trainer allowed.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    startRecorder({ signal: ctx.signal });
  },
});
