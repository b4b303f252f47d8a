import { describe, expect, it } from 'vitest';
import {
  actionFor,
  cleanName,
  draftInstruction,
  draftStep,
  fieldObject,
  type RecordedEvent,
  recordEvent,
  sanitizeTarget,
} from '../../../utils/authoring/instruction';
import type { Action } from '../../../utils/guide/schema';
import { actionStepSchema, LIMITS } from '../../../utils/guide/schema';
import type { TargetDescription } from '../../../utils/locate/target';

/** The examples are written with plain spaces; drafts use non-breaking ones inside « ». */
const nb = (text: string) => text.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»');

describe('cleanName', () => {
  it.each([
    ['Nom *', 'Nom'],
    ['Nom (obligatoire)', 'Nom'],
    ['Adresse électronique - obligatoire', 'Adresse électronique'],
    ['Identifiant Format attendu : nom@domaine.fr', 'Identifiant'],
    ['Date de naissance (format jj/mm/aaaa)', 'Date de naissance'],
    ['Téléphone Exemple : 06 12 34 56 78', 'Téléphone'],
    ['  Prénom :  ', 'Prénom'],
    ['* Ville', 'Ville'],
    ['   ', undefined],
    ['**', undefined],
    [undefined, undefined],
  ])('%s → %s', (raw, expected) => {
    expect(cleanName(raw)).toBe(expected);
  });

  it('shortens long names at a word, with an ellipsis', () => {
    const name = cleanName(
      'J’accepte les conditions générales d’utilisation du service et la politique de confidentialité des données',
    ) as string;
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name.endsWith('…')).toBe(true);
    expect(name.startsWith('J’accepte les conditions')).toBe(true);
  });
});

