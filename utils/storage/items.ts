/**
 * Everything Côte à côte keeps in extension storage, named once each, with
 * the parser its reads go through. The items are in two files only for the
 * weight of the content scripts: this one holds what pages and content
 * scripts read (light parsers); `schema-items.ts` holds those whose parser
 * needs the guide schema (zod), read by the background and the editor pages.
 *
 * Who writes: the background for runs, paused runs, progress, « Mes guides »,
 * the recording and the recording's draft for the editor; the views for the
 * settings and the editor's working copies.
 *
 * Every item, and every call in its arguments, is marked pure: a script that reads two items
 * carries only those two and their parsers.
 */
import { type RecorderState, recorderStateOf } from '../authoring/recording-view';
import { isRun, type Run } from '../run/run';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings/settings';
import { type CatalogueChecks, readChecks } from '../team-catalogue/checks';
import { defineItem, defineItemFamily, guarded, lenient } from './item';

export { DAMAGED_PREFIX, type Damaged, type Item, type ItemFamily } from './item';

/** The run of each tab (`run:<tabId>`); only the background writes it, every view follows it. */
export const tabRuns = /* @__PURE__ */ defineItemFamily<Run>(
  'run:',
  /* @__PURE__ */ guarded(isRun, 'unreadable run, or from another version'),
);

/** Runs left unfinished when their tab closed or the browser stopped, by guide id, for « Reprendre ». */
export const pausedRuns = /* @__PURE__ */ defineItemFamily<Run>(
  'paused:',
  /* @__PURE__ */ guarded(isRun, 'unreadable run, or from another version'),
);

/** Display and reading settings: each field read on its own, anything odd replaced by its default. */
export const settingsItem = /* @__PURE__ */ defineItem<Settings>('settings', /* @__PURE__ */ lenient(parseSettings), DEFAULT_SETTINGS);

/** The recording under way; the background reads it whole (`recordingItem`), the pages as this light view. */
export const RECORDING_KEY = 'recording';

/** The recording as the pages see it (on or off, which tab, how many steps): for the recorder script and the popup. */
export const recorderStateItem = /* @__PURE__ */ defineItem<RecorderState, never>(
  RECORDING_KEY,
  /* @__PURE__ */ lenient(recorderStateOf),
  /* @__PURE__ */ recorderStateOf(null),
);

/** The last check of each team catalogue, by address (the catalogues themselves: `teamCataloguesItem`). */
export const teamCatalogueChecksItem = /* @__PURE__ */ defineItem<CatalogueChecks>(
  'teamCatalogues:checks',
  /* @__PURE__ */ lenient(readChecks),
  {},
);
