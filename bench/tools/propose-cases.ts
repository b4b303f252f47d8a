/**
 * Propose candidate case pairs between an older DSFR page and its 1.14.4
 * counterpart, for a person to check by reading both pages' markup. Nothing
 * here is ground truth: a proposal becomes a case only once checked by hand
 * (see docs/benchmarks.md).
 *
 *   npx tsx bench/tools/propose-cases.ts [--filter TEXT] [--out FILE]
 *
 * Elements are paired when they have the same region, tag, input type and
 * label/text, in document order; the ones left over on either side are listed
 * (renamed or removed elements, to look at closely).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultTrees } from '../../scripts/practice-server.ts';
import { pagePairs } from './page-pairs.ts';
import { type InventoryItem, inventory, pageFile, parseStatic } from './static-page.ts';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const filter = arg('--filter');
const out = arg('--out') ?? 'bench/results/proposals.json';
const trees = defaultTrees();

/** Elements not worth a case: code-snippet toggles, menu links whose text is a build counter. */
const noise = (it: InventoryItem) =>
  it.text === 'Extrait de code' || /\bnav-\d+$/.test(it.text) || (it.region === 'modal' && it.text === 'Fermer');

const key = (it: InventoryItem) => [it.region, it.tag, it.tag === 'input' ? it.type : '', (it.label || it.text).toLowerCase()].join('|');

const show = (it: InventoryItem) =>
  [
    `${it.tag}${it.type ? `[${it.type}]` : ''}`,
    it.nameAttr && `name=${it.nameAttr}`,
    it.value && `value=${it.value}`,
    `"${(it.label || it.text).slice(0, 60)}"`,
    `§${it.section.slice(0, 40)}`,
    it.selector,
  ]
    .filter(Boolean)
    .join(' ');

const proposals: unknown[] = [];
for (const pair of pagePairs()) {
  if (filter && !pair.before.includes(filter) && !pair.after.includes(filter)) continue;
  const withHeader = pair.group === 'template' && !args.includes('--main');
  const keep = (it: InventoryItem) => !noise(it) && (withHeader || it.region === 'main' || it.region === 'body');
  const before = inventory(parseStatic(pageFile(trees, pair.before) as string)).filter(keep);
  const after = inventory(parseStatic(pageFile(trees, pair.after) as string)).filter(keep);
  const afterByKey = new Map<string, InventoryItem[]>();
  for (const it of after) afterByKey.set(key(it), [...(afterByKey.get(key(it)) ?? []), it]);
  const used = new Set<InventoryItem>();
  console.log(`\n=== ${pair.before}\n →  ${pair.after}`);
  for (const b of before) {
    const a = afterByKey.get(key(b))?.find((x) => !used.has(x));
    if (a) {
      used.add(a);
      const sameCount = before.filter((x) => key(x) === key(b)).length === afterByKey.get(key(b))?.length;
      console.log(`  ${sameCount ? '  ' : '≠ '}${show(b)}\n      → ${show(a)}`);
      proposals.push({
        group: pair.group,
        before: { page: pair.before, selector: b.selector },
        after: { page: pair.after, selector: a.selector },
        facts: key(b),
      });
    } else {
      console.log(`  ✗ ${show(b)}`);
      proposals.push({
        group: pair.group,
        before: { page: pair.before, selector: b.selector },
        after: { page: pair.after, selector: null },
        facts: key(b),
      });
    }
  }
  for (const a of after.filter((x) => !used.has(x))) console.log(`  + ${show(a)}`);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(proposals, null, 1));
console.log(`\n${proposals.length} proposals → ${out}`);
