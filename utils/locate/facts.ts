/**
 * Fact extractors shared by `describe()` (record time) and `locate()` (play
 * time). Both sides must read a fact the same way, or the true target would
 * lose points for nothing. No dependency: this module ships in the playback
 * bundle (and the recorder). None of these functions reads what a
 * person typed: text is gathered from the page's own nodes, skipping form
 * controls and editable regions.
 */

// Kinds of elements, as the facts, the scores and the gathering of candidates all name them: one
// list each, so that they agree (and the bundle carries each once).

/** Tags and roles of what a person presses: buttons, links, tabs. */
export const CLICK_TAGS = ['button', 'a', 'summary', 'input'];
export const PRESS_ROLES = ['button', 'link', 'menuitem', 'tab'];
/** Input types that make a button. */
export const INPUT_BUTTON = /^(submit|button|reset|image)$/;

/** Roles of what a person checks or picks. */
export const CHOICE_ROLES = ['radio', 'checkbox', 'switch', 'menuitemradio', 'menuitemcheckbox'];

/** Tags and roles of what a person types or picks in. */
export const FIELD_TAGS = ['input', 'textarea', 'select'];
export const ENTRY_ROLES = ['textbox', 'searchbox', 'combobox', 'spinbutton'];

/** Headings, by tag, and by tag or role as a selector. */
export const HEADING = /^h[1-6]$/;
export const HEADINGS = 'h1,h2,h3,h4,h5,h6,[role=heading]';

const WS = /\s+/g;
export const collapse = (s: string | null | undefined): string => (s ?? '').replace(WS, ' ').trim();

export const cap = (s: string | null | undefined, max = 300): string | undefined => {
  const t = collapse(s);
  if (!t) return undefined;
  return t.length > max ? t.slice(0, max).trimEnd() : t;
};

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'INPUT', 'TEXTAREA', 'SELECT', 'svg']);

/** True for nodes whose content is typed by the person: never read their text. */
export const isEditable = (el: Element): boolean =>
  el.localName === 'textarea' ||
  (el as HTMLElement).isContentEditable === true ||
  (el.getAttribute('contenteditable') ?? 'false') !== 'false' ||
  el.getAttribute('role') === 'textbox';

/**
 * Text of a subtree, skipping form controls, editable regions, scripts and
 * (optionally) DSFR hint texts. Stops early once `max` characters are read.
 */
