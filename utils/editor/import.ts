/**
 * Reading a file the trainer imports, before anything is saved: a guide file
 * (validated by `parseGuide`), or a Chrome DevTools Recorder recording (turned
 * into a draft guide, its typed values dropped), or the reasons it is neither.
 * Then, when its id is already taken, what « Remplacer », « Garder les deux »
 * and « Annuler » would save. Pure: saving is the page's business, and happens
 * only on the trainer's confirmation.
 */
import { importRecorderText } from '../authoring/recorder-import';
import { type ConflictChoice, emptyStore, resolveImportConflict, type UserGuideStore } from '../authoring/user-guides';
import { type GuideProblem, MAX_GUIDE_BYTES, parseGuideText } from '../guide/parse';
import type { Guide } from '../guide/schema';

export type ImportReading =
  | { kind: 'guide'; guide: Guide }
  | { kind: 'recording'; guide: Guide; dropped: string[] }
  | { kind: 'invalid'; problems: GuideProblem[]; recording: boolean };

/** Whether a file of this size may be read at all (checked before reading it). */
export function isTooBig(size: number): boolean {
  return !(size <= MAX_GUIDE_BYTES);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A Chrome DevTools Recorder export: `{ title, steps: [{ type, selectors… }] }`,
 * without the guide format's marks (`format`, `kind`).
 */
export function looksLikeRecording(value: unknown): boolean {
  if (!isRecord(value) || 'format' in value || !Array.isArray(value.steps) || value.steps.length === 0) return false;
  const steps = value.steps.filter(isRecord);
  if (steps.some((step) => 'kind' in step)) return false;
  return steps.some((step) => typeof step.type === 'string') && steps.some((step) => 'selectors' in step || step.type === 'navigate');
}

/** The text of an imported file → what it holds. Never throws. */
export function readImportText(text: string, fileName?: string): ImportReading {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    value = undefined;
  }
  if (looksLikeRecording(value)) {
    const result = importRecorderText(text);
    if (result.ok) return { kind: 'recording', guide: result.guide, dropped: result.dropped };
    return { kind: 'invalid', problems: result.problems, recording: true };
  }
  const parsed = parseGuideText(text, fileName);
  if (parsed.ok) return { kind: 'guide', guide: parsed.guide };
  return { kind: 'invalid', problems: parsed.problems, recording: false };
}

/** What the page knows of the saved guides: their ids and titles (from `userGuides:list`). */
export interface KnownGuide {
  id: string;
  title: string;
}

/**
 * A store with the saved guides' ids and titles, and the bundled guides' ids
 * (which an import may not take), for `resolveImportConflict` to pick a free id
 * and a title « (copie) ». Only read, never saved.
 */
function storeOf(mine: readonly KnownGuide[], bundledIds: ReadonlySet<string>): UserGuideStore {
  const store = emptyStore();
  const add = (id: string, title: string) =>
    Object.defineProperty(store.guides, id, {
      value: { guide: { id, title } as Guide, savedAt: '1970-01-01T00:00:00.000Z', origin: 'imported' },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  for (const id of bundledIds) add(id, '');
  for (const guide of mine) add(guide.id, guide.title);
  return store;
}

export type Conflict = 'none' | 'mine' | 'bundled';

/** Whether the guide's id is free, one of my guides' (it can be replaced), or a bundled guide's (it cannot). */
export function conflictOf(guide: Pick<Guide, 'id'>, mine: readonly KnownGuide[], bundledIds: ReadonlySet<string>): Conflict {
  if (bundledIds.has(guide.id)) return 'bundled';
  return mine.some((known) => known.id === guide.id) ? 'mine' : 'none';
}

export type ImportPlan = { save: true; guide: Guide; outcome: 'added' | 'replaced' | 'kept-both' } | { save: false; outcome: 'cancelled' };

/**
 * The guide to save for the trainer's choice. A bundled guide's id cannot be
 * replaced: « Remplacer » keeps both then.
 */
export function planImport(guide: Guide, choice: ConflictChoice, mine: readonly KnownGuide[], bundledIds: ReadonlySet<string>): ImportPlan {
  const effective: ConflictChoice = choice === 'replace' && bundledIds.has(guide.id) ? 'keep-both' : choice;
  const result = resolveImportConflict(storeOf(mine, bundledIds), guide, effective);
  if (result.outcome === 'cancelled' || !result.guide) return { save: false, outcome: 'cancelled' };
  return { save: true, guide: result.guide, outcome: result.outcome };
}