describe('draftInstruction', () => {
  const cases: [Action, TargetDescription, string][] = [
    ['click', { tag: 'button', role: 'button', name: 'Valider' }, 'Cliquez sur « Valider ».'],
    ['click', { tag: 'a', role: 'link', name: 'Mon espace', text: 'Mon espace' }, 'Cliquez sur « Mon espace ».'],
    ['click', { tag: 'input', type: 'submit', name: 'Envoyer' }, 'Cliquez sur « Envoyer ».'],
    ['click', { tag: 'button', text: 'Continuer' }, 'Cliquez sur « Continuer ».'],
    ['click', { tag: 'button' }, 'Cliquez sur le bouton indiqué.'],
    ['click', { tag: 'a', role: 'link' }, 'Cliquez sur le lien indiqué.'],
    ['click', { tag: 'div' }, 'Cliquez sur l’élément indiqué.'],
    ['click', { tag: 'input', type: 'text', label: 'Nom' }, 'Cliquez dans le champ « Nom ».'],
    ['fill', { tag: 'input', type: 'text', label: 'Nom', autocomplete: 'family-name' }, 'Écrivez votre nom de famille dans « Nom ».'],
    ['fill', { tag: 'input', type: 'text', label: 'Nom de famille' }, 'Écrivez votre nom de famille dans « Nom de famille ».'],
    ['fill', { tag: 'input', type: 'text', label: 'Prénom(s)' }, 'Écrivez votre prénom dans « Prénom(s) ».'],
    ['fill', { tag: 'input', type: 'email', label: 'Adresse électronique' }, 'Écrivez votre adresse e-mail dans « Adresse électronique ».'],
    [
      'fill',
      { tag: 'input', type: 'text', label: 'Courriel de contact', autocomplete: 'email' },
      'Écrivez votre adresse e-mail dans « Courriel de contact ».',
    ],
    ['fill', { tag: 'input', type: 'text', label: 'Code postal *' }, 'Écrivez votre code postal dans « Code postal ».'],
    [
      'fill',
      { tag: 'input', type: 'text', name: 'Identifiant Format attendu : nom@domaine.fr' },
      'Écrivez votre identifiant dans « Identifiant ».',
    ],
    ['fill', { tag: 'input', type: 'text', label: 'Numéro fiscal' }, 'Écrivez votre numéro fiscal dans « Numéro fiscal ».'],
    ['fill', { tag: 'input', type: 'text', label: 'Référence du dossier' }, 'Remplissez le champ « Référence du dossier ».'],
    ['fill', { tag: 'textarea', label: 'Votre message' }, 'Remplissez le champ « Votre message ».'],
    ['fill', { tag: 'input', type: 'text' }, 'Remplissez le champ indiqué.'],
    ['fill', { tag: 'input', type: 'password', label: 'Mot de passe' }, 'Tapez votre mot de passe dans « Mot de passe ».'],
    ['fill', { tag: 'input', type: 'password', label: 'Code secret' }, 'Tapez votre mot de passe dans « Code secret ».'],
    [
      'fill',
      { tag: 'input', type: 'password', label: 'Confirmez votre mot de passe' },
      'Tapez encore une fois votre mot de passe dans « Confirmez votre mot de passe ».',
    ],
    [
      'fill',
      { tag: 'input', type: 'password', label: 'Confirmation du mot de passe' },
      'Tapez encore une fois votre mot de passe dans « Confirmation du mot de passe ».',
    ],
    [
      'fill',
      { tag: 'input', type: 'password', autocomplete: 'new-password', label: 'Choisissez un mot de passe' },
      'Tapez votre nouveau mot de passe dans « Choisissez un mot de passe ».',
    ],
    ['fill', { tag: 'input', type: 'password' }, 'Tapez votre mot de passe dans le champ indiqué.'],
    [
      'fill',
      { tag: 'input', type: 'text', autocomplete: 'one-time-code', label: 'Code reçu par SMS' },
      'Tapez le code reçu dans « Code reçu par SMS ».',
    ],
    ['choose', { tag: 'input', type: 'radio', label: 'Madame' }, 'Choisissez « Madame ».'],
    ['choose', { tag: 'input', type: 'radio', label: 'Madame', context: 'Civilité' }, 'Pour « Civilité », choisissez « Madame ».'],
    [
      'choose',
      { tag: 'input', type: 'radio', label: 'Oui', context: 'Avez-vous des enfants à charge ?' },
      'À la question « Avez-vous des enfants à charge ? », choisissez « Oui ».',
    ],
    ['choose', { tag: 'input', type: 'radio', label: 'Civilité', context: 'Civilité' }, 'Choisissez « Civilité ».'],
    ['choose', { tag: 'input', type: 'radio' }, 'Choisissez une des réponses proposées.'],
    ['choose', { tag: 'select', role: 'combobox', label: 'Pays' }, 'Choisissez dans la liste « Pays ».'],
    ['choose', { tag: 'select' }, 'Choisissez dans la liste indiquée.'],
    ['fill', { tag: 'select', label: 'Pays de naissance' }, 'Choisissez dans la liste « Pays de naissance ».'],
    ['check', { tag: 'input', type: 'checkbox', label: 'J’accepte les conditions' }, 'Cochez la case « J’accepte les conditions ».'],
    ['check', { tag: 'input', type: 'checkbox' }, 'Cochez la case indiquée.'],
    ['click', { tag: 'input', type: 'checkbox', label: 'Se souvenir de moi' }, 'Cochez la case « Se souvenir de moi ».'],
    ['pick-file', { tag: 'input', type: 'file', label: 'Justificatif' }, 'Choisissez le fichier à envoyer pour « Justificatif ».'],
    [
      'pick-file',
      { tag: 'input', type: 'file', label: 'Justificatif (obligatoire)' },
      'Choisissez le fichier à envoyer pour « Justificatif ».',
    ],
    ['pick-file', { tag: 'input', type: 'file' }, 'Choisissez le fichier à envoyer.'],
    ['read', { tag: 'p', text: 'Votre compte est créé' }, 'Lisez « Votre compte est créé ».'],
    ['go-to-page', { tag: 'a', name: 'Mes démarches' }, 'Ouvrez la page « Mes démarches ».'],
  ];
  it.each(cases)('%s on %o → %s', (action, facts, expected) => {
    expect(draftInstruction(action, facts)).toBe(nb(expected));
  });

  it('uses French quotes with non-breaking spaces', () => {
    expect(draftInstruction('click', { tag: 'button', name: 'Valider' })).toBe('Cliquez sur «\u00a0Valider\u00a0».');
  });

  it('clips long names and stays within the schema limit', () => {
    const long = `J’accepte ${'les conditions générales et particulières '.repeat(20)}`;
    const sentence = draftInstruction('check', { tag: 'input', type: 'checkbox', label: long.slice(0, 300) });
    expect(sentence.length).toBeLessThanOrEqual(LIMITS.instruction);
    expect(sentence).toMatch(/^Cochez la case «\u00a0J’accepte les conditions.*…\u00a0»\.$/);
    const withContext = draftInstruction('choose', { tag: 'input', type: 'radio', label: 'x'.repeat(300), context: 'y'.repeat(300) });
    expect(withContext.length).toBeLessThanOrEqual(LIMITS.instruction);
  });
});

