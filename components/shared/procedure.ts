import { itemById } from '../../utils/guide/graph';
import type { Guide, GuideItem } from '../../utils/guide/schema';
import { itemsAhead, landing, MAX_DEPTH, partOf, type Run, trail } from '../../utils/run';

/** How a line of the procedure stands; the text badge says it, never colour alone. */
export type LineState = 'done' | 'manual' | 'answered' | 'skipped' | 'current' | 'ahead';

export interface ProcedureLine {
  item: GuideItem;
  state: LineState;
  /** For an answered question: the label of the choice made. */
  answer?: string;
}

export interface Procedure {
  lines: ProcedureLine[];
  /** The path stops at a question not answered yet: what follows depends on the answer. */
  dependsOnAnswer: boolean;
}

/**
 * What follows without a choice to make; the end of a guide run by this one is
 * not a line: the run goes on at what follows it in the outer guide.
 */
function aheadOf(guide: Pick<Guide, 'steps'>, id: string): GuideItem[] {
  const out: GuideItem[] = [];
  let list = itemsAhead(guide, id);
  for (let level = 0; level <= MAX_DEPTH; level++) {
    const end = list.findIndex((item) => item.kind === 'end' && partOf(item.id) !== undefined);
    if (end === -1) return [...out, ...list];
    out.push(...list.slice(0, end));
    const landed = landing(guide, (list[end] as GuideItem).id);
    const next = landed.id === undefined ? undefined : itemById(guide, landed.id);
    if (!next || out.some((item) => item.id === next.id)) return out;
    out.push(next);
    list = itemsAhead(guide, next.id);
  }
  return out;
}

/**
 * The procedure as the panel lists it: the path actually taken (answers
 * included), the current item, then what follows without a choice to make.
 * Branches not taken are left out, so that the list is the person's own way.
 */
export function procedureOf(guide: Pick<Guide, 'steps'>, run: Run): Procedure {
  const lines: ProcedureLine[] = [];
  for (const visit of trail(run)) {
    const item = itemById(guide, visit.id);
    if (!item || visit.how === 'back') continue;
    if (visit.how === 'answered' && item.kind === 'question') {
      lines.push({ item, state: 'answered', answer: visit.choice === undefined ? undefined : item.choices[visit.choice]?.label });
    } else {
      lines.push({ item, state: visit.how === 'manual' ? 'manual' : visit.how === 'skipped' ? 'skipped' : 'done' });
    }
  }
  const current = itemById(guide, run.currentId);
  if (!current) return { lines, dependsOnAnswer: false };
  // A finished run's end item is reached, not pending.
  lines.push({ item: current, state: current.kind === 'end' && run.status === 'finished' ? 'done' : 'current' });
  if (run.status !== 'active') return { lines, dependsOnAnswer: false };
  const ahead = aheadOf(guide, run.currentId);
  for (const item of ahead) lines.push({ item, state: 'ahead' });
  const last = ahead.at(-1) ?? current;
  return { lines, dependsOnAnswer: last.kind === 'question' };
}
