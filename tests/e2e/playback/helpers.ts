/**
 * Helpers of the playback end-to-end tests ("faire avec"): what the overlay
 * shows (read from its open shadow root, as the page itself could), the
 * person's trusted actions, the runs kept by the background, a page-side
 * recorder of anything not done by the person, a watch on the network, and
 * axe-core. They only read the extension's UI; everything done in the page
 * goes through puppeteer's trusted input.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import type { CDPSession, Page, Target } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { PAD } from '../../../components/overlay/geometry';
import type { Guide } from '../../../utils/guide/schema';
import type { Run } from '../../../utils/run';
import { type BrowserKind, type ExtensionBrowser, launchWithExtension, OVERLAY_HOST, PRACTICE_GUIDE_ID, WAIT_MS } from '../harness';

// ---------------------------------------------------------------------------
// Waiting

/**
 * Polls `probe` until it gives a truthy value, and returns it: each round asks
 * the browser again (a short pause between rounds), so that the test goes on
 * as soon as the condition holds. On timeout the error says what was awaited
 * and the last state seen.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  { timeout = WAIT_MS, describe }: { timeout?: number; describe?: () => Promise<unknown> } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = null;
    } catch (error) {
      // A navigation destroys the execution context: the next round asks the new page.
      lastError = error;
    }
    if (Date.now() > deadline) {
      const last = describe ? await describe().catch((error) => `(indisponible : ${error})`) : null;
      throw new Error(
        `Attente trop longue (${timeout} ms) : ${what}${lastError ? `\ndernière erreur : ${lastError}` : ''}${
          last === null ? '' : `\ndernier état : ${JSON.stringify(last, null, 1)}`
        }`,
      );
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

// ---------------------------------------------------------------------------
// The extension's messages (the browsers' UI is English here: no French locale pack)

export type Translate = (key: string, substitutions?: string[]) => string;

/** A message of the extension's locale files, with Chrome's `$1` substitutions. */
export async function messages(lang: string): Promise<Translate> {
  const file = resolve(import.meta.dirname, `../../../locales/${lang}.yml`);
  const all = generateChromeMessages(await parseMessagesFile(file)) as Record<string, { message: string }>;
  return (key, substitutions = []) => {
    const message = all[key.replaceAll('.', '_')]?.message;
    if (message === undefined) throw new Error(`pas de message ${key} dans ${lang}.yml`);
    return message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  };
}

// ---------------------------------------------------------------------------
// What the overlay shows

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OverlayButton {
  text: string;
  disabled: boolean;
}

/** The overlay as shown in the page, read from the host's open shadow root. */
export interface OverlayState {
  /** The host element is in the document. */
  host: boolean;
  /** Where the host sits: its parent's tag (`html`, or `dialog` while a modal is open). */
  hostParent: string | null;
  /** The language of the overlay's own texts (the browser's UI language). */
  lang: string | null;
  /** The bubble is shown. */
  dialog: boolean;
  /** The bubble's accessible description: the instruction, the question or the end message. */
  text: string | null;
  progress: string | null;
  /** The sentence shown when the target is missing or ambiguous. */
  missing: string | null;
  /** Buttons of the bubble's actions and choices, in order. */
  buttons: OverlayButton[];
  /** The question's choices. */
  choices: string[];
  /** The spotlight's SVG is drawn (only when a target is found). */
  spot: boolean;
  /** The ring around the target (the cut-out's box), in viewport pixels. */
  ring: Box | null;
  /** The bubble's box in the viewport. */
  bubble: Box | null;
  /** End screen: the recap's lines and the "leave no trace" checklist's legend and items. */
  recap: string[];
  trace: { legend: string | null; items: string[] };
}

/** Reads the overlay of `page` (pure DOM reads inside the page, nothing written). */
export function readOverlay(page: Page): Promise<OverlayState> {
  return page.evaluate((hostName) => {
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const host = document.querySelector(hostName);
    const root = host?.shadowRoot ?? null;
    const dialog = root?.querySelector<HTMLElement>('[role=dialog]') ?? null;
    const described = dialog?.getAttribute('aria-describedby');
    const line = root?.querySelector('svg.spot .ring rect.line') ?? null;
    const attr = (name: string) => Number(line?.getAttribute(name));
    const rect = dialog?.getBoundingClientRect();
    return {
      host: !!host,
      hostParent: host?.parentElement?.localName ?? null,
      lang: root?.querySelector('.layer')?.getAttribute('lang') ?? null,
      dialog: !!dialog,
      text: described && root ? clean(root.getElementById(described)?.textContent) || null : null,
      progress: clean(dialog?.querySelector('.progress')?.textContent) || null,
      missing: clean(dialog?.querySelector('.missing')?.textContent) || null,
      buttons: [...(dialog?.querySelectorAll<HTMLButtonElement>('.actions button, .choices button') ?? [])].map((b) => ({
        text: clean(b.textContent),
        disabled: b.disabled,
      })),
      choices: [...(dialog?.querySelectorAll('.choices button') ?? [])].map((b) => clean(b.textContent)),
      spot: !!root?.querySelector('svg.spot'),
      ring: line?.hasAttribute('x') ? { x: attr('x'), y: attr('y'), width: attr('width'), height: attr('height') } : null,
      bubble: rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null,
      recap: [...(dialog?.querySelectorAll('ul.recap li') ?? [])].map((li) => clean(li.textContent)),
      trace: {
        legend: clean(dialog?.querySelector('fieldset.trace legend')?.textContent) || null,
        items: [...(dialog?.querySelectorAll('fieldset.trace label') ?? [])].map((label) => clean(label.textContent)),
      },
    };
  }, OVERLAY_HOST);
}

