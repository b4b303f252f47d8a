/**
 * The view of a run's current step, computed in one place for every view that
 * shows it: the overlay (through the background's `run:current`), the side
 * panel and the popup. They all show the same figures and the same rule for
 * the spotlight.
 */
import { itemById, nextItemId } from '../guide/graph';
import type { ActionStep, Guide, GuideItem, PrepareItem } from '../guide/schema';
import { isPlayed, levelPosition, partOf, partsAround } from './played';
import { canGoBack, type Recap, recap, spotlightOn, trail } from './recap';
import { currentItem, type Run } from './run';

/** The inner guide the current item belongs to (format 2): « Se connecter avec FranceConnect », étape 2 sur 5. */
export interface InnerView {
  guideId: string;
  title: string;
  lang: string;
  /** What the step that runs it asks, in the outer guide: « Connectez-vous avec FranceConnect. » */
  instruction: string;
  position: number;
  total: number;
}

/** What a view needs to show the current step: the run, the item and where it sits. */
export interface StepView {
  /** `documented`: the day of the official help it was written from, when not yet checked on the site. */
  guide: Pick<Guide, 'id' | 'title' | 'lang'> & { prepare: PrepareItem[]; documented?: string };
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
  /** When the current item is in a guide run by the guide (innermost one). */
  inner?: InnerView;
  /** Title of the inner guide the person just finished, back in the procedure that ran it. */
  cameBackFrom?: string;
}

/**
 * « Étape X sur Y »: the items to do are the steps and questions, never the
 * end; at the end, the position is the last one. Inside a guide run by the
 * guide, the position is that of the step that runs it (the inner guide has
 * its own figures, `inner`).
 */
export function positionOf(guide: Pick<Guide, 'steps'>, run: Pick<Run, 'currentId'>): { position: number; total: number } {
  return levelPosition(guide, partsAround(run.currentId)[0] ?? run.currentId);
}

function innerView(guide: Guide, id: string): InnerView | undefined {
  const part = partOf(id);
  const info = part === undefined || !isPlayed(guide) ? undefined : guide.parts[part];
  const caller = part === undefined ? undefined : itemById(guide, part);
  if (!info || caller?.kind !== 'guide') return undefined;
  return { guideId: info.guideId, title: info.title, lang: info.lang, instruction: caller.instruction, ...levelPosition(guide, id) };
}

/** The inner guide just left for the current item's level, if the last step done was in one. */
function cameBackFrom(guide: Guide, run: Run): string | undefined {
  const last = trail(run).at(-1);
  if (!last || !isPlayed(guide)) return undefined;
  const level = partOf(run.currentId);
  const left = partsAround(last.id).find((part) => partOf(part) === level);
  return left === undefined ? undefined : guide.parts[left]?.title;
}

/** The action step right after `item` on its path, for the page to watch ahead. */
function nextStepOf(guide: Guide, item: GuideItem): ActionStep | undefined {
  const nextId = nextItemId(guide, item.id);
  const next = nextId === undefined ? undefined : itemById(guide, nextId);
  return next?.kind === 'step' && next.target ? next : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [k in K]?: V };
}

/** The view of the run's current item; null when the run points at no item of this guide. */
export function stepView(guide: Guide, run: Run): StepView | null {
  const item = currentItem(guide, run);
  if (!item) return null;
  const next = nextStepOf(guide, item);
  return {
    guide: {
      id: guide.id,
      title: guide.title,
      lang: guide.lang,
      prepare: guide.prepare,
      ...(guide.status.state === 'documented' ? { documented: guide.status.on } : {}),
    },
    run,
    item,
    ...positionOf(guide, run),
    canGoBack: canGoBack(run),
    spotlight: spotlightOn(run) || item.kind === 'end',
    ...(item.kind === 'end' ? { recap: recap(guide, run) } : {}),
    ...(next ? { next } : {}),
    ...optional('inner', innerView(guide, item.id)),
    ...optional('cameBackFrom', item.kind === 'end' ? undefined : cameBackFrom(guide, run)),
  };
}
