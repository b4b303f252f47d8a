/**
 * What the editor page asks of the browser: its working copies in storage, the
 * recording's draft left by the background, site permissions, the tab to test
 * a target on, and the download of an exported file. The logic is in
 * `utils/editor`; this module only wires it to the browser.
 */
import { browser } from 'wxt/browser';
import {
  fromStored,
  INCOMING_KEY,
  isWorkingGuide,
  listWorking,
  pickTestTab,
  type TabInfo,
  toStored,
  type WorkingCopy,
  type WorkingGuide,
  type WorkingSummary,
  workingKey,
} from '../../utils/editor';
import { parseGuide } from '../../utils/guide/parse';
import { downloadJson } from '../shared/download';

const storage = () => browser.storage.local;

export async function writeWorking(copy: WorkingCopy): Promise<void> {
  await storage().set({ [workingKey(copy.doc)]: toStored(copy, Date.now()) });
}

export async function readWorking(doc: string): Promise<WorkingCopy | null> {
  const key = workingKey(doc);
  return fromStored((await storage().get(key))[key])?.copy ?? null;
}

export async function listWorkingCopies(): Promise<WorkingSummary[]> {
  return listWorking((await storage().get(null)) as Record<string, unknown>);
}

export async function removeWorking(doc: string): Promise<void> {
  await storage().remove(workingKey(doc));
}

export interface Incoming {
  guide: WorkingGuide;
  at: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The recording's draft waiting for the editor, if any (read, not taken). */
export async function readIncoming(): Promise<Incoming | null> {
  const raw = (await storage().get(INCOMING_KEY))[INCOMING_KEY];
  if (!isRecord(raw)) return null;
  const parsed = parseGuide(raw.guide);
  const guide = parsed.ok ? parsed.guide : isWorkingGuide(raw.guide) ? raw.guide : null;
  if (!guide) return null;
  return { guide, at: typeof raw.at === 'number' ? raw.at : 0 };
}

/**
 * Makes the waiting draft a working copy: written first, and only then removed
 * from where the background left it (unless a newer recording replaced it in
 * the meantime), so that a closed page never loses it.
 */
export async function takeIncoming(make: (guide: WorkingGuide) => WorkingCopy): Promise<WorkingCopy | null> {
  const incoming = await readIncoming();
  if (!incoming) return null;
  const copy = make(incoming.guide);
  await writeWorking(copy);
  const still = await readIncoming();
  if (still && still.at === incoming.at) await storage().remove(INCOMING_KEY);
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
