/**
 * What the editor page asks of the browser: its working copies in storage, the
 * recording's draft left by the background, site permissions, the tab to test
 * a target on, and the download of an exported file. The logic is in
 * `utils/editor`; this module only wires it to the browser.
 */
import { browser } from 'wxt/browser';
import { listWorking, pickTestTab, type TabInfo, toStored, type WorkingCopy, type WorkingSummary } from '../../utils/editor';
import { fromStored } from '../../utils/editor/autosave';
import type { EditorIncoming } from '../../utils/editor/incoming';
import { editorIncomingItem, editorWorkingCopies } from '../../utils/storage/schema-items';
import { downloadJson } from '../shared/download';

export async function writeWorking(copy: WorkingCopy): Promise<void> {
  await editorWorkingCopies.of(copy.doc).set(toStored(copy, Date.now()));
}

export async function readWorking(doc: string): Promise<WorkingCopy | null> {
  return fromStored(await editorWorkingCopies.of(doc).get())?.copy ?? null;
}

export async function listWorkingCopies(): Promise<WorkingSummary[]> {
  const all = await editorWorkingCopies.all();
  return listWorking(Object.fromEntries([...all].map(([doc, stored]) => [`${editorWorkingCopies.prefix}${doc}`, stored])));
}

export async function removeWorking(doc: string): Promise<void> {
  await editorWorkingCopies.of(doc).remove();
}

export type Incoming = EditorIncoming;

/** The recording's draft waiting for the editor, if any (read, not taken). */
export const readIncoming = (): Promise<Incoming | null> => editorIncomingItem.get();

/** Follows the waiting draft (a recording stopped while the editor is open). */
export const followIncoming = (listener: (incoming: Incoming | null) => void): (() => void) => editorIncomingItem.watch(listener);

/**
 * Makes the waiting draft a working copy: written first, and only then removed
 * from where the background left it (unless a newer recording replaced it in
 * the meantime), so that a closed page never loses it.
 */
export async function takeIncoming(make: (guide: Incoming['guide']) => WorkingCopy): Promise<WorkingCopy | null> {
  const incoming = await readIncoming();
  if (!incoming) return null;
  const copy = make(incoming.guide);
  await writeWorking(copy);
  const still = await readIncoming();
  if (still && still.at === incoming.at) await editorIncomingItem.remove();
  return copy;
}

export type SitesAnswer = 'granted' | 'refused' | 'unavailable';

/**
 * Asks for the guide's sites as optional host permissions. Browsers want a
 * user gesture: call it first thing in a click handler, before any `await`.
 */
export function requestSites(sites: readonly string[]): Promise<SitesAnswer> {
  const permissions = (browser as { permissions?: { request?: (p: { origins: string[] }) => Promise<boolean> } }).permissions;
  if (sites.length === 0) return Promise.resolve('granted');
  if (typeof permissions?.request !== 'function') return Promise.resolve('unavailable');
  try {
    return permissions.request({ origins: [...sites] }).then(
      (granted) => (granted ? 'granted' : 'refused'),
      () => 'refused',
    );
  } catch {
    return Promise.resolve('refused');
  }
}

/** The tab to test a target on: the most recently used tab of this window that is not an extension page. */
export async function findTestTab(): Promise<TabInfo | undefined> {
  const tabs = (await browser.tabs.query({ currentWindow: true })) as TabInfo[];
  let self: number | undefined;
  try {
    self = (await browser.tabs.getCurrent())?.id;
  } catch {
    self = undefined;
  }
  return pickTestTab(tabs, browser.runtime.getURL('/' as never), self);
}

/** Saves a text as a file, through a link of this page (the editor's own page, never a site's). */
export function downloadText(text: string, fileName: string): void {
  downloadJson(text, fileName);
}

/** Whether the extension may already show guides on a site; null when the browser cannot say. */
export async function hasSite(site: string): Promise<boolean | null> {
  const permissions = (browser as { permissions?: { contains?: (p: { origins: string[] }) => Promise<boolean> } }).permissions;
  try {
    return typeof permissions?.contains === 'function' ? await permissions.contains({ origins: [site] }) : null;
  } catch {
    return null;
  }
}
