/**
 * "Never act", checked at build time: extension code must not click, type,
 * submit or navigate in a page on the person's behalf. Any module of
 * entrypoints/, components/ or utils/ that contains one of these calls fails
 * the build. A line that acts only on the extension's own page (never a web
 * page) may say so with a trailing `// never-act: own page` comment.
 *
 * Writing a field (`.value =`, `.checked =`…) is told apart from writing the
 * `value` of a plain object (`state.value =`) by the type checker:
 * `findFieldWrites` flags only writes to DOM elements.
 */
import { relative, sep } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

export const FORBIDDEN: { pattern: RegExp; what: string }[] = [
  { pattern: /\.click\(\s*\)/, what: 'un clic simulé (.click())' },
  { pattern: /\bdispatchEvent\s*\(/, what: 'un événement envoyé (dispatchEvent)' },
  { pattern: /\.requestSubmit\s*\(/, what: 'un formulaire envoyé (requestSubmit)' },
  { pattern: /\.submit\(\s*\)/, what: 'un formulaire envoyé (.submit())' },
  { pattern: /\bexecCommand\s*\(/, what: 'une commande d’édition (execCommand)' },
  { pattern: /\blocation\.(href\s*=(?!=)|assign\s*\(|replace\s*\(|reload\s*\()/, what: 'une navigation (location)' },
  { pattern: /\b(window|document)\.location\s*=(?!=)/, what: 'une navigation (location =)' },
  { pattern: /\bhistory\.(pushState|replaceState|back|forward|go)\s*\(/, what: 'une navigation (history)' },
];

const ALLOW = /\/\/\s*never-act:\s*own page/;

export interface ActFinding {
  line: number;
  what: string;
  text: string;
}

/** Lines of `source` that would act in a page. Comments are ignored. */
export function findActions(source: string): ActFinding[] {
  const findings: ActFinding[] = [];
  source.split('\n').forEach((text, index) => {
    if (ALLOW.test(text)) return;
    const code = text.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
    for (const { pattern, what } of FORBIDDEN) {
      if (pattern.test(code)) findings.push({ line: index + 1, what, text: text.trim() });
    }
  });
  return findings;
}

const CHECKED_DIRS = ['entrypoints', 'components', 'utils'];

/** The extension's own TypeScript sources under `root`. */
export function extensionSources(root: string): string[] {
  return ts.sys
    .readDirectory(
      root,
      ['.ts', '.tsx'],
      ['**/*.d.ts'],
      CHECKED_DIRS.map((dir) => `${dir}/**/*`),
    )
    .filter((file) => !file.endsWith('.d.ts'));
}

/** Throws, in French, when extension code writes a field of a page element. */
export function assertNoFieldWrites(root: string): void {
  const writes = findFieldWrites(extensionSources(root), `${root}/tsconfig.json`);
  if (writes.length > 0) {
    throw new Error(
      'Côte à côte ne doit jamais remplir un champ à la place de la personne :\n' +
        writes.map((w) => `  ${relative(root, w.file)}, ligne ${w.line} : ${w.text}`).join('\n'),
    );
  }
}

export function neverActVitePlugin(root: string): Plugin {
  return {
    name: 'cote-a-cote:never-act',
    enforce: 'pre',
    transform(code, id) {
      const file = relative(root, id.split('?')[0] ?? id);
      if (!CHECKED_DIRS.some((dir) => file.startsWith(dir + sep)) || !/\.(ts|tsx)$/.test(file)) return null;
      const findings = findActions(code);
      if (findings.length > 0) {
        this.error(
          `Côte à côte ne doit jamais agir à la place de la personne. ${file} contient :\n` +
            findings.map((f) => `  ligne ${f.line} : ${f.what} — ${f.text}`).join('\n'),
        );
      }
      return null;
    },
  };
}

const FIELD_PROPERTIES = new Set([
  'value',
  'checked',
  'selectedIndex',
  'files',
  'defaultValue',
  'defaultChecked',
  'valueAsDate',
  'valueAsNumber',
]);
const ASSIGNMENTS = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.MinusEqualsToken]);

export interface FieldWrite {
  file: string;
  line: number;
  text: string;
}

/** Assignments to form-field properties of DOM elements in `files`, found with the type checker. */
export function findFieldWrites(files: string[], tsconfig = 'tsconfig.json'): FieldWrite[] {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram(files, { ...(config?.options ?? {}), noEmit: true });
  const checker = program.getTypeChecker();
  const writes: FieldWrite[] = [];
  const isElement = (type: ts.Type): boolean => {
    if (type.isUnion()) return type.types.some(isElement);
    const name = checker.typeToString(type);
    return /\b(HTML\w*Element|Element|EventTarget)\b/.test(name);
  };
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node) => {
      if (
        ts.isBinaryExpression(node) &&
        ASSIGNMENTS.has(node.operatorToken.kind) &&
        ts.isPropertyAccessExpression(node.left) &&
        FIELD_PROPERTIES.has(node.left.name.text) &&
        isElement(checker.getTypeAtLocation(node.left.expression))
      ) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        writes.push({ file, line: line + 1, text: node.getText().slice(0, 120) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return writes;
}
