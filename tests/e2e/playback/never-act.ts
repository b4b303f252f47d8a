// Proof that the extension never acts in the page: a recorder of anything not done by the person, and the fields' state.
import type { Page } from 'puppeteer-core';

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