describe('fieldObject', () => {
  it('prefers a known label, then the autocomplete token', () => {
    expect(fieldObject({ tag: 'input', label: 'Nom d’usage', autocomplete: 'family-name' })).toBe('votre nom d’usage');
    expect(fieldObject({ tag: 'input', label: 'Champ 3', autocomplete: 'shipping postal-code' })).toBe('votre code postal');
    expect(fieldObject({ tag: 'input', label: 'Référence' })).toBeUndefined();
  });
});

describe('actionFor', () => {
  const cases: [RecordedEvent['kind'], TargetDescription, string | undefined, Action][] = [
    ['click', { tag: 'button' }, undefined, 'click'],
    ['click', { tag: 'input', type: 'checkbox' }, undefined, 'check'],
    ['click', { tag: 'input' }, 'radio', 'choose'],
    ['click', { tag: 'input', type: 'text' }, undefined, 'click'],
    ['change', { tag: 'input', type: 'text' }, undefined, 'fill'],
    ['change', { tag: 'select' }, undefined, 'choose'],
    ['change', { tag: 'input', type: 'checkbox' }, undefined, 'check'],
    ['change', { tag: 'input', type: 'radio' }, undefined, 'choose'],
    ['change', { tag: 'input', type: 'file' }, undefined, 'pick-file'],
    ['input-left', { tag: 'input', type: 'password' }, undefined, 'fill'],
    ['input-left', { tag: 'textarea' }, undefined, 'fill'],
    ['file', { tag: 'input' }, undefined, 'pick-file'],
    ['submit', { tag: 'button', type: 'submit' }, undefined, 'click'],
  ];
  it.each(cases)('%s on %o (%s) → %s', (kind, facts, inputType, expected) => {
    expect(actionFor({ kind, facts, inputType })).toBe(expected);
  });
});

const PAGE = 'https://www.exemple.gouv.fr/dossier/123456/identite?token=zz&step=2';

describe('draftStep', () => {
  it('builds a valid step: id from the name, page pattern, action, target, instruction', () => {
    const step = draftStep({ kind: 'click', facts: { tag: 'button', role: 'button', name: 'Valider' }, url: PAGE });
    expect(step).toEqual({
      kind: 'step',
      id: 'valider',
      page: '/dossier/*/identite?*step=2*',
      action: 'click',
      target: { tag: 'button', role: 'button', name: 'Valider' },
      instruction: nb('Cliquez sur « Valider ».'),
      sensitive: false,
    });
    expect(actionStepSchema.safeParse(step).success).toBe(true);
  });

  it('keeps ids unique within the draft', () => {
    const facts: TargetDescription = { tag: 'button', name: 'Suivant' };
    expect(draftStep({ kind: 'click', facts, url: PAGE }, ['suivant']).id).toBe('suivant-2');
    expect(draftStep({ kind: 'click', facts, url: PAGE }, ['suivant', 'suivant-2']).id).toBe('suivant-3');
    expect(draftStep({ kind: 'click', facts: { tag: 'button' }, url: PAGE }).id).toBe('clic');
    expect(draftStep({ kind: 'file', facts: { tag: 'input', type: 'file' }, url: PAGE }).id).toBe('fichier');
  });

  it('marks passwords and tax identifiers sensitive', () => {
    expect(draftStep({ kind: 'input-left', facts: { tag: 'input', type: 'password', label: 'Mot de passe' }, url: PAGE }).sensitive).toBe(
      true,
    );
    expect(draftStep({ kind: 'input-left', facts: { tag: 'input', label: 'Numéro fiscal', nameAttr: 'spi' }, url: PAGE }).sensitive).toBe(
      true,
    );
    expect(draftStep({ kind: 'input-left', facts: { tag: 'input', label: 'Ville' }, url: PAGE }).sensitive).toBe(false);
  });

  it('never carries a value, even one slipped into the record or the facts', () => {
    const typed = 'Dupont-Secret-42';
    const sneaky = {
      kind: 'input-left',
      facts: { tag: 'input', type: 'text', label: 'Nom', value: typed } as unknown as TargetDescription,
      url: PAGE,
      value: typed,
    } as RecordedEvent;
    const step = draftStep(sneaky);
    expect(JSON.stringify(step)).not.toContain(typed);
    expect(step.target).toEqual({ tag: 'input', type: 'text', label: 'Nom' });
  });

  it('uses the control type given beside the facts', () => {
    const step = draftStep({ kind: 'change', facts: { tag: 'input', label: 'J’accepte' }, url: PAGE, inputType: 'checkbox' });
    expect(step.action).toBe('check');
    expect(step.target?.type).toBe('checkbox');
  });

  it('takes a page pattern from the caller, or none', () => {
    const facts: TargetDescription = { tag: 'button', name: 'OK' };
    expect(draftStep({ kind: 'click', facts, url: PAGE }, [], { page: '/a/*' }).page).toBe('/a/*');
    expect('page' in draftStep({ kind: 'click', facts, url: PAGE }, [], { page: null })).toBe(false);
  });
});

