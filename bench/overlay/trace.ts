/**
 * Main-thread time of one script in a Chromium performance trace: the
 * `FunctionCall` events (every entry from the browser into a script: event
 * listeners, rAF, observers, timers) whose script URL matches, in one frame.
 * A style recalculation or layout that the script forces (e.g. by reading
 * `getBoundingClientRect` after a change) runs inside the call, so it is
 * counted, and also reported apart.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string; functionName?: string } };
}

export interface ScriptTime {
  /** Total time in the script's calls, ms. */
  ms: number;
  calls: number;
  /** Style recalculation and layout forced inside those calls, ms (included in `ms`). */
  forcedMs: number;
  /** The script's calls by function name (`(anonymous)` when none), ms, largest first. */
  byFunction: { name: string; ms: number; calls: number }[];
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];

export function traceEvents(buffer: Uint8Array | undefined): TraceEvent[] {
  if (!buffer) return [];
  const parsed = JSON.parse(Buffer.from(buffer).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** Time spent in the calls into scripts whose URL satisfies `matches`, in frame `frame` (any frame when omitted). */
export function scriptTime(events: TraceEvent[], matches: (url: string) => boolean, frame?: string): ScriptTime {
  const calls = events
    .filter(
      (e) =>
        e.name === 'FunctionCall' &&
        e.ph === 'X' &&
        typeof e.dur === 'number' &&
        matches(e.args?.data?.url ?? '') &&
        (!frame || !e.args?.data?.frame || e.args.data.frame === frame),
    )
    .sort((a, b) => a.ts - b.ts);
  // A call nested in another counted call (a synchronous event inside a listener) is already in its time.
  const top: TraceEvent[] = [];
  for (const c of calls) {
    const outer = top.findLast((t) => t.pid === c.pid && t.tid === c.tid);
    if (outer && c.ts < outer.ts + (outer.dur as number)) continue;
    top.push(c);
  }
  const forced = events.filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ph === 'X' && typeof e.dur === 'number');
  let forcedUs = 0;
  const byThread = new Map<string, TraceEvent[]>();
  for (const c of top) {
    const key = `${c.pid}:${c.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), c]);
  }
  for (const f of forced) {
    const list = byThread.get(`${f.pid}:${f.tid}`);
    if (list?.some((c) => f.ts >= c.ts && f.ts < c.ts + (c.dur as number))) forcedUs += f.dur as number;
  }
  const names = new Map<string, { us: number; calls: number }>();
  for (const c of top) {
    const name = c.args?.data?.functionName || '(anonymous)';
    const n = names.get(name) ?? { us: 0, calls: 0 };
    n.us += c.dur as number;
    n.calls++;
    names.set(name, n);
  }
  return {
    ms: top.reduce((s, c) => s + (c.dur as number), 0) / 1000,
    calls: top.length,
    forcedMs: forcedUs / 1000,
    byFunction: [...names.entries()]
      .map(([name, n]) => ({ name, ms: n.us / 1000, calls: n.calls }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12),
  };
}

/** The renderer main thread of a frame: the thread of the calls made in it. */
export function mainThreadOf(events: TraceEvent[], frame: string): { pid: number; tid: number } | null {
  const call = events.find((e) => e.name === 'FunctionCall' && e.args?.data?.frame === frame);
  return call ? { pid: call.pid, tid: call.tid } : null;
}

export interface ThreadTime {
  /** Busy time of the thread (top-level events), ms. */
  busyMs: number;
  /** Self time by event name, ms, largest first. */
  byName: { name: string; ms: number }[];
}

/**
 * Where a thread's time goes between `from` and `to` (trace µs): self time of
 * each complete event (its duration minus that of the events nested in it),
 * summed by name.
 */
export function threadTime(events: TraceEvent[], thread: { pid: number; tid: number }, from: number, to: number): ThreadTime {
  const xs = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && e.pid === thread.pid && e.tid === thread.tid && e.ts >= from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  let busy = 0;
  for (const e of xs) {
    const end = e.ts + (e.dur as number);
    while (stack.length && (stack.at(-1) as { end: number }).end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (e.dur as number));
    else busy += e.dur as number;
    self.set(e.name, (self.get(e.name) ?? 0) + (e.dur as number));
    stack.push({ end, name: e.name });
  }
  return {
    busyMs: busy / 1000,
    byName: [...self.entries()]
      .map(([name, us]) => ({ name, ms: us / 1000 }))
      .filter((r) => r.ms > 0)
      .sort((a, b) => b.ms - a.ms),
  };
}

/** The span of the calls into scripts whose URL satisfies `matches` (trace µs), e.g. the harness's scroll loop. */
export function spanOf(events: TraceEvent[], matches: (url: string) => boolean): { from: number; to: number } | null {
  const calls = events.filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && matches(e.args?.data?.url ?? ''));
  if (!calls.length) return null;
  return { from: Math.min(...calls.map((c) => c.ts)), to: Math.max(...calls.map((c) => c.ts + (c.dur ?? 0))) };
}
