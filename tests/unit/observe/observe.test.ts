import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionStep } from '../../../utils/guide/schema';
import {
  type EventFacts,
  eventFacts,
  expectation,
  followPersonInput,
  isFilled,
  isStepDone,
  type ObserveOptions,
  observeStep,
} from '../../../utils/observe';

type Step = Pick<ActionStep, 'action' | 'doneWhen' | 'target' | 'donePage'>;
const step = (action: ActionStep['action'], more: Partial<Step> = {}): Step => ({ action, target: { tag: 'input' }, ...more });

describe('expectation', () => {
  it('follows the action, with doneWhen defaults', () => {
    expect(expectation(step('click'))).toEqual({ kind: 'click' });
    expect(expectation(step('fill'))).toEqual({ kind: 'fill' });
    expect(expectation(step('choose'))).toEqual({ kind: 'choose' });
    expect(expectation(step('check'))).toEqual({ kind: 'check' });
    expect(expectation(step('pick-file'))).toEqual({ kind: 'pick-file' });
    expect(expectation(step('read'))).toEqual({ kind: 'manual' });
    expect(expectation({ action: 'go-to-page', donePage: '/b/*' })).toEqual({ kind: 'page', page: '/b/*' });
  });

  it('lets doneWhen override, and falls back to manual without a target', () => {
    expect(expectation(step('click', { doneWhen: 'page', donePage: '/fin/*' }))).toEqual({ kind: 'page', page: '/fin/*' });
    expect(expectation(step('fill', { doneWhen: 'manual' }))).toEqual({ kind: 'manual' });
    expect(expectation({ action: 'click' })).toEqual({ kind: 'manual' });
    expect(expectation({ action: 'read', doneWhen: 'action', target: { tag: 'p' } })).toEqual({ kind: 'manual' });
  });
});

describe('isStepDone', () => {
  const facts = (type: string, more: Partial<EventFacts> = {}): EventFacts => ({
    type,
    trusted: true,
    onTarget: true,
    filled: false,
    ...more,
  });

  it('never counts an untrusted event, or one elsewhere', () => {
    for (const kind of ['click', 'fill', 'choose', 'check', 'pick-file'] as const) {
      const type = kind === 'click' ? 'click' : 'change';
      expect(isStepDone({ kind }, facts(type, { filled: true }))).toBe(true);
      expect(isStepDone({ kind }, facts(type, { filled: true, trusted: false }))).toBe(false);
      expect(isStepDone({ kind }, facts(type, { filled: true, onTarget: false }))).toBe(false);
    }
  });

  it('click: a click or the form sent', () => {
    expect(isStepDone({ kind: 'click' }, facts('submit'))).toBe(true);
    expect(isStepDone({ kind: 'click' }, facts('change', { filled: true }))).toBe(false);
  });

  it('fill: left not empty (change or focusout); typing alone or leaving it empty is not enough', () => {
    expect(isStepDone({ kind: 'fill' }, facts('focusout', { filled: true }))).toBe(true);
    expect(isStepDone({ kind: 'fill' }, facts('change', { filled: false }))).toBe(false);
    expect(isStepDone({ kind: 'fill' }, facts('input', { filled: true }))).toBe(false);
    expect(isStepDone({ kind: 'fill' }, facts('click', { filled: true }))).toBe(false);
  });

  it('choose, check, pick-file: a change that leaves something chosen', () => {
    for (const kind of ['choose', 'check', 'pick-file'] as const) {
      expect(isStepDone({ kind }, facts('change', { filled: false }))).toBe(false);
      expect(isStepDone({ kind }, facts('click', { filled: true }))).toBe(false);
    }
  });

  it('page and manual steps are never done by an event', () => {
    expect(isStepDone({ kind: 'page' }, facts('click', { filled: true }))).toBe(false);
    expect(isStepDone({ kind: 'manual' }, facts('change', { filled: true }))).toBe(false);
  });
});

