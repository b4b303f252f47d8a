/**
 * The background's one entry for messages: it finds the handler of the
 * request's type in the services' table, checks who sent it (a content script
 * about its own tab, or one of our own pages), and answers a value — a
 * failure travels back as words, never as an exception across the boundary.
 */
import type { Answer, Handler, Handlers, RequestType, Sender } from './messages';

/** What the browser tells of a message's sender (`runtime.MessageSender`), as far as we use it. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface RouterOptions {
  /** Our own extension id: messages from anything else are refused. */
  extensionId: string;
  /** The origin of our own pages (`runtime.getURL('/')`). */
  extensionBase: string;
}

const hasOwn = (table: object, key: string) => Object.hasOwn(table, key);

/** Who sent the message, or why it is refused. */
function senderOf(raw: MessageSender, { extensionId, extensionBase }: RouterOptions): Sender | null {
  if (raw.id !== extensionId) return null;
  const fromExtension = typeof raw.url === 'string' && raw.url.startsWith(extensionBase);
  if (fromExtension) return { fromExtension };
  const tabId = raw.tab?.id;
  return typeof tabId === 'number' ? { fromExtension, tabId } : null;
}

function allowed(handler: Handler<RequestType>, sender: Sender): boolean {
  switch (handler.from) {
    case 'any':
      return true;
    case 'content':
      return !sender.fromExtension;
    case 'extension':
      return sender.fromExtension;
  }
}

export function createRouter(table: Handlers<RequestType>, options: RouterOptions) {
  return async function route(message: unknown, raw: MessageSender): Promise<Answer<unknown>> {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !hasOwn(table, type)) return { ok: false, error: `unknown request: ${String(type)}` };
    const handler = table[type as RequestType] as Handler<RequestType>;
    const sender = senderOf(raw, options);
    if (!sender || !allowed(handler, sender)) return { ok: false, error: `request not allowed from this sender: ${type}` };
    try {
      return { ok: true, value: await handler.handle(message as never, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