export function textOf(node: Node, max = 300, skipHint = false): string {
  let out = '';
  const walk = (n: Node): void => {
    if (out.length > max) return;
    if (n.nodeType === 3) {
      out += n.nodeValue;
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    if (SKIP_TEXT.has(el.tagName) || isEditable(el)) return;
    if (skipHint && el.classList.contains('fr-hint-text')) return;
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
    // Images speak through their alt text.
    if (el.localName === 'img') out += ` ${el.getAttribute('alt') ?? ''} `;
  };
  if (node.nodeType === 1 && (SKIP_TEXT.has((node as Element).tagName) || isEditable(node as Element))) return '';
  if (node.nodeType === 1 && (node as Element).localName !== 'img') {
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  } else walk(node);
  // Words glued across inline elements are compared without spaces (see score.ts).
  return collapse(out).slice(0, max);
}

const TEXT_ENTRY = /^(|text|email|password|search|tel|url|number|date|datetime-local|month|week|time)$/;

export const inputType = (el: Element): string | undefined => {
  if (el.localName === 'input') return ((el as HTMLInputElement).type || 'text').toLowerCase();
  const t = el.getAttribute('type');
  return t ? t.toLowerCase() : undefined;
};

/** Visible text of an element: never for inputs (their text would be a value) except input buttons. */
export function visibleText(el: Element): string | undefined {
  const tag = el.localName;
  if (tag === 'input') {
    const t = inputType(el) ?? '';
    return INPUT_BUTTON.test(t) ? cap(el.getAttribute('value') ?? el.getAttribute('alt')) : undefined;
  }
  if (tag === 'select' || isEditable(el)) return undefined;
  return cap(textOf(el));
}

const byIds = (el: Element, ids: string): string => {
  const root = el.getRootNode() as Document | ShadowRoot;
  return ids
    .split(WS)
    .map((id) => {
      const t = id && root.getElementById?.(id);
      return t ? textOf(t) : '';
    })
    .join(' ');
};

/** Text of the associated `<label>` elements, without DSFR hint text. */
export function labelText(el: Element): string | undefined {
  const labels = (el as HTMLInputElement).labels;
  let out = '';
  if (labels?.length) {
    for (const l of Array.from(labels)) out += ` ${textOf(l, 300, true)}`;
  } else {
    const l = el.closest('label');
    if (l) out = textOf(l, 300, true);
  }
  return cap(out);
}

/**
 * A light accessible name: aria-labelledby, aria-label, labels, content of
 * buttons and links, title, alt, input button value, placeholder. The full
 * algorithm (dom-accessibility-api) costs ~10 KB gzipped; on form controls,
 * buttons and links of DSFR pages both give the same answers (tested).
 */
function readAccessibleName(el: Element): string | undefined {
  const lb = el.getAttribute('aria-labelledby');
  if (lb) {
    const t = cap(byIds(el, lb));
    if (t) return t;
  }
  const al = cap(el.getAttribute('aria-label'));
  if (al) return al;
  const tag = el.localName;
  const type = inputType(el) ?? '';
  if (tag === 'input' && INPUT_BUTTON.test(type)) {
    const v = el.getAttribute('value') ?? el.getAttribute('alt');
    if (v != null) return cap(v);
    return type === 'submit' ? 'Envoyer' : type === 'reset' ? 'Réinitialiser' : undefined;
  }
  const labels = (el as HTMLInputElement).labels;
  if (labels?.length) {
    const t = cap(Array.from(labels, (l) => textOf(l)).join(' '));
    if (t) return t;
  }
  if (tag === 'img' || (tag === 'input' && type === 'image')) {
    const t = cap(el.getAttribute('alt'));
    if (t) return t;
  }
  const role = roleOf(el);
  if (role && NAME_FROM_CONTENT.has(role)) {
    const t = cap(textOf(el));
    if (t) return t;
  }
  return cap(el.getAttribute('title')) ?? cap(el.getAttribute('placeholder'));
}

const NAME_FROM_CONTENT = new Set([
  ...PRESS_ROLES,
  ...CHOICE_ROLES,
  'option',
  'heading',
  'cell',
  'columnheader',
  'rowheader',
  'treeitem',
  'tooltip',
]);

/** Implicit roles of the elements a guide points at (and of the few that give context). */
const TAG_ROLE: Record<string, string> = {
  button: 'button',
  textarea: 'textbox',
  summary: 'button',
  option: 'option',
  dialog: 'dialog',
  form: 'form',
  nav: 'navigation',
  main: 'main',
  fieldset: 'group',
  li: 'listitem',
  ul: 'list',
  ol: 'list',
};

const INPUT_ROLE: Record<string, string> = {
  button: 'button',
  submit: 'button',
  reset: 'button',
  image: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  range: 'slider',
  number: 'spinbutton',
  search: 'searchbox',
  email: 'textbox',
  tel: 'textbox',
  text: 'textbox',
  url: 'textbox',
};

/** ARIA role, explicit (first token) or implicit for common HTML elements. */
export function roleOf(el: Element): string | undefined {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.trim().split(WS)[0]?.toLowerCase() || undefined;
  const tag = el.localName;
  if (tag === 'a' || tag === 'area') return el.hasAttribute('href') ? 'link' : undefined;
  if (tag === 'input') {
    const t = inputType(el) ?? 'text';
    if (el.hasAttribute('list') && TEXT_ENTRY.test(t) && t !== 'password') return 'combobox';
    return INPUT_ROLE[t];
  }
  if (tag === 'select') {
    const s = el as HTMLSelectElement;
    return s.multiple || s.size > 1 ? 'listbox' : 'combobox';
  }
  if (tag === 'section') return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : undefined;
  if (tag === 'img') return el.getAttribute('alt') === '' ? 'presentation' : 'img';
  return HEADING.test(tag) ? 'heading' : TAG_ROLE[tag];
}

/** Where an element sits: nearest fieldset legend, dialog title, or the closest preceding heading. */
function readContextOf(el: Element): string | undefined {
  // A fieldset's own legend is its name, not where it sits: its context starts above it.
  const start = el.localName === 'fieldset' ? el.parentElement : el;
  for (let fs = start?.closest('fieldset') ?? null; fs; fs = fs.parentElement?.closest('fieldset') ?? null) {
    const legend = fs.querySelector(':scope > legend');
    const t = legend && cap(headingText(legend));
    if (t) return t;
  }
  const dialog = el.closest('dialog, [role=dialog], [role=alertdialog]');
  if (dialog) {
    const t = accessibleName(dialog);
    if (t) return t;
  }
  const h = precedingHeading(el, false);
  return h && cap(headingText(h));
}

const LANDMARK = /^(header|footer|nav|main|aside|dialog)$/;

/** Text of a heading or a legend, without DSFR hint text. */
// Once per call (`oncePerCall` below): the section heading of every element of a kind is read, and they share a few headings.
export const headingText = oncePerCall((el: Element): string => textOf(el, 300, true));

/** Siblings of the same component kind: same tag and same first class (`section.fr-accordion`). */
const isPeer = (a: Element, b: Element): boolean => a.localName === b.localName && !!a.classList[0] && a.classList[0] === b.classList[0];

const INTERACTIVE = 'a[href],button,input,select,textarea,[role=button],[role=link],[tabindex]';

/**
 * The closest heading before an element, walking up and back through previous siblings, within
 * the element's landmark (a footer link does not sit under the page's last heading). A previous
 * sibling's last heading counts, unless the sibling is a peer (the accordion before this one: its
 * headings are its own) or, with `blocks`, a component with controls of its own.
 */
function precedingHeading(el: Element, blocks: boolean): Element | undefined {
  let steps = 0;
  for (let n: Element | null = el; n && n.localName !== 'body' && !LANDMARK.test(n.localName); n = n.parentElement) {
    for (let s = n.previousElementSibling; s && steps < 300; s = s.previousElementSibling, steps++) {
      if (HEADING.test(s.localName) || s.getAttribute('role') === 'heading') return s;
      if (isPeer(n, s) || !s.firstElementChild || (blocks && s.querySelector(INTERACTIVE))) continue;
      const hs = s.querySelectorAll(HEADINGS);
      const h = hs[hs.length - 1];
      if (h) return h;
    }
  }
  return undefined;
}

/**
 * The heading of the element's section (the example block it belongs to): the closest heading
 * before it, never one inside a previous component (a block with controls of its own, or a peer).
 */
function readSectionHeadingOf(el: Element): Element | undefined {
  const h = precedingHeading(el, true);
  return h && headingText(h) ? h : undefined;
}

/** Text of the nearest sibling (previous first), climbing at most three levels. */
export function neighbourText(el: Element): string | undefined {
  let n: Element | null = el;
  for (let level = 0; n && level < 3 && n.localName !== 'body'; level++, n = n.parentElement) {
    for (const dir of ['previousSibling', 'nextSibling'] as const) {
      for (let s = n[dir]; s; s = s[dir]) {
        const t = s.nodeType === 3 ? collapse(s.nodeValue) : s.nodeType === 1 ? textOf(s, 120, true) : '';
        if (t) return cap(t, 120);
      }
    }
  }
  return undefined;
}

/** Path and sorted query keys of a link, without its origin; a bare in-page anchor stays as is. */
export function hrefPath(el: Element): string | undefined {
  const raw = el.getAttribute('href');
  if (raw == null) return undefined;
  const h = raw.trim();
  if (!h || h === '#' || /^(javascript|data|blob):/i.test(h)) return undefined;
  if (h.startsWith('#')) return cap(h, 500);
  try {
    const u = new URL(h, el.ownerDocument.baseURI);
    const keys = [...new Set(Array.from(u.searchParams.keys()))].sort();
    return cap(decodeURIComponent(u.pathname) + (keys.length ? `?${keys.join('&')}` : ''), 500);
  } catch {
    return undefined;
  }
}

export const TEST_ID_ATTRS = ['data-testid', 'data-test', 'data-test-id', 'data-cy', 'data-qa'];

/** The ids an element controls (`aria-controls`), when none of them looks generated. */
export function controlsOf(el: Element): string | undefined {
  const v = collapse(el.getAttribute('aria-controls'));
  return v && !v.split(' ').some(isGeneratedId) ? cap(v, 200) : undefined;
}

export function testIdOf(el: Element): string | undefined {
  for (const a of TEST_ID_ATTRS) {
    const v = el.getAttribute(a);
    if (v) return cap(`${a}=${v}`, 200);
  }
  return undefined;
}

/**
 * Generated ids: build counters (`family-name-9174`, `field_12`, `input42`),
 * hashes, uuids, React `useId` (`:r1:`, `«r1»`, `_r_1_`), Ember/ExtJS/MUI/etc.
 */
export function isGeneratedId(id: string): boolean {
  return (
    /\d{3,}/.test(id) ||
    /[-_:.]\d+(?=$|[-_:.])/.test(id) ||
    /^[:«_]r[0-9a-z]*[:»_]$/i.test(id) ||
    /[:«»]/.test(id) ||
    /[0-9a-f]{8}-?[0-9a-f]{4}/i.test(id) ||
    /^(ember|ext-|mui-|mat-|cdk-|ui-id-|__bvid__|radix-|headlessui-|react-aria|rc_|j_id|v-)/i.test(id) ||
    /\d$/.test(id) ||
    hashy(id)
  );
}

/** A segment mixing letters and digits in a random-looking way (`a7f3k9`, `x1b2`). */
const hashy = (s: string): boolean =>
  s.split(/[-_:.]/).some((seg) => seg.length >= 5 && /\d/.test(seg) && /[a-z]/i.test(seg) && (seg.match(/\d/g)?.length ?? 0) >= 2);

/** The id with its generated parts replaced, so that `given-8947` and `given-8794` share a stem. */
export const idStem = (id: string): string => id.replace(/\d+/g, '#').replace(/[0-9a-f]{6,}/gi, '#');

const STATE_CLASS =
  /^(is-|has-|js-|ng-|v-|active$|current$|selected$|open$|opened$|closed$|show$|hidden$|visible$|focus|hover|disabled$|collapsed$|expanded$|checked$|invalid$|valid$|error$|touched$|dirty$|pristine$|loading$)|--(active|selected|open|expanded|error|valid|invalid|disabled|focus|current)$/i;
const UTILITY_CLASS =
  /^fr-(m|p)[tblrxy]?-(n)?\d+v$|^fr-(m|p)[tblrxy]?-(md|lg|sm|xl)-(n)?\d+v$|^fr-col(-|$)|^fr-(hidden|unhidden|displayed|sr-only)/;
const DYNAMIC_CLASS = /^(css|sc|jsx|emotion|svelte)-|^_|__[a-z0-9]{5,}$|[a-z0-9]{6,}$/i;

/**
 * Answers of `isStableClass` by class name: a page repeats a few hundred names over thousands of
 * elements, and the rules ask the classes of every element of a kind. A pure function of the name,
 * so kept between calls, and emptied past a size that no real page reaches.
 */
const stableByName = new Map<string, boolean>();

/** Classes worth keeping: not a state, not a spacing/grid utility, not a hashed CSS-in-JS class. */
export const isStableClass = (c: string): boolean => {
  let stable = stableByName.get(c);
  if (stable === undefined) {
    stable = !!c && c.length <= 100 && !STATE_CLASS.test(c) && !UTILITY_CLASS.test(c) && !(DYNAMIC_CLASS.test(c) && /\d/.test(c));
    if (stableByName.size >= 5000) stableByName.clear();
    stableByName.set(c, stable);
  }
  return stable;
};

export function stableClasses(el: Element): string[] {
  const out: string[] = [];
  const list = el.classList;
  for (let i = 0; i < list.length && out.length < 30; i++) {
    const c = list[i] as string;
    if (isStableClass(c)) out.push(c);
  }
  return out;
}

/** Stable modifier classes (`block--modifier`) of the parent and grandparent: the component's variant. */
export function aroundOf(el: Element): string[] | undefined {
  const out: string[] = [];
  for (let n = el.parentElement, k = 0; n && k < 2 && n.localName !== 'body'; n = n.parentElement, k++)
    for (const c of stableClasses(n)) if (c.includes('--') && out.length < 10) out.push(c);
  return out.length ? out.sort() : undefined;
}

/**
 * Facts that one `locate` call reads several times on the same element (visibility, accessible
 * name, context, section heading: the search, the lookalikes and the rules all ask): the page
 * cannot change while a synchronous call runs, so each is read once per call. Outside a call
 * (`describe`, tests of the facts), nothing is kept.
 */
let current: Map<unknown, Map<object, unknown>> | undefined;

/** Runs `run` with one memo for its whole duration (nested calls share the outer one). */
export function duringOneCall<T>(run: () => T): T {
  if (current) return run();
  current = new Map();
  try {
    return run();
  } finally {
    current = undefined;
  }
}

/** `read`, remembered per element (or per root) for the duration of the current call. */
export function oncePerCall<R, K extends object = Element>(read: (el: K) => R): (el: K) => R {
  return (el) => {
    if (!current) return read(el);
    let seen = current.get(read);
    if (!seen) {
      seen = new Map();
      current.set(read, seen);
    }
    if (seen.has(el)) return seen.get(el) as R;
    const value = read(el);
    seen.set(el, value);
    return value;
  };
}

// Read once per element during a `locate` call, where the search, the lookalikes and the rules all ask (`oncePerCall` above).
export const accessibleName = oncePerCall(readAccessibleName);
export const contextOf = oncePerCall(readContextOf);
export const sectionHeadingOf = oncePerCall(readSectionHeadingOf);
