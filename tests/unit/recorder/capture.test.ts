/**
 * The recorder's event handler on a real DOM (happy-dom): which of the
 * person's actions become recorded events, and that what they typed never
 * travels with them. Tests cannot make trusted events: the trust predicate is
 * injected, and an event is "trusted" unless a test marks it otherwise.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureActions } from '../../../components/recorder/capture';
import { draftStep, type RecordedEvent, recordEvent } from '../../../utils/authoring';
import type { ActionStep } from '../../../utils/guide/schema';
import { dsfrMain, PAGES } from '../locate/dsfr-fixtures';

const TYPED_USER = 'jeanne.martin-7731';
const TYPED_SECRET = 'Tr3s-S3cret!motdepasse';

let events: RecordedEvent[];
let untrusted: WeakSet<Event>;
let stop: () => void;
let ownUi: HTMLElement;

function fire(target: Element, event: Event, trusted = true): void {
  if (!trusted) untrusted.add(event);
  target.dispatchEvent(event);
}

/** The person's own pointer on `target`, as the browser sends it before a click, a choice or typing. */
const press = (target: Element) => fire(target, new Event('pointerdown', { bubbles: true, composed: true }));
/** A trusted event comes after the person's press; an untrusted one is a page script's, with no press. */
const byPerson = (target: Element, event: Event, trusted: boolean) => {
  if (trusted) press(target);
  fire(target, event, trusted);
};
const click = (target: Element, trusted = true) => byPerson(target, new MouseEvent('click', { bubbles: true, composed: true }), trusted);
const change = (target: Element, trusted = true) => byPerson(target, new Event('change', { bubbles: true }), trusted);
const leave = (target: Element, trusted = true) => byPerson(target, new FocusEvent('focusout', { bubbles: true, composed: true }), trusted);

/** The person types into a field (the test sets the value as the browser would) and leaves it. */
function typeAndLeave(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  field.value = text;
  fire(field, new Event('input', { bubbles: true }));
  leave(field);
}

function page(html: string): void {
  document.body.innerHTML = html;
}

beforeEach(() => {
  events = [];
  untrusted = new WeakSet();
  ownUi = document.createElement('cote-a-cote-recorder');
  stop = captureActions({
    onEvent: (event) => events.push(event),
    isTrusted: (event) => !untrusted.has(event),
    isOwn: (node) => ownUi.contains(node) || node === ownUi,
  });
});

afterEach(() => {
  stop();
  document.body.replaceChildren();
  for (const el of document.documentElement.querySelectorAll('cote-a-cote-recorder')) el.remove();
});

