/**
 * Tasks that share a key run one after the other, in the order they were
 * asked for; a failed task does not stop the next one. A read-modify-write of
 * stored state (a tab's run, the recording, « Mes guides », the settings…)
 * must never race with another one of the same context.
 */
const queues = new Map<string, Promise<unknown>>();

export function serial<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  // Forget an idle queue, so that per-tab keys do not pile up.
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}
