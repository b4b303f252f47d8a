import { describe, expect, it } from 'vitest';
import {
  type CandidateFacts,
  decide,
  FOUND_THRESHOLD,
  MARGIN,
  MIN_EVIDENCE,
  normalize,
  type Scored,
  scoreFacts,
  textSimilarity,
} from '../../../utils/locate/score';
import type { TargetDescription } from '../../../utils/locate/target';

const norm = (d: TargetDescription, c: CandidateFacts) => {
  const s = scoreFacts(d, c);
  return s.points / s.total;
};

describe('textSimilarity', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(normalize('  Prénom(s) ')).toBe('prenom s');
    expect(textSimilarity('Précédent', 'precedent')).toBe(1);
    expect(textSimilarity('S’identifier avecFranceConnect', "S'identifier avec FranceConnect")).toBe(1);
  });
  it('is tolerant to small rewordings, less than to the same words', () => {
    const reworded = textSimilarity('Valider', 'Valider et continuer');
    expect(reworded).toBeGreaterThan(0.5);
    expect(reworded).toBeLessThan(1);
    expect(textSimilarity('Adresse électronique', 'Adresse e-mail')).toBeGreaterThan(0.3);
  });
  it('tells different words apart', () => {
    expect(textSimilarity('Valider', 'Précédent')).toBe(0);
    expect(textSimilarity('Nom', 'Prénom')).toBe(0);
  });
});

describe('scoreFacts', () => {
  const email: TargetDescription = {
    tag: 'input',
    role: 'textbox',
    type: 'email',
    nameAttr: 'email',
    label: 'Adresse électronique',
    autocomplete: 'email',
  };
  it('scores 1 for a candidate with the same facts', () => {
    expect(
      norm(email, {
        tag: 'input',
        role: 'textbox',
        type: 'email',
        nameAttr: 'email',
        label: 'Adresse électronique',
        autocomplete: 'email',
      }),
    ).toBe(1);
  });

  it('makes a contradicted type cost more than a missing one (password vs email)', () => {
    const base = { tag: 'input', nameAttr: 'email', label: 'Adresse électronique' };
    const missing = norm(email, { ...base });
    const password = norm(email, { ...base, type: 'password' });
    const text = norm(email, { ...base, type: 'text' });
    expect(password).toBeLessThan(missing);
    expect(text).toBeGreaterThan(missing);
  });

  it('makes another context a contradiction (a lookalike in another form)', () => {
    const valider: TargetDescription = {
      tag: 'button',
      role: 'button',
      name: 'Valider',
      text: 'Valider',
      type: 'submit',
      context: 'Identité personnelle',
    };
    const same = norm(valider, {
      tag: 'button',
      role: 'button',
      name: 'Valider',
      text: 'Valider',
      type: 'submit',
      context: 'Identité personnelle',
    });
    const other = norm(valider, {
      tag: 'button',
      role: 'button',
      name: 'Valider',
      text: 'Valider',
      type: 'submit',
      context: 'Adresse postale',
    });
    expect(same).toBeGreaterThanOrEqual(FOUND_THRESHOLD);
    expect(other).toBeLessThan(FOUND_THRESHOLD);
  });

  it('weighs a test id more than classes and css path', () => {
    const d: TargetDescription = { tag: 'button', testId: 'data-testid=submit', classes: ['btn'], cssPath: '.btn' };
    const byTestId = scoreFacts(d, { tag: 'button', testId: 'data-testid=submit' });
    const byWeak = scoreFacts(d, { tag: 'button', classes: ['btn'], cssPathMatch: true });
    expect(byTestId.points).toBeGreaterThan(byWeak.points);
    expect(byWeak.evidence).toBe(0);
  });

  it('gives a regenerated id a little, a stable id a lot', () => {
    const gen = scoreFacts({ tag: 'input', id: 'given-8947', idGenerated: true }, { tag: 'input', id: 'given-8794' });
    const stable = scoreFacts({ tag: 'input', id: 'given' }, { tag: 'input', id: 'given' });
    expect(gen.points).toBeGreaterThan(1);
    expect(gen.points).toBeLessThan(stable.points);
  });

  it('restricts to some facts on demand (cheap pass)', () => {
    const d: TargetDescription = { tag: 'input', label: 'Nom', nameAttr: 'family-name' };
    const s = scoreFacts(d, { tag: 'input', nameAttr: 'family-name' }, { skip: ['label'] });
    expect(s.total).toBe(3);
    expect(s.points).toBe(3);
  });
});

describe('decide', () => {
  const c = (item: string, score: number, evidence = 4): Scored<string> => ({ item, score, evidence });

  it('finds the best candidate above the threshold with a margin', () => {
    expect(decide([c('a', 0.9), c('b', 0.5)])).toEqual({ status: 'found', item: 'a', confidence: 0.9 });
  });
  it('is not found below the threshold, even alone', () => {
    expect(decide([c('a', FOUND_THRESHOLD - 0.01)])).toEqual({ status: 'not-found' });
  });
  it('is ambiguous when the second is within the margin', () => {
    const d = decide([c('a', 0.9), c('b', 0.9 - MARGIN / 2), c('z', 0.2)]);
    expect(d).toEqual({ status: 'ambiguous', items: ['a', 'b'] });
  });
  it('counts a close runner-up even when it lacks identifying evidence', () => {
    expect(decide([c('a', 0.9), c('b', 0.88, 0)]).status).toBe('ambiguous');
  });
  it('needs identifying evidence: tag, classes and path alone are a guess', () => {
    expect(decide([c('a', 1, MIN_EVIDENCE - 0.1)])).toEqual({ status: 'not-found' });
  });
  it('never claims found when candidates were left unscored', () => {
    expect(decide([c('a', 0.95)], { incomplete: true }).status).toBe('ambiguous');
  });
  it('is not found without candidates', () => {
    expect(decide([])).toEqual({ status: 'not-found' });
  });
});
