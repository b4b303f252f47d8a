/**
 * The page side of the locating benchmark, bundled by esbuild into an IIFE
 * (bench/lib/bundle.ts) and injected into each page as `window.__cac`.
 */
// What the recorder keeps (privacy checks included): the bench measures the targets a guide really holds.
import { describeForRecording as describe } from '../../utils/locate/describe';
import { locate } from '../../utils/locate/index';
import { BASELINES, type BaselineCapture, type BaselineName, captureBaselines, resolveBaseline } from './baselines';
import { BIG_PAGE_BUTTON, BIG_PAGE_FIELD, bigPageHtml } from './big-page';
import {
  insertWrappers,
  type MutationKind,
  regenerateIds,
  removeTarget,
  renameClasses,
  reorderSiblings,
  rewordNeighbours,
  rng,
  shuffle,
  twinKey,
} from './mutations';
import { locateWithPhases, type Phases } from './phases';

export type Outcome = 'correct' | 'wrong' | 'notFound' | 'ambiguous';
type Description = Awaited<ReturnType<typeof describe>>;
type LocateResult =
  | { status: 'found'; element: Element; confidence?: number }
  | { status: 'ambiguous'; candidates?: Element[] }
  | { status: 'not-found' };

export interface Capture {
  ok: boolean;
  error?: string;
  description?: Description;
  baselines?: BaselineCapture;
  /** What a person would read on the element, to make reports readable. */
  label?: string;
  /** False when the element is not rendered at load (closed menu, mobile-only button…): not a fair case. */
  visible?: boolean;
}

export interface Judged {
  engine: Outcome;
  confidence?: number;
  /** When the engine found something else: a short description of it. */
  got?: string;
  candidates?: number;
  baselines: Record<BaselineName, Outcome>;
  times: number[];
  error?: string;
  /** False when the expected element is not rendered on this page at load. */
  expectedVisible?: boolean;
  /** On a miss: the recorded description, and `describe()` of the expected element on this page, to compare facts. */
  recorded?: Description;
  expectedNow?: Description;
  /** When the engine returned another element: `describe()` of that element, to see what made it win. */
  gotNow?: Description;
}

const short = (el: Element | null | undefined): string => {
  if (!el) return '';
  const id = el.id ? `#${el.id}` : '';
  const text = (el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 50);
  return `${el.localName}${id} “${text}”`;
};

const rendered = (el: Element) => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
};

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

async function runLocate(description: Description): Promise<{ result: LocateResult; ms: number }> {
  const t0 = performance.now();
  let result = locate(description as never, document as never) as unknown as LocateResult | Promise<LocateResult>;
  if (result instanceof Promise) result = await result;
  return { result, ms: performance.now() - t0 };
}

function judge(found: Element | null, expected: Element | null, status: 'found' | 'ambiguous' | 'not-found'): Outcome {
  if (status === 'ambiguous') return expected ? 'ambiguous' : 'correct';
  if (status === 'not-found' || !found) return expected ? 'notFound' : 'correct';
  return found === expected ? 'correct' : 'wrong';
}

async function captureElement(el: Element): Promise<Capture> {
  try {
    const description = await describe(el as never);
    return { ok: true, description, baselines: captureBaselines(el), label: short(el), visible: rendered(el) };
  } catch (e) {
    return { ok: false, error: String(e) };
  }
}

/** Describe the elements of this page (one per selector) and capture the baselines. */
async function capture(selectors: string[]): Promise<Capture[]> {
  const out: Capture[] = [];
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    out.push(el ? await captureElement(el) : { ok: false, error: `no element matches ${sel} on the before page` });
  }
  return out;
}

/** Judged, with whether the expected element is rendered now (a tab or panel shown in its place explains many misses). */
async function judgeOne(c: Capture, expected: Element | null, reps: number): Promise<Judged> {
  const judged = await judgeEngine(c, expected, reps);
  return expected ? { ...judged, expectedVisible: rendered(expected) } : judged;
}

