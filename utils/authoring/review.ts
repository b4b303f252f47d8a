/**
 * The review of a guide before it is kept or shared: every fact of every
 * target, each with a flag when it still looks like someone's data and the
 * reason, and the facts the recorder withheld. The editor's review screen,
 * « Mes guides » and the import call it; it only reads.
 */
import type { Guide } from '../guide/schema';
import { type TargetDescription, WITHHOLDABLE_FACTS, type WithholdableFact } from '../locate/target';
import { type PersonalShape, personalSpans } from './privacy';
import { isVolatileToken } from './url-pattern';

/**
 * Why a fact is marked: the shape of personal data it has, an identifier in
 * an address, or `withheld` (the recorder left it out). The editor says each
 * in words (`editor.review.reason.*`).
 */
export type ReviewReason = PersonalShape | 'identifier' | 'withheld';

export interface ReviewedFact {
  stepId: string;
  /** The fact's key in the target (`name`, `neighbourText`, `section`…), or `page` for the step's page pattern. */
  fact: keyof TargetDescription | 'page';
  /** The fact as text (lists joined by spaces, a section by its heading); empty for a withheld fact. */
  value: string;
  /** True when the value still has the shape of someone's data. */
  looksPersonal: boolean;
  /** Why it is marked (a date, a number of 5 digits or more…, or withheld). */
  reason?: ReviewReason;
  /** The recorder left this fact out or shortened it: `value` is empty, `reason` is `withheld`. */
  withheld?: boolean;
}

/** Facts that are numbers, flags or ranks: nothing of a person can be in them. */
const NOT_TEXT = new Set<string>(['tag', 'idGenerated', 'twin', 'alike', 'withheld']);

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join(' ');
  if (typeof value === 'object' && value !== null && 'heading' in value) return String((value as { heading: unknown }).heading);
  return '';
}

function verdict(fact: string, text: string): Pick<ReviewedFact, 'looksPersonal' | 'reason'> {
  const shape: PersonalShape | undefined = personalSpans(text)[0]?.shape;
  if (shape) return { looksPersonal: true, reason: shape };
  if (text.includes('@')) return { looksPersonal: true, reason: 'email' };
  if ((fact === 'href' || fact === 'page') && text.split(/[/?&#=;]/).some((part) => part !== '*' && isVolatileToken(part)))
    return { looksPersonal: true, reason: 'identifier' };
  return { looksPersonal: false };
}

/** Every fact of every target of the guide, in step order, each judged. */
export function reviewGuide(guide: Pick<Guide, 'steps'>): ReviewedFact[] {
  const out: ReviewedFact[] = [];
  for (const step of guide.steps) {
    if (step.kind !== 'step') continue;
    if (step.page) out.push({ stepId: step.id, fact: 'page', value: step.page, ...verdict('page', step.page) });
    const target = step.target;
    if (!target) continue;
    for (const [fact, value] of Object.entries(target)) {
      if (NOT_TEXT.has(fact)) continue;
      const text = asText(value);
      out.push({ stepId: step.id, fact: fact as keyof TargetDescription, value: text, ...verdict(fact, text) });
    }
    for (const fact of target.withheld ?? []) {
      if (!(WITHHOLDABLE_FACTS as readonly string[]).includes(fact)) continue;
      out.push({ stepId: step.id, fact: fact as WithholdableFact, value: '', looksPersonal: false, reason: 'withheld', withheld: true });
    }
  }
  return out;
}

/** The facts of a guide that still look personal: what saving or exporting asks the trainer to confirm. */
export const personalFacts = (guide: Pick<Guide, 'steps'>): ReviewedFact[] => reviewGuide(guide).filter((fact) => fact.looksPersonal);