/** The box of the first element matching `selector` in the page's viewport; null when absent. */
export function boxOf(page: Page, selector: string): Promise<Box | null> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);
}

/** Whether the ring is the target's box grown by the padding, within `tolerance` pixels. */
export function ringFits(ring: Box | null, target: Box | null, tolerance = 2): boolean {
  if (!ring || !target || target.width === 0 || target.height === 0) return false;
  return (
    Math.abs(ring.x - (target.x - PAD)) <= tolerance &&
    Math.abs(ring.y - (target.y - PAD)) <= tolerance &&
    Math.abs(ring.width - (target.width + 2 * PAD)) <= tolerance &&
    Math.abs(ring.height - (target.height + 2 * PAD)) <= tolerance
  );
}

/** Waits until the bubble shows `text` (an instruction, a question, an end message). */
export function waitForBubbleText(page: Page, text: string, timeout = WAIT_MS): Promise<OverlayState> {
  return waitUntil(
    `la bulle affiche « ${text} »`,
    async () => {
      const state = await readOverlay(page);
      return state.dialog && state.text === text ? state : null;
    },
    { timeout, describe: () => readOverlay(page) },
  );
}

const sameBox = (a: Box | null, b: Box | null) =>
  !!a && !!b && Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && a.width === b.width && a.height === b.height;

/**
 * Waits until the spotlight's ring is on the element `selector` (and the bubble
 * is shown), and the page has stopped moving: the overlay may bring the target
 * into view with a smooth scroll, and a person clicks once the page is still.
 */
export function waitForSpotlightOn(page: Page, selector: string, timeout = WAIT_MS): Promise<{ state: OverlayState; target: Box }> {
  let previous: Box | null = null;
  return waitUntil(
    `le projecteur est sur ${selector}`,
    async () => {
      const [state, target] = await Promise.all([readOverlay(page), boxOf(page, selector)]);
      const still = sameBox(previous, target);
      previous = target;
      return state.dialog && ringFits(state.ring, target) && target && still ? { state, target } : null;
    },
    { timeout, describe: async () => ({ overlay: await readOverlay(page), target: await boxOf(page, selector) }) },
  );
}

/** Whether a box lies wholly inside the page's viewport. */
export async function inViewport(page: Page, box: Box | null): Promise<boolean> {
  if (!box) return false;
  const size = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
}

/**
 * Clicks a button of the bubble by its text, with trusted input: the person or
 * the advisor using our UI. Fails if there is no such button.
 */
export async function clickBubbleButton(page: Page, text: string): Promise<void> {
  const buttons = await page.$$(`${OVERLAY_HOST} >>> [role=dialog] button`);
  for (const button of buttons) {
    const label = await button.evaluate((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim());
    if (label === text) {
      await button.click();
      return;
    }
  }
  throw new Error(`Pas de bouton « ${text} » dans la bulle : ${JSON.stringify(await readOverlay(page))}`);
}

/**
 * Which element gets a real click at the centre of a bubble button: the
 * button itself (or its content) when nothing of the page covers it.
 */
export async function bubbleButtonIsHitTarget(page: Page, text: string): Promise<boolean> {
  return page.evaluate(
    (hostName, label) => {
      const root = document.querySelector(hostName)?.shadowRoot;
      const button = [...(root?.querySelectorAll<HTMLButtonElement>('[role=dialog] button') ?? [])].find(
        (b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim() === label,
      );
      if (!button || !root) return false;
      const r = button.getBoundingClientRect();
      const hit = root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return !!hit && (hit === button || button.contains(hit));
    },
    OVERLAY_HOST,
    text,
  );
}

// ---------------------------------------------------------------------------
// The person's own actions: trusted input only

/**
 * Where a person can click on the element `selector`: its centre when nothing
 * covers it, else the first point of a grid over it that the element itself
 * receives (the bubble may lie over part of it). `covered`: the centre was not
 * the element's. Null when no point of it can be clicked.
 */
export function clickablePoint(page: Page, selector: string): Promise<{ x: number; y: number; covered: boolean } | null> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    const points: [number, number][] = [[0.5, 0.5]];
    for (const fy of [0.5, 0.25, 0.75]) for (const fx of [0.05, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95]) points.push([fx, fy]);
    for (const [index, [fx, fy]] of points.entries()) {
      const x = r.x + r.width * fx;
      const y = r.y + r.height * fy;
      const hit = document.elementFromPoint(x, y);
      // A label's click reaches its control: clicking the label is clicking it.
      const reaches = !!hit && (hit === element || element.contains(hit) || (hit as HTMLLabelElement).control === element);
      if (reaches) return { x, y, covered: index > 0 };
    }
    return null;
  }, selector);
}

