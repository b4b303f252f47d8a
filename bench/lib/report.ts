/** Counting, statistics and the printed table of the locating benchmark. */

export type Outcome = 'correct' | 'wrong' | 'notFound' | 'ambiguous';
export const OUTCOMES: Outcome[] = ['correct', 'wrong', 'notFound', 'ambiguous'];
export const BASELINE_NAMES = ['finder', 'id', 'recorder'] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

export interface Counts {
  cases: number;
  correct: number;
  wrong: number;
  notFound: number;
  ambiguous: number;
}

export interface Tally extends Counts {
  baselines: Record<BaselineName, Counts>;
}

export const emptyCounts = (): Counts => ({ cases: 0, correct: 0, wrong: 0, notFound: 0, ambiguous: 0 });
export const emptyTally = (): Tally => ({
  ...emptyCounts(),
  baselines: { finder: emptyCounts(), id: emptyCounts(), recorder: emptyCounts() },
});

export function add(t: Tally, engine: Outcome, baselines: Record<BaselineName, Outcome>): void {
  t.cases++;
  t[engine]++;
  for (const b of BASELINE_NAMES) {
    t.baselines[b].cases++;
    t.baselines[b][baselines[b]]++;
  }
}

/** Nearest-rank percentile of a list of numbers (0 ≤ p ≤ 100). */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(rank, s.length) - 1] as number;
}

export const median = (xs: number[]) => percentile(xs, 50);

export interface TimingSummary {
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export function summarize(xs: number[]): TimingSummary {
  return { runs: xs.length, medianMs: round(median(xs)), p95Ms: round(percentile(xs, 95)), maxMs: round(Math.max(...xs)) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');

/** A plain-text table: one row per locator, columns per outcome. */
export function table(title: string, t: Tally): string {
  const rows: [string, Counts][] = [
    ['Engine (describe/locate)', t],
    ['@medv/finder CSS selector', t.baselines.finder],
    ['id only', t.baselines.id],
    ['Recorder-style selector list', t.baselines.recorder],
  ];
  const head = ['', 'correct', 'wrong', 'not found', 'ambiguous', 'correct %'];
  const body = rows.map(([name, c]) => [
    name,
    String(c.correct),
    String(c.wrong),
    String(c.notFound),
    String(c.ambiguous),
    pct(c.correct, c.cases),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [`${title} — ${t.cases} cases`, line(head), ...body.map(line)].join('\n');
}

export function kindTable(byKind: Record<string, Tally>): string {
  const head = ['kind', 'cases', 'engine ✓', 'engine ✗', 'engine ∅', 'engine ?', 'finder ✓', 'id ✓', 'recorder ✓'];
  const body = Object.entries(byKind).map(([k, t]) => [
    k,
    String(t.cases),
    String(t.correct),
    String(t.wrong),
    String(t.notFound),
    String(t.ambiguous),
    String(t.baselines.finder.correct),
    String(t.baselines.id.correct),
    String(t.baselines.recorder.correct),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

export interface Bar {
  name: string;
  target: string;
  value: string;
  met: boolean;
}

export function barsText(bars: Bar[]): string {
  return bars.map((b) => `${b.met ? '✔ met    ' : '✘ missed '} ${b.name}: ${b.value} (bar: ${b.target})`).join('\n');
}
