/**
 * Synthetic page mutations for the benchmark, applied in the page by the test
 * harness (never by the extension): the changes a real site goes through
 * between the day a guide was recorded and the day it is played.
 */

/** Small seeded PRNG (mulberry32): the same seed gives the same mutations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

export function shuffle<T>(r: Rand, xs: T[]): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

export const MUTATION_KINDS = ['ids', 'classes', 'wrappers', 'reorder', 'reword', 'remove', 'all'] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

const ID_REFS = [
  'for',
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-details',
  'aria-errormessage',
  'list',
  'form',
  'headers',
];

/** Regenerate every id with a new build counter, keeping the references (label for, aria-*) consistent. */
export function regenerateIds(r: Rand, root: Document = document): void {
  const offset = 1000 + Math.floor(r() * 90000);
  const map = new Map<string, string>();
  for (const el of Array.from(root.querySelectorAll('[id]'))) {
    const old = el.id;
    if (!old || old === 'top') continue;
    const next = /\d/.test(old) ? old.replace(/\d+/g, (d) => String(Number(d) + offset)) : `${old}-${offset}`;
    map.set(old, next);
    el.id = next;
  }
  const swap = (v: string) =>
    v
      .split(/\s+/)
      .map((t) => map.get(t) ?? t)
      .join(' ');
  for (const attr of ID_REFS) {
    for (const el of Array.from(root.querySelectorAll(`[${attr}]`))) el.setAttribute(attr, swap(el.getAttribute(attr) ?? ''));
  }
  for (const a of Array.from(root.querySelectorAll('a[href^="#"]'))) {
    const target = map.get((a.getAttribute('href') ?? '').slice(1));
    if (target) a.setAttribute('href', `#${target}`);
  }
}

/**
 * Rename every class to an opaque name (as a CSS-module build would) and
 * rewrite the page's style sheets the same way, so that the page still looks
 * the same: only the names change.
 */
export function renameClasses(r: Rand, root: Document = document): void {
  const map = new Map<string, string>();
  const fresh = () => `k${Math.floor(r() * 36 ** 6).toString(36)}`;
  for (const el of Array.from(root.querySelectorAll('[class]'))) {
    const next = Array.from(el.classList).map((c) => {
      let n = map.get(c);
      if (!n) {
        n = fresh();
        map.set(c, n);
      }
      return n;
    });
    el.setAttribute('class', next.join(' '));
  }
  const rewrite = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSStyleRule) {
        const sel = rule.selectorText.replace(/\.(-?[_a-zA-Z][\w-]*)/g, (m, c: string) => (map.has(c) ? `.${map.get(c)}` : m));
        if (sel !== rule.selectorText) rule.selectorText = sel;
      }
      if ('cssRules' in rule && (rule as CSSGroupingRule).cssRules) rewrite((rule as CSSGroupingRule).cssRules);
    }
  };
  for (const sheet of Array.from(root.styleSheets)) {
    try {
      rewrite(sheet.cssRules);
    } catch {
      // A sheet that cannot be read keeps its old names.
    }
  }
}

const NO_WRAP = new Set([
  'html',
  'head',
  'body',
  'main',
  'li',
  'legend',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'dt',
  'dd',
  'summary',
  'script',
  'style',
  'template',
  'svg',
  'source',
  'track',
]);
const NO_WRAP_PARENT = new Set([
  'ul',
  'ol',
  'dl',
  'table',
  'tbody',
  'thead',
  'tr',
  'select',
  'optgroup',
  'label',
  'button',
  'a',
  'p',
  'span',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'details',
]);

function canWrap(el: Element): boolean {
  const parent = el.parentElement;
  return !!parent && !NO_WRAP.has(el.localName) && !NO_WRAP_PARENT.has(parent.localName) && !el.closest('svg');
}

function wrap(el: Element): void {
  const w = el.ownerDocument.createElement('div');
  el.before(w);
  w.append(el);
}

/** Insert wrapper divs around the target's ancestors and around a share of the page's elements. */
export function insertWrappers(r: Rand, targets: Element[], root: Document = document): void {
  const chosen = new Set<Element>();
  for (const t of targets) {
    let depth = 0;
    for (let a: Element | null = t; a && a !== root.body && depth < 6; a = a.parentElement, depth++) {
      if (canWrap(a) && (depth === 0 || r() < 0.5)) chosen.add(a);
    }
  }
  for (const el of Array.from(root.body.querySelectorAll('div, form, fieldset, ul, p, section, nav'))) {
    if (r() < 0.15 && canWrap(el)) chosen.add(el);
  }
  for (const el of chosen) wrap(el);
}

const CONTROLS = 'input:not([type=hidden]), select, textarea, button, a[href]';
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** What tells two controls apart without their position: two with the same key are twins. */
export function twinKey(el: Element): string {
  const labels = (el as HTMLInputElement).labels;
  const name = labels?.length ? Array.from(labels, (l) => l.textContent).join(' ') : el.textContent;
  return [
    el.localName,
    el.getAttribute('type'),
    el.getAttribute('name'),
    el.getAttribute('value'),
    (name ?? '').replace(/\s+/g, ' ').trim(),
  ].join('|');
}

