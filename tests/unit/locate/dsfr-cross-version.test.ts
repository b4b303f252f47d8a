/**
 * Recorded on an older DSFR, found on 1.14.4: the `<main>` of each account
 * page. The expected element on the new page is the one with the same tag,
 * type, name attribute and label or text; when it is unique, locate must find
 * exactly it. Whatever happens, locate must never return another element.
 */
import { expect, it, describe as suite } from 'vitest';
import { describe } from '../../../utils/locate/describe';
import { labelText, visibleText } from '../../../utils/locate/facts';
import { locate } from '../../../utils/locate/locate';
import { normalize } from '../../../utils/locate/score';
import { dsfrMain } from './dsfr-fixtures';

const PAGES: [old: string, now: string][] = [
  ['login/1-default', 'login/1-default'],
  ['login/2-error', 'login/2-error'],
  ['register/1-single', 'register/1-single'],
  ['register/2-steps/2a-login', 'register/2-steps/2a-login'],
  ['register/2-steps/2b-identity', 'register/2-steps/2b-identity'],
  ['register/2-steps/2c-address', 'register/2-steps/2c-address'],
  ['register/3-confirmation/3a-create', 'register/3-confirmation/3a-create'],
  ['register/3-confirmation/3b-activate', 'register/3-confirmation/3b-activate'],
];
const OLD_PATH = (v: string, p: string) => `${v}/example/page/account/${p}/index.html`;
const NEW_PATH = (p: string) => `@gouvfr/dsfr/example/layout/page/${p}/index.html`;
const CONTROLS = 'input:not([type=hidden]), select, textarea, button, a[href]';

/** What a person would call "the same control": kind, name attribute, and words on it. */
const key = (el: Element) =>
  [
    el.localName === 'a' ? 'button' : el.localName,
    el.getAttribute('name') ?? '',
    normalize(labelText(el) ?? visibleText(el) ?? el.getAttribute('aria-label') ?? ''),
  ].join('|');

suite('DSFR: recorded on an older version, found on 1.14.4', () => {
  const totals = { found: 0, expected: 0, wrong: 0, ambiguous: 0, notFound: 0 };
  for (const v of ['dsfr-1.9.3', 'dsfr-1.12.1']) {
    // The password recovery form moved under login/ in 1.12.
    const recover: [string, string] = [v === 'dsfr-1.9.3' ? 'recover/1-form' : 'login/3-recover/3a-form', 'login/3-recover/3a-form'];
    for (const [oldP, newP] of [...PAGES, recover]) {
      it(`${v} ${oldP}`, () => {
        document.body.innerHTML = dsfrMain(OLD_PATH(v, oldP));
        const olds = Array.from(document.querySelectorAll(CONTROLS));
        const recorded = olds.map((el) => {
          const k = key(el);
          const twins = olds.filter((o) => key(o) === k);
          return { d: describe(el), key: k, rank: twins.indexOf(el), twins: twins.length };
        });
        document.body.innerHTML = dsfrMain(NEW_PATH(newP));
        const news = Array.from(document.querySelectorAll(CONTROLS));
        for (const { d, key: k, rank, twins } of recorded) {
          const same = news.filter((el) => key(el) === k);
          // Twins (same kind, name and words) keep their order when there are as many as before.
          const expected = same.length === twins ? same[rank] : undefined;
          const r = locate(d, document);
          if (expected) totals.expected++;
          if (r.status === 'found') {
            // Never wrong: the element found has the same kind, name and words as the recorded one, at the same rank.
            expect({ k, found: key(r.element) }).toEqual({ k, found: k });
            if (expected) expect(r.element).toBe(expected);
            else totals.wrong++;
            totals.found++;
          } else if (r.status === 'ambiguous') totals.ambiguous++;
          else totals.notFound++;
          if (process.env.LOCATE_VERBOSE && r.status !== 'found') console.info(r.status, v, oldP, k, same.length, twins);
          if (expected && r.status !== 'found') console.warn('missed', v, oldP, k, r.status);
        }
      });
    }
  }
  it('finds at least 99 % of the controls that still exist, with 0 wrong', () => {
    console.info('DSFR cross-version', totals);
    expect(totals.wrong).toBe(0);
    expect(totals.expected).toBeGreaterThan(80);
    expect(totals.found / totals.expected).toBeGreaterThanOrEqual(0.99);
  });
});
