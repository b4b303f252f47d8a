/**
 * A hostile page on the practice site, for tests/e2e/hostile-page.test.ts:
 * `<any practice page dir>/hostile.html` is that directory's `index.html` with
 * a page script that tries to read, find, drive and overhear the extension's
 * UI, and spoof the person's actions. It records every attempt in
 * `window.hostileReport` (read back by the test); `data-hostile="ran"` on
 * <html> is the canary that it ran. The extension's id is given by the test
 * (`window.hostileIds`, set before the page's scripts): a page can know an
 * extension's public id.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';

export const HOSTILE_PAGE = 'hostile.html';
const SCRIPT_PATH = '/hostile-page.js';

/** What the page's script recorded (`window.hostileReport`). */
export interface HostileReport {
  ran: boolean;
  /** Elements of ours found in the page, each time the page looked. */
  hosts: { when: string; names: string[] }[];
  /** Shadow roots the page could open from our hosts. */
  shadowRoots: number;
  /** Texts read from our hosts: their own, rendered, and their shadow root's if the page can open it. */
  texts: string[];
  messages: string[];
  /** Events whose type carries the extension's id, heard on window or document. */
  events: string[];
  attempts: string[];
  errors: string[];
  /** Scroll events of the page's own « read to the end » box (`boxFirstField`). */
  boxScrolls: number;
  /** Focus events on the first field, trusted or not. */
  fieldFocus: number;
}

