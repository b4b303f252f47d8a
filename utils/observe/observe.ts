import { type EventFacts, expectation, isStepDone, type StepForExpectation } from './expectation';
import { followPersonInput, type PersonInput } from './person';

/**
 * Watches the person's own events on a step's target and says when the step
 * is done. It only listens: passive capture listeners (so it cannot cancel
 * anything), no preventDefault, no stopPropagation, nothing dispatched. It
 * reads whether a control is empty, never what it holds.
 */

export interface ObserveOptions {
  /** Who made the event. Injectable for tests only: happy-dom's events are never trusted. */
  isTrusted?: (event: Event) => boolean;
  /**
   * The person's own input in the page, followed since before this step (the click that ends a field step
   * also does the next one): a trusted event counts only once the person reached its element.
   * Without it, the input is followed from now on.
   */
  person?: PersonInput;
}

// `change` and `submit` do not cross shadow boundaries: hence a listener on the target's shadow root too.
const EVENTS = ['click', 'change', 'focusout', 'submit'] as const;

/** Whether the element is not empty. Reads a length or a flag, and keeps nothing. Tag names, not `instanceof`: frames are other realms. */
export function isFilled(element: Element): boolean {
  const control = element as HTMLInputElement;
  switch (element.localName) {
    case 'input':
      if (control.type === 'checkbox' || control.type === 'radio') return control.checked;
      if (control.type === 'file') return (control.files?.length ?? 0) > 0;
      return control.value.length > 0;
    case 'select':
      // A placeholder option has an empty value: choosing it is not a choice.
      return (element as HTMLSelectElement).selectedIndex >= 0 && control.value.length > 0;
    case 'textarea':
      return control.value.length > 0;
    default:
      return (element as HTMLElement).isContentEditable === true && (element.textContent ?? '').trim().length > 0;
  }
}

function isSubmitButton(element: Element): boolean {
  const type: string = (element as HTMLInputElement).type;
  return (
    (element.localName === 'button' && type === 'submit') || (element.localName === 'input' && (type === 'submit' || type === 'image'))
  );
}

function isRadio(element: Element | undefined): element is HTMLInputElement {
  return element?.localName === 'input' && (element as HTMLInputElement).type === 'radio';
}

/** The facts of one event about `target`: booleans only. */
export function eventFacts(event: Event, target: Element, trusted: boolean): EventFacts {
  const path = event.composedPath();
  const source = path.find((node): node is Element => (node as Node).nodeType === 1);
  let onTarget = path.includes(target);
  if (!onTarget && isRadio(source) && isRadio(target)) {
    // Another radio of the same group: same name, same form, same tree.
    onTarget =
      source.name !== '' && source.name === target.name && source.form === target.form && source.getRootNode() === target.getRootNode();
  }
  if (!onTarget && event.type === 'submit' && isSubmitButton(target)) {
    const form = (target as HTMLButtonElement).form;
    onTarget = form !== null && source === form;
  }
  return { type: event.type, trusted, onTarget, filled: source !== undefined && isFilled(source) };
}

/**
 * Whether the person's own input reached what this event comes from: the target or the control the event
 * started on (a radio of its group, a label's control), or, for a form sent, a key pressed in it (Enter).
 */
export function byPerson(event: Event, target: Element, person: PersonInput): boolean {
  const source = event.composedPath().find((node): node is Element => (node as Node).nodeType === 1);
  if (person.reached(target) || (source !== undefined && event.type !== 'submit' && person.reached(source))) return true;
  return event.type === 'submit' && source !== undefined && person.keyedIn(source);
}

/** Starts watching; `onDone` is called at most once, with nothing. Returns `stop()`. */
export function observeStep(step: StepForExpectation, target: Element, onDone: () => void, options: ObserveOptions = {}): () => void {
  const expected = expectation(step);
  if (expected.kind === 'page' || expected.kind === 'manual') return () => {};
  const trusted = options.isTrusted ?? ((event: Event) => event.isTrusted);
  const own = options.person ? undefined : new AbortController();
  const person = options.person ?? followPersonInput(target.ownerDocument, { isTrusted: trusted, signal: own?.signal });
  const roots = new Set<Node>([target.ownerDocument]);
  const root = target.getRootNode();
  if (root !== target.ownerDocument && root.nodeType === 11) roots.add(root);

  const listen = { capture: true, passive: true };
  let stopped = false;
  const stop = () => {
    stopped = true;
    own?.abort();
    for (const node of roots) for (const type of EVENTS) node.removeEventListener(type, handle, listen);
  };
  function handle(event: Event) {
    // Untrusted events, and trusted ones that a script made without the person, are dropped before anything of the page is read.
    if (stopped || !trusted(event) || !byPerson(event, target, person) || !isStepDone(expected, eventFacts(event, target, true))) return;
    stop();
    onDone();
  }
  for (const node of roots) for (const type of EVENTS) node.addEventListener(type, handle, listen);
  return stop;
}
