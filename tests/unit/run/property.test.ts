import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  HELP_KINDS,
  HELP_LEVELS,
  isRun,
  OUTCOMES,
  RUN_MODES,
  RUN_STATUSES,
  type Run,
  type RunEvent,
  startRun,
  trail,
} from '../../../utils/run';
import { at, practiceGuide as guide } from './practice-guide';

const ids = guide.steps.map((item) => item.id);
const idOrBogus = fc.oneof(fc.constantFrom(...ids), fc.constant('inconnu'));
const paths = ['/login/', '/register/identity/', '/register/contact/?nom=Dupont', '/register/done/', '/ailleurs/', '/'];

const eventArb: fc.Arbitrary<RunEvent> = fc.oneof(
  idOrBogus.map((stepId) => ({ type: 'action-done' as const, stepId })),
  fc.oneof(fc.constantFrom(...paths).map(at), fc.constant('n’importe quoi'), fc.webUrl()).map((url) => ({ type: 'page' as const, url })),
  fc.option(idOrBogus, { nil: undefined }).map((itemId) => ({ type: 'manual-done' as const, itemId })),
  fc.option(idOrBogus, { nil: undefined }).map((itemId) => ({ type: 'back' as const, itemId })),
  fc.record({ type: fc.constant('answer' as const), choice: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.double()) }),
  fc.constantFrom(...HELP_KINDS).map((kind) => ({ type: 'help' as const, kind })),
  fc.constantFrom(...RUN_MODES).map((mode) => ({ type: 'set-mode' as const, mode })),
  fc.constantFrom(...HELP_LEVELS).map((level) => ({ type: 'set-level' as const, level })),
  fc.constant({ type: 'restart' as const }),
  fc.constant({ type: 'abandon' as const }),
);

/** Every string in the run must be one the guide or the run's own vocabulary provides. */
const allowedStrings = new Set<string>([
  ...ids,
  guide.id,
  guide.version,
  ...HELP_KINDS,
  ...HELP_LEVELS,
  ...RUN_MODES,
  ...RUN_STATUSES,
  ...OUTCOMES,
]);

function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (!Array.isArray(value)) out.push(key);
      leaves(child, out);
    }
  } else {
    out.push(value);
  }
  return out;
}

const runKeys = new Set([
  'v',
  'guideId',
  'guideVersion',
  'mode',
  'level',
  'status',
  'currentId',
  'currentHelp',
  'history',
  'stack',
  'answers',
]);
const timeKeys = new Set(['startedAt', 'updatedAt', 'finishedAt', 'at']);
const visitKeys = new Set(['id', 'how', 'choice', 'help', 'level']);

function checkInvariants(run: Run) {
  expect(ids).toContain(run.currentId);
  expect(isRun(run)).toBe(true);
  for (const leaf of leaves(run)) {
    if (typeof leaf === 'string') {
      const known = allowedStrings.has(leaf) || runKeys.has(leaf) || timeKeys.has(leaf) || visitKeys.has(leaf);
      if (!known) throw new Error(`unexpected string in run: ${leaf}`);
    } else {
      expect(typeof leaf).toBe('number');
    }
  }
  for (const visit of run.history) {
    for (const key of Object.keys(visit)) expect(visitKeys.has(key) || key === 'at').toBe(true);
  }
  // The answers are exactly those of the questions on the path taken.
  const answered = Object.fromEntries(
    trail(run)
      .filter((visit) => visit.how === 'answered')
      .map((visit) => [visit.id, visit.choice]),
  );
  expect(run.answers).toEqual(answered);
  expect(run.finishedAt !== undefined).toBe(run.status !== 'active');
  expect(JSON.parse(JSON.stringify(run))).toEqual(run);
}

describe('advance on any sequence of events', () => {
  it('never throws, keeps currentId on an existing item, and keeps only ids, enums and numbers', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), fc.constantFrom(...RUN_MODES), (events, mode) => {
        let run = startRun(guide, mode, 0);
        events.forEach((event, i) => {
          const before = JSON.stringify(run);
          const next = advance(guide, run, event, i + 1);
          expect(JSON.stringify(run)).toBe(before);
          if (next !== run) expect(next.updatedAt).toBe(i + 1);
          run = next;
          checkInvariants(run);
        });
      }),
      { numRuns: 400 },
    );
  });
});
