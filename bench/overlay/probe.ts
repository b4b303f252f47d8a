/**
 * The page side of the overlay benchmark, bundled by esbuild into an IIFE
 * (bench/overlay/bundle.ts) and injected into the page's main world as
 * `window.__overlayBench`. It is test-harness code: it removes and re-inserts
 * the target and scrolls the page, the way a site or a person would; the
 * extension itself never does either.
 *
 * How "drawn" is decided, from outside, without touching the overlay:
 * - ours: the spotlight (`svg.spot`, its ring `rect.line` and dimmed layer
 *   `path.dim`) has exactly the shapes and the translation of
 *   `spotlight(viewport, hole(target box))`, the same pure geometry the overlay uses;
 * - driver.js: its overlay (`svg.driver-overlay path`) has the cut-out that
 *   its own formula gives for the element's current box.
 * A MutationObserver (ours: on the overlay's open shadow root; driver.js: on
 * the document) checks after every change and takes the time of the first
 * change that matches.
 *
 * Frames: a rAF loop counts frames, and a MessageChannel message posted from
 * each frame's rAF callback runs once that frame has been rendered (style,
 * layout, paint, commit on the main thread): the "painted" time of a change
 * is the end of the frame that contains it.
 */
import { hole, spotlight } from '../../components/overlay/geometry';

export interface AppearSample {
  /** Insertion (or `highlight()` call) → first DOM change that draws the cut-out at the target, ms. */
  ms: number;
  /** Frames started between the insertion and that change (1: drawn in the first frame). */
  frames: number;
  /** Insertion → end of the frame that renders the change, ms. */
  paintedMs: number;
  /** Frames until that frame was rendered. */
  paintedFrames: number;
  /**
   * Frames rendered with the target but without the spotlight: 0 when the
   * spotlight is drawn in the very frame that first shows the target.
   */
  lagFrames: number;
  phase: Phase;
  timeout?: boolean;
}

export interface ScrollRun {
  frames: number;
  ms: number;
  /** Intervals between consecutive rAF timestamps, ms. */
  intervals: number[];
  /** The scroll range swept, px. */
  amplitude: number;
}

interface DriverApi {
  drive(index?: number): void;
  highlight(step: { element: string; popover?: { title?: string; description?: string } }): void;
  destroy(): void;
  getState(key: string): unknown;
  getConfig(key: string): unknown;
}
type DriverFactory = (config: Record<string, unknown>) => DriverApi;

declare global {
  interface Window {
    __overlayBench: typeof api;
    driver?: { js?: { driver: DriverFactory } };
  }
}

// ---------------------------------------------------------------- frame clock

const clock = {
  count: 0,
  inFrame: false,
  /** Bumped by every start and stop: a loop from an earlier start ends at its next frame. */
  generation: 0,
  waiters: [] as { index: number; resolve: (t: number) => void }[],
};
const channel = new MessageChannel();
channel.port1.onmessage = () => {
  clock.inFrame = false;
  const t = performance.now();
  clock.waiters = clock.waiters.filter((w) => {
    if (w.index > clock.count) return true;
    w.resolve(t);
    return false;
  });
};
function startClock(): void {
  const generation = ++clock.generation;
  const tick = () => {
    if (generation !== clock.generation) return;
    clock.count++;
    clock.inFrame = true;
    channel.port2.postMessage(0);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
function stopClock(): void {
  clock.generation++;
  clock.inFrame = false;
}
/** Resolves with the time at which frame `index` has been rendered. */
function frameRendered(index: number): Promise<number> {
  return new Promise((resolve) => clock.waiters.push({ index, resolve }));
}
/** Waits `n` animation frames (measuring N frames by waiting N frames is the only "sleep" here). */
function frames(n: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });
}

/** Resolves when `check()` holds, checked on every mutation of `root` and every frame; rejects after `timeoutMs`. */
function until(check: () => boolean, root: Node, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      mo.disconnect();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const mo = new MutationObserver(() => check() && finish());
    mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const poll = () => {
      if (done) return;
      if (check()) finish();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    const timer = setTimeout(() => finish(new Error(`timeout: ${what}`)), timeoutMs);
  });
}

// ---------------------------------------------------------------- targets

function target(selector: string): Element {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`target not found: ${selector}`);
  return el;
}

/** The subtree removed and re-inserted: the target's container (label + field), as a site re-renders it. */
function removable(el: Element, container: string | null): Element {
  return (container && el.closest(container)) || el;
}