/** Points where the person had to click aside because something covered the element's centre (for the report). */
export const coveredClicks: string[] = [];

/** A trusted click where the person sees the element (it is first scrolled into view if needed, as puppeteer does). */
export async function clickAsPerson(page: Page, selector: string): Promise<void> {
  const handle = await page.waitForSelector(selector, { visible: true, timeout: WAIT_MS });
  // A person scrolls a little when what they must click is cut by the window's edge.
  await handle?.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const de = document.documentElement;
    if (r.top < 0 || r.left < 0 || r.bottom > de.clientHeight || r.right > de.clientWidth) {
      element.scrollIntoView({ block: 'center', behavior: 'instant' });
    }
  });
  await handle?.dispose();
  const point = await clickablePoint(page, selector);
  if (!point) throw new Error(`${selector} : aucun point visible à cliquer (${JSON.stringify(await readOverlay(page))})`);
  if (point.covered) coveredClicks.push(`${selector} sur ${new URL(page.url()).pathname}`);
  await page.mouse.click(point.x, point.y);
}

/** Clicks in a field, types `text` as keystrokes, and leaves the field with Tab. */
export async function typeAsPerson(page: Page, selector: string, text: string): Promise<void> {
  await clickAsPerson(page, selector);
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

// ---------------------------------------------------------------------------
// Runs, as the background keeps them

/** The extension's `storage.local`, read from one of its pages (works while the service worker sleeps). */
export async function readStorage(ext: ExtensionBrowser, bringBack?: Page): Promise<Record<string, unknown>> {
  const page = await ext.openExtensionPage('popup.html');
  try {
    return await page.evaluate(() => {
      type Api = { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
      const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = scope.browser ?? scope.chrome;
      if (!api) throw new Error('no extension API');
      return api.storage.local.get(null);
    });
  } finally {
    await page.close();
    // A tab in the background gets no animation frames: the overlay follows on those.
    await bringBack?.bringToFront();
  }
}

/** The practice guide's run started last, with its tab id. */
export async function latestRun(ext: ExtensionBrowser, bringBack?: Page): Promise<{ tabId: number; run: Run }> {
  const storage = await readStorage(ext, bringBack);
  const runs = Object.entries(storage)
    .filter(([key, value]) => key.startsWith('run:') && (value as Run).guideId === PRACTICE_GUIDE_ID)
    .map(([key, value]) => ({ tabId: Number(key.slice('run:'.length)), run: value as Run }))
    .sort((a, b) => b.run.startedAt - a.run.startedAt);
  const latest = runs[0];
  if (!latest) throw new Error(`Aucun parcours du guide d’entraînement : ${JSON.stringify(storage)}`);
  return latest;
}

/** The run of a tab. */
export async function runOfTab(ext: ExtensionBrowser, tabId: number, bringBack?: Page): Promise<Run | null> {
  return ((await readStorage(ext, bringBack))[`run:${tabId}`] as Run | undefined) ?? null;
}

/**
 * Forgets the runs left unfinished by earlier tests (their tabs are closed):
 * the popup would offer « Reprendre » for them instead of « Commencer ». Test
 * isolation only, as a fresh browser profile would be.
 */
export async function forgetPausedRuns(ext: ExtensionBrowser, bringBack?: Page): Promise<void> {
  const page = await ext.openExtensionPage('popup.html');
  try {
    await page.evaluate(async () => {
      type Api = { storage: { local: { get(keys: null): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> } } };
      const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
      const api = scope.browser ?? scope.chrome;
      if (!api) throw new Error('no extension API');
      const keys = Object.keys(await api.storage.local.get(null)).filter((key) => key.startsWith('paused:'));
      await api.storage.local.remove(keys);
    });
  } finally {
    await page.close();
    await bringBack?.bringToFront();
  }
}

/**
 * The practice guide started on `page` (already on its first page) from the
 * popup, and its question answered « not yet » with the bubble's button:
 * the run is at its first step. Returns the tab id and the overlay's messages.
 */
export async function beginPractice(ext: ExtensionBrowser, page: Page, guide: Guide): Promise<{ tabId: number; t: Translate }> {
  await page.waitForSelector(OVERLAY_HOST, { timeout: WAIT_MS });
  const tabId = await startFromPopup(ext, page);
  const question = guide.steps[0];
  if (question?.kind !== 'question') throw new Error('le guide d’entraînement commence par une question');
  const asked = await waitForBubbleText(page, question.question);
  const noAccount = question.choices.find((choice) => guide.steps.find((item) => item.id === choice.next)?.kind === 'step');
  if (!noAccount) throw new Error('pas de réponse « pas encore de compte »');
  await clickBubbleButton(page, noAccount.label);
  const first = guide.steps.find((item) => item.id === noAccount.next);
  if (first?.kind === 'step') await waitForBubbleText(page, first.instruction);
  return { tabId, t: await messages(asked.lang ?? 'fr') };
}

// ---------------------------------------------------------------------------
// "Never act": a recorder installed in the page before anything else runs

/**
 * Installed with `page.evaluateOnNewDocument`, in the page's main world, before
 * the page's and the extension's scripts. It logs in `sessionStorage` (kept
 * across the tab's pages on one origin):
 * - every event of the usual input types whose `isTrusted` is false, whatever
 *   world dispatched it (an isolated world's `dispatchEvent` or `.click()` too);
 * - every call of `submit`, `requestSubmit`, `click`, `dispatchEvent`, and every
 *   write of `value`, `checked`, `selectedIndex` made from this (main) world,
 *   with its stack, so that the page's own scripts can be told apart.
 * A content script's writes happen in its isolated world, which the prototype
 * wrappers do not see: field values are compared with what the person typed instead.
 */
export function installActionRecorder(): void {
  const KEY = '__cacE2eRecorder';
  const read = (): { untrusted: unknown[]; calls: unknown[] } => {
    try {
      return JSON.parse(sessionStorage.getItem(KEY) ?? '') as { untrusted: unknown[]; calls: unknown[] };
    } catch {
      return { untrusted: [], calls: [] };
    }
  };
  const write = (field: 'untrusted' | 'calls', entry: unknown) => {
    const log = read();
    log[field].push(entry);
    sessionStorage.setItem(KEY, JSON.stringify(log));
  };
  const describeNode = (node: unknown) => {
    const element = node as Element | null;
    if (!element || typeof element !== 'object') return String(node);
    if (element === (window as unknown)) return 'window';
    if ((element as unknown as Document).nodeType === 9) return 'document';
    const name = element.getAttribute?.('name');
    return `${element.localName ?? element.nodeName}${element.id ? `#${element.id}` : ''}${name ? `[name=${name}]` : ''}`;
  };
  const types = [
    'click',
    'dblclick',
    'auxclick',
    'contextmenu',
    'mousedown',
    'mouseup',
    'pointerdown',
    'pointerup',
    'touchstart',
    'touchend',
    'keydown',
    'keyup',
    'keypress',
    'beforeinput',
    'input',
    'change',
    'submit',
    'reset',
    'focus',
    'blur',
    'focusin',
    'focusout',
    'paste',
    'drop',
    'select',
  ];
  for (const type of types) {
    window.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) return;
        write('untrusted', { type, target: describeNode(event.composedPath()[0] ?? event.target), page: location.pathname });
      },
      { capture: true },
    );
  }
  const stack = () => (new Error().stack ?? '').split('\n').slice(2, 8).join(' | ');
  const wrapMethod = (proto: object, name: string, only?: (args: unknown[]) => boolean) => {
    const original = (proto as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
    if (typeof original !== 'function') return;
    Object.defineProperty(proto, name, {
      configurable: true,
      writable: true,
      value(this: unknown, ...args: unknown[]) {
        if (!only || only(args)) write('calls', { call: name, target: describeNode(this), page: location.pathname, stack: stack() });
        return original.apply(this, args);
      },
    });
  };
  const wrapSetter = (proto: object, name: string) => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor?.set) return;
    const set = descriptor.set;
    Object.defineProperty(proto, name, {
      ...descriptor,
      set(this: unknown, value: unknown) {
        write('calls', { call: `set ${name}`, target: describeNode(this), page: location.pathname, stack: stack() });
        set.call(this, value);
      },
    });
  };
  wrapMethod(HTMLFormElement.prototype, 'submit');
  wrapMethod(HTMLFormElement.prototype, 'requestSubmit');
  wrapMethod(HTMLElement.prototype, 'click');
  wrapMethod(EventTarget.prototype, 'dispatchEvent', ([event]) => types.includes((event as Event)?.type));
  wrapSetter(HTMLInputElement.prototype, 'value');
  wrapSetter(HTMLInputElement.prototype, 'checked');
  wrapSetter(HTMLTextAreaElement.prototype, 'value');
  wrapSetter(HTMLSelectElement.prototype, 'value');
  wrapSetter(HTMLSelectElement.prototype, 'selectedIndex');
}

