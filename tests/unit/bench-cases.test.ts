/**
 * Shape of the cross-version benchmark cases (bench/cases/dsfr-cross-version.json):
 * enough cases, unique ids, pages that exist in the installed DSFR trees, and
 * ground-truth selectors that point at exactly one element of the page as shipped.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_KINDS, loadCaseFile } from '../../bench/lib/cases';
import { pageFile, parseStatic } from '../../bench/tools/static-page';
import { defaultTrees } from '../../scripts/practice-server';

const file = loadCaseFile('bench/cases/dsfr-cross-version.json');
const trees = defaultTrees();

describe('bench cases: dsfr-cross-version.json', () => {
  it('has at least 150 cases with unique ids', () => {
    expect(file.cases.length).toBeGreaterThanOrEqual(150);
    const ids = file.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('goes from 1.9.3 or 1.12.1 to 1.14.4, with some elements that are gone', () => {
    for (const c of file.cases) {
      expect(c.before.page, c.id).toMatch(/^(1\.9\.3|1\.12\.1)\//);
      expect(c.after.page, c.id).toMatch(/^1\.14\.4\//);
      expect(CASE_KINDS).toContain(c.kind);
    }
    expect(file.cases.filter((c) => c.after.selector === null).length).toBeGreaterThan(0);
  });

  it('points at pages that exist in the installed DSFR trees', () => {
    const missing = file.cases
      .flatMap((c) => [c.before.page, c.after.page])
      .filter((p) => {
        const f = pageFile(trees, p);
        return !f || !existsSync(f);
      });
    expect(missing).toEqual([]);
  });

  it('uses selectors that match exactly one element of the static page', () => {
    const docs = new Map<string, Document>();
    const doc = (page: string) => {
      let d = docs.get(page);
      if (!d) {
        d = parseStatic(pageFile(trees, page) as string);
        docs.set(page, d);
      }
      return d;
    };
    const problems: string[] = [];
    for (const c of file.cases) {
      for (const side of ['before', 'after'] as const) {
        const { page, selector } = c[side];
        if (selector === null) continue;
        const n = doc(page).querySelectorAll(selector).length;
        if (n !== 1) problems.push(`${c.id} ${side}: ${selector} matches ${n}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
