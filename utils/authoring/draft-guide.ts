/**
 * A draft guide around recorded steps: the header a guide needs (format,
 * version, status draft, sites, a plain summary) and an end after the last
 * step, validated by `parseGuide` so that the editor starts from a guide the
 * rest of the extension can read.
 */
import { type ParseResult, parseGuide } from '../guide/parse';
import { type ActionStep, GUIDE_FORMAT, type GuideInput, LIMITS } from '../guide/schema';
import { clipWords, slugify, uniqueId } from './text';
import { distinguishTwins } from './twins';

export interface DraftGuideInput {
  title?: string;
  /** The guide's id; from the title when omitted. */
  id?: string;
  /** Ids of the guides that already exist (bundled, « Mes guides »): the draft's id is none of them. */
  existingIds?: Iterable<string>;
  /** When the recording started (epoch ms): with the site, it names a draft that has no title. */
  recordedAt?: number;
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

/** Said to the person at the end until the trainer writes better; the editor asks for it (`needsEndMessage`). */
export const DEFAULT_END_MESSAGE = 'C’est terminé.';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « impots.gouv.fr » out of `https://www.impots.gouv.fr/*`. */
function siteName(site: string | undefined): string | undefined {
  const host = site
    ?.match(/^[a-z*]+:\/\/([^/:]+)/)?.[1]
    ?.replace(/^\*\./, '')
    .replace(/^www\./, '');
  return host || undefined;
}

/** A title and an id for a draft: the site and the day it was recorded, unless the caller gave them. */
function nameOf(input: DraftGuideInput): { title: string; id: string } {
  const given = (input.title ?? '').replace(/\s+/g, ' ').trim();
  const site = siteName(input.sites[0]);
  let title = given || DEFAULT_DRAFT_TITLE;
  let stem = given ? slugify(given, 60) : 'guide-enregistre';
  if (!given && (site || input.recordedAt !== undefined)) {
    const day = input.recordedAt === undefined ? undefined : new Date(input.recordedAt);
    const when = day && !Number.isNaN(day.getTime()) ? day : undefined;
    title = `${DEFAULT_DRAFT_TITLE}${site ? ` sur ${site}` : ''}${when ? ` le ${when.getDate()} ${MONTHS[when.getMonth()]} ${when.getFullYear()}` : ''}`;
    const iso = when
      ? `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}-${String(when.getDate()).padStart(2, '0')}`
      : '';
    stem = slugify(`guide enregistre ${site ?? ''} ${iso}`, 60);
  }
  const base = slugify(input.id ?? '', 60) || stem || 'guide-brouillon';
  const id = uniqueId(base, new Set(input.existingIds ?? []), LIMITS.id);
  // Same place and day as a guide already kept: the title says which one this is.
  const rank = id === base ? undefined : id.slice(id.lastIndexOf('-') + 1);
  return { title: clipWords(rank ? `${title} (${rank})` : title, LIMITS.title), id };
}

/** Whether an end still needs the trainer's message (none yet, or the draft's default). */
export function needsEndMessage(message: string | undefined): boolean {
  const text = (message ?? '').trim();
  return text === '' || text === DEFAULT_END_MESSAGE;
}

/** The guide a recording gives, before the trainer edits it: always a draft, always ending with an end. */
export function buildDraftGuide(input: DraftGuideInput): ParseResult {
  const { title, id } = nameOf(input);
  const steps = distinguishTwins(input.steps.slice(0, LIMITS.steps - 1));
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
    steps: [...steps, { kind: 'end', id: uniqueId('fin', taken), message: DEFAULT_END_MESSAGE }],
  };
  return parseGuide(guide);
}