export interface RecorderLog {
  untrusted: { type: string; target: string; page: string }[];
  calls: { call: string; target: string; page: string; stack: string }[];
}

/**
 * Proves that the recorder hears what it must: an untrusted event and a
 * programmatic `click()` made by a script of the page, then clears its log.
 */
export async function recorderCanary(page: Page): Promise<RecorderLog> {
  const log = await page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.append(probe);
    probe.click();
    probe.remove();
    document.body.dispatchEvent(new Event('change', { bubbles: true }));
    const raw = sessionStorage.getItem('__cacE2eRecorder');
    sessionStorage.removeItem('__cacE2eRecorder');
    return (raw ? JSON.parse(raw) : { untrusted: [], calls: [] }) as RecorderLog;
  });
  return log;
}

/** What the recorder logged in this tab, on the page's origin. */
export function recorderLog(page: Page): Promise<RecorderLog> {
  return page.evaluate(() => {
    const raw = sessionStorage.getItem('__cacE2eRecorder');
    return (raw ? JSON.parse(raw) : { untrusted: [], calls: [] }) as RecorderLog;
  });
}

/** The state of every form control of the page's `<main>`: value, or checked for boxes and radios. */
export function fieldsOf(page: Page): Promise<Record<string, string | boolean>> {
  return page.evaluate(() => {
    const fields: Record<string, string | boolean> = {};
    for (const control of document.querySelectorAll<HTMLInputElement>('main input, main textarea, main select')) {
      const key = control.id || control.name;
      fields[key] = control.type === 'checkbox' || control.type === 'radio' ? control.checked : control.value;
    }
    return fields;
  });
}