describe('observeStep in the DOM', () => {
  /** Trusted events, from a person whose own input reached everything (the person's part is tested below). */
  const trusted: ObserveOptions = { isTrusted: () => true, person: { reached: () => true, keyedIn: () => true } };
  const SECRET = 'Motdepasse-42';
  let stops: (() => void)[] = [];
  const watch = (s: Step, target: Element, options: ObserveOptions = trusted) => {
    const onDone = vi.fn();
    stops.push(observeStep(s, target, onDone, options));
    return onDone;
  };
  const fire = (node: EventTarget, type: string, init: EventInit = { bubbles: true, cancelable: true }) => {
    const event = new Event(type, init);
    node.dispatchEvent(event);
    return event;
  };
  /** The facts the observer would take from this event, dispatched on `target` for real. */
  const factsOf = (target: Element, type: string) => {
    let facts: EventFacts | undefined;
    const grab = (event: Event) => {
      facts = eventFacts(event, target, true);
    };
    target.addEventListener(type, grab);
    fire(target, type);
    target.removeEventListener(type, grab);
    if (!facts) throw new Error(`no ${type} event seen`);
    return facts;
  };
  const q = <T extends Element>(selector: string) => document.querySelector(selector) as T;

  beforeEach(() => {
    document.body.innerHTML = `
      <form id="f">
        <input id="email" type="email">
        <textarea id="note"></textarea>
        <fieldset><input type="radio" name="civ" id="mme"><input type="radio" name="civ" id="m"></fieldset>
        <input type="radio" name="autre" id="other-group">
        <select id="country"><option value="" selected>Choisir</option><option value="fr">France</option></select>
        <input type="checkbox" id="cgu">
        <input type="file" id="doc">
        <button id="send"><span id="send-label">Envoyer</span></button>
        <button id="plain" type="button">Aide</button>
      </form>
      <form id="g"><input type="radio" name="civ" id="mme-elsewhere"></form>
      <button id="outside">Ailleurs</button>`;
  });
  afterEach(() => {
    for (const stop of stops) stop();
    stops = [];
  });

  it('ignores untrusted events by default (scripts cannot complete a step)', () => {
    const button = q('#send');
    const onDone = watch(step('click'), button, {});
    fire(button, 'click');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('click: on the target or inside it, not elsewhere; once only', () => {
    const onDone = watch(step('click'), q('#send'));
    fire(q('#outside'), 'click');
    expect(onDone).not.toHaveBeenCalled();
    fire(q('#send-label'), 'click');
    fire(q('#send'), 'click');
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onDone).toHaveBeenCalledWith();
  });

  it('fill: detected when left filled, without the value in anything the observer makes', () => {
    const input = q<HTMLInputElement>('#email');
    const onDone = watch(step('fill'), input);
    const log = vi.spyOn(console, 'log');
    fire(input, 'change'); // left empty
    input.value = SECRET;
    fire(input, 'input');
    expect(onDone).not.toHaveBeenCalled(); // typing is not leaving the field
    fire(input, 'focusout');
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(onDone.mock.calls[0]).toEqual([]);
    const facts = factsOf(input, 'change');
    expect(facts).toEqual({ type: 'change', trusted: true, onTarget: true, filled: true });
    expect(JSON.stringify(facts)).not.toContain(SECRET);
    expect(log).not.toHaveBeenCalled();
    expect(input.value).toBe(SECRET); // untouched
  });

  it('fill on a textarea, on change', () => {
    const note = q<HTMLTextAreaElement>('#note');
    const onDone = watch(step('fill'), note);
    note.value = 'x';
    fire(note, 'change');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('choose: any radio of the target’s group, not another group or another form', () => {
    const onDone = watch(step('choose'), q('#mme'));
    for (const id of ['#other-group', '#mme-elsewhere']) {
      q<HTMLInputElement>(id).checked = true;
      fire(q(id), 'change');
    }
    expect(onDone).not.toHaveBeenCalled();
    q<HTMLInputElement>('#m').checked = true;
    fire(q('#m'), 'change');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('choose: a select with a real option, not the placeholder', () => {
    const select = q<HTMLSelectElement>('#country');
    const onDone = watch(step('choose'), select);
    fire(select, 'change');
    expect(onDone).not.toHaveBeenCalled();
    select.selectedIndex = 1;
    fire(select, 'change');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('check: only a change to checked', () => {
    const box = q<HTMLInputElement>('#cgu');
    const onDone = watch(step('check'), box);
    fire(box, 'change');
    expect(onDone).not.toHaveBeenCalled();
    box.checked = true;
    fire(box, 'change');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('pick-file: a change with at least one file (never its name)', () => {
    const input = q<HTMLInputElement>('#doc');
    const onDone = watch(step('pick-file'), input);
    fire(input, 'change');
    expect(onDone).not.toHaveBeenCalled();
    const file = new File(['x'], 'avis-imposition-2024.pdf');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fire(input, 'change');
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(factsOf(input, 'change').filled).toBe(true);
    expect(JSON.stringify(factsOf(input, 'change'))).not.toContain('avis');
  });

  it('submit: the form of a submit-button target sent; not for a plain button', () => {
    const onSubmit = watch(step('click'), q('#send'));
    const onPlain = watch(step('click'), q('#plain'));
    fire(q('#f'), 'submit');
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onPlain).not.toHaveBeenCalled();
    fire(q('#g'), 'submit');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('sees events that do not leave a shadow root (change) when the target is inside one', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input type="checkbox" id="inner">';
    const box = shadow.querySelector('#inner') as HTMLInputElement;
    const onDone = watch(step('check'), box);
    box.checked = true;
    fire(box, 'change', { bubbles: true, composed: false });
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('only listens: never cancels, never stops, never dispatches', () => {
    const button = q('#send');
    // happy-dom defines dispatchEvent on several prototypes: watch every one that a page node inherits.
    const owners = new Set<object>();
    for (const node of [button, document, window] as object[]) {
      for (let proto = Object.getPrototypeOf(node); proto; proto = Object.getPrototypeOf(proto)) {
        if (Object.hasOwn(proto, 'dispatchEvent')) owners.add(proto);
      }
    }
    const spies = [...owners].map((proto) => vi.spyOn(proto as EventTarget, 'dispatchEvent'));
    const pageListener = vi.fn();
    button.addEventListener('click', pageListener);
    const onDone = watch(step('click'), button);
    const event = fire(q('#send-label'), 'click');
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(false);
    expect(pageListener).toHaveBeenCalledTimes(1);
    // Ours, in fire(): one call on the first prototype that has dispatchEvent (inner calls count too, if any).
    expect(spies.length).toBeGreaterThan(0);
    const calls = spies.flatMap((spy) => spy.mock.calls.map(([dispatched]) => dispatched));
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((dispatched) => dispatched === event)).toBe(true);
    for (const spy of spies) spy.mockRestore();
  });

  it('stop() removes the listeners', () => {
    const button = q('#send');
    const onDone = vi.fn();
    const stop = observeStep(step('click'), button, onDone, trusted);
    stop();
    stop();
    fire(button, 'click');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('page and manual steps add no listener at all', () => {
    const add = vi.spyOn(EventTarget.prototype, 'addEventListener');
    const stop = observeStep({ action: 'go-to-page', donePage: '/b/*' }, q('#send'), vi.fn(), trusted);
    observeStep(step('read'), q('#send'), vi.fn(), trusted)();
    expect(add).not.toHaveBeenCalled();
    stop();
    add.mockRestore();
  });
});

describe('the person’s own input', () => {
  // Trusted events that a page script can make the browser dispatch without the person: el.click() on a
  // checkbox gives a trusted change, focus() then blur() a trusted focusout, requestSubmit() a trusted submit.
  const always = () => true;
  let life: AbortController;
  let stops: (() => void)[] = [];
  const q = <T extends Element>(selector: string) => document.querySelector(selector) as T;
  const fire = (node: EventTarget, type: string) => node.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
  const watch = (s: Step, target: Element, personTrusted: (event: Event) => boolean = always) => {
    const onDone = vi.fn();
    const person = followPersonInput(document, { isTrusted: personTrusted, signal: life.signal });
    stops.push(observeStep(s, target, onDone, { isTrusted: always, person }));
    return onDone;
  };

  beforeEach(() => {
    life = new AbortController();
    document.body.innerHTML = `
      <form id="f">
        <label for="cgu" id="cgu-label">J'accepte</label><input type="checkbox" id="cgu">
        <input id="email" type="email"><input id="other">
        <button id="send"><span id="send-label">Envoyer</span></button>
      </form>
      <button id="outside">Ailleurs</button>`;
  });
  afterEach(() => {
    for (const stop of stops) stop();
    stops = [];
    life.abort();
  });

  it('check: a trusted change counts only after the person pressed the box or its label', () => {
    const box = q<HTMLInputElement>('#cgu');
    const onDone = watch(step('check'), box);
    box.checked = true;
    fire(box, 'change');
    expect(onDone).not.toHaveBeenCalled();
    fire(q('#outside'), 'pointerdown');
    fire(box, 'change');
    expect(onDone).not.toHaveBeenCalled();
    fire(q('#cgu-label'), 'pointerdown');
    fire(box, 'change');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('fill: a trusted focusout counts only after the person’s key or pointer in the field', () => {
    const email = q<HTMLInputElement>('#email');
    const onDone = watch(step('fill'), email);
    email.value = 'x';
    fire(email, 'focusout');
    expect(onDone).not.toHaveBeenCalled();
    fire(q('#other'), 'keydown');
    fire(email, 'focusout');
    expect(onDone).not.toHaveBeenCalled();
    fire(email, 'keydown');
    fire(email, 'focusout');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('click: the person’s press on the target or inside it, even before the step was watched', () => {
    const person = followPersonInput(document, { isTrusted: always, signal: life.signal });
    // The click that ends a field step does the next one: its press came before the next step was watched.
    fire(q('#send-label'), 'pointerdown');
    const onDone = vi.fn();
    stops.push(observeStep(step('click'), q('#send'), onDone, { isTrusted: always, person }));
    fire(q('#send'), 'click');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('submit: the form sent counts after a key in it or a press on the button, not after a press elsewhere in it', () => {
    const send = q('#send');
    const form = q<HTMLFormElement>('#f');
    const onDone = watch(step('click'), send);
    fire(q('#email'), 'pointerdown');
    fire(form, 'submit');
    expect(onDone).not.toHaveBeenCalled();
    fire(q('#email'), 'keydown');
    fire(form, 'submit');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('an untrusted press or key is not the person', () => {
    const box = q<HTMLInputElement>('#cgu');
    const onDone = watch(step('check'), box, () => false);
    fire(box, 'pointerdown');
    fire(box, 'keydown');
    box.checked = true;
    fire(box, 'change');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('without a follower given, follows the person from the start of the step', () => {
    const box = q<HTMLInputElement>('#cgu');
    const onDone = vi.fn();
    stops.push(observeStep(step('check'), box, onDone, { isTrusted: always }));
    box.checked = true;
    fire(box, 'change');
    expect(onDone).not.toHaveBeenCalled();
    fire(box, 'pointerdown');
    fire(box, 'change');
    expect(onDone).toHaveBeenCalledTimes(1);
  });
});

describe('isFilled', () => {
  it('reads only emptiness, for each kind of control', () => {
    document.body.innerHTML = `<input id="t" value="a"><input id="e"><div id="ce" contenteditable="true"> </div><p id="p">texte</p>`;
    expect(isFilled(document.querySelector('#t')!)).toBe(true);
    expect(isFilled(document.querySelector('#e')!)).toBe(false);
    expect(isFilled(document.querySelector('#p')!)).toBe(false);
    const editable = document.querySelector('#ce') as HTMLElement;
    expect(isFilled(editable)).toBe(false);
    editable.textContent = 'bonjour';
    expect(isFilled(editable)).toBe(editable.isContentEditable);
  });
});
