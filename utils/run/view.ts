/**
 * The view of a run's current step, computed in one place for every view that
 * shows it: the overlay (through the background's `run:current`), the side
 * panel and the popup. They all show the same figures and the same rule for
 * the spotlight.
 */
import { itemById, nextItemId } from '../guide/graph';
import type { ActionStep, Guide, GuideItem, PrepareItem } from '../guide/schema';
import { canGoBack, type Recap, recap, spotlightOn } from './recap';
import { currentItem, type Run } from './run';

/** What a view needs to show the current step: the run, the item and where it sits. */
export interface StepView {
  guide: Pick<Guide, 'id' | 'title' | 'lang'> & { prepare: PrepareItem[] };
  run: Run;
  item: GuideItem;
  /** « Étape X sur Y »: the 1-based position of the item among the steps to do (the end is not one), and their count. */
  position: number;
  total: number;
  canGoBack: boolean;
  /**
   * Whether the page shows the spotlight and bubble now: the level of help, or
   * help asked; always at the end, which holds the "leave no trace" checklist.
   */
  spotlight: boolean;
  /** At the end: what was done, counts only. */
  recap?: Recap;
  /**
   * The action step that follows on the same path, when there is one: the page
   * watches it as soon as the current step is done, so that a click that also
   * ends the current step (leaving a field by clicking « Valider ») is not lost.
   */
  next?: ActionStep;
}

/**
 * « Étape X sur Y »: the items to do are the steps and questions, never the
 * end; at the end, the position is the last one.
 */
export function positionOf(guide: Pick<Guide, 'steps'>, run: Pick<Run, 'currentId'>): { position: number; total: number } {
  const toDo = guide.steps.filter((item) => item.kind !== 'end');
  const index = toDo.findIndex((item) => item.id === run.currentId);
  return { position: index === -1 ? toDo.length : index + 1, total: toDo.length };
}

/** The action step right after `item` on its path, for the page to watch ahead. */
function nextStepOf(guide: Guide, item: GuideItem): ActionStep | undefined {
  const nextId = nextItemId(guide, item.id);
  const next = nextId === undefined ? undefined : itemById(guide, nextId);
  return next?.kind === 'step' && next.target ? next : undefined;
}

/** The view of the run's current item; null when the run points at no item of this guide. */
export function stepView(guide: Guide, run: Run): StepView | null {
  const item = currentItem(guide, run);
  if (!item) return null;
  const next = nextStepOf(guide, item);
  return {
    guide: { id: guide.id, title: guide.title, lang: guide.lang, prepare: guide.prepare },
    run,
    item,
    ...positionOf(guide, run),
    canGoBack: canGoBack(run),
    spotlight: spotlightOn(run) || item.kind === 'end',
    ...(item.kind === 'end' ? { recap: recap(guide, run) } : {}),
    ...(next ? { next } : {}),
  };
}