// ---------------------------------------------------------------------------
// "Nothing leaves the machine": every request of the browser

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
  const page = await ext.openExtensionPage('popup.html');
  try {
    await page.evaluate((target) => fetch(target, { mode: 'no-cors', cache: 'no-store' }).then(() => undefined), url);
    return await waitUntil(`la requête témoin ${url} est vue`, async () => network.extensionRequestsLeaving().some((r) => r.url === url));
  } finally {
    await page.close();
    network.clear();
  }
}

export async function watchNetwork(ext: ExtensionBrowser): Promise<NetworkWatch> {
  return ext.kind === 'chromium' ? ChromiumNetworkWatch.start(ext) : new FirefoxNetworkWatch(ext);
}

// ---------------------------------------------------------------------------
// Chromium's service worker

const isOurWorker = (ext: ExtensionBrowser) => (target: Target) =>
  target.type() === 'service_worker' && target.url().startsWith(`${ext.origin}/`);

/**
 * Stops the extension's service worker, as Chromium does after 30 s idle:
 * closes its target and waits until Chromium says it is gone.
 */
export async function stopServiceWorker(ext: ExtensionBrowser, network?: NetworkWatch): Promise<void> {
  const target = ext.browser.targets().find(isOurWorker(ext));
  if (!target) return;
  if (network instanceof ChromiumNetworkWatch) await network.release(target);
  let gone = false;
  const onGone = (t: Target) => {
    if (t === target) gone = true;
  };
  ext.browser.on('targetdestroyed', onGone);
  try {
    const worker = await target.worker();
    if (!worker) throw new Error('Le service worker de l’extension n’est pas joignable.');
    await worker.close();
    await waitUntil('le service worker est arrêté', async () => gone || !ext.browser.targets().includes(target));
  } finally {
    ext.browser.off('targetdestroyed', onGone);
  }
}

/** Whether the extension's service worker runs now. */
export function serviceWorkerRuns(ext: ExtensionBrowser): boolean {
  return ext.browser.targets().some(isOurWorker(ext));
}

/** Waits for the extension's service worker to run again, and records its errors as the first one's. */
export async function waitForServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const target = await ext.browser.waitForTarget(isOurWorker(ext), { timeout: WAIT_MS });
  const worker = await target.worker();
  if (worker) ext.errors.watchWorker(worker, 'service worker (relancé)');
}

// ---------------------------------------------------------------------------
// axe-core

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: unknown[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules) in `page`, on `include` (a selector
 * list; shadow-piercing arrays allowed) or on the whole document. The source is
 * evaluated by the driver, so that extension pages' CSP does not block it.
 */
export async function axeViolations(page: Page, include?: unknown[]): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (context) => {
    type Axe = {
      run(
        context: unknown,
        options: unknown,
      ): Promise<{
        violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[];
      }>;
    };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const result = await axe.run(context ? { include: context } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
  }, include ?? null);
}

/**
 * One browser with the extension for a describe block: launched before its
 * tests, each test's pages closed after it with the extension's errors checked,
 * closed at the end. `track(page)` marks a page to close after the test.
 */
export function extensionSuite(kind: BrowserKind): { readonly ext: ExtensionBrowser; track<P extends Page>(page: P): P } {
  let ext: ExtensionBrowser | undefined;
  const opened: Page[] = [];
  beforeAll(async () => {
    ext = await launchWithExtension(kind);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close().catch(() => undefined)));
    expect(ext?.errors.takeUnexpected() ?? [], 'errors of the extension').toEqual([]);
  });
  afterAll(async () => {
    await ext?.close();
  });
  return {
    get ext() {
      if (!ext) throw new Error('the browser is not launched yet');
      return ext;
    },
    track(page) {
      opened.push(page);
      return page;
    },
  };
}

// ---------------------------------------------------------------------------
// Levels of help and modes: a start with chosen settings, the side panel opened as a page

/** What the start screen is left with, or set to: the mode and the level of help. */
export interface StartChoice {
  mode?: Run['mode'];
  level?: Run['level'];
}

