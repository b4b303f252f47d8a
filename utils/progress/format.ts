import { z } from 'zod';
import { LIMITS, stepIdSchema } from '../guide/schema';
import { HELP_LEVELS, type HelpLevel } from '../run/run';

/**
 * The person's progress, kept on their machine only (`storage.local`, key
 * `progress`) and exported as a file to take to another computer. Only guide
 * ids, levels, step ids, counts, times and the guide's own texts: never
 * anything typed or shown on a site.
 */

export const PROGRESS_VERSION = 1;

/** Most completions kept per guide (the oldest go first): enough for any count that matters here. */
export const MAX_COMPLETIONS = 200;
/** An export file of more than this is not one of ours. */
export const MAX_FILE_BYTES = 2_000_000;
const MAX_GUIDES = 1000;
const MAX_TIME = 8.64e15; // the largest date JavaScript knows

/** One guide done to its end. */
export interface Completion {
  /** When the run started: identifies it, so that a run is counted once and an import adds it once. */
  startedAt: number;
  /** When it ended. */
  at: number;
  /** The most help used during the run: `guided` if any part of it was guided. */
  level: HelpLevel;
  guideVersion: string;
  /** Steps done on the path taken (questions apart). */
  steps: number;
  /** Ids of the items where help was asked ("Je ne trouve pas", "Montre-moi"…). */
  help: string[];
  /** Ids of the steps marked « C'est fait » by hand although the extension could have seen them done. */
  byHand: string[];
}

export interface GuideProgress {
  /** The guide's title and language when last recorded: shown even if the guide is gone. */
  title: string;
  lang: string;
  /** Item id → its instruction or question, for the ids named in `completions`. */
  texts: Record<string, string>;
  /** Oldest first, at most MAX_COMPLETIONS. */
  completions: Completion[];
}

export interface Progress {
  v: typeof PROGRESS_VERSION;
  /** By guide id. */
  guides: Record<string, GuideProgress>;
}

export const emptyProgress = (): Progress => ({ v: PROGRESS_VERSION, guides: {} });

const time = z.number().int().min(0).max(MAX_TIME);
const ids = z.array(stepIdSchema).max(LIMITS.steps);

export const completionSchema = z
  .object({
    startedAt: time,
    at: time,
    level: z.enum(HELP_LEVELS),
    guideVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    steps: z.number().int().min(0).max(LIMITS.steps),
    help: ids,
    byHand: ids,
  })
  .strict();

export const guideProgressSchema = z
  .object({
    title: z.string().min(1).max(LIMITS.title),
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/),
    texts: z.record(stepIdSchema, z.string().max(Math.max(LIMITS.instruction, LIMITS.question))),
    completions: z.array(completionSchema).max(MAX_COMPLETIONS),
  })
  .strict();

const guidesSchema = z.record(stepIdSchema, guideProgressSchema);

/** What storage (or a file) holds, as far as its version goes. */
type Versioned = { v: number; guides?: unknown };

/**
 * Migrations from each older version to the next: `MIGRATIONS[n]` turns a
 * record of version n into version n + 1. Version 1 is the first, so there is
 * none yet; a future format adds its step here and keeps the older ones.
 */
const MIGRATIONS: Record<number, (old: Versioned) => Versioned> = {};

export type StoredRead =
  /** `dropped`: guide entries set aside because they were damaged. */
  | { ok: true; progress: Progress; dropped: number }
  /** Written by a newer version of the extension: shown as such, never overwritten. */
  | { ok: false; reason: 'newer' };

function migrate(value: Versioned): Versioned | null {
  let current = value;
  while (current.v < PROGRESS_VERSION) {
    const step = MIGRATIONS[current.v];
    if (!step) return null;
    current = step(current);
  }
  return current;
}

const isVersioned = (value: unknown): value is Versioned =>
  typeof value === 'object' && value !== null && Number.isInteger((value as Versioned).v);

/**
 * The progress in storage, brought to the current version. Storage is read
 * leniently: a damaged guide entry is dropped (and counted), the others kept;
 * anything unreadable counts as no progress. A newer version is refused.
 */
export function readStored(raw: unknown): StoredRead {
  if (raw === undefined || raw === null) return { ok: true, progress: emptyProgress(), dropped: 0 };
  if (!isVersioned(raw)) return { ok: true, progress: emptyProgress(), dropped: 1 };
  if (raw.v > PROGRESS_VERSION) return { ok: false, reason: 'newer' };
  const current = migrate(raw);
  if (!current || typeof current.guides !== 'object' || current.guides === null || Array.isArray(current.guides)) {
    return { ok: true, progress: emptyProgress(), dropped: 1 };
  }
  const progress = emptyProgress();
  let dropped = 0;
  for (const [id, entry] of Object.entries(current.guides)) {
    const parsed = guideProgressSchema.safeParse(entry);
    if (stepIdSchema.safeParse(id).success && parsed.success) progress.guides[id] = parsed.data;
    else dropped++;
  }
  return { ok: true, progress, dropped };
}

/** Marks a file as an export of Côte à côte's progress. */
export const FILE_TYPE = 'cote-a-cote/progres';

export type ImportProblem = 'too-big' | 'not-json' | 'is-guide' | 'not-progress' | 'newer' | 'invalid';
export type FileRead = { ok: true; progress: Progress } | { ok: false; problem: ImportProblem };

/** The export file: its type, the format version, when, and the progress itself. */
export function exportFile(progress: Progress, now: number): string {
  return `${JSON.stringify({ type: FILE_TYPE, v: PROGRESS_VERSION, exportedAt: new Date(now).toISOString(), guides: progress.guides }, null, 2)}\n`;
}

/** The file name offered for an export: `cote-a-cote-progres-2026-03-12.json`. */
export function exportFileName(now: number): string {
  return `cote-a-cote-progres-${new Date(now).toISOString().slice(0, 10)}.json`;
}

const fileSchema = z
  .object({
    type: z.literal(FILE_TYPE),
    v: z.number().int(),
    exportedAt: z.string().max(40).optional(),
    guides: z.unknown(),
  })
  .strict();

/**
 * An import file, read strictly: anything wrong anywhere refuses the whole
 * file (with the reason), so that a bad file changes nothing.
 */
export function readFile(text: string): FileRead {
  if (text.length > MAX_FILE_BYTES) return { ok: false, problem: 'too-big' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) {
    const looksLikeGuide = typeof json === 'object' && json !== null && 'steps' in json && 'format' in json;
    return { ok: false, problem: looksLikeGuide ? 'is-guide' : 'not-progress' };
  }
  if (file.data.v > PROGRESS_VERSION) return { ok: false, problem: 'newer' };
  const current = migrate({ v: file.data.v, guides: file.data.guides });
  if (!current) return { ok: false, problem: 'invalid' };
  const guides = guidesSchema.safeParse(current.guides);
  if (!guides.success || Object.keys(guides.data).length > MAX_GUIDES) return { ok: false, problem: 'invalid' };
  return { ok: true, progress: { v: PROGRESS_VERSION, guides: guides.data } };
}
