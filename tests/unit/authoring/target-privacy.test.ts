import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDraftGuide, DEFAULT_END_MESSAGE, needsEndMessage } from '../../../utils/authoring/draft-guide';
import { draftStep, type RecordedEvent } from '../../../utils/authoring/instruction';
import { finishRecording, startRecording } from '../../../utils/authoring/recording';
import { personalFacts, reviewGuide } from '../../../utils/authoring/review';
import { KEPT_FACTS, kindOf, protectTarget } from '../../../utils/authoring/target-privacy';
import { normalizeWords } from '../../../utils/authoring/text';
import { keyedHash, newRecordingKey, typedMatcher, typedValueHashes } from '../../../utils/authoring/typed-values';
import { generalizeHref } from '../../../utils/authoring/url-pattern';
import type { ActionStep } from '../../../utils/guide/schema';
import type { TargetDescription } from '../../../utils/locate/target';

const URL_ = 'https://www.exemple.gouv.fr/espace/recapitulatif';
const event = (kind: RecordedEvent['kind'], facts: TargetDescription, url = URL_): RecordedEvent => ({ kind, facts, url });

describe('the facts each kind of element keeps', () => {
  it('has a row for every kind: no neighbour text for choices, no address for buttons', () => {
    expect(KEPT_FACTS.choice).not.toContain('neighbourText');
    expect(KEPT_FACTS.field).toContain('neighbourText');
    expect(KEPT_FACTS.link).toContain('href');
    expect(KEPT_FACTS.button).not.toContain('href');
  });

  it('tells the kinds apart', () => {
    expect(kindOf({ tag: 'button' })).toBe('button');
    expect(kindOf({ tag: 'a', role: 'link' })).toBe('link');
    expect(kindOf({ tag: 'input', type: 'text' })).toBe('field');
    expect(kindOf({ tag: 'input', type: 'radio' })).toBe('choice');
    expect(kindOf({ tag: 'li', role: 'option' })).toBe('choice');
    expect(kindOf({ tag: 'select' })).toBe('select');
    expect(kindOf({ tag: 'input', type: 'file' })).toBe('file');
    expect(kindOf({ tag: 'h2', role: 'heading' })).toBe('other');
  });

  it('leaves out what a kind does not keep, without calling it withheld; says what a check withheld', () => {
    const target = protectTarget({ tag: 'button', name: 'Modifier', neighbourText: 'NIR : 2 85 03 75 123 456 78', href: '/x' });
    expect(target).toEqual({ tag: 'button', name: 'Modifier', withheld: ['neighbourText'] });
  });

  it('keeps no neighbour text that may be a name, even without a civility', () => {
    const near = (neighbourText: string) => protectTarget({ tag: 'button', name: 'Modifier', neighbourText }).neighbourText;
    expect(near('Jeanne Martin')).toBeUndefined();
    expect(near('Titulaire : Jeanne Martin')).toBeUndefined();
    expect(near('Lucas')).toBeUndefined();
    expect(near('Label bouton')).toBe('Label bouton');
    expect(near('Mention CNIL')).toBe('Mention CNIL');
    expect(near('Vos informations personnelles')).toBe('Vos informations personnelles');
  });

  it('shortens names to their interface part, and drops personal context, ids and sections', () => {
    const target = protectTarget({
      tag: 'button',
      name: 'Modifier l’adresse 12 rue des Lilas 75011 Paris',
      context: 'Bonjour Jeanne MARTIN',
      id: 'modifier-2850375123456',
      idGenerated: true,
      section: { heading: 'Dossier de M. MARTIN', index: 0, count: 1 },
      cssPath: '#modifier-2850375123456',
    });
    expect(target).toEqual({ tag: 'button', name: 'Modifier l’adresse', withheld: ['context', 'cssPath', 'id', 'name', 'section'] });
  });

  it('generalises a link’s address like a page pattern', () => {
    expect(generalizeHref('/dossier/2850375123456/jeanne.martin@example.fr/pieces')).toBe('/dossier/*/*/pieces');
    expect(generalizeHref('/espace/mes-paiements?annee&token')).toBe('/espace/mes-paiements?annee&token');
    expect(generalizeHref('#dossier-2850375123456')).toBeUndefined();
    expect(generalizeHref('#contenu')).toBe('#contenu');
    expect(protectTarget({ tag: 'a', role: 'link', text: 'Pièces', href: '/dossier/2850375123456/pieces' })).toEqual({
      tag: 'a',
      role: 'link',
      text: 'Pièces',
      href: '/dossier/*/pieces',
      withheld: ['href'],
    });
  });

  it('changes nothing when run again on its result', () => {
    const once = protectTarget({ tag: 'button', name: 'Télécharger l’attestation de Jeanne MARTIN', text: 'Télécharger' });
    expect(protectTarget(once)).toEqual(once);
  });

  it('keeps nothing that names an item of the person’s own list', () => {
    const target = protectTarget(
      {
        tag: 'input',
        type: 'radio',
        label: 'Livret A',
        name: 'Livret A',
        choiceValue: 'FR76',
        id: 'c2',
        nameAttr: 'compte',
        context: 'Compte à débiter',
      },
      { personalChoice: true },
    );
    expect(target).toEqual({
      tag: 'input',
      type: 'radio',
      nameAttr: 'compte',
      context: 'Compte à débiter',
      withheld: ['choiceValue', 'id', 'label', 'name'],
    });
  });
});