describe('sanitizeTarget', () => {
  it('drops unknown keys and invalid facts, keeps the rest', () => {
    const dirty = {
      tag: 'input',
      label: 'Nom',
      value: 'x',
      name: '',
      classes: ['ok'],
      twin: { index: 0, count: 1 },
    } as unknown as TargetDescription;
    expect(sanitizeTarget(dirty)).toEqual({ tag: 'input', label: 'Nom', classes: ['ok'] });
  });
  it('falls back to an unknown tag rather than failing', () => {
    expect(sanitizeTarget({ tag: 'Not A Tag' } as TargetDescription)).toEqual({ tag: 'unknown' });
  });
});

describe('recordEvent', () => {
  const name: TargetDescription = { tag: 'input', type: 'text', label: 'Nom', autocomplete: 'family-name' };
  const next: TargetDescription = { tag: 'button', type: 'submit', name: 'Suivant' };

  it('turns a click into a field then leaving it filled into one fill step', () => {
    let draft = recordEvent([], { kind: 'click', facts: name, url: PAGE });
    expect(draft.map((s) => s.action)).toEqual(['click']);
    draft = recordEvent(draft, { kind: 'input-left', facts: name, url: PAGE });
    expect(draft.map((s) => [s.id, s.action])).toEqual([['nom', 'fill']]);
    expect(draft[0]?.instruction).toBe(nb('Écrivez votre nom de famille dans « Nom ».'));
  });

  it('keeps one step when the same field is filled again, or another radio of the group is chosen', () => {
    let draft = recordEvent([], { kind: 'input-left', facts: name, url: PAGE });
    draft = recordEvent(draft, { kind: 'input-left', facts: name, url: PAGE });
    expect(draft).toHaveLength(1);
    const madame: TargetDescription = { tag: 'input', type: 'radio', label: 'Madame', nameAttr: 'civilite', context: 'Civilité' };
    const monsieur: TargetDescription = { ...madame, label: 'Monsieur' };
    draft = recordEvent(draft, { kind: 'change', facts: madame, url: PAGE });
    draft = recordEvent(draft, { kind: 'change', facts: monsieur, url: PAGE });
    expect(draft.map((s) => s.id)).toEqual(['nom', 'monsieur']);
  });

  it('ignores the submit that follows a click on the submit button', () => {
    let draft = recordEvent([], { kind: 'click', facts: next, url: PAGE });
    draft = recordEvent(draft, { kind: 'submit', facts: next, url: PAGE });
    draft = recordEvent(draft, { kind: 'submit', facts: { tag: 'form' }, url: PAGE });
    expect(draft).toHaveLength(1);
  });

  it('keeps two clicks on the same button: they may be two screens of one page', () => {
    let draft = recordEvent([], { kind: 'click', facts: next, url: PAGE });
    draft = recordEvent(draft, { kind: 'click', facts: next, url: PAGE });
    expect(draft.map((s) => s.id)).toEqual(['suivant', 'suivant-2']);
  });

  it('does not merge across pages, and does not change the draft given', () => {
    const first = recordEvent([], { kind: 'click', facts: name, url: PAGE });
    const second = recordEvent(first, { kind: 'input-left', facts: name, url: 'https://www.exemple.gouv.fr/autre' });
    expect(first).toHaveLength(1);
    expect(second.map((s) => s.action)).toEqual(['click', 'fill']);
  });
});