/** Locates the capture once warmed up, `reps` timed calls, and judges the engine and the baselines. */
async function judgeEngine(c: Capture, expected: Element | null, reps: number): Promise<Judged> {
  const baselines = Object.fromEntries(
    BASELINES.map((b) => {
      const hit = c.baselines ? resolveBaseline(b, c.baselines) : null;
      return [b, judge(hit, expected, 'found')];
    }),
  ) as Record<BaselineName, Outcome>;
  try {
    const first = await runLocate(c.description as Description);
    const times: number[] = [];
    // Warm-up done by the first call; then time the repetitions.
    for (let i = 0; i < reps; i++) times.push((await runLocate(c.description as Description)).ms);
    const r = first.result;
    const found = r.status === 'found' ? r.element : null;
    const engine = judge(found, expected, r.status);
    const miss = engine !== 'correct';
    return {
      engine,
      recorded: miss ? c.description : undefined,
      expectedNow: miss && expected ? await describe(expected as never) : undefined,
      gotNow: engine === 'wrong' && found ? await describe(found as never) : undefined,
      confidence: r.status === 'found' ? r.confidence : undefined,
      got: engine === 'wrong' ? short(found) : undefined,
      candidates: r.status === 'ambiguous' ? r.candidates?.length : undefined,
      baselines,
      times,
    };
  } catch (e) {
    return { engine: 'notFound', baselines, times: [], error: String(e) };
  }
}

/** Locate each captured description on this page and judge it against the expected element. */
async function replay(items: { capture: Capture; expected: string | null }[], reps: number): Promise<Judged[]> {
  const out: Judged[] = [];
  for (const it of items) {
    const expected = it.expected ? document.querySelector(it.expected) : null;
    if (it.expected && !expected) {
      out.push({
        engine: 'notFound',
        baselines: { finder: 'notFound', id: 'notFound', recorder: 'notFound' },
        times: [],
        error: `no element matches ${it.expected} on the after page`,
      });
      continue;
    }
    out.push(await judgeOne(it.capture, expected, reps));
  }
  return out;
}

/**
 * The same calls as `replay`, each split into phases (bench/browser/phases.ts): one untimed call
 * first, as in `judgeOne`, then `reps` profiled calls. `same`: the profiled answer is `locate()`'s.
 */
async function profile(items: { capture: Capture }[], reps: number): Promise<{ phases: Phases[]; same: boolean }[]> {
  const out: { phases: Phases[]; same: boolean }[] = [];
  for (const it of items) {
    const d = it.capture.description as Description;
    const ref = locate(d as never, document as never);
    const phases: Phases[] = [];
    let same = true;
    for (let i = 0; i < reps; i++) {
      const { result, phases: p } = locateWithPhases(d as never, document);
      phases.push(p);
      if (result.status !== ref.status || (result.status === 'found' && ref.status === 'found' && result.element !== ref.element))
        same = false;
    }
    out.push({ phases, same });
  }
  return out;
}

const TARGETS = 'input:not([type=hidden]), select, textarea, button, a[href]';

function candidates(): Element[] {
  return Array.from(document.querySelectorAll(TARGETS)).filter(
    (el) => !el.closest('header, footer, .fr-header, .fr-footer, .fr-modal, dialog, [hidden]') && el.getClientRects().length > 0,
  );
}

export interface SyntheticTrial {
  kind: MutationKind;
  target: string;
  result: Judged;
  skipped?: string;
}

