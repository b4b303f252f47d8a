import { browser } from 'wxt/browser';
import type { Answer, Request, ResponseOf } from './messages';

/** The background answered with a failure, or not at all. */
export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

/** Asks the background; typed by request. A failure rejects, and the view says it in words. */
export async function send<R extends Request>(request: R): Promise<ResponseOf<R>> {
  const answer = (await browser.runtime.sendMessage(request)) as Answer<ResponseOf<R>> | undefined;
  if (typeof answer !== 'object' || answer === null || typeof answer.ok !== 'boolean') throw new BackgroundError('no answer');
  if (!answer.ok) throw new BackgroundError(answer.error);
  return answer.value;
}
