import { HELP_LEVELS, type HelpLevel } from '../run/run';
import type { Completion } from './format';

/**
 * When to suggest less help: the person decides, the extension only offers.
 *
 * At the level of the latest completion, the last CLEAN_IN_A_ROW completions
 * went without any help asked and without a step marked done by hand, and
 * help was not frequent there either: at most one of the last WINDOW
 * completions at that level needed some. Then the next level is suggested
 * (guided → on-demand → autonomous); never anything above autonomous, never
 * more help than now.
 */
export const CLEAN_IN_A_ROW = 2;
export const WINDOW = 4;

export interface Suggestion {
  /** The level at which the person succeeded… */
  from: HelpLevel;
  /** …that many times in a row without help… */
  times: number;
  /** …so this one might suit them now. */
  to: HelpLevel;
}

const clean = (completion: Completion) => completion.help.length === 0 && completion.byHand.length === 0;

/** The suggestion for a guide, from its completions (any order), or null. */
export function suggestLevel(completions: readonly Completion[]): Suggestion | null {
  const sorted = completions.slice().sort((a, b) => a.at - b.at || a.startedAt - b.startedAt);
  const latest = sorted.at(-1);
  if (!latest) return null;
  const to = HELP_LEVELS[HELP_LEVELS.indexOf(latest.level) + 1];
  if (!to) return null;
  const atLevel = sorted.filter((completion) => completion.level === latest.level);
  let times = 0;
  for (let i = atLevel.length - 1; i >= 0 && clean(atLevel[i] as Completion); i--) times++;
  if (times < CLEAN_IN_A_ROW) return null;
  const helped = atLevel.slice(-WINDOW).filter((completion) => !clean(completion)).length;
  if (helped > 1) return null;
  return { from: latest.level, times, to };
}
