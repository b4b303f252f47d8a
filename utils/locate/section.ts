/**
 * The element's slot in its section: the heading of the example block it sits
 * in, and its rank among the elements of the same kind (tag, role, type) under
 * that heading. Twins that only their section tells apart, and a label reworded
 * in the same slot, are recognised by it — under strict conditions, in
 * `rules.ts`.
 */
import { aroundOf, HEADINGS, headingText, inputType, roleOf, sectionHeadingOf } from './facts';
import { normalize } from './score';
import type { TargetDescription } from './target';

export interface SectionSlot {
  heading: string;
  index: number;
  count: number;
}

const kindOf = (el: Element): string => `${el.localName}|${roleOf(el) ?? ''}|${inputType(el) ?? ''}`;

/**
 * Slots of a page, computed lazily and once per search (`visible` is the engine's visibility test).
 * The first slot asked for a kind sorts every element of that kind in its tree by section heading,
 * in one pass: asking the slots of many candidates under many headings then costs one walk, not
 * one per heading.
 */
export function slotter(visible: (el: Element) => boolean): (el: Element) => SectionSlot | undefined {
  const headings = new Map<Element, Element | undefined>();
  const byKind = new Map<Node, Map<string, Map<Element, Element[]>>>();
  const headingOf = (el: Element) => {
    if (!headings.has(el)) headings.set(el, sectionHeadingOf(el));
    return headings.get(el);
  };
  const groupsOf = (el: Element, kind: string): Map<Element, Element[]> => {
    const root = el.getRootNode() as Document | ShadowRoot;
    let kinds = byKind.get(root);
    if (!kinds) {
      kinds = new Map();
      byKind.set(root, kinds);
    }
    let groups = kinds.get(kind);
    if (!groups) {
      groups = new Map();
      // Document order: each group lists its elements in their order under the heading.
      for (const e of Array.from(root.querySelectorAll(el.localName))) {
        if (kindOf(e) !== kind) continue;
        const h = headingOf(e);
        if (!h || !visible(e)) continue;
        const g = groups.get(h);
        if (g) g.push(e);
        else groups.set(h, [e]);
      }
      kinds.set(kind, groups);
    }
    return groups;
  };
  return (el) => {
    const heading = headingOf(el);
    if (!heading) return undefined;
    const group = groupsOf(el, kindOf(el)).get(heading);
    const index = group ? group.indexOf(el) : -1;
    if (!group || index < 0) return undefined;
    const text = headingText(heading);
    return text ? { heading: text, index, count: group.length } : undefined;
  };
}

/** The words of a text, normalised. */
export const words = (s: string): string[] => normalize(s).split(' ').filter(Boolean);

/**
 * The heading that a recorded section heading became when the site dropped some of its words
 * everywhere ("Toggle simple avec bouton + libellé à droite + état" → "Toggle simple avec bouton +
 * état", once every "libellé à droite" is gone): the recorded heading is no longer on the page; this
 * one keeps only words of it, at least half of them, more than any other such heading; and no heading
 * of the page still has any of the words dropped — else it may be another, shorter variant.
 * Normalised text, or undefined.
 */
export function renamedHeading(recorded: string, root: Document | ShadowRoot): string | undefined {
  const want = new Set(words(recorded));
  const all = Array.from(root.querySelectorAll(HEADINGS), (h) => words(headingText(h)));
  const texts = new Set(all.map((w) => w.join(' ')));
  if (texts.has(normalize(recorded))) return undefined;
  const used = new Set(all.flat());
  let best = '';
  let size = 0;
  let tie = false;
  for (const text of texts) {
    const kept = new Set(text.split(' '));
    if (kept.size * 2 < want.size || kept.size >= want.size || size > kept.size) continue;
    if (![...kept].every((x) => want.has(x)) || [...want].some((x) => !kept.has(x) && used.has(x))) continue;
    tie = size === kept.size;
    best = text;
    size = kept.size;
  }
  return size && !tie ? best : undefined;
}

/**
 * Whether an element's section heading is the recorded one, word for word — or the one it became
 * (`renamed`, asked only then), when the element is in the same variant of its component (same modifier classes around).
 */
export function underHeading(d: TargetDescription, el: Element, heading: string, renamed: () => string | undefined): boolean {
  const current = normalize(heading);
  if (current === normalize(d.section?.heading ?? '')) return true;
  const r = renamed();
  return !!r && current === r && (d.around ?? []).join(' ') === (aroundOf(el) ?? []).join(' ');
}

/**
 * `renamedHeading`, read the first time it is asked, then kept: it reads every heading of the page, and
 * only a candidate whose heading is not the recorded one needs it.
 */
export function renamedHeadingOnce(recorded: string, root: Document | ShadowRoot): () => string | undefined {
  let read = false;
  let renamed: string | undefined;
  return () => {
    if (!read) {
      renamed = renamedHeading(recorded, root);
      read = true;
    }
    return renamed;
  };
}
