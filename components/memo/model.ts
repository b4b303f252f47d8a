import { itemIndex, nextItemId } from '../../utils/guide/graph';
import type { Guide } from '../../utils/guide/schema';

/**
 * The memo sheet's content, pure: every item of the guide numbered in its
 * order, with where each one leads when that is not simply the next number.
 */
export interface MemoChoice {
  label: string;
  /** Number of the item this answer leads to; null if the guide names no such item. */
  goTo: number | null;
}

export type MemoLine =
  | {
      kind: 'step';
      number: number;
      id: string;
      text: string;
      sensitive: boolean /** Set when the step does not lead to the next number. */;
      goTo: number | null;
    }
  | { kind: 'question'; number: number; id: string; text: string; choices: MemoChoice[] }
  | { kind: 'end'; number: number; id: string; text: string | null }
  /** A step that runs another guide (`guide` is its id) and comes back. */
  | { kind: 'guide'; number: number; id: string; text: string; guide: string; goTo: number | null };

export function memoLines(guide: Pick<Guide, 'steps'>): MemoLine[] {
  const numberOf = (id: string) => {
    const index = itemIndex(guide, id);
    return index < 0 ? null : index + 1;
  };
  return guide.steps.map((item, index): MemoLine => {
    const number = index + 1;
    if (item.kind === 'question') {
      const choices = item.choices.map((choice) => ({ label: choice.label, goTo: numberOf(choice.next) }));
      return { kind: 'question', number, id: item.id, text: item.question, choices };
    }
    if (item.kind === 'end') return { kind: 'end', number, id: item.id, text: item.message ?? null };
    if (item.kind === 'guide') {
      const next = nextItemId(guide, item.id);
      const goTo = next === undefined ? null : numberOf(next);
      return { kind: 'guide', number, id: item.id, text: item.instruction, guide: item.guide, goTo: goTo === number + 1 ? null : goTo };
    }
    const next = nextItemId(guide, item.id);
    const goTo = next === undefined ? null : numberOf(next);
    return {
      kind: 'step',
      number,
      id: item.id,
      text: item.instruction,
      sensitive: item.sensitive,
      goTo: goTo === number + 1 ? null : goTo,
    };
  });
}

/** The sites of a guide as a person reads them: `https://*.ameli.fr/*` → `ameli.fr`. */
export function siteNames(sites: readonly string[]): string[] {
  const names = sites.map((pattern) => {
    const host = /^[^:]+:\/\/([^/]+)/.exec(pattern)?.[1] ?? pattern;
    return host.replace(/^\*\./, '').replace(/:\d+$/, '');
  });
  return [...new Set(names.filter((name) => name !== '*' && name !== ''))];
}