/**
 * Starts the practice guide on `page` as the advisor does it: the popup,
 * « Commencer » on the guide, then « C'est parti ». With no `choice`, the start
 * screen's defaults must be in force (advisor, guided); with one, its radios
 * are clicked (trusted clicks). `onStartScreen` sees the popup's start screen
 * just before « C'est parti » (the screenshots take it). Leaves `page` in
 * front; returns the tab id of the run.
 */
export async function startFromPopup(
  ext: ExtensionBrowser,
  page: Page,
  choice?: StartChoice,
  hooks: { onList?(popup: Page): Promise<void>; onStartScreen?(popup: Page): Promise<void> } = {},
): Promise<number> {
  await forgetPausedRuns(ext, page);
  const popup = await ext.openPopup(page);
  try {
    const guideItem = `li.guide[data-guide-id="${PRACTICE_GUIDE_ID}"]`;
    // The run of a tab closed at the very end of the previous test may have been set aside just after.
    const offered = await popup.waitForSelector(`${guideItem} button.start, ${guideItem} button.restart`, { timeout: WAIT_MS });
    if (await offered?.evaluate((button) => button.classList.contains('restart'))) {
      await popup.close();
      return startFromPopup(ext, page, choice, hooks);
    }
    await hooks.onList?.(popup);
    await popup.locator(`${guideItem} button.start`).setTimeout(WAIT_MS).click();
    await popup.waitForSelector('.start-screen ul.checklist.prepare', { timeout: WAIT_MS });
    if (choice?.mode) await popup.locator(`.start-screen input[name="start-mode"][value="${choice.mode}"]`).setTimeout(WAIT_MS).click();
    if (choice?.level) await popup.locator(`.start-screen input[name="start-level"][value="${choice.level}"]`).setTimeout(WAIT_MS).click();
    const wanted = { mode: choice?.mode ?? 'advisor', level: choice?.level ?? 'guided' };
    const chosen = await popup.evaluate(() => ({
      mode: document.querySelector<HTMLInputElement>('.start-screen input[name="start-mode"]:checked')?.value ?? null,
      level: document.querySelector<HTMLInputElement>('.start-screen input[name="start-level"]:checked')?.value ?? null,
    }));
    if (chosen.mode !== wanted.mode || chosen.level !== wanted.level) {
      throw new Error(`Réglages inattendus sur l’écran de départ : ${JSON.stringify(chosen)}, attendu ${JSON.stringify(wanted)}`);
    }
    await hooks.onStartScreen?.(popup);
    await popup.locator('.start-screen button.go').setTimeout(WAIT_MS).click();
    await popup.waitForSelector(`section.started[data-guide-id="${PRACTICE_GUIDE_ID}"]`, { timeout: WAIT_MS });
  } finally {
    await popup.close().catch(() => undefined);
  }
  await page.bringToFront();
  return (await latestRun(ext, page)).tabId;
}

/** The side panel as shown (read from its DOM, nothing written). */
export interface PanelState {
  /** The language of the panel's own texts. */
  lang: string;
  /** « Avec un conseiller · Guidé »… */
  summary: string | null;
  /** The current item's text in « Maintenant »; null once finished. */
  now: string | null;
  /** The « Maintenant » section of a finished run is shown. */
  finished: boolean;
  /** The list of steps: each line's item id and state (`done`, `manual`, `current`, `ahead`…). */
  lines: { id: string; state: string }[];
  /** The item marked `aria-current="step"` in the list. */
  current: string | null;
  /** The question's choices offered in the panel. */
  choices: string[];
  /** The notice under the buttons (« Regardez la page… »). */
  notice: string | null;
  /** Buttons present in « Maintenant », by class. */
  showMe: boolean;
  lost: boolean;
  lostBack: boolean;
  /** The tip for the advisor is shown. */
  advisorTip: boolean;
  /** The radios of the settings section. */
  mode: string | null;
  level: string | null;
}

export function readPanel(panel: Page): Promise<PanelState> {
  return panel.evaluate(() => {
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const one = (css: string) => document.querySelector(css);
    return {
      lang: document.documentElement.lang,
      summary: clean(one('.run-settings-summary')?.textContent) || null,
      now: clean(one('section.now .now-text .instruction')?.textContent) || null,
      finished: !!one('section.now.end'),
      lines: [...document.querySelectorAll<HTMLElement>('ol.steps li.step')].map((li) => ({
        id: li.dataset.itemId ?? '',
        state: li.dataset.state ?? '',
      })),
      current: one('ol.steps li[aria-current="step"]')?.getAttribute('data-item-id') ?? null,
      choices: [...document.querySelectorAll('section.now fieldset.choices button.choice')].map((b) => clean(b.textContent)),
      notice: clean(one('section.now .status')?.textContent) || null,
      showMe: !!one('section.now button.show-me'),
      lost: !!one('section.now button.lost'),
      lostBack: !!one('section.now button.lost-back'),
      advisorTip: !!one('aside.advisor'),
      mode: document.querySelector<HTMLInputElement>('input[name="panel-mode"]:checked')?.value ?? null,
      level: document.querySelector<HTMLInputElement>('input[name="panel-level"]:checked')?.value ?? null,
    };
  });
}

