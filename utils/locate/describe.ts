/**
 * Record time: captures independent facts about an element so that it can be
 * found again months later. Never a value typed by the person: text inputs'
 * `.value` is never read into a fact, text is read from page nodes only, and
 * as a last guard any fact that contains what is currently typed in a field
 * nearby is dropped. Imported by the recorder only (it pulls in @medv/finder
 * and dom-accessibility-api, which the playback bundle does not need).
 */
import { finder } from '@medv/finder';
import { computeAccessibleName } from 'dom-accessibility-api';
import { looksPersonal } from '../authoring/privacy';
import { protectTarget } from '../authoring/target-privacy';
import { normalizeWords } from '../authoring/text';
import type { TypedMatcher } from '../authoring/typed-values';
import {
  accessibleName,
  aroundOf,
  cap,
  collapse,
  contextOf,
  controlsOf,
  hrefPath,
  inputType,
  isEditable,
  isGeneratedId,
  isStableClass,
  labelText,
  neighbourText,
  roleOf,
  stableClasses,
  TEST_ID_ATTRS,
  testIdOf,
  visibleText,
} from './facts';
import { countLookalikes, isVisible, locate } from './locate';
import { slotter } from './section';
import type { TargetDescription } from './target';

const CHOICE_TYPES = new Set(['radio', 'checkbox']);
// A slider or a colour picker holds what the person chose: scrubbed like typed text.
const NO_VALUE_TYPES = /^(radio|checkbox|submit|button|reset|image|hidden|file)$/;

export function describe(element: Element): TargetDescription {
  return withTwins(observedFacts(element), element);
}

export interface RecordingOptions {
  /** Where a text shows something typed earlier in the same recording (`typed-values.ts`). */
  typed?: TypedMatcher;
}

/**
 * What the recorder keeps of an element: `describe()` without anything that
 * could be the person's (see `target-privacy.ts`), the twin rank and the
 * lookalike count computed on what is left (a choice among the person's
 * children keeps only its place in the list, so its rank must be among all of them).
 */
export function describeForRecording(element: Element, { typed }: RecordingOptions = {}): TargetDescription {
  const sameRecording = typedInPage(element, typed);
  if (isChoiceAmongOwnItems(element, sameRecording)) {
    // The person's own items (children, contracts, accounts): the step points at the list, and the
    // person chooses in it; the item the trainer chose would be nobody else's.
    const list = choiceListOf(element);
    if (list) return withTwins(protectTarget(observedFacts(list), { typed: sameRecording, ownList: true }), list);
    return withTwins(protectTarget(observedFacts(element), { typed: sameRecording, personalChoice: true }), element);
  }
  return withTwins(protectTarget(observedFacts(element), { typed: sameRecording }), element);
}

/** The list that holds all the items of a choice: the radios' fieldset or radio group, the list box. */
function choiceListOf(el: Element): Element | undefined {
  const items = choiceSiblings(el);
  const list = el.closest(el.localName === 'input' ? 'fieldset, [role=radiogroup]' : '[role=listbox], [role=radiogroup], select');
  return list && items.every((item) => list.contains(item)) ? list : undefined;
}

function withTwins(d: TargetDescription, el: Element): TargetDescription {
  const twin = twinOf(d, el);
  if (twin) d.twin = twin;
  const alike = countLookalikes(d, el.ownerDocument);
  if (alike !== undefined && alike >= 1 && alike <= 1000) d.alike = alike;
  return d;
}

