/**
 * Compares two results of `scripts/bench-locate.ts` run with the same seed, case by case: for each
 * cross-version case and each synthetic trial, what `locate` answered (correct / wrong / not found /
 * ambiguous, the confidence when found, the number of candidates when ambiguous, the element it
 * chose when wrong). Timings are left out: they vary from run to run. Prints every difference and
 * exits 1 if there is any — a change meant to keep the engine's behaviour must show none.
 *
 *   npx tsx scripts/compare-bench-locate.ts BEFORE.json AFTER.json
 */
import { readFileSync } from 'node:fs';

/** What is compared of one answer; the rest (timings, descriptions) may differ between runs. */
interface Answer {
  engine: string;
  confidence?: number;
  candidates?: number;
  got?: string;
  error?: string;
}

interface CaseAnswer extends Answer {
  id: string;
}

interface TrialAnswer extends Answer {
  kind: string;
  page: string;
  trialSeed: number;
  target: string;
}

interface Failure {
  kind: string;
  page: string;
  trialSeed: number;
  target: string;
  result: Answer;
}

interface BenchJson {
  seed: number;
  crossVersion: { results: CaseAnswer[] } | null;
  synthetic: { skipped: number; failures: Failure[]; trials?: TrialAnswer[] } | null;
  bigPage: { field: { outcome: string }; button: { outcome: string } } | null;
}

const FIELDS = ['engine', 'confidence', 'candidates', 'got', 'error'] as const;

const answerText = (a: Answer | undefined): string =>
  a
    ? FIELDS.filter((f) => a[f] !== undefined)
        .map((f) => `${f}=${JSON.stringify(a[f])}`)
        .join(' ')
    : '(missing)';

/** Keys made unique by counting repeats in order (a trial may draw the same page and seed twice). */
function keyed<T>(items: readonly T[], key: (x: T) => string): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  for (const x of items) {
    const k = key(x);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    out.set(`${k}#${n}`, x);
  }
  return out;
}

/** Differences between two sets of answers, by key; `compared` counts the keys seen on either side. */
function compareAnswers(label: string, before: Map<string, Answer>, after: Map<string, Answer>): { compared: number; diffs: string[] } {
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const diffs: string[] = [];
  for (const k of keys) {
    const a = answerText(before.get(k));
    const b = answerText(after.get(k));
    if (a !== b) diffs.push(`${label} ${k}\n    before: ${a}\n    after:  ${b}`);
  }
  return { compared: keys.length, diffs };
}

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: npx tsx scripts/compare-bench-locate.ts BEFORE.json AFTER.json');
  process.exit(2);
}
const before = JSON.parse(readFileSync(beforeFile, 'utf8')) as BenchJson;
const after = JSON.parse(readFileSync(afterFile, 'utf8')) as BenchJson;
if (before.seed !== after.seed) {
  console.error(`different seeds (${before.seed}, ${after.seed}): the synthetic trials are not the same ones`);
  process.exit(2);
}

const diffs: string[] = [];
const counts: string[] = [];

const cross = compareAnswers(
  'cross-version',
  keyed(before.crossVersion?.results ?? [], (r) => r.id),
  keyed(after.crossVersion?.results ?? [], (r) => r.id),
);
diffs.push(...cross.diffs);
counts.push(`${cross.compared} cross-version cases`);

const trialKey = (t: { kind: string; page: string; trialSeed: number; target: string }) => `${t.kind} ${t.page} ${t.trialSeed} ${t.target}`;
const bs = before.synthetic;
const as = after.synthetic;
if (bs?.trials && as?.trials) {
  const trials = compareAnswers('synthetic', keyed(bs.trials, trialKey), keyed(as.trials, trialKey));
  diffs.push(...trials.diffs);
  counts.push(`${trials.compared} synthetic trials`);
} else if (bs || as) {
  // Results written before every trial was kept: the misses only (the correct ones are then the same
  // trials if the misses and the tallies agree).
  const misses = compareAnswers(
    'synthetic miss',
    new Map([...keyed(bs?.failures ?? [], trialKey)].map(([k, f]) => [k, f.result])),
    new Map([...keyed(as?.failures ?? [], trialKey)].map(([k, f]) => [k, f.result])),
  );
  diffs.push(...misses.diffs);
  counts.push(`${misses.compared} synthetic misses (no per-trial list in one of the files)`);
}
if (bs?.skipped !== as?.skipped) diffs.push(`synthetic skipped: before ${bs?.skipped}, after ${as?.skipped}`);

for (const which of ['field', 'button'] as const) {
  const a = before.bigPage?.[which].outcome;
  const b = after.bigPage?.[which].outcome;
  if (a !== b) diffs.push(`big page ${which}: before ${a}, after ${b}`);
}
if (before.bigPage || after.bigPage) counts.push('2 big-page targets');

console.log(`Compared ${counts.join(', ')} (seed ${before.seed}).`);
if (diffs.length) {
  console.log(`${diffs.length} difference${diffs.length > 1 ? 's' : ''}:\n${diffs.map((d) => `  ${d}`).join('\n')}`);
  process.exit(1);
}
console.log('No difference.');
