// "Nothing leaves the machine": every request of the browser, watched through CDP (Chromium) or WebDriver BiDi (Firefox).
import type { CDPSession, Target } from 'puppeteer-core';
import { type ExtensionBrowser, inExtensionPage, waitUntil } from '../harness';

export interface SeenRequest {
  url: string;
  /** Who made it: `page`, `service_worker`, `other`… (Chromium target type), `browser` for the browser-wide view. */
  by: string;
  /** The URL of the context that made it (the tab's page, the worker's script). */
  context: string;
  /** A script URL on the initiator's stack or the initiator's URL, when known. */
  initiator: string[];
}

/** The request was made by the extension: from one of its contexts, or by its scripts in a page. */
export function isExtensionMade(request: SeenRequest, origin: string): boolean {
  return request.context.startsWith(origin) || request.initiator.some((url) => url.startsWith(origin));
}

/** The URL stays on this machine: the extension's packaged files, inline data, or a loopback server. */
export function staysOnMachine(url: string): boolean {
  if (/^(chrome-extension|moz-extension|data|blob|about):/.test(url)) return true;
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || /^127\./.test(host) || host === '[::1]';
  } catch {
    return false;
  }
}

interface Initiator {
  url?: string;
  stack?: { callFrames: { url: string }[]; parent?: Initiator['stack'] };
}

function initiatorUrls(initiator: Initiator | undefined): string[] {
  const urls = new Set<string>();
  if (initiator?.url) urls.add(initiator.url);
  for (let stack = initiator?.stack; stack; stack = stack.parent) for (const frame of stack.callFrames) if (frame.url) urls.add(frame.url);
  return [...urls];
}

/**
 * Chromium: every request of every target (pages, extension pages, the
 * service worker, also once restarted) with its initiator, through CDP's
 * Network domain; and, browser-wide, every request that reaches the network
 * stack through the browser target's Fetch domain (which sees all contexts,
 * including one attached too late to the per-target view).
 */
export class ChromiumNetworkWatch {
  readonly requests: SeenRequest[] = [];
  readonly #sessions = new Map<Target, CDPSession>();
  #browserSession: CDPSession | null = null;
  readonly #ext: ExtensionBrowser;
  readonly #onTarget = (target: Target) => void this.#attach(target);

  private constructor(ext: ExtensionBrowser) {
    this.#ext = ext;
  }