/** Waits until the side panel shows what `check` wants, and returns it. */
export function waitForPanel(panel: Page, what: string, check: (state: PanelState) => boolean): Promise<PanelState> {
  return waitUntil(
    `le panneau : ${what}`,
    async () => {
      const state = await readPanel(panel);
      return check(state) ? state : null;
    },
    { describe: () => readPanel(panel) },
  );
}

/** The side panel of the run of `tabId`, opened as a page in a tab, once it shows the run; `page` is brought back to the front. */
export async function openRunPanel(ext: ExtensionBrowser, tabId: number, page: Page): Promise<Page> {
  const panel = await ext.openExtensionPage(`sidepanel.html?tab=${tabId}`);
  try {
    await waitForPanel(panel, 'le guide en cours est affiché', (state) => state.lines.length > 0);
  } finally {
    await page.bringToFront();
  }
  return panel;
}

/**
 * A trusted click on `selector` in the side panel, as the advisor or the
 * person does it: the panel is brought to the front (a background tab gets no
 * animation frames), then `page` again, where the overlay follows on those.
 */
export async function clickInPanel(panel: Page, selector: string, page: Page): Promise<void> {
  await panel.bringToFront();
  try {
    await panel.locator(selector).setTimeout(WAIT_MS).click();
  } finally {
    await page.bringToFront();
  }
}

/** What the overlay showed at one moment: the bubble (with its text) and/or the spotlight. */
export interface OverlaySighting {
  dialog: boolean;
  spot: boolean;
  text: string | null;
  page: string;
}

/**
 * Installed with `page.evaluateOnNewDocument`: watches the overlay's open
 * shadow root from the page's main world and logs in `sessionStorage` (kept
 * across the tab's pages on one origin) every state in which it shows a
 * bubble or a spotlight, however briefly. A test can then prove that nothing
 * was shown at a level of help where nothing should be, without waiting for an
 * absence. Reads only.
 */
export function installOverlayWatch(hostName: string): void {
  const KEY = '__cacE2eOverlaySeen';
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  let last = '';
  const note = (root: ShadowRoot) => {
    const dialog = root.querySelector('[role=dialog]');
    const spot = root.querySelector('svg.spot');
    if (!dialog && !spot) {
      last = '';
      return;
    }
    const described = dialog?.getAttribute('aria-describedby');
    const text = described ? clean(root.getElementById(described)?.textContent) || null : null;
    const entry = { dialog: !!dialog, spot: !!spot, text, page: location.pathname };
    const key = JSON.stringify(entry);
    if (key === last) return;
    last = key;
    let seen: unknown[] = [];
    try {
      seen = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown[];
    } catch {
      seen = [];
    }
    seen.push(entry);
    sessionStorage.setItem(KEY, JSON.stringify(seen));
  };
  const watched = new WeakSet<Element>();
  const attach = () => {
    const host = document.querySelector(hostName);
    const root = host?.shadowRoot;
    if (!host || !root || watched.has(host)) return;
    watched.add(host);
    new MutationObserver(() => note(root)).observe(root, { childList: true, subtree: true, characterData: true });
    note(root);
  };
  // The host is added by the content script after this runs; a new host (remount) is watched too.
  new MutationObserver(attach).observe(document, { childList: true, subtree: true });
  attach();
}

/** What the overlay watch logged in this tab, on the page's origin. */
export function overlaySightings(page: Page): Promise<OverlaySighting[]> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('__cacE2eOverlaySeen') ?? '[]') as OverlaySighting[]);
}

// ---------------------------------------------------------------------------
// Keyboard only: a log of every pointer event, where the focus is, key presses

const POINTER_LOG_KEY = '__cacE2ePointerLog';

/** One pointer or mouse event seen by the pointer log. */
export interface PointerEntry {
  type: string;
  trusted: boolean;
  target: string;
  page: string;
}

/**
 * Installed with `page.evaluateOnNewDocument` (or evaluated at once in a page
 * opened by the browser, such as the popup): logs in `sessionStorage` every
 * pointer, mouse and wheel event, trusted or not, whatever world made it. A
 * keyboard-only journey must leave it empty.
 */
export function installPointerLog(): void {
  const KEY = '__cacE2ePointerLog';
  const scope = window as unknown as { __cacE2ePointerLog?: boolean };
  if (scope.__cacE2ePointerLog) return;
  scope.__cacE2ePointerLog = true;
  const types = ['pointerdown', 'pointerup', 'pointermove', 'mousedown', 'mouseup', 'mousemove', 'contextmenu', 'wheel', 'auxclick'];
  for (const type of types) {
    window.addEventListener(
      type,
      (event) => {
        const node = event.composedPath()[0] as Element | null;
        let log: unknown[] = [];
        try {
          log = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown[];
        } catch {
          log = [];
        }
        log.push({ type, trusted: event.isTrusted, target: node?.localName ?? String(node), page: location.pathname });
        sessionStorage.setItem(KEY, JSON.stringify(log));
      },
      { capture: true },
    );
  }
}

