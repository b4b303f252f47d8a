/**
 * Test harness for the popup and the side panel: French messages for `#i18n`,
 * the real background answering `send()` (its services over the fake
 * browser's storage), and small DOM helpers.
 */
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Background, createBackground } from '../../../utils/background';
import type { Guide } from '../../../utils/guide/schema';
import type { Request } from '../../../utils/messages';
import type { Run } from '../../../utils/run';
import { pausedRuns, tabRuns } from '../../../utils/storage/items';
import type { TeamCataloguePlatform } from '../../../utils/team-catalogue/service';
import { FakePlatform } from '../authoring-service/fakes';
import { extensionPage, ROUTER_OPTIONS } from '../harness/background';

type Messages = Record<string, { message: string }>;
const cache = new Map<string, Messages>();

export async function messagesOf(lang: 'fr' | 'en'): Promise<Messages> {
  let messages = cache.get(lang);
  if (!messages) {
    messages = generateChromeMessages(await parseMessagesFile(resolve(__dirname, `../../../locales/${lang}.yml`))) as Messages;
    cache.set(lang, messages);
  }
  return messages;
}

/**
 * `browser.i18n.getMessage` from locales/fr.yml, with Chrome's `$1` substitutions.
 * An unknown key throws, so that a typo in a view fails its test.
 */
export async function installFrench(): Promise<void> {
  const messages = await messagesOf('fr');
  const getMessage = (name: string, substitutions?: string | string[]) => {
    const message = messages[name]?.message;
    if (message === undefined) throw new Error(`no message "${name}" in locales/fr.yml`);
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
}

/**
 * The real background (its services, its router and its sender checks) as
 * the views see it, over the fake browser's storage; with the requests the
 * views made, for assertions, and a switch to make it not answer.
 */
export class TestBackground {
  readonly requests: Request[] = [];
  /** Set to make every request fail, as when the background does not answer. */
  failing = false;
  now = 1_700_000_000_000;
  readonly background: Background;
  readonly platform: FakePlatform;

  constructor(
    readonly guides: Guide[],
    options: { platform?: FakePlatform; clock?: () => number; teamPlatform?: TeamCataloguePlatform } = {},
  ) {
    this.platform = options.platform ?? new FakePlatform();
    const now = options.clock ?? (() => this.now);
    this.background = createBackground({
      bundledGuides: guides,
      now,
      platform: this.platform,
      pause: async () => {},
      ...(options.teamPlatform ? { teamPlatform: options.teamPlatform } : {}),
    });
  }

  install(): void {
    const route = this.background.router(ROUTER_OPTIONS);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Request) => {
      this.requests.push(structuredClone(message));
      if (this.failing) throw new Error('Could not establish connection. Receiving end does not exist.');
      return route(message, extensionPage());
    }) as never);
  }

  ofType<T extends Request['type']>(type: T): Extract<Request, { type: T }>[] {
    return this.requests.filter((request): request is Extract<Request, { type: T }> => request.type === type);
  }

  runOf(tabId: number): Promise<Run | null> {
    return tabRuns.of(tabId).get();
  }

  setRun(tabId: number, run: Run): Promise<void> {
    return tabRuns.of(tabId).set(run);
  }

  setPaused(run: Run): Promise<void> {
    return pausedRuns.of(run.guideId).set(run);
  }
}

/** Renders a view into a fresh container of the document. */
export async function mount(view: ComponentChild): Promise<HTMLElement> {
  document.body.replaceChildren();
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(view, container);
  });
  return container;
}

export async function unmount(container: HTMLElement): Promise<void> {
  await act(() => {
    render(null, container);
  });
}

/** Lets pending promises and storage events run, then re-renders, until `find` finds something. */
export async function waitFor<T>(find: () => T | null | undefined | false, what: string): Promise<T> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${document.body.innerHTML}`);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Lets pending promises settle (a few turns), for assertions that nothing happened. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(() => {
    element.click();
  });
}

/** The button whose visible text is exactly `text`, within `root`. */
export function buttonByText(root: ParentNode, text: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find((button) => button.textContent?.trim() === text);
}

/** The page the view serves: `?tab=ID` in the view's URL. */
export function serveTab(tabId: number, page = 'popup.html'): void {
  window.happyDOM?.setURL(`chrome-extension://cote-a-cote/${page}?tab=${tabId}`);
}

declare global {
  interface Window {
    happyDOM?: { setURL(url: string): void };
  }
}
