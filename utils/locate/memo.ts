/**
 * Facts that one `locate` call reads several times on the same element (visibility, accessible
 * name, context, section heading: the search, the lookalikes and the rules all ask): the page
 * cannot change while a synchronous call runs, so each is read once per call. Outside a call
 * (`describe`, tests of the facts), nothing is kept.
 */
let current: Map<unknown, Map<Element, unknown>> | undefined;

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

/** `read`, remembered per element for the duration of the current call. */
export function oncePerCall<R>(read: (el: Element) => R): (el: Element) => R {
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
