import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
const ROOT = process.cwd();
function filesUnder(dir: string): string[] { const out: string[] = []; for (const n of readdirSync(dir)) { const p = join(dir, n); if (statSync(p).isDirectory()) out.push(...filesUnder(p)); else if (/\.tsx?$/.test(n) && !n.endsWith('.d.ts')) out.push(p);} return out; }
const FRENCH = /[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ]|\b(le|la|les|un|une|des|du|est|et|ou|pas|vous|votre|vos|ce|cette|sur|pour|avec|dans|au|aux|il|ne|n’|l’|d’|qu’)\b/i;
for (const path of filesUnder(join(ROOT, 'utils'))) {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ');
    if (text !== undefined && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent) && /\p{L}\p{L}/u.test(text) && / /.test(text) && FRENCH.test(text)) {
      console.log(`${relative(ROOT, path)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${text.slice(0, 90)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}