function boxOf(el: Element) {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

// ---------------------------------------------------------------- ours

function overlayRoot(): ShadowRoot {
  const root = document.querySelector('cote-a-cote-overlay')?.shadowRoot;
  if (!root) throw new Error('the overlay host (cote-a-cote-overlay) or its open shadow root is missing');
  return root;
}

/**
 * Whether our spotlight is drawn exactly at `el`'s current box: the ring and the cut-out have the shapes that
 * `spotlight(viewport, hole(box))` gives, and the spotlight is moved to the hole (its transform).
 */
function oursDrawn(root: ShadowRoot, el: Element): boolean {
  const svg = root.querySelector<SVGSVGElement>('svg.spot');
  const line = root.querySelector('svg.spot rect.line');
  const dim = root.querySelector('svg.spot path.dim');
  if (!svg || !line || !dim || !el.isConnected) return false;
  const s = spotlight({ width: innerWidth, height: innerHeight }, hole(boxOf(el)));
  return (
    line.getAttribute('width') === String(s.width) &&
    line.getAttribute('height') === String(s.height) &&
    dim.getAttribute('d') === s.d &&
    svg.style.transform === `translate(${s.x}px, ${s.y}px)`
  );
}

/** The overlay says the target is missing: no spotlight, the bubble alone. */
function oursMissing(root: ShadowRoot): boolean {
  return !root.querySelector('svg.spot') && !!root.querySelector('[role=dialog]');
}

/**
 * When the target comes back, relative to the page's frames:
 * - `random`: from a timer at a random point of the frame interval, as a site's
 *   script answering a network response or an input would do (the usual case);
 * - `raf`: inside the animation-frame callbacks, as a site rendering from
 *   `requestAnimationFrame` would do (that frame renders the target already).
 */
export type Phase = 'random' | 'raf';

function measureAppear(
  observed: Node,
  isDrawn: () => boolean,
  insert: () => void,
  afterInsert: (() => void) | null,
  phase: Phase,
  timeoutMs: number,
): Promise<AppearSample> {
  return new Promise((resolve) => {
    let t0 = 0;
    let f0 = 0;
    /** The first frame that renders the target. */
    let shown = 0;
    let settled = false;
    const mo = new MutationObserver(() => {
      if (settled || !t0) return;
      const t = performance.now();
      const f = clock.count;
      const inFrame = clock.inFrame;
      if (!isDrawn()) return;
      settled = true;
      mo.disconnect();
      clearTimeout(timer);
      const paintIndex = inFrame ? f : f + 1;
      void frameRendered(paintIndex).then((tp) =>
        resolve({
          ms: t - t0,
          frames: f - f0,
          paintedMs: tp - t0,
          paintedFrames: paintIndex - f0,
          lagFrames: paintIndex - shown,
          phase,
        }),
      );
    });
    mo.observe(observed, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => {
      settled = true;
      mo.disconnect();
      const nan = Number.NaN;
      resolve({ ms: nan, frames: nan, paintedMs: nan, paintedFrames: nan, lagFrames: nan, phase, timeout: true });
    }, timeoutMs);
    const go = () => {
      insert();
      t0 = performance.now();
      f0 = clock.count;
      shown = phase === 'raf' ? f0 : f0 + 1;
      afterInsert?.();
    };
    if (phase === 'raf') requestAnimationFrame(go);
    // Not a wait for anything: a random phase of the frame interval for the change.
    else setTimeout(go, Math.random() * 16.7);
  });
}

/**
 * One run, ours: the run is on the step whose target is `selector`. Remove the
 * target's container, wait until the overlay says it is missing, re-insert it,
 * and time the spotlight being drawn on it.
 */
async function oursAppear(selector: string, container: string | null, phase: Phase, timeoutMs = 5000): Promise<AppearSample> {
  const root = overlayRoot();
  const el = target(selector);
  await until(() => oursDrawn(root, el), root, timeoutMs, 'spotlight on the target before the run');
  const box = removable(el, container);
  const parent = box.parentNode!;
  const next = box.nextSibling;
  box.remove();
  await until(() => oursMissing(root), root, timeoutMs, 'overlay saying the target is missing');
  startClock();
  // Nothing pending any more (the locating engine and the overlay work per frame).
  await frames(2);
  try {
    return await measureAppear(
      root,
      () => oursDrawn(root, el),
      () => parent.insertBefore(box, next),
      null,
      phase,
      timeoutMs,
    );
  } finally {
    stopClock();
  }
}

// ---------------------------------------------------------------- driver.js

function driverFactory(): DriverFactory {
  const make = window.driver?.js?.driver;
  if (!make) throw new Error('driver.js is not loaded in the page');
  return make;
}

/** Whether driver.js's overlay cut-out is where its own formula puts it for `el`'s current box. */
function driverDrawn(d: DriverApi, el: Element): boolean {
  const path = document.querySelector('svg.driver-overlay path');
  const dAttr = path?.getAttribute('d');
  if (!dAttr || !el.isConnected) return false;
  const m = /Z\s*M(-?[\d.e+-]+),(-?[\d.e+-]+)\s*h(-?[\d.e+-]+)/.exec(dAttr);
  if (!m) return false;
  const pad = Number(d.getConfig('stagePadding') ?? 0);
  const radius = Number(d.getConfig('stageRadius') ?? 0);
  const b = boxOf(el);
  const w = b.width + pad * 2;
  const h = b.height + pad * 2;
  const r = Math.floor(Math.max(Math.min(radius, w / 2, h / 2), 0));
  const close = (a: string | undefined, e: number) => Math.abs(Number(a) - e) < 0.01;
  return close(m[1], b.x - pad + r) && close(m[2], b.y - pad) && close(m[3], w - r * 2);
}

const driverSettled = (d: DriverApi) => d.getState('__transitionCallback') === undefined;

/**
 * One run, driver.js. `wait`: `drive()` a one-step tour with `waitForElement`
 * while the element is missing (driver.js 1.8 then watches the DOM for it), then
 * insert it: appear → drawn. `call`: insert the element, then call
 * `highlight()`: call → drawn (what a page script that re-finds the element
 * itself would do). Same popover text as our bubble.
 */
async function driverAppear(
  selector: string,
  container: string | null,
  mode: 'wait' | 'call',
  popover: { title: string; description: string },
  phase: Phase,
  timeoutMs = 5000,
): Promise<AppearSample> {
  const make = driverFactory();
  const el = target(selector);
  const box = removable(el, container);
  const parent = box.parentNode!;
  const next = box.nextSibling;
  box.remove();
  startClock();
  const d = make(mode === 'wait' ? { steps: [{ element: selector, popover }], waitForElement: 10_000 } : {});
  try {
    if (mode === 'wait') d.drive();
    await frames(2);
    const sample = await measureAppear(
      document.documentElement,
      () => driverDrawn(d, el),
      () => parent.insertBefore(box, next),
      mode === 'call' ? () => d.highlight({ element: selector, popover }) : null,
      phase,
      timeoutMs,
    );
    return sample;
  } finally {
    d.destroy();
    stopClock();
  }
}

let standing: DriverApi | null = null;

/** driver.js highlighting the element and staying on it (for the scroll pass); resolves once drawn and settled. */
async function driverHighlight(selector: string, popover: { title: string; description: string }, timeoutMs = 5000): Promise<void> {
  standing?.destroy();
  const d = driverFactory()({});
  standing = d;
  const el = target(selector);
  d.highlight({ element: selector, popover });
  await until(() => driverDrawn(d, el) && driverSettled(d), document.documentElement, timeoutMs, 'driver.js drawn on the target');
}

function driverDestroy(): void {
  standing?.destroy();
  standing = null;
}

// ---------------------------------------------------------------- scroll

/**
 * Scrolls the window by `step` px every frame for `n` frames, back and forth
 * over `amplitude` px from the top (test-harness scrolling, as a person's wheel
 * would). Instant scrolls: DSFR sets `scroll-behavior: smooth` on the root.
 */
async function scroll(n: number, step: number, amplitude: number): Promise<ScrollRun> {
  const max = Math.min(amplitude, document.documentElement.scrollHeight - innerHeight);
  scrollTo({ top: 0, behavior: 'instant' });
  await frames(3);
  return new Promise((resolve) => {
    const stamps: number[] = [];
    let dir = 1;
    let k = 0;
    const frame = (t: number) => {
      stamps.push(t);
      if (k++ >= n) {
        const intervals = stamps.slice(1).map((s, i) => s - (stamps[i] as number));
        resolve({ frames: n, ms: t - (stamps[0] as number), intervals, amplitude: max });
        return;
      }
      if (scrollY + dir * step > max || scrollY + dir * step < 0) dir = -dir;
      scrollBy({ top: dir * step, behavior: 'instant' });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** Back to the top, and the page at rest for a few frames. */
async function rest(): Promise<void> {
  scrollTo({ top: 0, behavior: 'instant' });
  await frames(3);
}

/** Whether our spotlight is on `selector` now (the run tab), without waiting. */
function oursOn(selector: string): boolean {
  const el = document.querySelector(selector);
  const root = document.querySelector('cote-a-cote-overlay')?.shadowRoot;
  return !!el && !!root && oursDrawn(root, el);
}

/** Whether the overlay shows nothing at all (the reference tab, with no run): with no run, our host is not in the page. */
function oursIdle(): boolean {
  const host = document.querySelector('cote-a-cote-overlay');
  return !host || !host.shadowRoot?.querySelector('svg.spot, [role=dialog]');
}

async function waitOursOn(selector: string, timeoutMs = 10_000): Promise<void> {
  const host = document.querySelector('cote-a-cote-overlay');
  await until(() => oursOn(selector), host?.shadowRoot ?? document.documentElement, timeoutMs, 'spotlight on the target');
}

const api = {
  oursAppear,
  driverAppear,
  driverHighlight,
  driverDestroy,
  scroll,
  rest,
  oursOn,
  oursIdle,
  waitOursOn,
};
window.__overlayBench = api;
