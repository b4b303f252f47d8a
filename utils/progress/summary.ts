import { HELP_LEVELS, type HelpLevel } from '../run/run';
import type { GuideProgress, Progress } from './format';
import { type Suggestion, suggestLevel } from './suggest';

/** What "Mes progrès" shows for a guide: counts, the last time, the steps that needed help, the suggestion. */
export interface StepTally {
  id: string;
  /** The step's instruction (or the question), as the guide said it. */
  text: string;
  times: number;
}

export interface GuideReport {
  guideId: string;
  title: string;
  lang: string;
  completed: number;
  byLevel: Record<HelpLevel, number>;
  last: { at: number; level: HelpLevel } | null;
  /** Steps where help was asked, most often first. */
  help: StepTally[];
  /** Steps marked « C'est fait » by hand, most often first. */
  byHand: StepTally[];
  suggestion: Suggestion | null;
}

function tally(entry: GuideProgress, pick: (ids: { help: string[]; byHand: string[] }) => string[]): StepTally[] {
  const counts = new Map<string, number>();
  for (const completion of entry.completions) for (const id of pick(completion)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .map(([id, times]) => ({ id, times, text: Object.hasOwn(entry.texts, id) ? (entry.texts[id] as string) : id }))
    .sort((a, b) => b.times - a.times);
}

export function reportOf(guideId: string, entry: GuideProgress): GuideReport {
  const byLevel = Object.fromEntries(
    HELP_LEVELS.map((level) => [level, entry.completions.filter((completion) => completion.level === level).length]),
  ) as Record<HelpLevel, number>;
  const latest = entry.completions.reduce<GuideProgress['completions'][number] | null>(
    (found, completion) => (!found || completion.at >= found.at ? completion : found),
    null,
  );
  return {
    guideId,
    title: entry.title,
    lang: entry.lang,
    completed: entry.completions.length,
    byLevel,
    last: latest ? { at: latest.at, level: latest.level } : null,
    help: tally(entry, (completion) => completion.help),
    byHand: tally(entry, (completion) => completion.byHand),
    suggestion: suggestLevel(entry.completions),
  };
}

/** Every guide with progress, the most recently done first. */
export function reportsOf(progress: Progress): GuideReport[] {
  return Object.entries(progress.guides)
    .map(([id, entry]) => reportOf(id, entry))
    .filter((report) => report.completed > 0)
    .sort((a, b) => (b.last?.at ?? 0) - (a.last?.at ?? 0));
}
