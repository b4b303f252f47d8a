// Reading aloud without sound: a speech synthesis stub that records what it is asked to say, in a page or the content script's world.
import type { CDPSession, Page } from 'puppeteer-core';
import { type ExtensionBrowser, waitUntil } from '../harness';

// Reading aloud: a speech synthesis that records what it is asked to say

/** What the stub was asked: a text to say (with its language, rate and voice), or to stop. */
export type SpeechCall = { op: 'speak'; text: string; lang: string; rate: number; voice?: string } | { op: 'cancel' };

/**
 * Replaces `speechSynthesis` in the world it runs in by a stub that says
 * nothing and records every `speak` ({text, lang, rate, voice}) and `cancel` in
 * `globalThis.__cacSpeech`. It offers a network French voice (« Google
 * français », `localService: false`, which the extension must never use) and
 * a local one; `SpeechSynthesisUtterance` is replaced too, since a real one
 * refuses a voice that is not the browser's own. Evaluated
 * in the content script's isolated world (`ContentScriptWorld`) or, with
 * `evaluateOnNewDocument`, in an extension page.
 */
export function installSpeechStub(): void {
  const scope = globalThis as unknown as { __cacSpeech?: unknown[] };
  if (scope.__cacSpeech) return;
  const calls: unknown[] = [];
  scope.__cacSpeech = calls;
  const real = (globalThis as { speechSynthesis?: EventTarget }).speechSynthesis;
  const stub = {
    speaking: false,
    pending: false,
    paused: false,
    onvoiceschanged: null,
    speak(utterance: SpeechSynthesisUtterance) {
      calls.push({ op: 'speak', text: utterance.text, lang: utterance.lang, rate: utterance.rate, voice: utterance.voice?.name });
    },
    cancel() {
      calls.push({ op: 'cancel' });
    },
    pause() {},
    resume() {},
    getVoices: () => [
      { name: 'Google français', lang: 'fr-FR', localService: false, default: true, voiceURI: 'Google français' },
      { name: 'Voix locale', lang: 'fr-FR', localService: true, default: false, voiceURI: 'Voix locale' },
    ],
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => true,
  };
  Object.defineProperty(globalThis, 'speechSynthesis', { configurable: true, get: () => stub });
  class Utterance {
    lang = '';
    voice: unknown = null;
    rate = 1;
    onend: unknown = null;
    onerror: unknown = null;
    constructor(readonly text: string) {}
  }
  Object.defineProperty(globalThis, 'SpeechSynthesisUtterance', { configurable: true, writable: true, value: Utterance });
  // Views that listened to the real list of voices (none in a headless browser) learn of the stub's, like a late list.
  real?.dispatchEvent(new Event('voiceschanged'));
}

/** What the speech stub of an extension page recorded. */
export function speechCallsIn(page: Page): Promise<SpeechCall[]> {
  return page.evaluate(() => ((globalThis as unknown as { __cacSpeech?: SpeechCall[] }).__cacSpeech ?? []).slice());
}

interface ContextDescription {
  id: number;
  /** Unique across the renderer processes a tab goes through (plain ids may repeat). */
  uniqueId: string;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

/**
 * Chromium: the content script's isolated world in the top frame of `page`,
 * followed through CDP across the page's navigations (each page load makes a
 * new world). Stubbing a global in the page's main world would not reach it.
 */
export class ContentScriptWorld {
  readonly #session: CDPSession;
  readonly #ext: ExtensionBrowser;
  /** Living contexts by unique id, in order of creation: the last matching one is the current page's. */
  readonly #contexts = new Map<string, ContextDescription>();

  private constructor(session: CDPSession, ext: ExtensionBrowser) {
    this.#session = session;
    this.#ext = ext;
  }

  static async attach(page: Page, ext: ExtensionBrowser): Promise<ContentScriptWorld> {
    const session = await page.createCDPSession();
    const world = new ContentScriptWorld(session, ext);
    session.on('Runtime.executionContextCreated', (event: { context: ContextDescription }) => {
      world.#contexts.set(event.context.uniqueId, event.context);
    });
    session.on('Runtime.executionContextDestroyed', (event: { executionContextUniqueId?: string; executionContextId: number }) => {
      if (event.executionContextUniqueId) world.#contexts.delete(event.executionContextUniqueId);
    });
    session.on('Runtime.executionContextsCleared', () => world.#contexts.clear());
    await session.send('Runtime.enable');
    return world;
  }

  /** The living execution contexts of the tab (for a failure's message). */
  contexts(): ContextDescription[] {
    return [...this.#contexts.values()];
  }

  /** The unique id of the extension's isolated world in the top frame, once the content script runs there. */
  async contextId(): Promise<string> {
    const { frameTree } = await this.#session.send('Page.getFrameTree');
    const top = frameTree.frame.id;
    const extensionName = String(this.#ext.manifest.name ?? '');
    return waitUntil(
      'le monde isolé du script de contenu existe',
      async () => {
        const ours = [...this.#contexts.values()].filter(
          (c) =>
            c.auxData?.type === 'isolated' &&
            c.auxData.frameId === top &&
            (c.origin === this.#ext.origin || (extensionName !== '' && c.name === extensionName)),
        );
        return ours.at(-1)?.uniqueId ?? null;
      },
      { describe: async () => this.contexts() },
    );
  }

  /** Evaluates `expression` in the content script's world; its value comes back as JSON. */
  async evaluate<T>(expression: string): Promise<T> {
    const uniqueContextId = await this.contextId();
    const result = (await this.#session.send('Runtime.evaluate', {
      uniqueContextId,
      expression,
      returnByValue: true,
      awaitPromise: true,
    })) as {
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (result.exceptionDetails) {
      throw new Error(`Runtime.evaluate : ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    }
    return result.result.value as T;
  }

  /** Installs the speech stub in the content script's world (the current page's). */
  async stubSpeech(): Promise<void> {
    await this.evaluate(`(${installSpeechStub.toString()})(), true`);
  }

  /** What the speech stub recorded in the content script's world; null when it is not installed there. */
  speechCalls(): Promise<SpeechCall[] | null> {
    return this.evaluate('globalThis.__cacSpeech ? globalThis.__cacSpeech.slice() : null');
  }

  async detach(): Promise<void> {
    await this.#session.detach().catch(() => undefined);
  }
}
