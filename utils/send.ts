import { browser } from 'wxt/browser';
import type { Request, ResponseOf } from './messages';

/** Ask the background; typed by request. */
export function send<R extends Request>(request: R): Promise<ResponseOf<R>> {
  return browser.runtime.sendMessage(request) as Promise<ResponseOf<R>>;
}
