/**
 * Static view of a DSFR example page, for the bench tools and the case-file
 * test: the HTML as shipped, parsed by happy-dom with no script run. The
 * benchmark itself runs the pages in Chromium with DSFR's JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

/** Resolve a case page path (`<version>/example/…`) to a file in the version trees. */
export function pageFile(trees: Record<string, string>, page: string): string | null {
  const [version, ...rest] = page.split('/');
  const tree = version ? trees[version] : undefined;
  return tree ? join(tree, ...rest) : null;
}

/** Parse an HTML file without running or loading anything. */
export function parseStatic(file: string): Document {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  const parser = new window.DOMParser();
  return parser.parseFromString(readFileSync(file, 'utf8'), 'text/html') as unknown as Document;
}

const collapse = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export interface InventoryItem {
  index: number;
  region: string;
  section: string;
  tag: string;
  type: string;
  id: string;
  nameAttr: string;
  label: string;
  text: string;
  legend: string;
  value: string;
  href: string;
  selector: string;
}

const INTERACTIVE = 'input:not([type=hidden]), select, textarea, button, a[href], [role=button], [role=tab], [role=switch]';

function labelOf(el: Element, doc: Document): string {
  const id = el.getAttribute('id');
  const parts: string[] = [];
  if (el.getAttribute('aria-label')) parts.push(el.getAttribute('aria-label') ?? '');
  if (id) {
    for (const label of Array.from(doc.querySelectorAll('label'))) {
      if (label.getAttribute('for') === id) parts.push(collapse(label.textContent));
    }
  }
  const wrapping = el.closest('label');
  if (wrapping) parts.push(collapse(wrapping.textContent));
  return parts.join(' | ');
}

function regionOf(el: Element): string {
  if (el.closest('.fr-modal, dialog')) return 'modal';
  if (el.closest('header, .fr-header')) return 'header';
  if (el.closest('footer, .fr-footer')) return 'footer';
  if (el.closest('main')) return 'main';
  return 'body';
}

/** CSS-escaped `#id` when the id is unique in the document, else null. */
export function uniqueIdSelector(el: Element, doc: Document): string | null {
  const id = el.getAttribute('id');
  if (!id) return null;
  const sel = `#${cssEscape(id)}`;
  try {
    return doc.querySelectorAll(sel).length === 1 ? sel : null;
  } catch {
    return null;
  }
}

/** Minimal CSS.escape for ids (happy-dom has no global CSS.escape in Node). */
export function cssEscape(value: string): string {
  return value.replace(/(^-?\d)|[^a-zA-Z0-9_-]/g, (ch, lead) => (lead ? `\\${ch.charCodeAt(0).toString(16)} ` : `\\${ch}`));
}

/** A selector unique on its page: the id if unique, else a structural path. */
export function uniqueSelector(el: Element, doc: Document): string {
  const byId = uniqueIdSelector(el, doc);
  if (byId) return byId;
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node.tagName.toLowerCase() !== 'html') {
    const anchor = uniqueIdSelector(node, doc);
    if (anchor && node !== el) {
      steps.unshift(anchor);
      break;
    }
    const parent: Element | null = node.parentElement;
    const tag = node.tagName.toLowerCase();
    if (!parent) {
      steps.unshift(tag);
      break;
    }
    const same = Array.from(parent.children).filter((c) => c.tagName === node?.tagName);
    steps.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
    node = parent;
  }
  return steps.join(' > ');
}

/** Interactive elements of a page with the facts that a person would read. */
export function inventory(doc: Document): InventoryItem[] {
  const items: InventoryItem[] = [];
  let section = '';
  let index = 0;
  const walker = doc.createTreeWalker(doc.body, 1 /* SHOW_ELEMENT */);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    const tag = node.tagName.toLowerCase();
    if (/^h[1-4]$/.test(tag) && !node.closest('.fr-accordion__title, .fr-modal, header, footer')) {
      section = collapse(node.textContent);
      continue;
    }
    if (!node.matches(INTERACTIVE)) continue;
    const legend = node.closest('fieldset')?.querySelector('legend');
    items.push({
      index: index++,
      region: regionOf(node),
      section,
      tag,
      type: node.getAttribute('type') ?? '',
      id: node.getAttribute('id') ?? '',
      nameAttr: node.getAttribute('name') ?? '',
      label: labelOf(node, doc),
      text: tag === 'input' || tag === 'select' || tag === 'textarea' ? '' : collapse(node.textContent).slice(0, 80),
      legend: collapse(legend?.textContent).slice(0, 60),
      value: node.getAttribute('value') ?? '',
      href: tag === 'a' ? (node.getAttribute('href') ?? '') : '',
      selector: uniqueSelector(node, doc),
    });
  }
  return items;
}

/** Nearest heading before the element in document order (code-snippet accordions aside). */
export function headingBefore(el: Element, doc: Document): string {
  let last = '';
  const walker = doc.createTreeWalker(doc.body, 1 /* SHOW_ELEMENT */);
  for (let node = walker.nextNode() as Element | null; node && node !== el; node = walker.nextNode() as Element | null) {
    if (/^h[1-6]$/i.test(node.tagName) && !node.closest('.fr-accordion__title, .fr-modal') && !node.contains(el))
      last = collapse(node.textContent);
  }
  return last;
}

/** What a person checking a case reads about an element. */
export function readableFacts(el: Element, doc: Document): string {
  const tag = el.tagName.toLowerCase();
  const control = tag === 'input' || tag === 'select' || tag === 'textarea';
  const name = control ? labelOf(el, doc) : collapse(el.getAttribute('aria-label') || el.textContent).slice(0, 90);
  const legend = collapse(el.closest('fieldset')?.querySelector('legend')?.textContent).slice(0, 50);
  return [
    `${tag}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''}`,
    `“${name}”`,
    el.getAttribute('name') && `name=${el.getAttribute('name')}`,
    el.getAttribute('value') && `value=${el.getAttribute('value')}`,
    tag === 'a' && `href=${el.getAttribute('href')}`,
    legend && `legend “${legend}”`,
    `§ “${headingBefore(el, doc).slice(0, 70)}”`,
    `[${regionOf(el)}]`,
    `.${(el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).join('.')}`,
  ]
    .filter(Boolean)
    .join('  ');
}

/** Elements of the page with the same tag and the same visible name: lookalikes of an absent element. */
export function sameNamed(el: Element, elDoc: Document, doc: Document): Element[] {
  const tag = el.tagName.toLowerCase();
  const control = tag === 'input' || tag === 'select' || tag === 'textarea';
  const key = (x: Element, d: Document) => (control ? labelOf(x, d) : collapse(x.textContent)).toLowerCase();
  const want = key(el, elDoc);
  return Array.from(doc.querySelectorAll(tag)).filter((x) => key(x, doc) === want);
}
