/**
 * The recorder's ears on a page: the person's own trusted clicks, choices,
 * boxes ticked, files picked, fields left after being filled and forms sent,
 * each reduced to a `RecordedEvent` (a kind, the target as `describe()` sees
 * it, the page address).
 *
 * No value ever leaves a handler: whether a field is filled is read as a
 * boolean (`value.length > 0`, `checked`, `files.length > 0`) and dropped at
 * once. The one exception is a typed field left filled: its value is turned
 * into keyed hashes there and then (`typed-values.ts`), so that a later page
 * that shows it back is recognised; the value itself goes nowhere. The
 * listeners are passive and only listen: nothing here acts in the page.
 */
import type { RecordedEvent } from '../../utils/authoring/instruction';
import { isTypedField } from '../../utils/authoring/sensitive';
import { typedMatcher, typedValueHashes } from '../../utils/authoring/typed-values';
import { scrubUrl } from '../../utils/authoring/url-pattern';
import { describeForRecording } from '../../utils/locate/describe';
import { followPersonInput } from '../../utils/observe/person';

/** The recording's key and the hashes of what was typed on earlier pages, from the background (memory only). */
export interface TypedKeyring {
  key: string;
  hashes: readonly string[];
}

export interface CaptureOptions {
  /** Receives each recorded action. */
  onEvent: (event: RecordedEvent) => void;
  /** Whether a node belongs to our own UI (the recording bar): the trainer's clicks there are not steps. */
  isOwn?: (node: Node) => boolean;
  /** Only the person's own input counts; tests inject a predicate, since they cannot make trusted events. */
  isTrusted?: (event: Event) => boolean;
  /** The window to listen on. */
  view?: Window;
  /** The recording's keyring, when the background gives it; without it, only this page's fields are compared. */
  keyring?: Promise<TypedKeyring | null>;
}

/** What a click on it may stand for: the nearest element a person acts on. */
const ACTIONABLE = [
  'a[href]',
  'button',
  'input',
  'select',
  'textarea',
  'summary',
  'label',
  '[role=button]',
  '[role=link]',
  '[role=tab]',
  '[role=menuitem]',
  '[role=menuitemcheckbox]',
  '[role=menuitemradio]',
  '[role=option]',
  '[role=checkbox]',
  '[role=radio]',
  '[role=switch]',
  '[role=treeitem]',
].join(',');

/** Input types whose step comes from `change` (a choice made), not from a click. */
const CHOSEN_TYPES = new Set(['checkbox', 'radio', 'file', 'date', 'time', 'datetime-local', 'month', 'week', 'color', 'range']);

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const isElement = (node: unknown): node is Element => typeof node === 'object' && node !== null && (node as Node).nodeType === 1;

/** The element the event really happened on, inside open shadow roots too. */
function origin(event: Event): Element | null {
  const first = event.composedPath()[0] ?? event.target;
  return isElement(first) ? first : null;
}

function typeOf(el: Element): string {
  return el.localName === 'input' ? ((el as HTMLInputElement).type || 'text').toLowerCase() : (el.getAttribute('type') ?? '').toLowerCase();
}

/** Where the person types: text inputs, text areas, editable regions, text boxes. */
function isTyped(el: Element): boolean {
  const role = el.getAttribute('role') ?? ((el as HTMLElement).isContentEditable ? 'textbox' : undefined);
  return isTypedField({ tag: el.localName, type: el.localName === 'input' ? typeOf(el) : undefined, role });
}

/** Filled or not; the value itself is not kept. */
function isFilled(el: Element): boolean {
  if (el.localName === 'input' || el.localName === 'textarea' || el.localName === 'select') return (el as Field).value.length > 0;
  return (el.textContent ?? '').trim().length > 0;
}

/** What a field holds: read only to be hashed at once (see `fieldLeft`). */
function fieldValue(el: Element): string {
  if (el.localName === 'input' || el.localName === 'textarea') return (el as Field).value;
  return el.textContent ?? '';
}

