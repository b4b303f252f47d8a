// Waiting for a condition in the browser, never for a fixed time.
import { WAIT_MS } from './browsers';

/**
 * Polls `probe` until it gives a truthy value, and returns it: each round asks
 * the browser again (a short pause between rounds), so that the test goes on
 * as soon as the condition holds. On timeout the error says what was awaited
 * and the last state seen.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  { timeout = WAIT_MS, describe }: { timeout?: number; describe?: () => Promise<unknown> } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      lastError = null;
    } catch (error) {
      // A navigation destroys the execution context: the next round asks the new page.
      lastError = error;
    }
    if (Date.now() > deadline) {
      const last = describe ? await describe().catch((error) => `(indisponible : ${error})`) : null;
      throw new Error(
        `Attente trop longue (${timeout} ms) : ${what}${lastError ? `\ndernière erreur : ${lastError}` : ''}${
          last === null ? '' : `\ndernier état : ${JSON.stringify(last, null, 1)}`
        }`,
      );
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Reads a state with `read` until `check` accepts it, and returns it; on
 * timeout the error shows the last state read. The usual "read, check, say what
 * was seen" loop of the views' waits.
 */
export function waitForState<S>(what: string, read: () => Promise<S>, check: (state: S) => boolean, timeout = WAIT_MS): Promise<S> {
  return waitUntil(
    what,
    async () => {
      const state = await read();
      return check(state) ? { state } : null;
    },
    { timeout, describe: read },
  ).then(({ state }) => state);
}
