/**
 * The element's slot in its section: the heading of the example block it sits
 * in, and its rank among the elements of the same kind (tag, role, type) under
 * that heading. Twins that only their section tells apart, and a label reworded
 * in the same slot, are recognised by it — under strict conditions, in
 * `locate.ts`.
 */
import { inputType, roleOf, sectionHeadingOf, textOf } from './facts';

export interface SectionSlot {
  heading: string;
  index: number;
  count: number;
}

const kindOf = (el: Element): string => `${el.localName}|${roleOf(el) ?? ''}|${inputType(el) ?? ''}`;

/** Slots of a page, computed lazily and once per search (`visible` is the engine's visibility test). */
export function slotter(visible: (el: Element) => boolean): (el: Element) => SectionSlot | undefined {
  const headings = new Map<Element, Element | undefined>();
  const groups = new Map<string, Element[]>();
  const headingOf = (el: Element) => {
    if (!headings.has(el)) headings.set(el, sectionHeadingOf(el));
    return headings.get(el);
  };
  return (el) => {
    const heading = headingOf(el);
    if (!heading) return undefined;
    const kind = kindOf(el);
    const key = `${kind}\u0000${groups.size}`;
    let group: Element[] | undefined;
    for (const [k, g] of groups) if (k.startsWith(`${kind}\u0000`) && headingOf(g[0] as Element) === heading) group = g;
    if (!group) {
      group = [];
      const root = el.getRootNode() as Document | ShadowRoot;
      for (const e of Array.from(root.querySelectorAll(el.localName))) {
        // Only what follows the heading can be under it.
        if (!(heading.compareDocumentPosition(e) & 4) || kindOf(e) !== kind || headingOf(e) !== heading || !visible(e)) continue;
        group.push(e);
      }
      if (!group.length) return undefined;
      groups.set(key, group);
    }
    const index = group.indexOf(el);
    if (index < 0) return undefined;
    const text = textOf(heading, 300, true);
    return text ? { heading: text, index, count: group.length } : undefined;
  };
}
