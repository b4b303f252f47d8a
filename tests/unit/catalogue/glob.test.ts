import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseStars, type GlobStats, matchGlob } from '../../../utils/catalogue/glob';
import { matchesPage, matchesSite } from '../../../utils/catalogue/sites';

/** The old matcher, kept here as the reference: only ever run on short inputs. */
function reference(pattern: string, subject: string): boolean {
  const escapeText = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${pattern.split('*').map(escapeText).join('.*')}$`, 's').test(subject);
}

describe('matchGlob (linear matcher of guide patterns)', () => {
  it.each([
    ['/a/*', '/a/b/c', true],
    ['/a/*', '/b/a/', false],
    ['*', '', true],
    ['', '', true],
    ['', 'x', false],
    ['/a*b*c', '/aXXbYYc', true],
    ['/a*b*c', '/aXXbYYcZ', false],
    ['/a.b/(c)?*', '/a.b/(c)?x', true],
    ['/a.b/*', '/aXb/d', false],
    ['*zz', 'azbzzz', true],
    ['/**/x', '/a/b/x', true],
  ])('%s on %s → %s', (pattern, subject, expected) => {
    expect(matchGlob(pattern, subject)).toBe(expected);
  });

  it('agrees with the regular-expression reference on short inputs', () => {
    const alphabet = fc.constantFrom('a', 'b', '/', '.', '?', '*', '(', '\\');
    const text = fc.array(alphabet, { maxLength: 12 }).map((chars) => chars.join(''));
    const subject = fc.array(fc.constantFrom('a', 'b', '/', '.', '?', '*', '('), { maxLength: 14 }).map((c) => c.join(''));
    fc.assert(
      fc.property(text, subject, (pattern, s) => {
        expect(matchGlob(pattern, s)).toBe(reference(pattern, s));
      }),
      { numRuns: 2000 },
    );
  });

  it('collapses runs of stars without changing the meaning', () => {
    expect(collapseStars('/a/***/b**')).toBe('/a/*/b*');
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (pattern, s) => {
        expect(matchGlob(collapseStars(pattern), s)).toBe(matchGlob(pattern, s));
      }),
    );
  });

  it('takes at most (pattern + 1) × (subject + 1) steps, even on the patterns that froze the old matcher', () => {
    const bound = (pattern: string, subject: string) => (collapseStars(pattern).length + 1) * (subject.length + 1);
    const worst = [
      ['/******zz', `/${'a'.repeat(92)}`],
      [`/${'*a'.repeat(30)}zz`, `/${'a'.repeat(1999)}`],
      [`${'*'.repeat(100)}x`, 'y'.repeat(2000)],
    ] as const;
    for (const [pattern, subject] of worst) {
      const stats: GlobStats = { steps: 0 };
      expect(matchGlob(pattern, subject, stats)).toBe(false);
      expect(stats.steps).toBeLessThanOrEqual(bound(pattern, subject));
    }
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '*', 'b'), maxLength: 40 }),
        fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 200 }),
        (pattern, subject) => {
          const stats: GlobStats = { steps: 0 };
          matchGlob(pattern, subject, stats);
          expect(stats.steps).toBeLessThanOrEqual(bound(pattern, subject));
        },
      ),
    );
  });

  it('a 30-wildcard pattern against a 2,000-character URL: a bounded number of steps, through the page and site matchers', () => {
    const pattern = `/${'*a'.repeat(30)}zz`;
    const url = new URL(`https://www.exemple.gouv.fr/${'a'.repeat(1972)}`);
    expect(url.href.length).toBe(2000);
    expect(matchesPage(pattern, url)).toBe(false);
    expect(matchesSite(`https://www.exemple.gouv.fr${pattern}`, url)).toBe(false);
    const stats: GlobStats = { steps: 0 };
    matchGlob(pattern, url.pathname, stats);
    expect(stats.steps).toBeLessThan(62 * 2000);
  });
});
