/**
 * One editing session of a working copy: every change goes through `apply`
 * (one undoable step, keystrokes in one field grouped), is written to storage
 * at most 300 ms later and again when the page is hidden, and can be undone
 * and redone with the buttons or Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y.
 */

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import {
  Autosaver,
  canRedo,
  canUndo,
  commit,
  createHistory,
  type History,
  redo,
  redoLabel,
  undo,
  undoLabel,
  type WorkingCopy,
} from '../../utils/editor';

export type Operation = (copy: WorkingCopy) => WorkingCopy;

type Meta = Pick<WorkingCopy, 'origin' | 'savedId' | 'savedPrint'>;

interface State {
  history: History<WorkingCopy>;
  /** What undo or redo just did, said in the live region; `seq` makes the same text said again. */
  notice: { text: string; seq: number } | null;
}

type Action =
  | { type: 'apply'; op: Operation; label: string; group?: string; now: number }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'meta'; meta: Meta };

function withMeta(copy: WorkingCopy, meta: Meta): WorkingCopy {
  const out: WorkingCopy = { ...copy, origin: meta.origin };
  if (meta.savedId === undefined) delete out.savedId;
  else out.savedId = meta.savedId;
  if (meta.savedPrint === undefined) delete out.savedPrint;
  else out.savedPrint = meta.savedPrint;
  return out;
}

function reduce(state: State, action: Action): State {
  const seq = (state.notice?.seq ?? 0) + 1;
  switch (action.type) {
    case 'apply': {
      const next = action.op(state.history.present);
      const history = commit(state.history, next, { label: action.label, group: action.group, now: action.now });
      return history === state.history ? state : { ...state, history };
    }
    case 'undo': {
      const { history, label } = undo(state.history);
      return label === undefined ? state : { history, notice: { text: i18n.t('editor.history.undone', [label]), seq } };
    }
    case 'redo': {
      const { history, label } = redo(state.history);
      return label === undefined ? state : { history, notice: { text: i18n.t('editor.history.redone', [label]), seq } };
    }
    case 'meta': {
      // Where the guide is saved is not a change to undo: every state of the history learns it.
      const h = state.history;
      const history: History<WorkingCopy> = {
        ...h,
        past: h.past.map((entry) => ({ ...entry, state: withMeta(entry.state, action.meta) })),
        present: withMeta(h.present, action.meta),
        future: h.future.map((entry) => ({ ...entry, state: withMeta(entry.state, action.meta) })),
      };
      return { ...state, history };
    }
    default:
      return assertNever(action);
  }
}

export type SaveState = 'idle' | 'saved' | 'failed';

export interface Session {
  copy: WorkingCopy;
  apply(op: Operation, label: string, group?: string): void;
  setMeta(meta: Meta): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
  notice: { text: string; seq: number } | null;
  saveState: SaveState;
  /** Writes what is pending now (before leaving the page's view of this copy). */
  flush(): Promise<void>;
}

export interface SessionOptions {
  write(copy: WorkingCopy): Promise<void>;
  now?: () => number;
}

function isUndoKey(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

export function useSession(initial: WorkingCopy, options: SessionOptions): Session {
  const [state, dispatch] = useReducer(reduce, undefined, () => ({ history: createHistory(initial), notice: null }));
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const now = options.now ?? Date.now;
  const writeRef = useRef(options.write);
  writeRef.current = options.write;
  const saver = useMemo(
    () =>
      new Autosaver<WorkingCopy>(
        (copy) => writeRef.current(copy),
        (outcome) => setSaveState(outcome),
      ),
    [],
  );

  const present = state.history.present;
  const first = useRef(true);
  useEffect(() => {
    // The copy as opened is already in storage.
    if (first.current) {
      first.current = false;
      return;
    }
    saver.schedule(present);
  }, [present]);

  useEffect(() => {
    const flush = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onKey = (event: KeyboardEvent) => {
      const which = isUndoKey(event);
      if (!which || event.isComposing) return;
      // The form is rebuilt from the working copy: the page's own undo replaces the fields' native one.
      event.preventDefault();
      dispatch({ type: which });
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('keydown', onKey);
      flush();
      saver.dispose();
    };
  }, [saver]);

  const apply = useCallback(
    (op: Operation, label: string, group?: string) => dispatch({ type: 'apply', op, label, group, now: now() }),
    [],
  );
  const setMeta = useCallback((meta: Meta) => dispatch({ type: 'meta', meta }), []);

  return {
    copy: present,
    apply,
    setMeta,
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
    canUndo: canUndo(state.history),
    canRedo: canRedo(state.history),
    undoLabel: undoLabel(state.history),
    redoLabel: redoLabel(state.history),
    notice: state.notice,
    saveState,
    flush: () => saver.flush(),
  };
}
