// Kept apart from the zod schema so that the content scripts (the recorder's URL patterns) read them without zod.
/** Length limits keep texts short enough to read aloud and to fit a bubble. */
export const LIMITS = {
  id: 80,
  title: 120,
  summary: 200,
  instruction: 300,
  why: 500,
  advisorTip: 500,
  question: 200,
  choiceLabel: 80,
  prepareLabel: 120,
  prepareHint: 300,
  steps: 200,
  choices: 8,
  prepare: 20,
  sites: 20,
  sources: 10,
  sourceTitle: 200,
  sourceUrl: 2000,
  /** Runs of `*` in one page pattern or one site's path (see `patterns.ts`). */
  wildcards: 10,
} as const;