describe('typed values, as keyed hashes only', () => {
  it('recognises a typed value, whole or by its words, in another text; never with another key', () => {
    const key = newRecordingKey();
    const hashes = new Set(typedValueHashes(key, 'Jeanne Martin'));
    expect([...hashes].join(' ')).not.toMatch(/jeanne|martin/i);
    const match = typedMatcher(key, hashes);
    expect(match('Bonjour Jeanne')).toHaveLength(1);
    expect(match('Demande de JEANNE MARTIN')).not.toHaveLength(0);
    expect(match('Valider la demande')).toEqual([]);
    expect(typedMatcher(newRecordingKey(), hashes)('Bonjour Jeanne')).toEqual([]);
  });

  it('joins digit groups: a phone typed one way is recognised written another way', () => {
    const key = newRecordingKey();
    const match = typedMatcher(key, new Set(typedValueHashes(key, '0612345678')));
    expect(match('Tél. 06 12 34 56 78')).toHaveLength(1);
  });

  it('gives different hashes with different keys', () => {
    expect(keyedHash(newRecordingKey(), 'jeanne')).not.toBe(keyedHash(newRecordingKey(), 'jeanne'));
  });

  it('property: a fact that survives never contains a string typed in the same recording', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyzéè';
    const word = fc
      .array(fc.constantFrom(...letters), { minLength: 4, maxLength: 10 })
      .map((chars) => chars.join(''))
      .filter(
        (w) =>
          ![
            'dans',
            'pour',
            'avec',
            'sans',
            'votre',
            'notre',
            'madame',
            'monsieur',
            'france',
            'avenue',
            'boulevard',
            'chemin',
            'allee',
            'impasse',
            'place',
            'route',
            'cedex',
          ].includes(w),
      );
    const typedValue = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    const casing = fc.constantFrom(
      (s: string) => s,
      (s: string) => s.toUpperCase(),
      (s: string) => s.replace(/(^| )(\p{L})/gu, (_, space: string, ch: string) => space + ch.toUpperCase()),
    );
    const interfaceText = fc.constantFrom('Valider', 'Modifier', 'Demande de', 'Voir le dossier de', 'Étape 2 sur 3', '', 'Télécharger');
    fc.assert(
      fc.property(
        fc.array(typedValue, { minLength: 1, maxLength: 4 }),
        interfaceText,
        interfaceText,
        casing,
        fc.nat(3),
        (values, before, after, cased, which) => {
          const key = newRecordingKey();
          const hashes = new Set(values.flatMap((value) => typedValueHashes(key, value)));
          const shown = cased(values[which % values.length] ?? '');
          const text = `${before} ${shown}, ${after}`.trim();
          const target = protectTarget(
            { tag: 'button', name: text, text, label: text, context: text, section: { heading: text, index: 0, count: 1 } },
            { typed: typedMatcher(key, hashes) },
          );
          const survived = Object.values(target)
            .map((value) => (typeof value === 'object' && value !== null && 'heading' in value ? String(value.heading) : String(value)))
            .map((value) => ` ${normalizeWords(value)} `);
          for (const value of values) for (const fact of survived) expect(fact).not.toContain(` ${normalizeWords(value)} `);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('drafts a trainer can keep as they are', () => {
  const steps = [draftStep(event('click', { tag: 'button', name: 'Valider' }))];

  it('names the draft after its site and day, with an id no existing guide has', () => {
    const at = Date.UTC(2026, 11, 5, 10);
    const first = buildDraftGuide({ sites: ['https://www.impots.gouv.fr/*'], steps, recordedAt: at });
    expect(first.ok && [first.guide.id, first.guide.title]).toEqual([
      'guide-enregistre-impots-gouv-fr-2026-12-05',
      'Guide enregistré sur impots.gouv.fr le 5 décembre 2026',
    ]);
    const second = buildDraftGuide({
      sites: ['https://www.impots.gouv.fr/*'],
      steps,
      recordedAt: at,
      existingIds: ['guide-enregistre-impots-gouv-fr-2026-12-05'],
    });
    expect(second.ok && [second.guide.id, second.guide.title]).toEqual([
      'guide-enregistre-impots-gouv-fr-2026-12-05-2',
      'Guide enregistré sur impots.gouv.fr le 5 décembre 2026 (2)',
    ]);
  });

  it('finishes a recording into such a draft, whose end asks for the trainer’s message', () => {
    const state = { ...startRecording(null, 3, 'https://www.caf.fr/allocataires/mon-compte', Date.UTC(2026, 0, 2)), draft: steps };
    const result = finishRecording(state, ['guide-enregistre-caf-fr-2026-01-02']);
    expect(result.ok && result.guide.id).toBe('guide-enregistre-caf-fr-2026-01-02-2');
    const end = result.ok ? result.guide.steps.at(-1) : undefined;
    expect(end).toMatchObject({ kind: 'end', message: DEFAULT_END_MESSAGE });
    expect(needsEndMessage(end?.kind === 'end' ? end.message : undefined)).toBe(true);
    expect(needsEndMessage('Votre demande est envoyée.')).toBe(false);
  });

  it('tells apart two steps whose targets carry the same name', () => {
    const box = (index: number): TargetDescription => ({
      tag: 'input',
      type: 'checkbox',
      label: 'Mention CNIL',
      id: `cnil-${index}`,
      twin: { index, count: 2 },
    });
    const draft = [
      draftStep(event('change', box(0))),
      draftStep(event('change', box(1)), ['mention-cnil']),
      draftStep(event('click', { tag: 'button', name: 'Valider' }), ['mention-cnil', 'mention-cnil-2']),
    ];
    const result = buildDraftGuide({ sites: ['https://www.exemple.gouv.fr/*'], steps: draft });
    const instructions = result.ok ? result.guide.steps.map((s) => (s.kind === 'step' ? s.instruction : s.kind)) : [];
    expect(instructions).toEqual([
      'Cochez la première case «\u00a0Mention CNIL\u00a0».',
      'Cochez la deuxième case «\u00a0Mention CNIL\u00a0».',
      'Cliquez sur «\u00a0Valider\u00a0».',
      'end',
    ]);
  });

  it('does not number the same name on different pages', () => {
    const draft = [
      draftStep(event('click', { tag: 'button', name: 'Valider' }, 'https://x.fr/a')),
      draftStep(event('click', { tag: 'button', name: 'Valider' }, 'https://x.fr/b'), ['valider']),
    ];
    const result = buildDraftGuide({ sites: ['https://x.fr/*'], steps: draft });
    expect(result.ok && result.guide.steps.slice(0, 2).map((s) => (s.kind === 'step' ? s.instruction : ''))).toEqual([
      'Cliquez sur «\u00a0Valider\u00a0».',
      'Cliquez sur «\u00a0Valider\u00a0».',
    ]);
  });
});

describe('reviewGuide', () => {
  const step = (target: TargetDescription, page = '/espace/*'): ActionStep => ({
    kind: 'step',
    id: 's',
    action: 'click',
    target,
    instruction: 'Cliquez.',
    sensitive: false,
    page,
  });

  it('lists every fact of every target, flags what looks personal with a reason, and says what was withheld', () => {
    const review = reviewGuide({
      steps: [
        step({ tag: 'button', name: 'Valider', neighbourText: 'Né le 02/04/2015', withheld: ['context'], twin: { index: 0, count: 2 } }),
        step({ tag: 'a', href: '/dossier/ab12cd34ef/pieces' }, '/beneficiaire/2850375123456/'),
      ],
    });
    expect(review.map((fact) => [fact.fact, fact.looksPersonal, fact.reason])).toEqual([
      ['page', false, undefined],
      ['name', false, undefined],
      ['neighbourText', true, 'birth'],
      ['context', false, 'withheld'],
      ['page', true, 'number'],
      ['href', true, 'identifier'],
    ]);
    expect(personalFacts({ steps: [step({ tag: 'button', name: 'Bonjour Jeanne' })] })).toHaveLength(1);
  });

  it('finds nothing personal in a draft the recorder made on a recap page', () => {
    const recorded = draftStep(
      event('click', {
        tag: 'button',
        name: 'Modifier l’adresse 12 rue des Lilas 75011 Paris',
        context: 'M. MARTIN',
        neighbourText: '06 12 34 56 78',
      }),
    );
    expect(personalFacts({ steps: [recorded] })).toEqual([]);
    expect(
      reviewGuide({ steps: [recorded] })
        .filter((fact) => fact.withheld)
        .map((fact) => fact.fact),
    ).toEqual(['context', 'name', 'neighbourText']);
  });
});

describe('page patterns of a recording', () => {
  it('make a wildcard of a path segment that shows what was typed', () => {
    const key = newRecordingKey();
    const typed = typedMatcher(key, new Set(typedValueHashes(key, 'Jeanne Martin')));
    const step = draftStep(
      event('click', { tag: 'button', name: 'Valider' }, 'https://x.fr/beneficiaire/jeanne-martin/pieces?step=2'),
      [],
      { typed },
    );
    expect(step.page).toBe('/beneficiaire/*/pieces?*step=2*');
  });
});