/** Runs in the page's own world, as any site's script would. Plain ES2020, no imports. */
function hostileScript() {
  // tsx (npm run demo) keeps function names through a `__name` helper that only exists in Node.
  (globalThis as { __name?: unknown }).__name ??= (fn: unknown) => fn;
  const w = window as unknown as { hostileReport: HostileReport; hostileIds?: string[]; hostile: Record<string, () => void> };
  const report: HostileReport = {
    ran: true,
    hosts: [],
    shadowRoots: 0,
    texts: [],
    messages: [],
    events: [],
    attempts: [],
    errors: [],
    boxScrolls: 0,
    fieldFocus: 0,
  };
  w.hostileReport = report;
  document.documentElement.dataset.hostile = 'ran';
  const ids = w.hostileIds ?? [];

  window.addEventListener('message', (event) => {
    let text: string;
    try {
      text = JSON.stringify(event.data);
    } catch {
      text = String(event.data);
    }
    report.messages.push(text);
  });
  // The names WXT's context gives its announcements: `<id>:<entrypoint>:wxt:<name>`.
  for (const id of ids) {
    for (const entry of ['content', 'recorder']) {
      for (const name of ['wxt:content-script-started', 'wxt:locationchange']) {
        const type = `${id}:${entry}:${name}`;
        for (const target of [window, document]) target.addEventListener(type, () => report.events.push(type), true);
      }
    }
  }

  /** Elements that no page of the practice site makes: custom elements, or any with a shadow root open to the page. */
  const isStranger = (el: Element) => el.localName.includes('-') || el.shadowRoot !== null;
  const strangers = () => [...document.querySelectorAll('*')].filter(isStranger);
  const look = (when: string) => {
    const found = strangers();
    report.hosts.push({ when, names: found.map((el) => el.localName) });
    for (const el of found) {
      if (el.shadowRoot) report.shadowRoots++;
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is what a page would try to read.
      const text = (el.textContent ?? '') + (el as HTMLElement).innerText + (el.shadowRoot?.textContent ?? '');
      if (text.trim()) report.texts.push(text.trim());
    }
    return found;
  };
  const attempt = (what: string, fn: () => void) => {
    try {
      fn();
      report.attempts.push(what);
    } catch (error) {
      report.errors.push(`${what}: ${(error as Error).name}`);
    }
  };

  /** Everything a page can do to our UI without the person: clicks, key presses, focus. */
  const drive = () => {
    for (const el of look('drive')) {
      const html = el as HTMLElement;
      attempt('click()', () => html.click());
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
        attempt(`dispatch ${type}`, () => html.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true })));
      }
      for (const key of ['Enter', ' ', 'Escape']) {
        attempt(`dispatch keydown ${key}`, () =>
          html.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true })),
        );
      }
      attempt('focus()', () => html.focus());
      for (const button of el.shadowRoot?.querySelectorAll('button') ?? []) attempt('button.click()', () => button.click());
    }
    // Where our UI is on the screen, found by hit-testing a grid of points: what is hit there is our host, retargeted.
    for (let y = 10; y < innerHeight; y += 40) {
      for (let x = 10; x < innerWidth; x += 40) {
        const hit = document.elementFromPoint(x, y) as HTMLElement | null;
        if (hit && isStranger(hit)) attempt('hit-tested click', () => hit.click());
      }
    }
    // The focus may be in our bubble: the page sees the host as active element.
    const active = document.activeElement as HTMLElement | null;
    if (active && isStranger(active)) attempt('activeElement.click()', () => active.click());
    // Our keyboard shortcut to the bubble (Alt+Shift+K), synthesised.
    attempt('shortcut', () =>
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'K', code: 'KeyK', altKey: true, shiftKey: true, bubbles: true })),
    );
  };

  /** The person's actions, as a script can fake them on the page's own field: none must count as the step. */
  const spoof = (selector: string) => {
    const field = document.querySelector<HTMLInputElement>(selector);
    if (!field) {
      report.errors.push(`spoof: no ${selector}`);
      return;
    }
    for (const type of ['pointerdown', 'mousedown', 'click']) {
      attempt(`spoof ${type}`, () => field.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true })));
    }
    attempt('spoof keydown', () => field.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true })));
    attempt('spoof focus', () => field.focus());
    attempt('spoof value', () => {
      field.value = 'robot@example.fr';
    });
    for (const type of ['input', 'change']) attempt(`spoof ${type}`, () => field.dispatchEvent(new Event(type, { bubbles: true })));
    attempt('spoof focusout', () => field.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true })));
    // blur(): the browser's own, trusted focusout.
    attempt('spoof blur', () => field.blur());
    attempt('spoof click()', () => field.click());
    attempt('spoof blur again', () => {
      field.focus();
      field.blur();
    });
    // Leaves the field as it found it: the person fills it afterwards.
    field.value = '';
  };

  // A single-page site's change of address: WXT's context announced it to the page.
  const move = () => history.pushState(null, '', `${location.pathname}#ailleurs`);

  /**
   * Puts the first field at the bottom of a « read to the end » box of the page, far below the fold: a page that
   * takes the box's scrolling for the person's reading, and that counts every focus its field gets.
   */
  const boxFirstField = () => {
    const field = document.querySelector<HTMLInputElement>('#username-8608');
    const group = field?.closest('.fr-input-group') ?? field?.parentElement;
    if (!field || !group?.parentElement) {
      report.errors.push('boxFirstField: no #username-8608');
      return;
    }
    const box = document.createElement('div');
    box.id = 'read-to-the-end';
    box.style.cssText = 'height: 120px; overflow: auto; border: 1px solid';
    const text = document.createElement('p');
    text.textContent = 'Conditions à lire jusqu’au bout.';
    text.style.height = '900px';
    group.parentElement.insertBefore(box, group);
    box.append(text, group);
    const spacer = document.createElement('div');
    spacer.style.height = `${2 * innerHeight}px`;
    box.before(spacer);
    box.addEventListener('scroll', () => report.boxScrolls++);
    field.addEventListener('focus', () => report.fieldFocus++);
  };

  w.hostile = { look: () => void look('look'), drive, move, spoofFirstField: () => spoof('#username-8608'), boxFirstField };
  look('start');
}

/** The page: the directory's index.html with the hostile script first in <head>, before the page's own. */
function hostilePage(indexHtml: string): string {
  const tag = `<script src="${SCRIPT_PATH}"></script>`;
  return indexHtml.includes('<head>') ? indexHtml.replace('<head>', `<head>${tag}`) : `${tag}${indexHtml}`;
}

/**
 * Answers `/hostile-page.js` and `<dir>/hostile.html` (from `trees`, as the
 * server's other pages); returns false for any other path.
 */
export function answerHostile(pathname: string, trees: Record<string, string>, res: ServerResponse): boolean {
  if (pathname === SCRIPT_PATH) {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`(${hostileScript.toString()})();`);
    return true;
  }
  if (!pathname.endsWith(`/${HOSTILE_PAGE}`)) return false;
  const [, version, ...rest] = pathname.split('/');
  const tree = version ? trees[decodeURIComponent(version)] : undefined;
  if (!tree) return false;
  const base = resolve(tree);
  const file = normalize(join(base, decodeURIComponent(rest.join('/')).replace(new RegExp(`${HOSTILE_PAGE}$`), 'index.html')));
  if (!file.startsWith(base + sep) || !existsSync(file)) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(hostilePage(readFileSync(file, 'utf8')));
  return true;
}
