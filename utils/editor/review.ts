/**
 * The review of a guide's targets in the editor: removing one fact of a step
 * (or its page pattern), whether what is left can still find anything, and
 * the trainer's answers to the confirmation asked before a guide is kept or
 * shared (each marked fact confirmed, or to delete). Pure: the page shows it.
 */
import type { ReviewedFact } from '../authoring/review';
import { personalFacts } from '../authoring/review';
import type { ActionStep, Guide, GuideItem } from '../guide/schema';
import type { TargetDescription } from '../locate/target';
import type { WorkingCopy } from './model';

export type ReviewedFactName = ReviewedFact['fact'];

/** One fact of one step with its value: a changed value is a new fact, to review again. */
export function factKey(fact: Pick<ReviewedFact, 'stepId' | 'fact' | 'value'>): string {
  return `${fact.stepId}\u0000${fact.fact}\u0000${fact.value}`;
}

/**
 * The step without this fact. `tag` is never removed (a target without it is
 * no target); `withheld` is not a fact but the note of what the recorder left
 * out. Removing `id` removes `idGenerated`, which only qualifies it.
 */
export function stepWithoutFact(step: ActionStep, fact: ReviewedFactName): ActionStep {
  if (fact === 'page') {
    const { page: _page, ...rest } = step;
    return rest;
  }
  if (!step.target || fact === 'tag' || fact === 'withheld' || !(fact in step.target)) return step;
  const target: Record<string, unknown> = { ...step.target };
  delete target[fact];
  if (fact === 'id') delete target.idGenerated;
  return { ...step, target: target as TargetDescription };
}

function withoutFacts<S extends { steps: GuideItem[] }>(guide: S, facts: readonly Pick<ReviewedFact, 'stepId' | 'fact'>[]): S {
  if (facts.length === 0) return guide;
  const steps = guide.steps.map((item) => {
    if (item.kind !== 'step') return item;
    return facts.filter((fact) => fact.stepId === item.id).reduce((step, fact) => stepWithoutFact(step, fact.fact), item);
  });
  return { ...guide, steps };
}

/** A guide (an imported one, before it is saved) without these facts. */
export const guideWithoutFacts = (guide: Guide, facts: readonly Pick<ReviewedFact, 'stepId' | 'fact'>[]): Guide =>
  withoutFacts(guide, facts);

/** The working copy without these facts: one edit, undone as one. */
export function removeFacts(copy: WorkingCopy, facts: readonly Pick<ReviewedFact, 'stepId' | 'fact'>[]): WorkingCopy {
  const guide = withoutFacts(copy.guide, facts);
  return guide === copy.guide ? copy : { ...copy, guide };
}

/** The working copy without one fact of the step at `index`. */
export function removeStepFact(copy: WorkingCopy, index: number, fact: ReviewedFactName): WorkingCopy {
  const item = copy.guide.steps[index];
  if (item?.kind !== 'step') return copy;
  const next = stepWithoutFact(item, fact);
  if (next === item) return copy;
  const steps = copy.guide.steps.slice();
  steps[index] = next;
  return { ...copy, guide: { ...copy.guide, steps } };
}

/** Whether the target can still be found (the locating engine's own rule). */
export { canLocate } from '../locate/score';

/** The trainer's answer for one marked fact. */
export type ReviewAnswer = 'confirmed' | 'delete';

export interface ReviewOutcome {
  /** Marked facts not answered yet: nothing is saved or exported while there are some. */
  unanswered: ReviewedFact[];
  /** Facts to remove before saving or exporting. */
  deletions: ReviewedFact[];
  /** Keys of the facts the trainer said are not personal (`factKey`). */
  confirmed: string[];
}

export function reviewOutcome(facts: readonly ReviewedFact[], answers: ReadonlyMap<string, ReviewAnswer>): ReviewOutcome {
  const outcome: ReviewOutcome = { unanswered: [], deletions: [], confirmed: [] };
  for (const fact of facts) {
    const key = factKey(fact);
    const answer = answers.get(key);
    if (answer === 'delete') outcome.deletions.push(fact);
    else if (answer === 'confirmed') outcome.confirmed.push(key);
    else outcome.unanswered.push(fact);
  }
  return outcome;
}

/** The marked facts still to confirm: those the trainer has not already said are not personal. */
export function factsToConfirm(guide: Pick<Guide, 'steps'>, confirmed: ReadonlySet<string>): ReviewedFact[] {
  return personalFacts(guide).filter((fact) => !confirmed.has(factKey(fact)));
}
