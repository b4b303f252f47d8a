/**
 * Everything Côte à côte keeps in extension storage, in one list: each key or
 * prefix is named once here, with the parser its reads go through. Who writes
 * each item: the background for runs, paused runs, progress, « Mes guides »,
 * the recording and the recording's draft for the editor; the views for the
 * settings and the editor's working copies.
 */

import { type RecordingState, readRecording } from '../authoring/recording';
import { type RecorderState, recorderStateOf } from '../authoring/recording-view';
import { type MigrationResult, migrateStore, type UserGuideStore } from '../authoring/user-guides';
import { fromStored, type StoredWorking, WORKING_PREFIX } from '../editor/autosave';
import { type EditorIncoming, readEditorIncoming } from '../editor/incoming';
import { type Progress, readStored, type StoredRead } from '../progress/format';
import { isRun, type Run } from '../run/run';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings/settings';
import { defineItem, defineItemFamily, guarded, lenient } from './item';

export { DAMAGED_PREFIX, type Damaged, type Item, type ItemFamily } from './item';

/** The run of each tab (`run:<tabId>`); only the background writes it, every view follows it. */
export const tabRuns = /* @__PURE__ */ defineItemFamily<Run>('run:', guarded(isRun, 'parcours illisible ou d’une autre version'));

/** Runs left unfinished when their tab closed or the browser stopped, by guide id, for « Reprendre ». */
export const pausedRuns = /* @__PURE__ */ defineItemFamily<Run>('paused:', guarded(isRun, 'parcours illisible ou d’une autre version'));

/** Display and reading settings: each field read on its own, anything odd replaced by its default. */
export const settingsItem = /* @__PURE__ */ defineItem<Settings>('settings', lenient(parseSettings), DEFAULT_SETTINGS);

/** The person's progress (finished runs); written by a newer version, it is shown as such and never overwritten. */
export const progressItem = /* @__PURE__ */ defineItem<StoredRead, Progress>('progress', lenient(readStored), readStored(undefined));

/** « Mes guides », migrated on read: damaged entries are set aside inside the store itself. */
export const userGuidesItem = /* @__PURE__ */ defineItem<MigrationResult, UserGuideStore>(
  'userGuides',
  lenient((raw) => migrateStore(raw, { now: new Date().toISOString() })),
  migrateStore(undefined),
);

const RECORDING = 'recording';

/** The recording under way, if any, as the background keeps it (every step checked); anything unreadable counts as none. */
export const recordingItem = /* @__PURE__ */ defineItem<RecordingState | null>(RECORDING, lenient(readRecording), null);

/** The same recording as the pages see it (on or off, which tab, how many steps): light, for the recorder script and the popup. */
export const recorderStateItem = /* @__PURE__ */ defineItem<RecorderState, never>(
  RECORDING,
  lenient(recorderStateOf),
  recorderStateOf(null),
);

/** A stopped recording's draft, waiting for the editor page to take it. */
export const editorIncomingItem = /* @__PURE__ */ defineItem<EditorIncoming | null>('editor:incoming', lenient(readEditorIncoming), null);

/** The editor's working copies, one per document (`editor:working:<doc>`). */
export const editorWorkingCopies = /* @__PURE__ */ defineItemFamily<StoredWorking>(WORKING_PREFIX, (raw) => {
  const read = fromStored(raw);
  return read ? { ok: true, value: raw as StoredWorking } : { ok: false, problem: 'copie de travail illisible' };
});
