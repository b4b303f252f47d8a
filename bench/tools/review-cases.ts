/**
 * Print every case of a case file with what a person reads on both sides —
 * tag, label or text, legend, nearest heading, region, classes — to check by
 * hand that the two elements mean the same thing. For an absent element, the
 * after page's elements with the same name are listed: each must be shown
 * not to be it.
 *
 *   npx tsx bench/tools/review-cases.ts [--cases FILE] [--filter TEXT]
 */
import { defaultTrees } from '../../scripts/practice-server.ts';
import { loadCaseFile } from '../lib/cases.ts';
import { pageFile, parseStatic, readableFacts, sameNamed } from './static-page.ts';

const args = process.argv.slice(2);
const opt = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const trees = defaultTrees();
const docs = new Map<string, Document>();
const doc = (page: string) => {
  if (!docs.has(page)) docs.set(page, parseStatic(pageFile(trees, page) as string));
  return docs.get(page) as Document;
};
const filter = opt('--filter');
for (const c of loadCaseFile(opt('--cases') ?? 'bench/cases/dsfr-cross-version.json').cases) {
  if (filter && !c.id.includes(filter)) continue;
  const b = doc(c.before.page).querySelector(c.before.selector) as Element;
  console.log(`\n${c.id} (${c.kind})${c.note ? `\n  note: ${c.note}` : ''}`);
  console.log(`  before: ${readableFacts(b, doc(c.before.page))}`);
  if (c.after.selector) {
    console.log(`  after:  ${readableFacts(doc(c.after.page).querySelector(c.after.selector) as Element, doc(c.after.page))}`);
  } else {
    const twins = sameNamed(b, doc(c.before.page), doc(c.after.page));
    console.log(`  after:  ABSENT — ${twins.length} element(s) with the same name on the after page`);
    for (const t of twins.slice(0, 6)) console.log(`          ~ ${readableFacts(t, doc(c.after.page))}`);
  }
}
