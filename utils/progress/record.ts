import { doneWhenOf } from '../guide/graph';
import type { Guide, GuideItem } from '../guide/schema';
import { recap } from '../run/recap';
import { HELP_LEVELS, type HelpLevel, type Run } from '../run/run';
import { type Completion, type GuideProgress, MAX_COMPLETIONS, type Progress } from './format';

/** Pure changes to the progress record. None mutates its arguments; each returns the input itself when nothing changes. */

/** The text that stands for an item in "Mes progrès": its instruction or question (never anything from the page). */
function textOf(item: GuideItem): string | undefined {
  if (item.kind === 'step') return item.instruction;
  if (item.kind === 'question') return item.question;
  return undefined;
}

/** The most help among `levels`: `guided` before `on-demand` before `autonomous`. */
function mostHelp(levels: HelpLevel[]): HelpLevel {
  return HELP_LEVELS[Math.min(...levels.map((level) => HELP_LEVELS.indexOf(level)))] ?? 'guided';
}

/** An entry of a record by id, never one of Object's own properties (a guide may be called `constructor`). */
export function entryOf<T>(record: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

const byTime = (a: Completion, b: Completion) => a.at - b.at || a.startedAt - b.startedAt;

/** Keeps the newest completions, and the texts of the ids they still name. */
function tidy(entry: GuideProgress): GuideProgress {
  const completions = entry.completions.slice().sort(byTime).slice(-MAX_COMPLETIONS);
  const named = new Set(completions.flatMap((completion) => [...completion.help, ...completion.byHand]));
  const texts = Object.fromEntries(Object.entries(entry.texts).filter(([id]) => named.has(id)));
  return { ...entry, completions, texts };
}

/**
 * The progress once `run` has reached the end of `guide`. Counted once per run
 * (by its start time). Not counted: a run that is not finished (still going,
 * or stopped), another guide's run, and a run where no step was done at all
 * (a question answered straight to an end, e.g. "J'ai déjà un compte").
 *
 * The level is the most help used on the way (the person may change it during
 * the run). Steps that only « C'est fait » can complete (reading a message)
 * are not "done by hand": there was no other way.
 */
export function recordFinishedRun(progress: Progress, guide: Guide, run: Run, now: number): Progress {
  if (run.status !== 'finished' || run.guideId !== guide.id) return progress;
  const existing = entryOf(progress.guides, guide.id);
  if (existing?.completions.some((completion) => completion.startedAt === run.startedAt)) return progress;
  const summary = recap(guide, run);
  if (summary.steps === 0) return progress;

  const manualOnly = new Set(guide.steps.filter((item) => item.kind === 'step' && doneWhenOf(item) === 'manual').map((item) => item.id));
  const completion: Completion = {
    startedAt: run.startedAt,
    at: run.finishedAt ?? now,
    level: mostHelp([run.level, ...run.history.map((visit) => visit.level)]),
    guideVersion: guide.version,
    steps: summary.steps,
    help: summary.helpIds,
    byHand: summary.manualIds.filter((id) => !manualOnly.has(id)),
  };
  const texts: Record<string, string> = { ...existing?.texts };
  for (const id of [...completion.help, ...completion.byHand]) {
    const item = guide.steps.find((candidate) => candidate.id === id);
    const text = item && textOf(item);
    if (text !== undefined) texts[id] = text;
  }
  const entry = tidy({
    title: guide.title,
    lang: guide.lang,
    texts,
    completions: [...(existing?.completions ?? []), completion],
  });
  return { ...progress, guides: { ...progress.guides, [guide.id]: entry } };
}

export interface MergeResult {
  progress: Progress;
  /** Completions that were not there yet. */
  added: number;
}

/**
 * `incoming` (an imported file) added to `current`: completions are joined by
 * run (those already there are kept as they are), so importing the same file
 * twice adds nothing the second time. Nothing of `current` is lost.
 */
export function mergeProgress(current: Progress, incoming: Progress): MergeResult {
  const guides = { ...current.guides };
  let added = 0;
  for (const [id, theirs] of Object.entries(incoming.guides)) {
    const ours = entryOf(guides, id);
    if (!ours) {
      const entry = tidy(theirs);
      guides[id] = entry;
      added += entry.completions.length;
      continue;
    }
    const known = new Set(ours.completions.map((completion) => completion.startedAt));
    const fresh = theirs.completions.filter((completion) => !known.has(completion.startedAt));
    if (fresh.length === 0) continue;
    const entry = tidy({ ...ours, texts: { ...theirs.texts, ...ours.texts }, completions: [...ours.completions, ...fresh] });
    added += entry.completions.filter((completion) => !known.has(completion.startedAt)).length;
    guides[id] = entry;
  }
  return added === 0 ? { progress: current, added } : { progress: { ...current, guides }, added };
}

/** The progress without this guide's. */
export function forgetGuide(progress: Progress, guideId: string): Progress {
  if (!Object.hasOwn(progress.guides, guideId)) return progress;
  const { [guideId]: _forgotten, ...guides } = progress.guides;
  return { ...progress, guides };
}
