/**
 * Practice builds only: the end-to-end harness may ask for open shadow roots,
 * to read and press our UI with the browser driver's selectors. The store
 * build closes them always: there `import.meta.env.MODE` is `production`, this
 * code is dropped, and the build fails if the key is still in a content script
 * (wxt.config.ts).
 */
import { browser } from 'wxt/browser';
import { OPEN_SHADOW_KEY } from './open-shadow-key';

export async function shadowMode(): Promise<ShadowRootMode> {
  if (import.meta.env.MODE !== 'practice') return 'closed';
  try {
    const stored = await browser.storage.local.get(OPEN_SHADOW_KEY);
    return stored[OPEN_SHADOW_KEY] === true ? 'open' : 'closed';
  } catch {
    return 'closed';
  }
}
