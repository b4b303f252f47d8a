/**
 * Saving to « Mes guides », from the editor's button or from an import: what
 * the button may do with the guide as it is now, what the page says of the
 * copy, and the save itself — the guide's sites asked for first, then the
 * background asked to keep the guide.
 */
import type { ConflictChoice, GuideOrigin } from '../authoring/user-guides';
import type { GuideProblem } from '../guide/parse';
import type { Guide } from '../guide/schema';
import { send } from '../send';
import { exportGuide } from './export';
import { type Conflict, conflictOf, type ImportPlan, type KnownGuide, planImport } from './import';
import { isSavedInMyGuides, type WorkingCopy } from './model';

/** What the editor says of the copy: never saved, saved as it is, or changed since. */
export type MyGuidesState = 'never' | 'upToDate' | 'changed';

export function myGuidesState(copy: WorkingCopy): MyGuidesState {
  if (copy.savedId === undefined) return 'never';
  return isSavedInMyGuides(copy) ? 'upToDate' : 'changed';
}

/** The guides an id may collide with, once the page has read them. */
export interface SavedIds {
  mine: readonly KnownGuide[];
  bundledIds: ReadonlySet<string>;
}

/** What « Ajouter à mes guides » does with the working copy as it is. */
export type SaveStart =
  | { kind: 'problems'; problems: GuideProblem[] }
  /** My guides are not read yet: nothing can be said of a conflict. */
  | { kind: 'unknown' }
  | { kind: 'ask'; conflict: Exclude<Conflict, 'none'>; guide: Guide }
  | { kind: 'save'; guide: Guide };

export function startSave(copy: WorkingCopy, known: SavedIds | null): SaveStart {
  const result = exportGuide(copy.guide);
  if (!result.ok) return { kind: 'problems', problems: result.problems };
  if (!known) return { kind: 'unknown' };
  // The copy's own guide, saved under this id before, is no conflict.
  const conflict = result.guide.id === copy.savedId ? 'none' : conflictOf(result.guide, known.mine, known.bundledIds);
  return conflict === 'none' ? { kind: 'save', guide: result.guide } : { kind: 'ask', conflict, guide: result.guide };
}

/** The guide the editor saves for the trainer's choice (« Remplacer » by default). */
export function planEditorSave(copy: WorkingCopy, guide: Guide, choice: ConflictChoice, known: SavedIds): ImportPlan {
  return planImport(guide, choice, copy.guide.id === copy.savedId ? [] : known.mine, known.bundledIds);
}

/** The background's answer: saved (and what became of the sites), refused with its problems' messages, or not reached. */
export type SaveAnswer<Sites> = { state: 'saved'; sites: Sites } | { state: 'refused'; problems: string[] } | { state: 'failed' };

/**
 * Saves a guide to « Mes guides ». `askSites` is called at once, before
 * anything is awaited: browsers grant site permissions only during the click
 * that started the save. The guide is sent once the sites are answered.
 */
export async function saveToMyGuides<Sites>(
  guide: Guide,
  origin: GuideOrigin,
  askSites: (sites: readonly string[]) => Promise<Sites>,
): Promise<SaveAnswer<Sites>> {
  const asked = askSites(guide.sites);
  try {
    const sites = await asked;
    const answer = await send({ type: 'userGuides:save', guide, origin });
    if (!answer.ok) return { state: 'refused', problems: answer.problems.map((problem) => problem.message) };
    return { state: 'saved', sites };
  } catch {
    return { state: 'failed' };
  }
}