/** Every fact `describe()` reads on the element, before the twin rank and lookalike count. */
function observedFacts(element: Element): TargetDescription {
  const el = element;
  const tag = el.localName.toLowerCase();
  const d: TargetDescription = { tag: /^[a-z][a-z0-9-]*$/.test(tag) ? tag : 'unknown' };
  const type = inputType(el);
  const set = <K extends keyof TargetDescription>(k: K, v: TargetDescription[K] | undefined) => {
    if (v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)) d[k] = v;
  };

  set('role', roleOf(el));
  set('name', cap(fullName(el), 300));
  set('label', labelText(el));
  set('nameAttr', cap(el.getAttribute('name') ?? '', 200));
  set('type', type ? cap(type, 40) : undefined);
  set('autocomplete', cap(el.getAttribute('autocomplete') ?? '', 100));
  set('placeholder', cap(el.getAttribute('placeholder') ?? '', 300));
  set('text', visibleText(el));
  set('href', hrefPath(el));
  if ((tag === 'input' && type && CHOICE_TYPES.has(type)) || tag === 'option')
    // The attribute, set by the page, never the `.value` property.
    set('choiceValue', cap(el.getAttribute('value') ?? '', 200));
  set('testId', testIdOf(el));
  set('controls', controlsOf(el));
  if (el.id) {
    set('id', cap(el.id, 200));
    d.idGenerated = isGeneratedId(el.id);
  }
  set('classes', stableClasses(el));
  set('context', contextOf(el));
  set('neighbourText', neighbourText(el));
  set('cssPath', cssPathOf(el));
  set('around', aroundOf(el));
  set('framePath', framePathOf(el));
  const slot = slotter(isVisible)(el);
  const heading = slot && cap(slot.heading, 300);
  if (slot && heading && slot.count <= 1000) set('section', { heading, index: slot.index, count: slot.count });
  scrubTypedValues(d, el);
  return d;
}

/** When the engine cannot tell this element from others on the same page, its rank among them. */
function twinOf(d: TargetDescription, el: Element): TargetDescription['twin'] {
  const top = el.ownerDocument;
  const r = locate(d, top, { tieBreaks: false });
  if (r.status !== 'ambiguous' || r.candidates.length > 200) return undefined;
  const root = el.getRootNode();
  if (!r.candidates.includes(el) || r.candidates.some((c) => c.getRootNode() !== root)) return undefined;
  const ordered = [...r.candidates].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return { index: ordered.indexOf(el), count: ordered.length };
}

/** Full accessible name; empty if the library throws on odd markup. */
function fullName(el: Element): string {
  try {
    return collapse(computeAccessibleName(el));
  } catch {
    return '';
  }
}

function cssPathOf(el: Element): string | undefined {
  const root = el.getRootNode() as Document | ShadowRoot;
  const rootEl = (root as Document).body ?? (root as unknown as Element);
  try {
    return cap(
      finder(el, {
        root: rootEl,
        idName: (n) => !isGeneratedId(n),
        className: isStableClass,
        attr: (n, v) =>
          (TEST_ID_ATTRS.includes(n) || n === 'name' || n === 'type' || n === 'autocomplete' || n === 'role') &&
          v.length < 100 &&
          !isGeneratedId(v),
        timeoutMs: 200,
        // Bounded search: on repetitive markup finder can otherwise spend its whole timeout.
        maxNumberOfPathChecks: 500,
      }),
      1000,
    );
  } catch {
    return undefined;
  }
}

/** CSS paths of the same-origin iframes that hold the element, outermost first. */
function framePathOf(el: Element): string[] | undefined {
  const out: string[] = [];
  let win: Window | null = el.ownerDocument.defaultView;
  while (win && out.length < 5) {
    let frame: Element | null = null;
    try {
      frame = win.frameElement;
    } catch {
      frame = null; // cross-origin parent: the chain stops here
    }
    if (!frame) break;
    const p = cssPathOf(frame);
    if (!p) break;
    out.unshift(p);
    win = frame.ownerDocument.defaultView;
  }
  return out.length ? out : undefined;
}

/**
 * Last guard: the full accessible name embeds the value of a field placed
 * inside a label (`<label>Quantité <input></label>`). If the name contains
 * what is currently in a field of the same document or shadow root, the
 * light name (which never reads values) is kept instead. Other facts are read
 * from page nodes only (see facts.ts).
 */
