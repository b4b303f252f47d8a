/**
 * Print the interactive elements of DSFR example pages, one line each, to read
 * two versions of a page side by side when checking benchmark cases by hand.
 *
 *   npx tsx bench/tools/inventory.ts 1.12.1/example/page/account/login/1-default/index.html [more pages…] [--all]
 *
 * Without `--all`, the header, footer and display-settings modal are left out.
 */
import { defaultTrees } from '../../scripts/practice-server.ts';
import { inventory, pageFile, parseStatic } from './static-page.ts';

const args = process.argv.slice(2);
const all = args.includes('--all');
const trees = defaultTrees();
for (const page of args.filter((a) => !a.startsWith('--'))) {
  const file = pageFile(trees, page);
  if (!file) throw new Error(`Unknown version in ${page}`);
  console.log(`\n=== ${page}`);
  let lastSection = '';
  for (const it of inventory(parseStatic(file))) {
    if (!all && it.region !== 'main' && it.region !== 'body') continue;
    if (it.text === 'Extrait de code') continue;
    if (it.section !== lastSection) {
      console.log(`  § ${it.section}`);
      lastSection = it.section;
    }
    const facts = [
      `${it.tag}${it.type ? `[${it.type}]` : ''}`,
      it.nameAttr && `name=${it.nameAttr}`,
      it.value && `value=${it.value}`,
      it.label && `label="${it.label}"`,
      it.text && `text="${it.text}"`,
      it.legend && `legend="${it.legend}"`,
      it.href && `href=${it.href}`,
    ].filter(Boolean);
    console.log(`  ${String(it.index).padStart(3)} ${it.region.padEnd(6)} ${facts.join(' ')}  ${it.selector}`);
  }
}
