/** Downloading a catalogue's files: what is sent, and what is refused, with the network in the test's hands. */
import { describe, expect, it } from 'vitest';
import { catalogueBase, hostPatternOf } from '../../../utils/team-catalogue/address';
import { FETCH_TIMEOUT_MS, fetchSource, PRACTICE_FETCH_TIMEOUT_MS, STORE_FETCH_TIMEOUT_MS } from '../../../utils/team-catalogue/fetch';
import { SourceError } from '../../../utils/team-catalogue/verify';

const base = catalogueBase('https://equipe.example/guides/index.json') as URL;

function answering(response: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  }) as typeof fetch;
  return { calls, fetcher };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SourceError) return error.kind;
    throw error;
  }
  return 'none';
}

describe('a catalogue’s address', () => {
  it('is a folder of an http(s) site, and needs that host only', () => {
    expect(base.href).toBe('https://equipe.example/guides/');
    expect(catalogueBase('https://equipe.example/guides')?.href).toBe('https://equipe.example/guides/');
    expect(hostPatternOf(catalogueBase('https://equipe.example:8443/a/') as URL)).toBe('https://equipe.example/*');
    expect(catalogueBase('ftp://equipe.example/')).toBeNull();
    expect(catalogueBase('https://moi:secret@equipe.example/')).toBeNull();
    expect(catalogueBase('pas une adresse')).toBeNull();
  });
});

describe('downloading a file', () => {
  it('sends a bare GET: no cookie, no referrer, no redirect followed', async () => {
    const { calls, fetcher } = answering(() => new Response('{}', { headers: { 'content-type': 'application/json' } }));
    const bytes = await fetchSource(base, { fetcher }).read('guides/a.json', 100);
    expect(new TextDecoder().decode(bytes)).toBe('{}');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://equipe.example/guides/guides/a.json');
    expect(calls[0]?.init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
      cache: 'no-cache',
    });
    expect(calls[0]?.init.headers).toBeUndefined();
    expect(calls[0]?.init.body).toBeUndefined();
  });

  it('refuses a web page, a missing file and a refusal', async () => {
    const html = answering(() => new Response('<html></html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }));
    expect(await failure(fetchSource(base, { fetcher: html.fetcher }).read('index.json', 100))).toBe('html');
    const missing = answering(() => new Response('', { status: 404 }));
    expect(await failure(fetchSource(base, { fetcher: missing.fetcher }).read('index.json', 100))).toBe('missing');
    const refused = answering(() => new Response('', { status: 403 }));
    expect(await failure(fetchSource(base, { fetcher: refused.fetcher }).read('index.json', 100))).toBe('status');
  });

  it('stops reading past the limit, whether the size is announced or not', async () => {
    const announced = answering(() => new Response('x'.repeat(200), { headers: { 'content-length': '200' } }));
    expect(await failure(fetchSource(base, { fetcher: announced.fetcher }).read('index.json', 100))).toBe('oversize');
    let pulled = 0;
    const endless = answering(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              pulled++;
              controller.enqueue(new Uint8Array(64));
            },
          }),
        ),
    );
    expect(await failure(fetchSource(base, { fetcher: endless.fetcher }).read('index.json', 1000))).toBe('oversize');
    expect(pulled).toBeLessThan(40);
  });

  it('gives up on a host that does not answer in time, and on one that cannot be reached', async () => {
    const silent = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as typeof fetch;
    expect(await failure(fetchSource(base, { fetcher: silent, timeoutMs: 20 }).read('index.json', 100))).toBe('timeout');
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await failure(fetchSource(base, { fetcher: down }).read('index.json', 100))).toBe('unreachable');
  });

  it('never leaves the catalogue’s folder', async () => {
    const { calls, fetcher } = answering(() => new Response('{}'));
    expect(await failure(fetchSource(base, { fetcher }).read('../secret.json', 100))).toBe('missing');
    expect(await failure(fetchSource(base, { fetcher }).read('https://ailleurs.example/x.json', 100))).toBe('missing');
    expect(calls).toEqual([]);
  });
});

describe('the time limit', () => {
  it('is the store build’s 15 s outside the practice build (its shorter limit is for hosts on this machine)', () => {
    expect(FETCH_TIMEOUT_MS).toBe(STORE_FETCH_TIMEOUT_MS);
    expect(STORE_FETCH_TIMEOUT_MS).toBe(15_000);
    expect(PRACTICE_FETCH_TIMEOUT_MS).toBeLessThan(STORE_FETCH_TIMEOUT_MS);
  });
});
