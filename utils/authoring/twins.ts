/**
 * Two steps of a draft on the same page whose targets carry the same name
 * (two « Mention CNIL » boxes, two « Valider » buttons) got the same first
 * instruction: the person could not tell which one is meant. Their
 * instructions say it: « Cochez la première case « Mention CNIL ». », « …la deuxième… ».
 * The rank is the target's place among its identical-looking elements on the
 * page (`twin`), or else the steps' order.
 */
import type { ActionStep } from '../guide/schema';
import { cleanName, controlOf, sameTarget } from './instruction';
import { isPersonalChoice } from './target-privacy';
import { frQuote } from './text';

const FEMININE = ['première', 'deuxième', 'troisième', 'quatrième', 'cinquième', 'sixième', 'septième', 'huitième', 'neuvième', 'dixième'];

function ordinal(rank: number, feminine: boolean): string {
  if (rank === 0) return feminine ? 'première' : 'premier';
  return FEMININE[rank] ?? `${rank + 1}e`;
}

/** The instruction that names the element by its rank: undefined when the kind of step has no such wording. */
function rankedInstruction(step: ActionStep, rank: number): string | undefined {
  const target = step.target;
  if (!target) return undefined;
  const control = controlOf(target);
  const name = cleanName(
    control === 'button' || control === 'link' || control === 'other'
      ? (target.name ?? target.text ?? target.label)
      : (target.label ?? target.name ?? target.text),
    60,
  );
  if (!name) return undefined;
  const quoted = frQuote(name);
  const f = (noun: string) => `la ${ordinal(rank, true)} ${noun} ${quoted}`;
  const m = (noun: string) => `le ${ordinal(rank, false)} ${noun} ${quoted}`;
  switch (step.action) {
    case 'check':
      return `Cochez ${f('case')}.`;
    case 'fill':
      return control === 'select' ? `Choisissez dans ${f('liste')}.` : `Remplissez ${m('champ')}.`;
    case 'choose':
      return control === 'select' ? `Choisissez dans ${f('liste')}.` : `Choisissez ${f('réponse')}.`;
    case 'pick-file':
      return `Choisissez le fichier à envoyer dans ${m('champ')}.`;
    case 'click':
      if (control === 'checkbox') return `Cochez ${f('case')}.`;
      if (control === 'link') return `Cliquez sur ${m('lien')}.`;
      if (control === 'button') return `Cliquez sur ${m('bouton')}.`;
      return `Cliquez sur ${m('élément')}.`;
    default:
      return undefined;
  }
}

/** The steps with the instructions of same-named targets on the same page told apart. */
export function distinguishTwins(steps: readonly ActionStep[]): ActionStep[] {
  const groups = new Map<string, number[]>();
  steps.forEach((step, index) => {
    if (!step.target || isPersonalChoice(step.target)) return;
    const key = `${step.page ?? ''}\u0000${step.action}\u0000${step.instruction}`;
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  const out = [...steps];
  for (const indices of groups.values()) {
    // Distinct elements only: the same box ticked again on the same page is one element.
    const distinct: number[] = [];
    for (const index of indices) {
      if (!distinct.some((other) => sameTarget(steps[other]?.target, steps[index]?.target))) distinct.push(index);
    }
    if (distinct.length < 2) continue;
    const twins = distinct.map((index) => steps[index]?.target?.twin?.index);
    const byPlace = twins.every((rank) => rank !== undefined) && new Set(twins).size === twins.length;
    for (const index of indices) {
      const step = steps[index];
      if (!step) continue;
      const first = distinct.find((other) => sameTarget(steps[other]?.target, step.target)) ?? index;
      const rank = byPlace ? (steps[first]?.target?.twin?.index ?? 0) : distinct.indexOf(first);
      const instruction = rankedInstruction(step, rank);
      if (instruction && instruction.length <= 300) out[index] = { ...step, instruction };
    }
  }
  return out;
}
