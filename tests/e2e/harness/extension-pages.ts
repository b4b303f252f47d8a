// The extension's own API (storage, messages, tabs, commands) used from one of its pages, as its views use it.
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browsers';

/** The part of the WebExtension API the tests use: `browser` in Firefox, `chrome` in Chromium. */
export interface ExtensionApi {
  storage: {
    local: {
      get(keys: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
      onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void };
    };
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    getCurrent(): Promise<{ id?: number; windowId?: number } | undefined>;
    query(query: { active?: boolean; windowId?: number }): Promise<{ id?: number; url?: string }[]>;
  };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
}

/**
 * Runs `fn` in the extension page `page` with the extension's API as its first
 * argument, and returns its value (as JSON). `fn` is sent as text: it may use
 * only its arguments, which must be JSON. Evaluated by the driver, so that the
 * page's CSP (no `eval`) does not stop it.
 */
export function withExtensionApi<A extends unknown[], R>(
  page: Page,
  fn: (api: ExtensionApi, ...args: A) => R | Promise<R>,
  ...args: A
): Promise<Awaited<R>> {
  return page.evaluate(`(${fn.toString()})(globalThis.browser ?? globalThis.chrome, ...${JSON.stringify(args)})`) as Promise<Awaited<R>>;
}

/** The extension's `storage.local` (or one key of it), read in an extension page. */
export function storageIn(page: Page, key: string | null = null): Promise<Record<string, unknown>> {
  return withExtensionApi(page, (api, wanted) => api.storage.local.get(wanted), key);
}

/**
 * The tab id of a site's `page`, asked from an extension page (`control`). Tabs
 * are found by address (Firefox's match patterns take no port): one tab per address.
 */
export async function tabIdOf(control: Page, page: Page): Promise<number> {
  const tabs = await withExtensionApi(control, (api) => api.tabs.query({}));
  const tabId = tabs.find((tab) => tab.url === page.url())?.id;
  if (tabId === undefined) throw new Error(`no tab for ${page.url()} among ${JSON.stringify(tabs)}`);
  return tabId;
}

/**
 * Sends a request to the background from an extension page, as the views do,
 * and returns the answer's value (the router wraps every answer, as
 * `utils/send.ts` unwraps it); a refusal throws with the background's words.
 */
export async function sendMessage<T>(page: Page, request: unknown): Promise<T> {
  const answer = (await withExtensionApi(page, (api, message) => api.runtime.sendMessage(message), request)) as
    | { ok: true; value: T }
    | { ok: false; error: string };
  if (!answer.ok) throw new Error(`the background refused ${JSON.stringify(request)}: ${answer.error}`);
  return answer.value;
}

/**
 * Opens an extension page (the popup's unless `path` says), hands it to `use`,
 * then closes it and brings `bringBack` to the front: a tab in the background
 * gets no animation frames, and the overlay follows on those.
 */
export async function inExtensionPage<R>(
  ext: ExtensionBrowser,
  use: (page: Page) => Promise<R>,
  { path = 'popup.html', bringBack }: { path?: string; bringBack?: Page } = {},
): Promise<R> {
  const page = await ext.openExtensionPage(path);
  try {
    return await use(page);
  } finally {
    await page.close();
    await bringBack?.bringToFront();
  }
}

/** The extension's `storage.local`, read from one of its pages (works while Chromium's service worker sleeps). */
export function readStorage(ext: ExtensionBrowser, bringBack?: Page): Promise<Record<string, unknown>> {
  return inExtensionPage(ext, (page) => storageIn(page), { bringBack });
}
