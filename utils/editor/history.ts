/**
 * Undo and redo for the editor, pure and bounded. Each change carries a label
 * (« Supprimer l'étape 3 ») so that undo can say what it undid. Keystrokes in
 * one field make one change: commits with the same `group` within `GROUP_MS`
 * replace the present instead of stacking.
 */

/** How many changes can be undone. */
export const MAX_HISTORY = 100;
/** Typing pauses shorter than this stay in the same change. */
export const GROUP_MS = 1000;

export interface HistoryEntry<T> {
  state: T;
  /** The change between this state and the next one. */
  label: string;
}

export interface History<T> {
  past: HistoryEntry<T>[];
  present: T;
  future: HistoryEntry<T>[];
  /** The last commit's group and time, to merge keystrokes. */
  group?: { key: string; at: number };
}

export interface CommitOptions {
  label: string;
  /** Commits with the same group (e.g. the field's path) close in time are one change. */
  group?: string;
  now: number;
}

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

export function commit<T>(history: History<T>, next: T, options: CommitOptions): History<T> {
  if (Object.is(next, history.present)) return history;
  const { label, group, now } = options;
  const merge =
    group !== undefined &&
    history.group?.key === group &&
    now - history.group.at < GROUP_MS &&
    history.future.length === 0 &&
    history.past.length > 0;
  const stamp = group === undefined ? undefined : { key: group, at: now };
  if (merge) return { past: history.past, present: next, future: [], ...(stamp ? { group: stamp } : {}) };
  const past = [...history.past, { state: history.present, label }];
  if (past.length > MAX_HISTORY) past.splice(0, past.length - MAX_HISTORY);
  return { past, present: next, future: [], ...(stamp ? { group: stamp } : {}) };
}

export const canUndo = (history: History<unknown>) => history.past.length > 0;
export const canRedo = (history: History<unknown>) => history.future.length > 0;

/** The previous state, and the label of the change undone (undefined when there is nothing to undo). */
export function undo<T>(history: History<T>): { history: History<T>; label?: string } {
  const entry = history.past[history.past.length - 1];
  if (!entry) return { history };
  return {
    history: {
      past: history.past.slice(0, -1),
      present: entry.state,
      future: [{ state: history.present, label: entry.label }, ...history.future],
    },
    label: entry.label,
  };
}

export function redo<T>(history: History<T>): { history: History<T>; label?: string } {
  const [entry, ...rest] = history.future;
  if (!entry) return { history };
  return {
    history: {
      past: [...history.past, { state: history.present, label: entry.label }],
      present: entry.state,
      future: rest,
    },
    label: entry.label,
  };
}

/** The label of what undo or redo would do now. */
export function undoLabel(history: History<unknown>): string | undefined {
  return history.past[history.past.length - 1]?.label;
}

export function redoLabel(history: History<unknown>): string | undefined {
  return history.future[0]?.label;
}
