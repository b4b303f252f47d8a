/**
 * Reading a Chromium performance trace (categories `devtools.timeline`):
 *
 * - `scriptTime`: the main-thread time of one script — its `FunctionCall`
 *   events (every entry from the browser into a script: event listeners, rAF,
 *   observers, timers), plus the microtask checkpoint that follows each call
 *   (what the call queued: promise reactions such as a Preact render). A style
 *   recalculation or layout that the script forces runs inside those, so it is
 *   counted, and also reported apart.
 * - `threadTime`: where a thread's time goes, by trace event (self time).
 *
 * Every figure is given twice: wall time (`dur`) and the thread's CPU time
 * (`tdur`). On a loaded machine the wall time also counts the moments the
 * thread was waiting for a core; the CPU time is what the work itself costs.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) duration, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string; functionName?: string } };
}

/** Wall and CPU time, ms. */
export interface Time {
  ms: number;
  cpuMs: number;
}

export interface ScriptTime extends Time {
  calls: number;
  /** Of which in the microtask checkpoints right after the calls. */
  microtasks: Time;
  /** Style recalculation and layout forced inside the calls and their checkpoints (included). */
  forced: Time;
  /** The script's calls by function name (`(anonymous)` when none), largest CPU time first. */
  byFunction: ({ name: string; calls: number } & Time)[];
}

/** How close after a call its microtask checkpoint starts, µs. */
const MICROTASK_GAP_US = 50;

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];

const isComplete = (e: TraceEvent) => e.ph === 'X' && typeof e.dur === 'number';
const end = (e: TraceEvent) => e.ts + (e.dur as number);
const cpu = (e: TraceEvent) => e.tdur ?? (e.dur as number);
const sameThread = (a: { pid: number; tid: number }, b: { pid: number; tid: number }) => a.pid === b.pid && a.tid === b.tid;

class Sum {
  wall = 0;
  cpu = 0;
  add(e: TraceEvent): void {
    this.wall += e.dur as number;
    this.cpu += cpu(e);
  }
  time(): Time {
    return { ms: this.wall / 1000, cpuMs: this.cpu / 1000 };
  }
}

export function traceEvents(buffer: Uint8Array | undefined): TraceEvent[] {
  if (!buffer) return [];
  const parsed = JSON.parse(Buffer.from(buffer).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/**
 * Time spent in the calls into scripts whose URL satisfies `matches`, in frame `frame` (any frame when omitted).
 * `callNames`: the trace events that count as calls (a script's first run is an `EvaluateScript`, compiled in `v8.compile`).
 */
export function scriptTime(
  events: TraceEvent[],
  matches: (url: string) => boolean,
  frame?: string,
  callNames: readonly string[] = ['FunctionCall'],
): ScriptTime {
  const calls = events
    .filter(
      (e) =>
        callNames.includes(e.name) &&
        isComplete(e) &&
        matches(e.args?.data?.url ?? '') &&
        (!frame || !e.args?.data?.frame || e.args.data.frame === frame),
    )
    .sort((a, b) => a.ts - b.ts);
  // A call nested in another counted call (a synchronous event inside a listener) is already in its time.
  const top: TraceEvent[] = [];
  for (const c of calls) {
    const outer = top.findLast((t) => sameThread(t, c));
    if (outer && c.ts < end(outer)) continue;
    top.push(c);
  }
  const checkpoints = events.filter((e) => e.name === 'RunMicrotasks' && isComplete(e));
  const attributed = new Set<TraceEvent>();
  for (const c of top) {
    const next = checkpoints.find((m) => sameThread(m, c) && m.ts >= end(c) && m.ts - end(c) <= MICROTASK_GAP_US);
    if (next) attributed.add(next);
  }
  const inChecked = (e: TraceEvent) => [...attributed].some((m) => sameThread(m, e) && e.ts >= m.ts && e.ts < end(m));
  const total = new Sum();
  const micro = new Sum();
  const names = new Map<string, { calls: number; sum: Sum }>();
  for (const c of top) {
    const name = c.args?.data?.functionName || '(anonymous)';
    const n = names.get(name) ?? { calls: 0, sum: new Sum() };
    n.calls++;
    n.sum.add(c);
    names.set(name, n);
    // A call made from an attributed checkpoint (an observer callback) is in the checkpoint's time.
    if (!inChecked(c)) total.add(c);
  }
  for (const m of attributed) {
    total.add(m);
    micro.add(m);
  }
  const spans = [...top, ...attributed];
  const forced = new Sum();
  for (const f of events) {
    if ((f.name !== 'Layout' && f.name !== 'UpdateLayoutTree') || !isComplete(f)) continue;
    if (spans.some((s) => sameThread(s, f) && f.ts >= s.ts && f.ts < end(s))) forced.add(f);
  }
  return {
    ...total.time(),
    calls: top.length,
    microtasks: micro.time(),
    forced: forced.time(),
    byFunction: [...names.entries()]
      .map(([name, n]) => ({ name, calls: n.calls, ...n.sum.time() }))
      .sort((a, b) => b.cpuMs - a.cpuMs)
      .slice(0, 12),
  };
}

/** The renderer main thread of a frame: the thread of the calls made in it. */
export function mainThreadOf(events: TraceEvent[], frame: string): { pid: number; tid: number } | null {
  const call = events.find((e) => e.name === 'FunctionCall' && e.args?.data?.frame === frame);
  return call ? { pid: call.pid, tid: call.tid } : null;
}

export interface ThreadTime {
  /** Busy time of the thread (its top-level events). */
  busy: Time;
  /** Self time by event name, largest CPU time first. */
  byName: ({ name: string } & Time)[];
}

/**
 * Where a thread's time goes between `from` and `to` (trace µs): self time of
 * each complete event (its duration minus that of the events nested in it),
 * summed by name.
 */
export function threadTime(events: TraceEvent[], thread: { pid: number; tid: number }, from: number, to: number): ThreadTime {
  const xs = events
    .filter((e) => isComplete(e) && sameThread(e, thread) && e.ts >= from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
  const self = new Map<string, { wall: number; cpu: number }>();
  const bump = (name: string, wall: number, c: number) => {
    const s = self.get(name) ?? { wall: 0, cpu: 0 };
    s.wall += wall;
    s.cpu += c;
    self.set(name, s);
  };
  const stack: TraceEvent[] = [];
  const busy = new Sum();
  for (const e of xs) {
    while (stack.length && end(stack.at(-1) as TraceEvent) <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) bump(parent.name, -(e.dur as number), -cpu(e));
    else busy.add(e);
    bump(e.name, e.dur as number, cpu(e));
    stack.push(e);
  }
  return {
    busy: busy.time(),
    byName: [...self.entries()]
      .map(([name, s]) => ({ name, ms: s.wall / 1000, cpuMs: s.cpu / 1000 }))
      .filter((r) => r.ms > 0 || r.cpuMs > 0)
      .sort((a, b) => b.cpuMs - a.cpuMs),
  };
}

/** The span of the calls into scripts whose URL satisfies `matches` (trace µs), e.g. the harness's scroll loop. */
export function spanOf(events: TraceEvent[], matches: (url: string) => boolean): { from: number; to: number } | null {
  const calls = events.filter((e) => e.name === 'FunctionCall' && isComplete(e) && matches(e.args?.data?.url ?? ''));
  if (!calls.length) return null;
  return { from: Math.min(...calls.map((c) => c.ts)), to: Math.max(...calls.map(end)) };
}
