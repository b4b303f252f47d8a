/**
 * `wxt/browser` and `@wxt-dev/browser` inside the content scripts (alias in wxt.config.ts): the
 * browser's own extension API, without webextension-polyfill (≈ 3.4 KB
 * gzipped that every page of a guide's site would load). Chrome (MV3) and
 * Firefox give promises natively for every call the content scripts make:
 * `runtime.sendMessage`, `runtime.id`, `storage.local.get`, `storage.*.onChanged`.
 * One difference is handled where it matters: Chrome's `runtime.onMessage`
 * does not wait for a promise returned by a listener, so the playback answers
 * through `sendResponse` (components/playback/playback.tsx).
 * Extension pages and the background keep the polyfill.
 */
import type { browser as Polyfilled } from 'wxt/browser';

type Api = typeof Polyfilled;
const scope = globalThis as { browser?: Api; chrome?: Api };

export const browser: Api = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as Api;
