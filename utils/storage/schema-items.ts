/**
 * The stored items whose parser needs the guide schema: read by the
 * background and the extension's own pages, never by a content script (see
 * `items.ts`, which names the others).
 */
import { type RecordingState, readRecording } from '../authoring/recording';
import { type MigrationResult, migrateStore, type UserGuideStore } from '../authoring/user-guides';
import { fromStored, type StoredWorking, WORKING_PREFIX } from '../editor/autosave';
import { type EditorIncoming, readEditorIncoming } from '../editor/incoming';
import { type Progress, readStored, type StoredRead } from '../progress/format';
import { NO_TEAM_CATALOGUES, readTeamCatalogues, type TeamCatalogues } from '../team-catalogue/installed';
import { readVerifyPick, type VerifyPick } from '../verify/pick';
import { isReport, type VerifyReport } from '../verify/report';
import { defineItem, defineItemFamily, guarded, lenient } from './item';
import { RECORDING_KEY } from './items';

/** The person's progress (finished runs); written by a newer version, it is shown as such and never overwritten. */
export const progressItem = /* @__PURE__ */ defineItem<StoredRead, Progress>('progress', lenient(readStored), readStored(undefined));

/** « Mes guides », migrated on read: damaged entries are set aside inside the store itself. */
export const userGuidesItem = /* @__PURE__ */ defineItem<MigrationResult, UserGuideStore>(
  'userGuides',
  lenient((raw) => migrateStore(raw, { now: new Date().toISOString() })),
  migrateStore(undefined),
);

/** The recording under way, as the background keeps it (every step checked); anything unreadable counts as none. */
export const recordingItem = /* @__PURE__ */ defineItem<RecordingState | null>(RECORDING_KEY, lenient(readRecording), null);

/** A stopped recording's draft, waiting for the editor page to take it. */
export const editorIncomingItem = /* @__PURE__ */ defineItem<EditorIncoming | null>('editor:incoming', lenient(readEditorIncoming), null);

/** The editor's working copies, one per document (`editor:working:<doc>`). */
export const editorWorkingCopies = /* @__PURE__ */ defineItemFamily<StoredWorking>(WORKING_PREFIX, (raw) =>
  fromStored(raw) ? { ok: true, value: raw as StoredWorking } : { ok: false, problem: 'unreadable working copy' },
);

/** The team catalogues the advisor added, with their guides: one value, written whole (see utils/team-catalogue/installed.ts). */
export const teamCataloguesItem = /* @__PURE__ */ defineItem<TeamCatalogues>('teamCatalogues', readTeamCatalogues, NO_TEAM_CATALOGUES);

/**
 * « Montrer le bon élément » while checking a guide: the tab waiting for the person's click, then the
 * element pointed at, described like a recording (`verify:pick`, `verify:picked`). Only the background writes it.
 */
export const verifyPickItem = /* @__PURE__ */ defineItem<VerifyPick | null>('verify:pick', lenient(readVerifyPick), null);

/** The report of the last check of each guide on its site (`verify-report:<guide id>`), for the printable report page. */
export const verifyReports = /* @__PURE__ */ defineItemFamily<VerifyReport>(
  'verify-report:',
  guarded(isReport, 'unreadable verification report, or from another version'),
);
