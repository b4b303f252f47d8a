/**
 * A draft guide around recorded steps: the header a guide needs (format,
 * version, status draft, sites, a plain summary) and an end after the last
 * step, validated by `parseGuide` so that the editor starts from a guide the
 * rest of the extension can read.
 */
import { type ParseResult, parseGuide } from '../guide/parse';
import { type ActionStep, GUIDE_FORMAT, type GuideInput, LIMITS } from '../guide/schema';
import { clipWords, slugify, uniqueId } from './text';

export interface DraftGuideInput {
  title?: string;
  /** The guide's id; from the title when omitted. */
  id?: string;
  lang?: string;
  summary?: string;
  /** Match patterns (`generalizeSite`). */
  sites: readonly string[];
  steps: readonly ActionStep[];
}

export const DRAFT_VERSION = '0.1.0';
export const DEFAULT_DRAFT_TITLE = 'Guide enregistré';
export const DEFAULT_DRAFT_SUMMARY = 'Brouillon enregistré. Relisez chaque étape avant de partager ce guide.';
/** The same for a recording imported from Chrome DevTools Recorder. */
export const DEFAULT_IMPORT_TITLE = 'Parcours importé de Chrome';
export const IMPORT_SUMMARY =
  'Brouillon importé d’un enregistrement de Chrome DevTools Recorder. Relisez chaque étape avant de le partager.';

/** The guide a recording gives, before the trainer edits it: always a draft, always ending with an end. */
export function buildDraftGuide(input: DraftGuideInput): ParseResult {
  const title = clipWords((input.title ?? '').replace(/\s+/g, ' ').trim() || DEFAULT_DRAFT_TITLE, LIMITS.title);
  const id = slugify(input.id ?? '', 60) || slugify(title, 60) || 'guide-brouillon';
  const steps = input.steps.slice(0, LIMITS.steps - 1);
  const taken = new Set(steps.map((step) => step.id));
  const guide: GuideInput = {
    format: GUIDE_FORMAT,
    id,
    version: DRAFT_VERSION,
    lang: input.lang ?? 'fr',
    title,
    summary: clipWords(input.summary?.trim() || DEFAULT_DRAFT_SUMMARY, LIMITS.summary),
    status: { state: 'draft' },
    sites: [...new Set(input.sites)].slice(0, LIMITS.sites),
    prepare: [],
    durationMinutes: Math.min(600, Math.max(2, steps.length)),
    steps: [...steps, { kind: 'end', id: uniqueId('fin', taken) }],
  };
  return parseGuide(guide);
}
