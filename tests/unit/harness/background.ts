/**
 * Asking the real background services in unit tests, through the real router
 * (sender checks included), over the fake browser's storage.
 */
import type { Handlers, Request, RequestType, ResponseOf } from '../../../utils/messages';
import { createRouter, type MessageSender } from '../../../utils/router';

export const EXTENSION_ID = 'cote-a-cote-test';
export const EXTENSION_BASE = `chrome-extension://${EXTENSION_ID}/`;
export const ROUTER_OPTIONS = { extensionId: EXTENSION_ID, extensionBase: EXTENSION_BASE };

/** One of our own pages (popup, side panel, editor…). */
export const extensionPage = (page = 'popup.html'): MessageSender => ({ id: EXTENSION_ID, url: `${EXTENSION_BASE}${page}` });

/** A content script in a tab of a site. */
export const contentScript = (tabId: number, url = 'https://exemple.gouv.fr/'): MessageSender => ({
  id: EXTENSION_ID,
  url,
  tab: { id: tabId },
});

/**
 * `ask(request)` as an extension page, `ask(request, tabId)` as the content
 * script of that tab; a refusal or a failure throws with the router's words.
 */
export function asker(handlers: () => Partial<Handlers<RequestType>>) {
  return async <R extends Request>(request: R, senderTabId?: number): Promise<ResponseOf<R>> => {
    const route = createRouter(handlers() as Handlers<RequestType>, ROUTER_OPTIONS);
    const answer = await route(request, senderTabId === undefined ? extensionPage() : contentScript(senderTabId));
    if (!answer.ok) throw new Error(answer.error);
    return answer.value as ResponseOf<R>;
  };
}