/** One property-based trial: describe targets, mutate the page, locate them again. */
async function synthetic(kind: MutationKind, seed: number, maxTargets: number): Promise<SyntheticTrial[]> {
  const r = rng(seed);
  const all = candidates();
  if (!all.length) return [];
  let targets: Element[];
  if (kind === 'remove') {
    const counts = new Map<string, number>();
    for (const el of all) counts.set(twinKey(el), (counts.get(twinKey(el)) ?? 0) + 1);
    const withTwin = all.filter((el) => (counts.get(twinKey(el)) ?? 0) > 1);
    targets = [shuffle(r, withTwin.length ? withTwin : all)[0] as Element];
  } else if (kind === 'reorder' || kind === 'all') {
    // One target: reordering around one target could silently swap another target's twins.
    const movable = all.filter((el) => reorderSiblings(r, el, true));
    targets = [shuffle(r, movable.length ? movable : all)[0] as Element];
  } else {
    targets = shuffle(r, all).slice(0, maxTargets);
  }
  const captures = await Promise.all(targets.map((t) => captureElement(t)));
  const skipped = new Map<Element, string>();
  const mutate = (k: MutationKind) => {
    if (k === 'ids') regenerateIds(r);
    if (k === 'classes') renameClasses(r);
    if (k === 'wrappers') insertWrappers(r, targets);
    if (k === 'reorder') for (const t of targets) if (!reorderSiblings(r, t)) skipped.set(t, 'no similar siblings to reorder');
    if (k === 'reword') for (const t of targets) if (!rewordNeighbours(r, t, targets)) skipped.set(t, 'no neighbour text');
    if (k === 'remove') for (const t of targets) removeTarget(t);
  };
  if (kind === 'all') {
    for (const k of ['reorder', 'reword', 'wrappers', 'ids', 'classes'] as const) mutate(k);
    skipped.clear();
  } else mutate(kind);
  await frame();
  const out: SyntheticTrial[] = [];
  for (const [i, t] of targets.entries()) {
    const c = captures[i] as Capture;
    const expected = kind === 'remove' ? null : t;
    const result = c.ok
      ? await judgeOne(c, expected, 0)
      : {
          engine: 'notFound' as const,
          baselines: { finder: 'notFound', id: 'notFound', recorder: 'notFound' } as Record<BaselineName, Outcome>,
          times: [],
          error: c.error,
        };
    out.push({ kind, target: c.label ?? short(t), result, skipped: skipped.get(t) });
  }
  return out;
}

/**
 * Build the large page with at least `min` elements: `idBase` changes every
 * generated id, as a new build would; the structure depends on `seed` only.
 */
function buildBigPage(seed: number, idBase: number, min = 10_000): number {
  let want = min;
  for (let i = 0; i < 5; i++) {
    document.body.innerHTML = bigPageHtml(seed, idBase, want);
    const n = document.getElementsByTagName('*').length;
    if (n >= min) return n;
    want = Math.ceil((want * min) / n) + 20;
  }
  throw new Error('could not build a page that large');
}

function bigPageTargets(): { field: Element; button: Element } {
  const field = Array.from(document.querySelectorAll('label')).find((l) => l.firstChild?.textContent === BIG_PAGE_FIELD.label);
  const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === BIG_PAGE_BUTTON.text);
  if (!field?.control || !button) throw new Error('big page targets missing');
  return { field: field.control, button };
}

async function describeBigPageTargets(): Promise<{ field: Description; button: Description }> {
  const { field, button } = bigPageTargets();
  return { field: await describe(field as never), button: await describe(button as never) };
}

/** Time `locate` for a description on this page: warm-up runs, then `runs` timed runs. */
async function timeBigPage(
  description: Description,
  which: 'field' | 'button',
  runs: number,
  warmup: number,
): Promise<{ outcome: Outcome; times: number[] }> {
  const expected = bigPageTargets()[which];
  for (let i = 0; i < warmup; i++) await runLocate(description);
  const times: number[] = [];
  let last: LocateResult | null = null;
  for (let i = 0; i < runs; i++) {
    const { result, ms } = await runLocate(description);
    times.push(ms);
    last = result;
  }
  const found = last?.status === 'found' ? last.element : null;
  return { outcome: judge(found, expected, last?.status ?? 'not-found'), times };
}

Object.assign(window, {
  __cac: {
    capture,
    replay,
    profile,
    synthetic,
    buildBigPage,
    describeBigPageTargets,
    timeBigPage,
    candidatesCount: () => candidates().length,
  },
});