/** The focused element, inside open shadow roots too. */
function deepActive(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Starts listening; returns the function that stops. */
export function captureActions({
  onEvent,
  isOwn = () => false,
  isTrusted = (event) => event.isTrusted,
  view = window,
  keyring,
}: CaptureOptions): () => void {
  const doc = view.document;
  const stop = new AbortController();
  // A page script can make trusted `change`, `focusout` or `submit` events: only what the person's own pointer or keys reached is recorded.
  const person = followPersonInput(doc, { isTrusted, signal: stop.signal });
  /** Fields already recorded as filled since they were last typed in: leaving them again adds nothing. */
  let recordedFilled = new WeakSet<Element>();
  /** In memory for this page's life: the key, and the hashes of what was typed in this recording. */
  let typedKey: string | null = null;
  let typedHashes = new Set<string>();
  void keyring?.then(
    (ring) => {
      // Anything else than a keyring (an older background's answer) leaves the comparison to this page's fields.
      if (!ring || typeof ring.key !== 'string' || !Array.isArray(ring.hashes)) return;
      typedKey = ring.key;
      for (const hash of ring.hashes) typedHashes.add(hash);
    },
    () => undefined,
  );

  const emit = (kind: RecordedEvent['kind'], el: Element, typed?: string[]) => {
    const inputType = el.localName === 'input' ? typeOf(el) : undefined;
    const facts = describeForRecording(el, { typed: typedMatcher(typedKey, typedHashes) });
    // The address without its query values: a form sent with GET leaves what was typed there.
    onEvent({
      kind,
      facts,
      url: scrubUrl(view.location.href),
      ...(inputType ? { inputType } : {}),
      ...(typed && typed.length > 0 ? { typed } : {}),
    });
  };

  const accepts = (event: Event): Element | null => {
    if (!isTrusted(event)) return null;
    const el = origin(event);
    if (!el || isOwn(el) || event.composedPath().some((node) => node instanceof Node && isOwn(node))) return null;
    return el;
  };
  /** The element of an event the person made, on an element their own pointer or keys reached. */
  const byPerson = (el: Element | null | undefined): el is Element => !!el && person.reached(el);

  /** A field typed in and left filled becomes a step, once; what it holds, only as keyed hashes. */
  const fieldLeft = (el: Element) => {
    if (!isTyped(el) || recordedFilled.has(el) || !isFilled(el)) return;
    recordedFilled.add(el);
    const typed = typedKey ? typedValueHashes(typedKey, fieldValue(el)) : [];
    emit('input-left', el, typed);
    for (const hash of typed) typedHashes.add(hash);
  };

  /** Enter in a field sends the form without the field being left: record it first. */
  const flushActiveField = (except: Element) => {
    const active = deepActive(doc);
    if (active && active !== except && !isOwn(active) && byPerson(active)) fieldLeft(active);
  };

  const onClick = (event: Event) => {
    const el = accepts(event);
    const control = el?.closest(ACTIONABLE);
    if (!byPerson(control)) return;
    // A label passes the click on to its control, whose own change is recorded.
    if (control.localName === 'label' && (control as HTMLLabelElement).control) return;
    // Fields, lists and choices are recorded when filled or chosen, not when clicked into.
    if (control.localName === 'select' || control.localName === 'textarea' || isTyped(control)) return;
    if (control.localName === 'input' && CHOSEN_TYPES.has(typeOf(control))) return;
    flushActiveField(control);
    emit('click', control);
  };

  const onChange = (event: Event) => {
    const el = accepts(event);
    if (!byPerson(el)) return;
    if (el.localName === 'select') {
      if (isFilled(el)) emit('change', el);
      return;
    }
    if (el.localName !== 'input') return;
    const type = typeOf(el);
    if (type === 'checkbox' || type === 'radio') {
      // Unticking is not a step of the procedure.
      if ((el as HTMLInputElement).checked) emit('change', el);
    } else if (type === 'file') {
      if (((el as HTMLInputElement).files?.length ?? 0) > 0) emit('file', el);
    } else if (CHOSEN_TYPES.has(type) && isFilled(el)) {
      emit('change', el);
    }
  };

  const onFocusOut = (event: Event) => {
    const el = accepts(event);
    if (byPerson(el)) fieldLeft(el);
  };

  /** Typing again in a recorded field makes it worth recording when left. No value is read. */
  const onInput = (event: Event) => {
    const el = origin(event);
    if (el) recordedFilled.delete(el);
  };

  /**
   * Enter pressed in a form: the browser may send it without a click. A submit
   * event alone is not enough, since a page script's `requestSubmit()` gets one too.
   */
  let enterPressed = false;
  const onKeyDown = (event: Event) => {
    if ((event as KeyboardEvent).key !== 'Enter' || !accepts(event)) return;
    enterPressed = true;
    // The submission happens during the key's default action, after every listener: forget it at the next task.
    view.setTimeout(() => {
      enterPressed = false;
    }, 0);
  };

  const onSubmit = (event: Event) => {
    const form = accepts(event);
    if (!form || !enterPressed) return;
    const submitter = (event as SubmitEvent).submitter;
    flushActiveField(submitter ?? form);
    emit('submit', submitter && isElement(submitter) ? submitter : form);
  };

  const options = { capture: true, passive: true } as const;
  const listeners: [string, (event: Event) => void][] = [
    ['click', onClick],
    ['change', onChange],
    ['focusout', onFocusOut],
    ['input', onInput],
    ['keydown', onKeyDown],
    ['submit', onSubmit],
  ];
  for (const [type, listener] of listeners) view.addEventListener(type, listener, options);
  return () => {
    stop.abort();
    for (const [type, listener] of listeners) view.removeEventListener(type, listener, options);
    recordedFilled = new WeakSet();
    typedKey = null;
    typedHashes = new Set();
  };
}

export interface PickOptions {
  /** Receives the element pointed at, described as the recorder describes it (never a value). */
  onPick: (event: RecordedEvent) => void;
  /** Whether a node belongs to our own UI: a click there is not a choice. */
  isOwn?: (node: Node) => boolean;
  isTrusted?: (event: Event) => boolean;
  view?: Window;
}

/**
 * « Montrer le bon élément » while checking a guide: the next click the person
 * makes with their own pointer (or keys) on an element of the page names the
 * element a step should point at. It is described with the recorder's rules
 * (`describeForRecording`: nothing that looks like the person's) and nothing
 * typed is read. One click only; the click itself goes on as the person meant
 * it (the listener is passive). Returns the function that stops waiting.
 */
export function pickElement({
  onPick,
  isOwn = () => false,
  isTrusted = (event) => event.isTrusted,
  view = window,
}: PickOptions): () => void {
  const stop = new AbortController();
  const person = followPersonInput(view.document, { isTrusted, signal: stop.signal });
  const onClick = (event: Event) => {
    if (!isTrusted(event)) return;
    const el = origin(event);
    if (!el || event.composedPath().some((node) => node instanceof Node && isOwn(node))) return;
    const near = el.closest(ACTIONABLE) ?? el;
    // A label stands for its control: the step points at the field or box itself.
    const control = near.localName === 'label' ? ((near as HTMLLabelElement).control ?? near) : near;
    if (!person.reached(control) && !person.reached(el)) return;
    stop.abort();
    const inputType = control.localName === 'input' ? typeOf(control) : undefined;
    onPick({
      kind: 'click',
      facts: describeForRecording(control),
      url: scrubUrl(view.location.href),
      ...(inputType ? { inputType } : {}),
    });
  };
  view.addEventListener('click', onClick, { capture: true, passive: true, signal: stop.signal });
  return () => stop.abort();
}
