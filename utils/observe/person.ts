/**
 * Which page elements the person reached with their own pointer or keys. A page
 * script cannot make a trusted `pointerdown`, `mousedown` or `keydown`, but it
 * can make the browser dispatch trusted `change`, `focusout` or `submit` events
 * (a page script clicking a checkbox, focusing then blurring a field, or sending a form):
 * a step counts only once the person's own input reached its target. Only
 * elements are kept (weakly), never a key, a value or a position.
 */

export interface PersonInput {
  /** The person pressed a pointer or a key on this element, inside it, or on one of its labels. */
  reached(element: Element): boolean;
  /** The person pressed a key inside this element (Enter in a field sends its form). */
  keyedIn(element: Element): boolean;
}

export interface PersonInputOptions {
  /** Who made the event. Injectable for tests only: happy-dom's events are never trusted. */
  isTrusted?: (event: Event) => boolean;
  signal?: AbortSignal;
}

const POINTER = ['pointerdown', 'mousedown'] as const;

const labelsOf = (element: Element): Iterable<Element> => (element as HTMLInputElement).labels ?? [];

/** Follows the person's input in `doc` (passive capture listeners: it cannot cancel anything) until `signal` aborts. */
export function followPersonInput(doc: Document, { isTrusted = (event) => event.isTrusted, signal }: PersonInputOptions = {}): PersonInput {
  const pointed = new WeakSet<EventTarget>();
  const keyed = new WeakSet<EventTarget>();
  const listen = { capture: true, passive: true, signal };
  const record = (into: WeakSet<EventTarget>) => (event: Event) => {
    if (!isTrusted(event)) return;
    for (const node of event.composedPath()) if ((node as Node).nodeType === 1) into.add(node);
  };
  for (const type of POINTER) doc.addEventListener(type, record(pointed), listen);
  doc.addEventListener('keydown', record(keyed), listen);
  const has = (element: Element) => pointed.has(element) || keyed.has(element);
  return {
    reached: (element) => has(element) || [...labelsOf(element)].some(has),
    keyedIn: (element) => keyed.has(element),
  };
}
