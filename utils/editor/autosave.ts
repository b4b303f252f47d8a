/**
 * The working copies as kept in `browser.storage.local`, one key per copy:
 * `editor:working:<doc>` → `{ v: 1, savedAt, copy }`. Written on every change
 * (debounced) and when the page is hidden, read back when the editor opens, so
 * that closing the page or the browser loses nothing.
 *
 * Reading never throws: a value that is not a working copy is ignored (and
 * left where it is).
 */

import { type GuideOrigin, ORIGINS } from '../authoring/user-guides';
import { GUIDE_FORMATS, type GuideItem, type GuideStatus } from '../guide/schema';
import type { WorkingCopy, WorkingGuide } from './model';

export const WORKING_VERSION = 1;
export const WORKING_PREFIX = 'editor:working:';
/** Debounce of the autosave: at most this long between a change and its write. */
export const AUTOSAVE_MS = 300;

export const workingKey = (doc: string) => `${WORKING_PREFIX}${doc}`;

export interface StoredWorking {
  v: typeof WORKING_VERSION;
  /** Epoch ms of the write. */
  savedAt: number;
  copy: WorkingCopy;
}

export function toStored(copy: WorkingCopy, now: number): StoredWorking {
  return { v: WORKING_VERSION, savedAt: now, copy };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const STATES = new Set<unknown>(['draft', 'documented', 'verified'] satisfies GuideStatus['state'][]);
const KINDS = new Set<string>(['step', 'question', 'end', 'guide'] satisfies GuideItem['kind'][]);

function isItem(value: unknown): value is GuideItem {
  if (!isRecord(value) || typeof value.kind !== 'string' || !KINDS.has(value.kind) || typeof value.id !== 'string') return false;
  if (value.kind === 'question') {
    return typeof value.question === 'string' && Array.isArray(value.choices) && value.choices.every((c) => isRecord(c));
  }
  if (value.kind === 'step') return typeof value.instruction === 'string' && typeof value.action === 'string';
  if (value.kind === 'guide') return typeof value.instruction === 'string' && typeof value.guide === 'string';
  return true;
}

/** Whether a value has the shape the editor's form can show (its content may still be invalid). */
export function isWorkingGuide(value: unknown): value is WorkingGuide {
  if (!isRecord(value)) return false;
  const texts = ['id', 'version', 'lang', 'title', 'summary'];
  if (!texts.every((key) => typeof value[key] === 'string')) return false;
  if (!(GUIDE_FORMATS as readonly unknown[]).includes(value.format)) return false;
  if (!(value.durationMinutes === null || typeof value.durationMinutes === 'number')) return false;
  if (!isRecord(value.status) || !STATES.has(value.status.state)) return false;
  // Saved before format 2: no sources yet.
  if (value.sources === undefined) value.sources = [];
  if (!Array.isArray(value.sources) || !value.sources.every((source) => isRecord(source))) return false;
  if (!Array.isArray(value.sites) || !value.sites.every((site) => typeof site === 'string')) return false;
  if (!Array.isArray(value.prepare) || !value.prepare.every((item) => isRecord(item) && typeof item.label === 'string')) return false;
  return Array.isArray(value.steps) && value.steps.every(isItem);
}

/** The working copy in a stored value, or null when it is not one. */
export function fromStored(raw: unknown): { copy: WorkingCopy; savedAt: number } | null {
  if (!isRecord(raw) || raw.v !== WORKING_VERSION || !isRecord(raw.copy)) return null;
  const copy = raw.copy;
  if (typeof copy.doc !== 'string' || !isWorkingGuide(copy.guide)) return null;
  const steps = copy.guide.steps.length;
  const keysOk =
    Array.isArray(copy.keys) &&
    copy.keys.length === steps &&
    copy.keys.every((k) => typeof k === 'string') &&
    new Set(copy.keys).size === steps;
  const keys = keysOk ? (copy.keys as string[]) : copy.guide.steps.map((_, i) => `r${i + 1}`);
  const nextKey = typeof copy.nextKey === 'number' && Number.isInteger(copy.nextKey) && copy.nextKey > 0 ? copy.nextKey : steps + 1;
  const origin: GuideOrigin = (ORIGINS as readonly unknown[]).includes(copy.origin) ? (copy.origin as GuideOrigin) : 'edited';
  const out: WorkingCopy = { doc: copy.doc, guide: copy.guide, keys, nextKey: keysOk ? nextKey : steps + 1, origin };
  if (typeof copy.savedId === 'string') out.savedId = copy.savedId;
  if (typeof copy.savedPrint === 'string') out.savedPrint = copy.savedPrint;
  if (typeof copy.copiedFrom === 'string') out.copiedFrom = copy.copiedFrom;
  return { copy: out, savedAt: typeof raw.savedAt === 'number' ? raw.savedAt : 0 };
}

export interface WorkingSummary {
  doc: string;
  title: string;
  guideId: string;
  savedId?: string;
  savedAt: number;
}

/** The working copies among everything in storage, most recent first. */
export function listWorking(all: Record<string, unknown>): WorkingSummary[] {
  const out: WorkingSummary[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(WORKING_PREFIX)) continue;
    const read = fromStored(raw);
    if (!read || workingKey(read.copy.doc) !== key) continue;
    const { copy, savedAt } = read;
    out.push({
      doc: copy.doc,
      title: copy.guide.title,
      guideId: copy.guide.id,
      savedAt,
      ...(copy.savedId !== undefined ? { savedId: copy.savedId } : {}),
    });
  }
  return out.sort((a, b) => b.savedAt - a.savedAt);
}

/** A new working copy id: time and a random part, safe in a storage key and a URL. */
export function newDocId(now: number, random: () => number = Math.random): string {
  return `${now.toString(36)}-${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`;
}

/**
 * Writes at most every `delay` ms: `schedule` keeps the latest value, `flush`
 * writes it now (page hidden or closed). A failed write is reported and the
 * value stays pending, so that the next change or flush tries again.
 */
export class Autosaver<T> {
  private pending: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (value: T) => Promise<void>,
    private readonly report: (outcome: 'saved' | 'failed', error?: unknown) => void,
    private readonly delay = AUTOSAVE_MS,
  ) {}

  get isPending(): boolean {
    return this.pending !== null;
  }

  schedule(value: T): void {
    this.pending = { value };
    if (this.timer === null) this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  /** Writes the pending value now; resolves when it is written (or failed). */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const pending = this.pending;
    if (!pending) return this.writing;
    this.pending = null;
    // Writes stay in order: a slow write never lands after a newer one.
    this.writing = this.writing.then(async () => {
      try {
        await this.write(pending.value);
        this.report('saved');
      } catch (error) {
        if (this.pending === null) this.pending = pending;
        this.report('failed', error);
      }
    });
    return this.writing;
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
