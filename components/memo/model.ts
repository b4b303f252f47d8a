import { itemIndex, nextItemId } from '../../utils/guide/graph';
import type { Guide } from '../../utils/guide/schema';
import { isPlayed, partOf } from '../../utils/run/played';

/**
 * The memo sheet's content, pure: every item of the guide numbered in its
 * order, with where each one leads when that is not simply the next number.
 */
export interface MemoChoice {
  label: string;
  /** Number of the item this answer leads to; null if the guide names no such item. */
  goTo: number | null;
}

/** Every line has its number in its level and its label: `3`, or `2.1` inside the guide run at line 2. */
interface Numbered {
  number: number;
  label: string;
}

export type MemoLine = Numbered &
  (
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
    /** A step that runs another guide (`guide` is its id) and comes back; `lines`: that guide's, when it is installed. */
    | {
        kind: 'guide';
        number: number;
        id: string;
        text: string;
        guide: string;
        title: string | null;
        goTo: number | null;
        lines: MemoLine[];
      }
  );

/**
 * The lines of a guide, or of a played guide (`utils/run/played.ts`): its own
 * items, and under each step that runs another guide, that guide's items
 * numbered `2.1`, `2.2`… (`part`: the level being listed).
 */
export function memoLines(played: Pick<Guide, 'steps'>, part?: string, prefix = ''): MemoLine[] {
  const guide = { steps: played.steps.filter((item) => partOf(item.id) === part) };
  const numberOf = (id: string) => {
    const index = itemIndex(guide, id);
    return index < 0 ? null : index + 1;
  };
  return guide.steps.map((item, index): MemoLine => {
    const number = index + 1;
    const label = `${prefix}${number}`;
    if (item.kind === 'question') {
      const choices = item.choices.map((choice) => ({ label: choice.label, goTo: numberOf(choice.next) }));
      return { kind: 'question', number, label, id: item.id, text: item.question, choices };
    }
    if (item.kind === 'end') return { kind: 'end', number, label, id: item.id, text: item.message ?? null };
    if (item.kind === 'guide') {
      const next = nextItemId(guide, item.id);
      const goTo = next === undefined ? null : numberOf(next);
      const title = isPlayed(played as Guide)
        ? ((played as Guide & { parts: Record<string, { title: string }> }).parts[item.id]?.title ?? null)
        : null;
      return {
        kind: 'guide',
        number,
        label,
        id: item.id,
        text: item.instruction,
        guide: item.guide,
        title,
        goTo: goTo === number + 1 ? null : goTo,
        // An inner guide's own ends are not lines: the procedure goes on after it.
        lines: memoLines(played, item.id, `${label}.`).filter((line) => line.kind !== 'end'),
      };
    }
    const next = nextItemId(guide, item.id);
    const goTo = next === undefined ? null : numberOf(next);
    return {
      kind: 'step',
      number,
      label,
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
