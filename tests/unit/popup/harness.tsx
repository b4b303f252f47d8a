/**
 * Test harness for the popup and the side panel: French messages for `#i18n`,
 * a fake background answering `send()` like the real one (runs in the fake
 * browser's storage, moved on by the real `advance()`), and small DOM helpers.
 */
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { summarize } from '../../../utils/catalogue';
import type { Guide } from '../../../utils/guide/schema';
import { pausedKey, type Request, runKey } from '../../../utils/messages';
import { advance, type Run, startRun } from '../../../utils/run';

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

/** The background as the views see it, with the runs in the fake browser's storage. */
export class FakeBackground {
  readonly requests: Request[] = [];
  /** Set to make every request fail, as when the background does not answer. */
  failing = false;
  now = 1_700_000_000_000;

  constructor(
    readonly guides: Guide[],
    /** Ids of the guides that fit the page. */
    readonly fitting: string[],
  ) {}

  install(): void {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: Request) => this.handle(message)) as never);
  }

  ofType<T extends Request['type']>(type: T): Extract<Request, { type: T }>[] {
    return this.requests.filter((request): request is Extract<Request, { type: T }> => request.type === type);
  }

  private guide(id: string): Guide | undefined {
    return this.guides.find((guide) => guide.id === id);
  }

  async runOf(tabId: number): Promise<Run | null> {
    const key = runKey(tabId);
    return ((await fakeBrowser.storage.local.get(key))[key] as Run | undefined) ?? null;
  }

  async setRun(tabId: number, run: Run): Promise<void> {
    await fakeBrowser.storage.local.set({ [runKey(tabId)]: run });
  }

  async setPaused(run: Run): Promise<void> {
    await fakeBrowser.storage.local.set({ [pausedKey(run.guideId)]: run });
  }

  private async handle(request: Request): Promise<unknown> {
    this.requests.push(request);
    if (this.failing) throw new Error('Could not establish connection. Receiving end does not exist.');
    switch (request.type) {
      case 'catalogue:forPage':
        return {
          fitting: this.guides.filter((guide) => this.fitting.includes(guide.id)).map((guide) => summarize(guide)),
          others: this.guides.filter((guide) => !this.fitting.includes(guide.id)).map((guide) => summarize(guide)),
        };
      case 'guide:get':
        return this.guide(request.guideId) ?? null;
      case 'run:forTab':
        return this.runOf(request.tabId);
      case 'run:paused': {
        const all = await fakeBrowser.storage.local.get(null);
        return Object.fromEntries(Object.entries(all).flatMap(([key, run]) => (key.startsWith('paused:') ? [[key.slice(7), run]] : [])));
      }
      case 'run:start': {
        const guide = this.guide(request.guideId);
        if (!guide) throw new Error('unknown guide');
        const run = startRun(guide, request.mode, this.now, request.level);
        await this.setRun(request.tabId, run);
        return run;
      }
      case 'run:resume': {
        const key = pausedKey(request.guideId);
        const run = (await fakeBrowser.storage.local.get(key))[key] as Run | undefined;
        if (!run) return null;
        await fakeBrowser.storage.local.remove(key);
        await this.setRun(request.tabId, run);
        return run;
      }
      case 'run:event': {
        const run = request.tabId === undefined ? null : await this.runOf(request.tabId);
        const guide = run && this.guide(run.guideId);
        if (!run || !guide || request.tabId === undefined) return null;
        this.now += 60_000;
        const next = advance(guide, run, request.event, this.now);
        if (next !== run) await this.setRun(request.tabId, next);
        return next;
      }
      default:
        return null;
    }
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
