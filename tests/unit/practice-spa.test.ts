/**
 * The practice site's single-page démarche (scripts/practice-spa.ts): each of
 * its addresses is served with its own screen, and the test guide's target
 * (tests/e2e/fixtures/single-page-guide.json) is found on the first screen
 * only. Its pushState itself is tried in real browsers (tests/e2e/single-page.test.ts).
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PracticeServer, startPracticeServer } from '../../scripts/practice-server';
import { SPA_PAGES, SPA_ROOT, spaPage } from '../../scripts/practice-spa';
import { parseGuideText } from '../../utils/guide/parse';
import { locate } from '../../utils/locate/locate';

const guide = parseGuideText(readFileSync(resolve(import.meta.dirname, '../e2e/fixtures/single-page-guide.json'), 'utf8'));

/** The page of `path` in this test's document: its body, without its scripts (the screen as served, before any click). */
function screen(path: string): Document {
  const html = spaPage(path);
  if (!html) throw new Error(`no page for ${path}`);
  const body = html.slice(html.indexOf('<body>') + '<body>'.length, html.indexOf('</body>'));
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
  return document;
}

/** A GET with Node's own client (happy-dom's fetch applies a page's same-origin rules). */
function get(url: string): Promise<{ status: number; location?: string; body: string }> {
  return new Promise((done, fail) => {
    request(url, (answer) => {
      let body = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => {
        body += chunk;
      });
      answer.on('end', () => done({ status: answer.statusCode ?? 0, location: answer.headers.location, body }));
    })
      .on('error', fail)
      .end();
  });
}

describe('the single-page démarche of the practice site', () => {
  it('draws the screen of each address, each with its own step of the stepper', () => {
    expect(screen(SPA_PAGES.start).querySelector('.fr-stepper__state')?.textContent).toBe('Étape 1 sur 3');
    expect(screen(SPA_PAGES.documents).querySelector('.fr-stepper__state')?.textContent).toBe('Étape 2 sur 3');
    expect(screen(SPA_PAGES.done).querySelector('.fr-stepper__state')?.textContent).toBe('Étape 3 sur 3');
    expect(screen(SPA_PAGES.start).querySelector('button[data-next]')?.getAttribute('data-next')).toBe(SPA_PAGES.documents);
    expect(screen(SPA_PAGES.done).querySelector('button[data-next]')).toBeNull();
    expect(spaPage(`${SPA_ROOT}ailleurs`)).toBeNull();
  });

  it('has the test guide’s target on its first screen, and only there', () => {
    if (!guide.ok) throw new Error(JSON.stringify(guide));
    const first = guide.guide.steps[0];
    if (first?.kind !== 'step' || !first.target) throw new Error('the first step has no target');
    const found = locate(first.target, screen(SPA_PAGES.start));
    expect(found.status).toBe('found');
    expect(found.status === 'found' && found.element.textContent).toBe('Commencer la demande');
    expect(locate(first.target, screen(SPA_PAGES.documents)).status).not.toBe('found');
  });

  describe('served over HTTP', () => {
    let server: PracticeServer;
    beforeAll(async () => {
      server = await startPracticeServer({ port: 0 });
    });
    afterAll(() => server.close());

    it('answers each address with its screen, the root without its slash with a redirect, any other with 404', async () => {
      for (const path of Object.values(SPA_PAGES)) {
        expect(await get(`${server.url}${path}`)).toMatchObject({ status: 200, body: spaPage(path) });
      }
      expect(await get(`${server.url}${SPA_ROOT.slice(0, -1)}`)).toMatchObject({ status: 301, location: SPA_ROOT });
      expect((await get(`${server.url}${SPA_ROOT}ailleurs`)).status).toBe(404);
    });
  });
});
