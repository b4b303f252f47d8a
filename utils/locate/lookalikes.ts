/**
 * What a person would take for the same thing: elements of the same kind named alike, twins that
 * only their rank tells apart, and the recorded name that all of this compares.
 */
import { gatherCandidates } from './candidates';
import { accessibleName, collapse, FIELD_TAGS, inputType, labelText, roleOf, stableClasses, testIdOf, visibleText } from './facts';
import { isVisible, type LocateRoot } from './scopes';
import { normalize } from './score';
import type { TargetDescription } from './target';

/** The recorded name: the accessible name, else the label, else the text. */
export const recordedName = (d: TargetDescription): string | undefined => d.name ?? d.label ?? d.text;

/** The same fact read on an element of today's page (its name, label or text, as the description has). */
export const currentName = (d: TargetDescription, el: Element): string | undefined =>
  d.name ? accessibleName(el) : d.label ? labelText(el) : visibleText(el);

/** The recorded name as lookalikes are compared (normalised), or undefined when there is none. */
export const recordedKey = (d: TargetDescription): string | undefined => {
  const want = recordedName(d);
  return want ? normalize(want) : undefined;
};

/**
 * A name as lookalikes are compared: normalised; and when the recorder kept only the part of the
 * name before something personal (`withheld`: « Adresse électronique Format attendu » of
 * « … Format attendu : nom@domaine. »), cut the same way if it begins with that part — else no
 * element would ever be named as recorded, and lookalikes, doubts and twins would go unseen.
 */
function keyOf(d: TargetDescription, name: string): string {
  const key = normalize(name);
  const want = d.withheld?.includes(d.name ? 'name' : d.label ? 'label' : 'text') ? recordedKey(d) : undefined;
  return want && key.startsWith(`${want} `) ? want : key;
}

/** An element's name as lookalikes are compared (`keyOf`; empty when it has none). */
export const currentKey = (d: TargetDescription, el: Element): string => keyOf(d, currentName(d, el) ?? '');

/** The elements in the order of the document. */
export const inDocumentOrder = (els: readonly Element[]): Element[] => [...els].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));

/** Same tag, role and type as recorded. */
export function sameKind(d: TargetDescription, el: Element): boolean {
  return el.localName === d.tag && roleOf(el) === d.role && (d.type === undefined || inputType(el) === d.type);
}

/** The recorded id or test id, unchanged. */
export function anchored(d: TargetDescription, el: Element): boolean {
  return (d.id !== undefined && el.id === d.id) || (d.testId !== undefined && testIdOf(el) === d.testId);
}

/**
 * Lookalikes: visible elements of the same tag, role and type with the same
 * name (or label, or text), whatever their place — what a person would take
 * for the same thing. Undefined when the description has no name to compare.
 */
export function lookalikes(d: TargetDescription, gathered: readonly Element[]): Element[] | undefined {
  const key = recordedKey(d);
  if (!key) return undefined;
  const out: Element[] = [];
  for (const el of gathered) {
    if (!sameKind(d, el)) continue;
    const name = currentName(d, el);
    if (name && keyOf(d, name) === key && isVisible(el)) out.push(el);
  }
  return out;
}

/** How many elements of the page look like the described one (`alike`), or undefined. */
export function countLookalikes(
  d: TargetDescription,
  root: LocateRoot,
  options: { shadow?: boolean; frames?: boolean } = {},
): number | undefined {
  return lookalikes(d, gatherCandidates(d, root, options))?.length;
}

/**
 * What tells two elements apart without their position, read on the page (the label's hint text
 * included): twins with the same key can be told apart by their rank only, and swapping them would
 * change nothing anyone could see.
 */
export function identityKey(el: Element): string {
  const labels = (el as HTMLInputElement).labels;
  const text = labels?.length
    ? Array.from(labels, (l) => l.textContent).join(' ')
    : FIELD_TAGS.includes(el.localName)
      ? ''
      : el.textContent;
  const attr = (n: string) => el.getAttribute(n) ?? '';
  // The value of a choice or a button is the page's; that of a field may be the person's, never recorded.
  const value = el.localName !== 'input' || /^(radio|checkbox|submit|button|reset|image)$/.test(inputType(el) ?? '') ? attr('value') : '';
  return [el.localName, attr('type'), attr('name'), value, roleOf(el), collapse(text), stableClasses(el).sort().join(' ')].join('|');
}