describe('the recorder on the DSFR 1.14.4 login page', () => {
  beforeEach(() => {
    // The page came from a form sent with GET: what was typed on the previous page is in its address.
    window.happyDOM?.setURL(`https://moncompte.exemple.gouv.fr/connexion?step=2&identifiant=${TYPED_USER}&mdp=${TYPED_SECRET}#haut`);
    page(dsfrMain(PAGES.login['1.14.4']));
  });

  const username = () => document.querySelector<HTMLInputElement>('input[name=username]')!;
  const password = () => document.querySelector<HTMLInputElement>('input[name=password]')!;
  const submit = () => document.querySelector<HTMLButtonElement>('button[type=submit]')!;

  it('records a filled field when it is left, a password field, and the click on « Se connecter »', () => {
    typeAndLeave(username(), TYPED_USER);
    typeAndLeave(password(), TYPED_SECRET);
    click(submit());

    expect(events.map((event) => event.kind)).toEqual(['input-left', 'input-left', 'click']);
    expect(events[0]?.facts).toMatchObject({ tag: 'input', nameAttr: 'username', autocomplete: 'username' });
    expect(events[1]?.facts).toMatchObject({ tag: 'input', type: 'password', autocomplete: 'current-password' });
    expect(events[2]?.facts).toMatchObject({ tag: 'button', name: 'Se connecter' });
    expect(events.every((event) => event.url === 'https://moncompte.exemple.gouv.fr/connexion?step=2')).toBe(true);

    const steps = events.reduce<ActionStep[]>((draft, event) => recordEvent(draft, event), []);
    expect(steps.map((step) => [step.action, step.sensitive])).toEqual([
      ['fill', false],
      ['fill', true],
      ['click', false],
    ]);
    expect(steps[2]?.instruction).toBe('Cliquez sur «\u00a0Se connecter\u00a0».');
  });

  it('never lets a typed value travel in a recorded event or a draft step, not even from the address', () => {
    typeAndLeave(username(), TYPED_USER);
    typeAndLeave(password(), TYPED_SECRET);
    click(submit());
    const steps = events.reduce<ActionStep[]>((draft, event) => recordEvent(draft, event), []);
    const everything = JSON.stringify({ events, steps });
    expect(everything).not.toContain(TYPED_USER);
    expect(everything).not.toContain(TYPED_SECRET);
    // Not even a piece of it: the longest common run with the secret stays short.
    expect(everything).not.toContain(TYPED_SECRET.slice(0, 8));
    expect(events.every((event) => !('value' in event) && !('value' in event.facts))).toBe(true);
  });

  it('does not record a field left empty, nor a click into a field', () => {
    click(username());
    leave(username());
    click(password());
    expect(events).toEqual([]);
  });

  it('records a field once, however often it is left, until it is typed in again', () => {
    typeAndLeave(username(), TYPED_USER);
    leave(username());
    leave(username());
    expect(events).toHaveLength(1);
    typeAndLeave(username(), `${TYPED_USER}-bis`);
    expect(events).toHaveLength(2);
  });

  it('records the field being typed in first when Enter sends the form (no focusout before the page goes)', () => {
    username().value = TYPED_USER;
    username().focus();
    expect(document.activeElement).toBe(username());
    fire(username(), new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    fire(submit().form!, new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: submit() }));
    expect(events.map((event) => [event.kind, event.facts.tag])).toEqual([
      ['input-left', 'input'],
      ['submit', 'button'],
    ]);
    expect(events[1]?.facts.name).toBe('Se connecter');
  });

  it('ignores untrusted events: a page script clicking or filling for the person is not a step', () => {
    username().value = TYPED_USER;
    leave(username(), false);
    change(document.querySelector('input[name=remember]')!, false);
    click(submit(), false);
    expect(events).toEqual([]);
  });

  it('does not take a form sent by a page script (a submit event with no Enter and no click) for a step', () => {
    fire(submit().form!, new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: submit() }));
    expect(events).toEqual([]);
  });

  it('records the box ticked (not when it is unticked), and not the click on its label', () => {
    const remember = document.querySelector<HTMLInputElement>('input[name=remember]')!;
    const label = document.querySelector(`label[for="${remember.id}"]`)!;
    // The browser passes the label's click on to the box, which is ticked and changes.
    click(label);
    expect(remember.checked).toBe(true);
    click(label);
    expect(remember.checked).toBe(false);
    expect(events.map((event) => event.kind)).toEqual(['change']);
    expect(draftStep(events[0]!).action).toBe('check');
  });

  it('records nothing a page script did, though the browser calls its events trusted', () => {
    const remember = document.querySelector<HTMLInputElement>('input[name=remember]')!;
    const username = document.querySelector<HTMLInputElement>('input[name=username]')!;
    // In Chromium, a script's `click()` on a box gives a trusted change; `focus()` then `blur()` a trusted focusout.
    remember.click();
    expect(remember.checked).toBe(true);
    fire(username, new Event('input', { bubbles: true }));
    username.value = 'rempli par le site';
    fire(username, new FocusEvent('focusout', { bubbles: true, composed: true }));
    fire(document.querySelector('button[type=submit]')!, new MouseEvent('click', { bubbles: true, composed: true }));
    expect(events).toEqual([]);
  });
});