function scrubTypedValues(d: TargetDescription, el: Element): TargetDescription {
  const name = d.name?.toLowerCase();
  if (!name) return d;
  // A slider named by itself reads its own value (or aria-valuenow): where the person put it.
  if (d.role === 'slider' || d.role === 'spinbutton') {
    const light = accessibleName(el);
    if (light) d.name = light;
    else delete d.name;
    return d;
  }
  const root = el.getRootNode() as Document | ShadowRoot;
  for (const f of Array.from(root.querySelectorAll('input, textarea, select, [contenteditable], [role=textbox]'))) {
    let v = '';
    if (f.localName === 'input') {
      if (!NO_VALUE_TYPES.test((f as HTMLInputElement).type)) v = (f as HTMLInputElement).value;
    } else if (f.localName === 'textarea') v = (f as HTMLTextAreaElement).value;
    else if (f.localName === 'select') v = (f as HTMLSelectElement).selectedOptions?.[0]?.text ?? '';
    else if (isEditable(f)) v = f.textContent ?? '';
    v = collapse(v).toLowerCase();
    if (v && name.includes(v)) {
      const light = accessibleName(el);
      if (light) d.name = light;
      else delete d.name;
      return d;
    }
  }
  return d;
}

/** What is in the fields of the element's document now, folded: typed in this very page, maybe not yet left. */
function fieldValues(el: Element): string[] {
  const root = el.getRootNode() as Document | ShadowRoot;
  const out: string[] = [];
  for (const f of Array.from(root.querySelectorAll('input, textarea, [contenteditable], [role=textbox]'))) {
    let v = '';
    if (f.localName === 'input') {
      if (!NO_VALUE_TYPES.test((f as HTMLInputElement).type)) v = (f as HTMLInputElement).value;
    } else if (f.localName === 'textarea') v = (f as HTMLTextAreaElement).value;
    else if (isEditable(f)) v = f.textContent ?? '';
    const words = normalizeWords(v);
    if (words.length >= 2) out.push(words);
  }
  return out;
}

/**
 * Typed earlier in the recording (the matcher), or typed in this page now: a
 * suggestion list shows « 12 Rue des Lilas 75011 Paris » under « 12 rue des li ».
 * The values are read, compared and dropped here; none is kept.
 */
function typedInPage(el: Element, typed: TypedMatcher | undefined): TypedMatcher {
  const values = fieldValues(el);
  return (text) => {
    const spans = typed ? typed(text) : [];
    if (values.length === 0) return spans;
    const words = normalizeWords(text);
    for (const value of values) {
      const at = ` ${words}`.indexOf(` ${value}`);
      // Short values count as whole words only; longer ones also as the start of a word (typed in part).
      if (at >= 0 && (value.length >= 3 || new RegExp(`(?:^| )${value}(?: |$)`).test(words))) spans.push({ start: 0, end: text.length });
    }
    return spans;
  };
}

/**
 * An item of a list that comes from the person's account: children, contracts,
 * addresses, bank accounts. Recognised when its own name or a sibling's looks
 * personal (a name in capitals, a date, a number) or shows something typed.
 */
function isChoiceAmongOwnItems(el: Element, typed: TypedMatcher): boolean {
  const siblings = choiceSiblings(el);
  if (siblings.length === 0) return false;
  return siblings.some((item) => {
    const name = labelText(item) ?? accessibleName(item) ?? visibleText(item) ?? '';
    return name !== '' && (looksPersonal(name) || typed(name).length > 0);
  });
}

/** The element and the other items of its list (same radio group, same select, same listbox or radio group). */
function choiceSiblings(el: Element): Element[] {
  const type = inputType(el);
  const root = el.getRootNode() as Document | ShadowRoot;
  if (el.localName === 'input' && type === 'radio') {
    const name = el.getAttribute('name');
    const scope = (el as HTMLInputElement).form ?? root;
    if (!name) return [el];
    return Array.from(scope.querySelectorAll('input[type=radio]')).filter((r) => r.getAttribute('name') === name);
  }
  if (el.localName === 'option') {
    const select = el.closest('select, datalist');
    return select ? Array.from(select.querySelectorAll('option')) : [el];
  }
  const role = el.getAttribute('role');
  if (role === 'radio' || role === 'option' || role === 'menuitemradio') {
    const group = el.closest('[role=radiogroup], [role=listbox], [role=menu], [role=group]');
    return group ? Array.from(group.querySelectorAll(`[role=${role}]`)) : [el];
  }
  return [];
}
