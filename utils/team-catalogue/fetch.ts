/**
 * Downloading a catalogue's files: GET only, nothing about anyone. No cookie
 * or other credential (`credentials: 'omit'`), no referrer, no redirect to
 * elsewhere, a size limit read as the bytes arrive, a time limit, and an HTML
 * answer (a portal's or an error page) refused for what it is. `no-cache`
 * asks the host whether the file changed, so that an update is seen at once.
 */
import { type CatalogueSource, SourceError } from './verify';

/** How long a file may take to arrive, in the store build: a team's host that is up answers well within it. */
export const STORE_FETCH_TIMEOUT_MS = 15_000;
/**
 * The practice build (`npm run demo`, the end-to-end tests) serves its catalogues from this machine: a shorter
 * limit, so that a test sees a host that never answers refused within its own wait. A const of the build, not a setting.
 */
export const PRACTICE_FETCH_TIMEOUT_MS = 5_000;
export const FETCH_TIMEOUT_MS = import.meta.env.MODE === 'practice' ? PRACTICE_FETCH_TIMEOUT_MS : STORE_FETCH_TIMEOUT_MS;

async function readLimited(response: Response, file: string, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new SourceError('oversize', file);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new SourceError('oversize', file);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

export function fetchSource(base: URL, { timeoutMs = FETCH_TIMEOUT_MS, fetcher = fetch } = {}): CatalogueSource {
  return {
    async read(file, limit) {
      const url = new URL(file, base);
      // The index names paths inside the folder only (the schema has no `..`): checked again here.
      if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) throw new SourceError('missing', file);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await fetcher(url.href, {
          method: 'GET',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          cache: 'no-cache',
          redirect: 'error',
          signal: controller.signal,
        });
        if (response.status === 404 || response.status === 410) throw new SourceError('missing', file);
        if (!response.ok) throw new SourceError('status', file, String(response.status));
        if (/html/i.test(response.headers.get('content-type') ?? '')) throw new SourceError('html', file);
        return await readLimited(response, file, limit);
      } catch (error) {
        if (error instanceof SourceError) throw error;
        throw new SourceError(controller.signal.aborted ? 'timeout' : 'unreachable', file);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