describe('choices, files and our own UI', () => {
  it('records a radio choice with its question', () => {
    page(`
      <fieldset><legend>Avez-vous déjà un compte ?</legend>
        <input type="radio" name="compte" id="oui" value="oui"><label for="oui">Oui</label>
        <input type="radio" name="compte" id="non" value="non"><label for="non">Non</label>
      </fieldset>`);
    const non = document.getElementById('non') as HTMLInputElement;
    click(non);
    expect(non.checked).toBe(true);
    expect(events).toHaveLength(1);
    const step = draftStep(events[0]!);
    expect(step.action).toBe('choose');
    expect(step.target).toMatchObject({ type: 'radio', choiceValue: 'non', label: 'Non' });
    expect(step.instruction).toContain('Avez-vous déjà un compte');
  });

  it('records a file picked, and not a file dialog closed without a file', () => {
    page('<label for="piece">Justificatif de domicile</label><input type="file" id="piece" name="piece">');
    const input = document.getElementById('piece') as HTMLInputElement;
    Object.defineProperty(input, 'files', { configurable: true, value: [] });
    change(input);
    expect(events).toEqual([]);
    Object.defineProperty(input, 'files', { configurable: true, value: [new File(['contenu privé'], 'facture-edf.pdf')] });
    change(input);
    expect(events.map((event) => event.kind)).toEqual(['file']);
    const step = draftStep(events[0]!);
    expect(step.action).toBe('pick-file');
    expect(JSON.stringify(events)).not.toContain('facture-edf');
  });

  it('records a choice in a list, not the list left on its empty option', () => {
    page(`<label for="pays">Pays</label>
      <select id="pays" name="pays"><option value="">Choisir</option><option value="fr">France</option></select>`);
    const select = document.getElementById('pays') as HTMLSelectElement;
    change(select);
    expect(events).toEqual([]);
    select.value = 'fr';
    change(select);
    expect(events).toHaveLength(1);
    expect(draftStep(events[0]!).action).toBe('choose');
  });

  it('records a text area and sees a sensitive field by its label', () => {
    page('<label for="iban">IBAN</label><input id="iban" name="iban" type="text">');
    typeAndLeave(document.getElementById('iban') as HTMLInputElement, 'FR7630006000011234567890189');
    expect(draftStep(events[0]!).sensitive).toBe(true);
    expect(JSON.stringify(events)).not.toContain('FR7630006000011234567890189');
  });

  it('records links and buttons, not clicks on plain text', () => {
    page('<p>Du texte <span>ici</span></p><a href="/aide">Besoin d’aide ?</a><div role="button" tabindex="0"><span>Continuer</span></div>');
    click(document.querySelector('span')!);
    click(document.querySelector('a')!);
    click(document.querySelector('[role=button] span')!);
    expect(events.map((event) => [event.kind, event.facts.tag])).toEqual([
      ['click', 'a'],
      ['click', 'div'],
    ]);
  });

  it('ignores the trainer’s clicks in the recording bar', () => {
    page('<button type="button">Valider</button>');
    const shadow = ownUi.attachShadow({ mode: 'open' });
    const stopButton = document.createElement('button');
    stopButton.textContent = 'Arrêter';
    shadow.append(stopButton);
    document.documentElement.append(ownUi);
    click(stopButton);
    click(ownUi);
    expect(events).toEqual([]);
    click(document.querySelector('button')!);
    expect(events).toHaveLength(1);
  });

  it('finds the real target inside an open shadow root', () => {
    page('<div id="widget"></div>');
    const root = document.getElementById('widget')!.attachShadow({ mode: 'open' });
    const button = document.createElement('button');
    button.textContent = 'Envoyer la demande';
    root.append(button);
    click(button);
    expect(events[0]?.facts).toMatchObject({ tag: 'button', name: 'Envoyer la demande' });
  });

  it('stops listening when stopped', () => {
    page('<button type="button">Valider</button>');
    stop();
    click(document.querySelector('button')!);
    expect(events).toEqual([]);
  });
});

declare global {
  interface Window {
    happyDOM?: { setURL(url: string): void };
  }
}
