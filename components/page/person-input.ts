/**
 * Our UI in a page obeys the person only. A page script can dispatch any event,
 * and can even make the browser dispatch trusted ones without the person
 * (a page script's click on a checkbox gives a trusted `change`, a focus call a
 * trusted `focusin`): so a control of ours acts only on a trusted click that follows the
 * person's own pointer or key input on that very control.
 */

/** The person's own input: a press of a pointer (mouse, touch, pen; assistive tech sends `mousedown`) or a key. */
export const PERSON_INPUT = ['pointerdown', 'mousedown', 'keydown'] as const;

/** Events our controls act on, or that move the focus in the bubble: untrusted ones never reach them. */
const GUARDED = ['click', 'keydown', 'keyup', 'keypress', 'input', 'change', 'submit', 'focusin', 'focusout'] as const;

const CONTROL = 'button, input, select, textarea, label, summary, a[href], [tabindex]';

/** The innermost control on the event's path (inside `root`), if any. */
function controlOf(event: Event, root: ShadowRoot): Element | null {
  for (const node of event.composedPath()) {
    if (node === root) return null;
    if ((node as Node).nodeType === 1 && (node as Element).matches(CONTROL)) return node as Element;
  }
  return null;
}

/**
 * Guards the controls in `root` (our closed shadow root): untrusted events stop
 * at the root, and a click acts only on a control the person pressed or reached
 * with a key before. Listeners are removed with `signal`; `isTrusted` is
 * injectable for tests only (happy-dom's events are never trusted).
 */
export function obeyPersonOnly(
  root: ShadowRoot,
  { signal, isTrusted = (event) => event.isTrusted }: { signal?: AbortSignal; isTrusted?: (event: Event) => boolean } = {},
): void {
  const pressed = new WeakSet<Element>();
  const listen = { capture: true, signal };
  for (const type of PERSON_INPUT) {
    root.addEventListener(
      type,
      (event) => {
        if (!isTrusted(event)) return;
        const control = controlOf(event, root);
        if (!control) return;
        pressed.add(control);
        // A label passes its click to its control.
        const labelled = (control as HTMLLabelElement).control;
        if (labelled) pressed.add(labelled);
      },
      listen,
    );
  }
  for (const type of GUARDED) {
    root.addEventListener(
      type,
      (event) => {
        const control = type === 'click' ? controlOf(event, root) : null;
        if (isTrusted(event) && (type !== 'click' || !control || pressed.has(control))) return;
        event.stopImmediatePropagation();
        if (type === 'click') event.preventDefault();
      },
      listen,
    );
  }
}