/**
 * Reorder the target's sibling fields or buttons: the closest ancestor (or the
 * target itself) that sits among similar siblings gets them shuffled. Only
 * observable reorders count: every shuffled item holds a control, no heading
 * is left behind (an example must not slide away from its title), and the
 * target has no twin among the shuffled items (swapping twins changes nothing
 * that anyone could see). Returns false when there is no such reorder;
 * `dryRun` only tells whether there is one.
 */
export function reorderSiblings(r: Rand, target: Element, dryRun = false): boolean {
  let item: Element | null = target;
  for (let depth = 0; item && depth < 4; item = item.parentElement, depth++) {
    const parent: Element | null = item.parentElement;
    if (!parent) return false;
    const probe: Element = item;
    const similar = Array.from(parent.children).filter((c) => c.localName === probe.localName && c.className === probe.className);
    if (similar.length < 2) continue;
    const holdsControl = (c: Element) => c.matches(CONTROLS) || !!c.querySelector(CONTROLS);
    if (!similar.every(holdsControl)) return false;
    if (Array.from(parent.children).some((c) => !similar.includes(c) && (c.matches(HEADINGS) || c.querySelector(HEADINGS)))) return false;
    const key = twinKey(target);
    const others = similar
      .filter((c) => c !== probe)
      .flatMap((c) => (c.matches(CONTROLS) ? [c] : Array.from(c.querySelectorAll(CONTROLS))));
    if (others.some((o) => twinKey(o) === key)) return false;
    if (dryRun) return true;
    let order = shuffle(r, similar);
    if (order.every((x, i) => x === similar[i])) order = similar.slice().reverse();
    // Put the shuffled items back into the slots the originals held.
    const slots = similar.map((s) => {
      const marker = parent.ownerDocument.createComment('slot');
      s.replaceWith(marker);
      return marker;
    });
    for (const [i, m] of slots.entries()) m.replaceWith(order[i] as Element);
    return true;
  }
  return false;
}

const WORDS = ['veuillez', 'indiquer', 'votre', 'nouveau', 'ici', 'merci', 'renseigner', 'information', 'saisir', 'précisez'];

/** Elements whose text names the target: its labels, its own text, what aria-labelledby points at. */
function nameSources(target: Element): Element[] {
  const doc = target.ownerDocument;
  const out: Element[] = [target];
  const labels = (target as HTMLInputElement).labels;
  if (labels) out.push(...Array.from(labels));
  for (const id of (target.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
    const el = doc.getElementById(id);
    if (el) out.push(el);
  }
  return out;
}

function rewordText(r: Rand, text: string): string {
  const words = text.trim().split(/\s+/);
  const out = shuffle(r, words).map((w) => (r() < 0.4 ? pick(r, WORDS) : w));
  out.splice(Math.floor(r() * (out.length + 1)), 0, pick(r, WORDS));
  return ` ${out.join(' ')} `;
}

/**
 * Reword the text around the target — legends, headings, hints, neighbouring
 * labels and paragraphs — but not the target's own name, nor the names of the
 * other targets of the same trial (`others`): rewording for one target must not
 * rename another one that is judged too (the password field's "Mot de passe"
 * is a neighbour of its "Afficher" checkbox).
 */
export function rewordNeighbours(r: Rand, target: Element, others: readonly Element[] = []): number {
  const keep = [target, ...others].flatMap(nameSources);
  let scope: Element = target;
  for (let depth = 0; depth < 6 && scope.parentElement && scope.parentElement !== target.ownerDocument.body; depth++) {
    scope = scope.parentElement;
    if (scope.matches('form, section, main, .fr-container') && depth >= 2) break;
  }
  const walker = target.ownerDocument.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || !/[a-zA-ZÀ-ÿ]{3}/.test(n.nodeValue ?? '')) continue;
    if (parent.closest('script, style, option, select, textarea')) continue;
    if (keep.some((k) => k.contains(n))) continue;
    nodes.push(n as Text);
  }
  let changed = 0;
  for (const n of nodes) {
    if (r() < 0.8) {
      n.nodeValue = rewordText(r, n.nodeValue ?? '');
      changed++;
    }
  }
  return changed;
}

const GROUPS =
  '.fr-input-group, .fr-select-group, .fr-radio-group, .fr-checkbox-group, .fr-toggle, .fr-upload-group, .fr-password, .fr-search-bar';

/** Remove the target, with its own field group when the group holds nothing else to act on. */
export function removeTarget(target: Element): void {
  const group = target.closest(GROUPS);
  const controls = group?.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href]').length ?? 0;
  if (group && controls === 1) group.remove();
  else target.remove();
}
