/**
 * The recorder on a page full of someone's data (the practice account's recap
 * page, in happy-dom): what `describeForRecording` keeps, the steps drafted
 * from it, and that the engine still finds the targets.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, recapPage } from '../../../scripts/practice-recap';
import { draftStep, type RecordedEvent } from '../../../utils/authoring/instruction';
import { looksPersonal } from '../../../utils/authoring/privacy';
import { newRecordingKey, typedMatcher, typedValueHashes } from '../../../utils/authoring/typed-values';
import { describeForRecording } from '../../../utils/locate/describe';
import { locate } from '../../../utils/locate/locate';

const TYPED = {
  'given-name': 'Jeannette',
  'family-name': 'Canarimartin',
  'street-address': '12 rue des Lilas 75011 Paris',
  tel: '06 12 34 56 78',
};
const CANARIES = [
  ...Object.values(TYPED),
  'Lilas',
  ACCOUNT.dossier,
  ACCOUNT.email,
  ACCOUNT.allocataire,
  'Lucas',
  'Emma',
  '02/04/2015',
  ...ACCOUNT.children.map((c) => c.value),
];

function showRecap() {
  const parsed = new DOMParser().parseFromString(recapPage(TYPED), 'text/html');
  document.body.innerHTML = parsed.body.innerHTML;
}

/** The matcher the recorder has on the recap page: the hashes sent when the fields were left, two pages before. */
function typedOnEarlierPages() {
  const key = newRecordingKey();
  const hashes = new Set(Object.values(TYPED).flatMap((value) => typedValueHashes(key, value)));
  return typedMatcher(key, hashes);
}

const el = (selector: string) => document.querySelector(selector) as Element;
const event = (kind: RecordedEvent['kind'], facts: RecordedEvent['facts']): RecordedEvent => ({
  kind,
  facts,
  url: 'http://127.0.0.1:8643/espace/demande/recapitulatif/',
});

function expectNothingPersonal(value: unknown) {
  const json = JSON.stringify(value);
  for (const canary of CANARIES) expect(json, canary).not.toContain(canary);
  expect(json).not.toMatch(/\d{5}/);
}

describe('recording on a recap page', () => {
  beforeEach(showRecap);

  it('keeps the interface part of « Modifier l’adresse … », and says that the rest was withheld', () => {
    const facts = describeForRecording(el('button[aria-label]'), { typed: typedOnEarlierPages() });
    expect(facts.name).toBe('Modifier l’adresse');
    expect(facts.text).toBe('Modifier');
    expect(facts.neighbourText).toBeUndefined();
    expect(facts.withheld).toContain('name');
    expectNothingPersonal(facts);
    const step = draftStep(event('click', facts));
    expect(step.id).toBe('modifier-l-adresse');
    expect(step.instruction).toBe('Cliquez sur «\u00a0Modifier l’adresse\u00a0».');
    expect(locate(facts, document)).toMatchObject({ status: 'found', element: el('button[aria-label]') });
  });

  it('generalises the dossier link, and cuts its text where a name typed earlier shows', () => {
    const link = el('a.fr-link');
    const facts = describeForRecording(link, { typed: typedOnEarlierPages() });
    expect(facts.href).toBe('/espace/dossier/*/pieces');
    expect(facts.text).toBe('Voir les pièces du dossier');
    expectNothingPersonal(facts);
    expect(draftStep(event('click', facts)).instruction).toBe('Cliquez sur «\u00a0Voir les pièces du dossier\u00a0».');
    expect(locate(facts, document)).toMatchObject({ status: 'found', element: link });
  });

  it('without what was typed, still drops the shapes, but a plain name needs the typed hashes', () => {
    const facts = describeForRecording(el('a.fr-link'));
    expect(facts.href).toBe('/espace/dossier/*/pieces');
    expect(facts.text).toContain('Canarimartin');
  });

  it('records a choice among the household’s children as the list, never by the child chosen', () => {
    const facts = describeForRecording(el('#enfant-2'), { typed: typedOnEarlierPages() });
    expect(facts).toMatchObject({ tag: 'fieldset', role: 'group', name: 'Enfant concerné' });
    expect(facts.text).toBeUndefined();
    expect(facts.withheld).toEqual(['text']);
    expectNothingPersonal(facts);
    const step = draftStep(event('change', facts));
    expect(step.action).toBe('choose');
    expect(step.id).toBe('enfant-concerne');
    expect(step.instruction).toBe('Choisissez l’enfant concerné dans la liste «\u00a0Enfant concerné\u00a0».');
    expect(locate(facts, document)).toMatchObject({ status: 'found', element: el('#enfants') });
  });

  it('without a list around the items, keeps only the item’s place: no label, value or id', () => {
    document.body.innerHTML = `<p>Compte à débiter</p>
      <input type="radio" id="c1" name="compte" value="FR7630006000011234567890189"><label for="c1">Compte de Jeanne MARTIN</label>
      <input type="radio" id="c2" name="compte" value="FR7610278060000002034560176"><label for="c2">Livret A</label>`;
    const facts = describeForRecording(el('#c2'));
    expect(facts).toMatchObject({ tag: 'input', type: 'radio', nameAttr: 'compte' });
    expect(facts.label).toBeUndefined();
    expect(facts.choiceValue).toBeUndefined();
    expect(facts.withheld).toEqual(expect.arrayContaining(['choiceValue', 'id', 'label', 'name']));
    expect(draftStep(event('change', facts)).instruction).toBe('Choisissez l’élément concerné dans la liste.');
  });

  it('keeps a plain interface choice as it is (no sibling looks personal)', () => {
    document.body.innerHTML = `<fieldset><legend>Avez-vous des enfants ?</legend>
      <input type="radio" id="oui" name="enfants" value="oui"><label for="oui">Oui</label>
      <input type="radio" id="non" name="enfants" value="non"><label for="non">Non</label></fieldset>`;
    const facts = describeForRecording(el('#non'));
    expect(facts).toMatchObject({ label: 'Non', choiceValue: 'non' });
    expect(facts.withheld).toBeUndefined();
  });

  it('keeps nothing of the greeting, the heading with the name, or the recap list around a button', () => {
    const submit = el('button[type=submit]');
    const facts = describeForRecording(submit, { typed: typedOnEarlierPages() });
    expect(facts.name).toBe('Valider la demande');
    expectNothingPersonal(facts);
    expect(locate(facts, document)).toMatchObject({ status: 'found', element: submit });
  });

  it('drops a suggestion that shows what is being typed in the page (autocomplete list)', () => {
    document.body.innerHTML = `<label for="adr">Adresse</label><input id="adr" role="combobox">
      <ul role="listbox"><li role="option" id="s1">Rue de la Paix</li><li role="option" id="s2">Grande Rue des Lilasiers</li></ul>`;
    (el('#adr') as HTMLInputElement).value = 'grande rue des lil';
    const facts = describeForRecording(el('#s2'));
    expect(JSON.stringify(facts)).not.toMatch(/Lilasiers/);
    expect(facts.withheld).toEqual(expect.arrayContaining(['text']));
  });

  it('never lets a personal-looking text through any kept fact of any element of the page', () => {
    for (const element of Array.from(document.querySelectorAll('button, a, input, h1, h2, p, dd, label'))) {
      const facts = describeForRecording(element, { typed: typedOnEarlierPages() });
      for (const [key, value] of Object.entries(facts)) {
        if (typeof value === 'string' && key !== 'cssPath') expect(looksPersonal(value), `${key}: ${value}`).toBe(false);
      }
      expectNothingPersonal(facts);
    }
  });
});