  static async start(ext: ExtensionBrowser): Promise<ChromiumNetworkWatch> {
    const watch = new ChromiumNetworkWatch(ext);
    const session = await ext.browser.target().createCDPSession();
    watch.#browserSession = session;
    session.on('Fetch.requestPaused', (event: { requestId: string; request: { url: string }; frameId?: string }) => {
      watch.requests.push({ url: event.request.url, by: 'browser', context: '', initiator: [] });
      session.send('Fetch.continueRequest', { requestId: event.requestId }).catch(() => undefined);
    });
    await session.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
    ext.browser.on('targetcreated', watch.#onTarget);
    await Promise.all(ext.browser.targets().map((target) => watch.#attach(target)));
    return watch;
  }

  async #attach(target: Target): Promise<void> {
    if (target.type() === 'browser') return;
    try {
      const session = await target.createCDPSession();
      this.#sessions.set(target, session);
      session.on('Network.requestWillBeSent', (event: { request: { url: string }; initiator?: Initiator }) => {
        this.requests.push({ url: event.request.url, by: target.type(), context: target.url(), initiator: initiatorUrls(event.initiator) });
      });
      await session.send('Network.enable');
    } catch {
      // A target gone before we attached (a closed popup): nothing more to hear from it.
    }
  }

  /**
   * Stops listening to one target: a debugger attached to a service worker keeps
   * it alive. The browser-wide view goes on; a restarted worker is a new target, heard again.
   */
  async release(target: Target): Promise<void> {
    const session = this.#sessions.get(target);
    this.#sessions.delete(target);
    await session?.detach().catch(() => undefined);
  }

  /** Requests made by the extension (its contexts or its scripts) to anything but its own files. */
  extensionRequestsLeaving(): SeenRequest[] {
    const origin = this.#ext.origin;
    return this.requests.filter((r) => r.by !== 'browser' && isExtensionMade(r, origin) && !/^(chrome-extension|data|blob):/.test(r.url));
  }

  /**
   * Requests, seen browser-wide, that leave the machine and that no page made
   * as a page (per-target view, initiator not the extension's): nobody but the
   * page may have made them.
   */
  unexplainedRequestsLeaving(): SeenRequest[] {
    const origin = this.#ext.origin;
    const byPages = new Set(this.requests.filter((r) => r.by !== 'browser' && !isExtensionMade(r, origin)).map((r) => r.url));
    return this.requests.filter((r) => r.by === 'browser' && !staysOnMachine(r.url) && !byPages.has(r.url));
  }

  clear(): void {
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    this.#ext.browser.off('targetcreated', this.#onTarget);
    await this.#browserSession?.send('Fetch.disable').catch(() => undefined);
    await Promise.all([...this.#sessions.values(), this.#browserSession].map((s) => s?.detach().catch(() => undefined)));
  }
}

interface BidiEvents {
  on(event: string, listener: (event: unknown) => void): void;
  off(event: string, listener: (event: unknown) => void): void;
}

/**
 * Firefox: every `network.beforeRequestSent` event of the WebDriver BiDi
 * session, to which puppeteer subscribes for all browsing contexts. Tabs
 * (practice pages, extension pages opened in tabs) are covered; Firefox does
 * not report there the requests of an extension's background page, which is
 * not a browsing context of the session.
 */
export class FirefoxNetworkWatch {
  readonly requests: SeenRequest[] = [];
  readonly #connection: BidiEvents;
  readonly #ext: ExtensionBrowser;
  readonly #contexts = new Map<string, string>();
  readonly #onRequest = (raw: unknown) => {
    const event = raw as { context: string | null; request: { url: string }; initiator?: { type?: string; stackTrace?: unknown } };
    const context = event.context ?? '';
    const frames = (event.initiator?.stackTrace as { callFrames?: { url: string }[] } | undefined)?.callFrames ?? [];
    this.requests.push({
      url: event.request.url,
      by: event.context === null ? 'no-context' : 'context',
      context: this.#contexts.get(context) ?? context,
      initiator: frames.map((f) => f.url).filter(Boolean),
    });
  };
  readonly #onContext = (raw: unknown) => {
    const event = raw as { context: string; url: string };
    this.#contexts.set(event.context, event.url);
  };

  constructor(ext: ExtensionBrowser) {
    this.#ext = ext;
    // puppeteer's BiDi connection emits every event of the session by its method name.
    this.#connection = (ext.browser as unknown as { connection: BidiEvents }).connection;
    this.#connection.on('network.beforeRequestSent', this.#onRequest);
    for (const name of ['browsingContext.navigationStarted', 'browsingContext.load', 'browsingContext.domContentLoaded']) {
      this.#connection.on(name, this.#onContext);
    }
  }

  /** Requests made by the extension (its pages, its scripts) to anything but its own files. */
  extensionRequestsLeaving(): SeenRequest[] {
    const origin = this.#ext.origin;
    return this.requests.filter((r) => isExtensionMade(r, origin) && !/^(moz-extension|data|blob):/.test(r.url));
  }

  /** Requests that leave the machine from no page context, or from an extension page. */
  unexplainedRequestsLeaving(): SeenRequest[] {
    const origin = this.#ext.origin;
    return this.requests.filter((r) => !staysOnMachine(r.url) && (r.by === 'no-context' || r.context.startsWith(origin)));
  }

  clear(): void {
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    this.#connection.off('network.beforeRequestSent', this.#onRequest);
    for (const name of ['browsingContext.navigationStarted', 'browsingContext.load', 'browsingContext.domContentLoaded']) {
      this.#connection.off(name, this.#onContext);
    }
  }
}

export type NetworkWatch = ChromiumNetworkWatch | FirefoxNetworkWatch;

/**
 * Proves that the watch hears an extension page: one of its pages (opened in a
 * tab) requests `url` (a loopback page, opaque answer, no console error), and the
 * watch must count it among the extension's requests. Clears the watch after.
 */
export async function networkCanary(ext: ExtensionBrowser, network: NetworkWatch, url: string): Promise<boolean> {
  try {
    return await inExtensionPage(ext, async (page) => {
      await page.evaluate((target) => fetch(target, { mode: 'no-cors', cache: 'no-store' }).then(() => undefined), url);
      return waitUntil(`la requête témoin ${url} est vue`, async () => network.extensionRequestsLeaving().some((r) => r.url === url));
    });
  } finally {
    network.clear();
  }
}

export async function watchNetwork(ext: ExtensionBrowser): Promise<NetworkWatch> {
  return ext.kind === 'chromium' ? ChromiumNetworkWatch.start(ext) : new FirefoxNetworkWatch(ext);
}
