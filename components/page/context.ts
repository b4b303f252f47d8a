/**
 * The life of one content script in a page, told to our code only. WXT's own
 * context announces every start to the page (a `postMessage` and a DOM event
 * named with the extension's id) and every change of address (an event on
 * `window`): any page script could learn that the person is helped. This one
 * dispatches nothing into the page: a newer copy of the script is found
 * through a global of the extension's own world, a reloaded extension through
 * `runtime.id`, and a change of address by reading `location.href`.
 */
import { browser } from 'wxt/browser';

/** How often the address and the extension's life are read: WXT polls at the same pace. */
export const WATCH_MS = 1_000;

export interface PageContext {
  /** Aborted when the script stops: a newer copy started, the extension reloaded, or `invalidate()`. */
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): () => void;
  /** A listener removed with the context. */
  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  /** A timeout cleared with the context, and not run once it is invalid. */
  setTimeout(handler: () => void, ms: number): ReturnType<typeof setTimeout>;
  /** Called after each change of the page's address (pushState, back, anchor…), heard by our code alone. */
  onLocationChange(callback: (url: string) => void): void;
  invalidate(): void;
}

export interface PageContextOptions {
  /** Whether the extension is still there (a reloaded or removed extension leaves its old scripts orphaned). */
  alive?: () => boolean;
  view?: Window;
}

/** A running copy, as the isolated world's global keeps it: its controller, and its own view of the extension's life. */
interface Running {
  controller: AbortController;
  alive: () => boolean;
}

type Scope = typeof globalThis & Record<symbol, Running | undefined>;

const keyOf = (name: string) => Symbol.for(`cote-a-cote.context.${name}`);

const extensionAlive = () => {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
};

/**
 * Whether a copy of the content script `name` runs in this world, for an extension that is still there (one left
 * by a reloaded extension does not count): the background may put the overlay in a tab where it already is.
 */
export function pageContextRunning(name: string): boolean {
  const running = (globalThis as Scope)[keyOf(name)];
  if (!running || running.controller.signal.aborted) return false;
  try {
    return running.alive();
  } catch {
    return false;
  }
}

/**
 * Starts the context of the content script `name`. A copy of the same script
 * started earlier in this world (our own injection again) stops here.
 */
export function startPageContext(name: string, { alive = extensionAlive, view = window }: PageContextOptions = {}): PageContext {
  const controller = new AbortController();
  const { signal } = controller;
  // The isolated world's global is ours alone: the page never sees this key.
  const scope = globalThis as Scope;
  const key = keyOf(name);
  scope[key]?.controller.abort();
  const running: Running = { controller, alive };
  scope[key] = running;
  signal.addEventListener('abort', () => {
    if (scope[key] === running) delete scope[key];
  });

  const invalidate = () => controller.abort();
  const isInvalid = () => {
    if (!signal.aborted && !alive()) invalidate();
    return signal.aborted;
  };
  const onInvalidated = (callback: () => void) => {
    signal.addEventListener('abort', callback);
    return () => signal.removeEventListener('abort', callback);
  };
  const later = (handler: () => void, ms: number) => {
    const id = setTimeout(() => {
      if (!isInvalid()) handler();
    }, ms);
    onInvalidated(() => clearTimeout(id));
    return id;
  };

  const listeners: ((url: string) => void)[] = [];
  let lastUrl = view.location.href;
  const checkLocation = () => {
    // Reads the address only, to hear the page's own changes; never writes it (never-act: no navigation).
    if (isInvalid() || view.location.href === lastUrl) return;
    lastUrl = view.location.href;
    for (const listener of listeners) listener(lastUrl);
  };
  let watching = false;
  const watchLocation = () => {
    if (watching) return;
    watching = true;
    // The Navigation API (Chromium) tells at once; the address is read once the navigation has committed.
    const navigation = (view as Window & { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('navigatesuccess', checkLocation, { signal });
    navigation?.addEventListener('currententrychange', checkLocation, { signal });
    view.addEventListener('popstate', checkLocation, { signal });
    view.addEventListener('hashchange', checkLocation, { signal });
  };
  // Polling reads the address where no event tells it (history.pushState), and notices a reloaded extension.
  const poll = setInterval(() => {
    if (isInvalid()) return;
    checkLocation();
  }, WATCH_MS);
  onInvalidated(() => clearInterval(poll));

  return {
    signal,
    get isInvalid() {
      return isInvalid();
    },
    onInvalidated,
    addEventListener(target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions) {
      target.addEventListener(type, handler as EventListener, { ...options, signal });
    },
    setTimeout: later,
    onLocationChange(callback) {
      listeners.push(callback);
      watchLocation();
    },
    invalidate,
  };
}