/** What the pointer log recorded in this tab, on the page's origin. */
export function pointerLog(page: Page): Promise<PointerEntry[]> {
  return page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '[]') as PointerEntry[], POINTER_LOG_KEY);
}

/**
 * Proves that the pointer log of `page` hears an event (an untrusted
 * `pointermove` dispatched by the test), then clears it. Returns the types heard.
 */
export function pointerLogCanary(page: Page): Promise<string[]> {
  return page.evaluate((key) => {
    document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
    const heard = (JSON.parse(sessionStorage.getItem(key) ?? '[]') as { type: string }[]).map((entry) => entry.type);
    sessionStorage.removeItem(key);
    return heard;
  }, POINTER_LOG_KEY);
}

/** The element that has the focus, found through open shadow roots (the overlay's). */
export interface FocusedElement {
  tag: string;
  id: string;
  classes: string;
  text: string;
  /** It lies in the overlay's shadow root. */
  inOverlay: boolean;
  /** It is the bubble itself (`[role=dialog]`). */
  bubble: boolean;
  /** `:focus-visible` applies: the browser shows the focus. */
  focusVisible: boolean;
  /** Computed focus indicators. */
  outlineStyle: string;
  outlineWidth: string;
  boxShadow: string;
}

/** Where the focus is in `page`, or null when nothing but the body has it. */
export function focusedElement(page: Page): Promise<FocusedElement | null> {
  return page.evaluate((hostName) => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body || element === document.documentElement) return null;
    const style = getComputedStyle(element);
    const root = element.getRootNode();
    return {
      tag: element.localName,
      id: element.id,
      classes: element.getAttribute('class') ?? '',
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      inOverlay: root instanceof ShadowRoot && root.host.localName === hostName,
      bubble: element.getAttribute('role') === 'dialog',
      focusVisible: element.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      boxShadow: style.boxShadow,
    };
  }, OVERLAY_HOST);
}

/** Whether the focused element shows a focus indicator: an outline of some width, or a box shadow. */
export function showsFocus(focused: FocusedElement | null): boolean {
  if (!focused) return false;
  const outline = focused.outlineStyle !== 'none' && Number.parseFloat(focused.outlineWidth) > 0;
  return outline || (focused.boxShadow !== '' && focused.boxShadow !== 'none');
}

/** Whether the focus is on the element `selector` of the page (or, with `within`, inside it). */
export function focusIsOn(page: Page, selector: string, within = false): Promise<boolean> {
  return page.evaluate(
    (css, inside) => {
      const element = document.querySelector(css);
      const active = document.activeElement;
      return !!element && !!active && (active === element || (inside && element.contains(active)));
    },
    selector,
    within,
  );
}

type KeyInput = Parameters<Page['keyboard']['press']>[0];

/** Presses a key combination written `Alt+Shift+K` (or one key: `Tab`, `Space`…): modifiers held, the last key pressed. */
export async function pressKeys(page: Page, combination: string): Promise<void> {
  const keys = combination.split('+');
  const last = keys.pop() as string;
  const modifiers = keys as KeyInput[];
  for (const modifier of modifiers) await page.keyboard.down(modifier);
  // A letter by its physical key, so that `event.code` is `KeyK` whatever the modifiers; Space as
  // its character, the name both drivers know.
  const key = /^[A-Z]$/.test(last) ? `Key${last}` : last === 'Space' ? ' ' : last;
  await page.keyboard.press(key as KeyInput);
  for (const modifier of modifiers.reverse()) await page.keyboard.up(modifier);
}

/**
 * Presses `key` (Tab, Shift+Tab, an arrow…) until the focused element is the
 * one `wanted` accepts, as a keyboard user moves through a page; fails after
 * `max` presses with the elements met on the way.
 */
export async function pressUntilFocused(
  page: Page,
  key: string,
  what: string,
  wanted: (focused: FocusedElement) => boolean | Promise<boolean>,
  max = 40,
): Promise<FocusedElement> {
  const met: string[] = [];
  for (let presses = 0; presses < max; presses++) {
    await pressKeys(page, key);
    const focused = await focusedElement(page);
    if (focused && (await wanted(focused))) return focused;
    met.push(focused ? `${focused.tag}${focused.id ? `#${focused.id}` : ''} « ${focused.text.slice(0, 30)} »` : '(rien)');
  }
  throw new Error(`${what} : pas atteint en ${max} appuis sur ${key} ; parcouru : ${met.join(', ')}`);
}

// ---------------------------------------------------------------------------
// Reading aloud: a speech synthesis that records what it is asked to say

/** What the stub was asked: a text to say (with its language and rate), or to stop. */
export type SpeechCall = { op: 'speak'; text: string; lang: string; rate: number; voice?: string } | { op: 'cancel' };

/**
 * Replaces `speechSynthesis` in the world it runs in by a stub that says
 * nothing and records every `speak` ({text, lang, rate}) and `cancel` in
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
