import { describe, expect, it } from 'vitest';
import { personalFacts, reviewGuide } from '../../../utils/authoring/review';
import {
  canLocate,
  factKey,
  factsToConfirm,
  fromGuide,
  guideWithoutFacts,
  removeFacts,
  removeStepFact,
  reviewOutcome,
  stepWithoutFact,
} from '../../../utils/editor';
import { parseGuide } from '../../../utils/guide/parse';
import { type ActionStep, type Guide, guideSchema } from '../../../utils/guide/schema';
import { markedGuide as recorded } from './fixtures';

const stepAt = (guide: Guide, index: number) => guide.steps[index] as ActionStep;

describe('removing a fact', () => {
  it('removes one fact of one target, or the page pattern, and never the tag', () => {
    const step = stepAt(recorded, 0);
    expect(stepWithoutFact(step, 'neighbourText').target).toEqual({
      tag: 'button',
      role: 'button',
      name: 'Modifier',
      context: 'Vos coordonnées',
      withheld: ['text'],
    });
    expect(stepWithoutFact(step, 'page')).not.toHaveProperty('page');
    expect(stepWithoutFact(step, 'page').target).toBe(step.target);
    expect(stepWithoutFact(step, 'tag')).toBe(step);
    expect(stepWithoutFact(step, 'withheld')).toBe(step);
    expect(stepWithoutFact(step, 'placeholder')).toBe(step);
    // The step it was given is left as it was.
    expect(step.target?.neighbourText).toBe('Née le 12/03/1980');
  });

  it('removes a generated id with the flag that qualifies it', () => {
    const step: ActionStep = { ...stepAt(recorded, 0), target: { tag: 'input', id: 'champ-123', idGenerated: true, label: 'Nom' } };
    expect(stepWithoutFact(step, 'id').target).toEqual({ tag: 'input', label: 'Nom' });
  });

  it('is an edit of the working copy that leaves the guide valid', () => {
    const copy = fromGuide(recorded, { doc: 'd1', origin: 'recorded' });
    const next = removeStepFact(copy, 1, 'placeholder');
    expect(next).not.toBe(copy);
    expect(stepAt(next.guide as Guide, 1).target).toEqual({ tag: 'input', type: 'email', label: 'Adresse e-mail' });
    expect(copy.guide).toBe(recorded);
    expect(parseGuide(next.guide).ok).toBe(true);
    // Not a step, or a fact it does not have: nothing changes.
    expect(removeStepFact(copy, 2, 'name')).toBe(copy);
    expect(removeStepFact(copy, 1, 'href')).toBe(copy);
  });

  it('removes the facts chosen in the review, by step id, from a working copy or an imported guide', () => {
    const facts = personalFacts(recorded);
    expect(facts.map((fact) => [fact.stepId, fact.fact, fact.reason])).toEqual([
      ['modifier', 'neighbourText', 'birth'],
      ['courriel', 'placeholder', 'email'],
    ]);
    const copy = fromGuide(recorded, { doc: 'd1', origin: 'recorded' });
    const cleaned = removeFacts(copy, facts);
    expect(personalFacts(cleaned.guide as Guide)).toEqual([]);
    expect(guideWithoutFacts(recorded, facts)).toEqual(cleaned.guide);
    expect(removeFacts(copy, [])).toBe(copy);
    expect(parseGuide(cleaned.guide).ok).toBe(true);
  });
});

describe('what a target can still find', () => {
  it('needs facts that identify the element, not only its kind or place', () => {
    expect(canLocate({ tag: 'button', name: 'Modifier' })).toBe(true);
    expect(canLocate({ tag: 'input', testId: 'data-testid=email' })).toBe(true);
    expect(canLocate({ tag: 'button', role: 'button', context: 'Vos coordonnées', cssPath: 'main > button' })).toBe(false);
    expect(canLocate({ tag: 'a', href: '/aide' })).toBe(false);
    expect(canLocate({ tag: 'a', href: '/aide', placeholder: 'x' })).toBe(true);
    expect(canLocate({ tag: 'input', id: 'champ-123', idGenerated: true })).toBe(false);
    expect(canLocate({ tag: 'input', id: 'email' })).toBe(true);
  });
});

describe('the answers to the review', () => {
  const facts = personalFacts(recorded);
  const [birth, email] = facts as [(typeof facts)[0], (typeof facts)[0]];

  it('goes on only when every marked fact is confirmed or deleted', () => {
    expect(reviewOutcome(facts, new Map()).unanswered).toEqual(facts);
    const half = reviewOutcome(facts, new Map([[factKey(birth), 'delete']]));
    expect(half.unanswered).toEqual([email]);
    expect(half.deletions).toEqual([birth]);
    const all = reviewOutcome(
      facts,
      new Map([
        [factKey(birth), 'delete'],
        [factKey(email), 'confirmed'],
      ]),
    );
    expect(all).toEqual({ unanswered: [], deletions: [birth], confirmed: [factKey(email)] });
  });

  it('asks again about a confirmed fact whose value changed', () => {
    const confirmed = new Set([factKey(email)]);
    expect(factsToConfirm(recorded, confirmed)).toEqual([birth]);
    const changed = guideSchema.parse({
      ...recorded,
      steps: recorded.steps.map((item) =>
        item.id === 'courriel' && item.kind === 'step' ? { ...item, target: { ...item.target, placeholder: 'paul@example.org' } } : item,
      ),
    });
    expect(factsToConfirm(changed, confirmed).map((fact) => fact.value)).toEqual(['Née le 12/03/1980', 'paul@example.org']);
  });

  it('lists withheld facts without their content', () => {
    expect(reviewGuide(recorded).filter((fact) => fact.withheld)).toEqual([
      { stepId: 'modifier', fact: 'text', value: '', looksPersonal: false, reason: 'withheld', withheld: true },
    ]);
  });
});
