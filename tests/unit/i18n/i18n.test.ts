/**
 * The interface speaks French (default) and English, all its strings through
 * `@wxt-dev/i18n`: both locale files have the same keys and parameters, every
 * key that the code asks for exists, no user-facing text is written in a
 * component (JSX text, or the texts of `aria-label`, `title`, `alt`, `placeholder`),
 * and no French text is written in `utils/` outside the files that speak the
 * guides' language (see `GUIDE_LANGUAGE` and docs/recipes.md, « Ajouter une langue »).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const SOURCE_DIRS = ['components', 'entrypoints', 'utils'];
const VIEW_DIRS = ['components', 'entrypoints'];
/** JSX attributes whose value is read or shown to people. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'alt',
  'placeholder',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
]);
/** Symbols and separators that are the same in every language. */
const ALLOWED = /^[\s\d.,:;·•…×→←↑↓–—«»"'()[\]/|*+\-=%#!?]*$/u;

type Messages = NonNullable<Awaited<ReturnType<typeof parseMessagesFile>>>;
let fr: Messages;
let en: Messages;

beforeAll(async () => {
  [fr, en] = (await Promise.all(['fr', 'en'].map((l) => parseMessagesFile(join(ROOT, `locales/${l}.yml`))))) as [Messages, Messages];
});

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ext));
    else if (ext.test(name)) out.push(path);
  }
  return out;
}

const sourceFiles = (ext: RegExp, dirs = SOURCE_DIRS) => dirs.flatMap((dir) => filesUnder(join(ROOT, dir), ext));

function parse(path: string): ts.SourceFile {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, kind);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

interface Finding {
  where: string;
  text: string;
}

const where = (file: ts.SourceFile, node: ts.Node) =>
  `${relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;

/**
 * The texts an expression can show: its string literals, through `? :`, `&&`,
 * `||`, `??`, `+` and templates — not the arguments of calls (`i18n.t('key')`)
 * nor the operands of comparisons (`level === 'guided'`).
 */
function shownLiterals(e: ts.Expression): { node: ts.Node; text: string }[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [{ node: e, text: e.text }];
  if (ts.isTemplateExpression(e))
    return [
      { node: e, text: [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ') },
      ...e.templateSpans.flatMap((s) => shownLiterals(s.expression)),
    ];
  if (ts.isParenthesizedExpression(e)) return shownLiterals(e.expression);
  if (ts.isConditionalExpression(e)) return [...shownLiterals(e.whenTrue), ...shownLiterals(e.whenFalse)];
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const { AmpersandAmpersandToken, BarBarToken, QuestionQuestionToken, PlusToken } = ts.SyntaxKind;
    if (op === AmpersandAmpersandToken) return shownLiterals(e.right);
    if (op === BarBarToken || op === QuestionQuestionToken || op === PlusToken)
      return [...shownLiterals(e.left), ...shownLiterals(e.right)];
  }
  return [];
}

/** Texts written in the JSX of one file: text nodes with letters, and literal texts of children and of the text attributes. */
function hardCodedTexts(file: ts.SourceFile): Finding[] {
  const found: Finding[] = [];
  const check = (node: ts.Node, text: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (trimmed && /\p{L}/u.test(trimmed) && !ALLOWED.test(trimmed)) found.push({ where: where(file, node), text: trimmed });
  };
  walk(file, (node) => {
    if (ts.isJsxText(node)) check(node, node.text);
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) check(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) for (const l of shownLiterals(init.expression)) check(l.node, l.text);
    } else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const l of shownLiterals(node.expression)) check(l.node, l.text);
    }
  });
  return found;
}

/** The literal keys of every `i18n.t('…')` call. */
function keysUsed(file: ts.SourceFile): { where: string; key: string }[] {
  const used: { where: string; key: string }[] = [];
  walk(file, (node) => {
    if (!ts.isCallExpression(node) || node.expression.getText(file) !== 'i18n.t') return;
    const first = node.arguments[0];
    if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)))
      used.push({ where: where(file, node), key: first.text });
  });
  return used;
}

/** Keys given as `as const` lists of literals and passed to `i18n.t` later (e.g. the trace checklist). */
function keyLikeLiterals(file: ts.SourceFile, sections: Set<string>): { where: string; key: string }[] {
  const found: { where: string; key: string }[] = [];
  walk(file, (node) => {
    if (!ts.isStringLiteral(node) || !/^[a-z][A-Za-z]*(\.[A-Za-z0-9]+)+$/.test(node.text)) return;
    if (!sections.has(node.text.split('.')[0] as string) || /\.(html|css|json|js|ts|tsx|yml|png|svg)$/.test(node.text)) return;
    // Imports and file names are not keys.
    if (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent)) return;
    found.push({ where: where(file, node), key: node.text });
  });
  return found;
}

/**
 * Files of `utils/` whose French is not interface text: it is about a guide's
 * content or goes into a guide, so it is in the guides' language. Guides are
 * written and checked in French only; everything else goes through `locales/`.
 */
const GUIDE_LANGUAGE: Record<string, string> = {
  'utils/guide/': 'validation messages of a guide file, and the JSON schema’s descriptions for guide authors',
  'utils/authoring/background/user-store.ts': 'the problem of a guide saved to « Mes guides », in the words of the other guide problems',
  'utils/authoring/twins.ts': 'instructions drafted into a guide, telling look-alike targets apart',
  'utils/authoring/privacy.ts': 'French words and acronyms of public sites, matched against page texts, never shown',
  'utils/authoring/typed-values.ts': 'French words too common to recognise a typed value by, never shown',
  'utils/catalogue/build.ts': 'validation of the bundled guides, at build time',
  'utils/team-catalogue/json-schema.ts': 'the JSON schema’s descriptions for the trainers who publish a team catalogue',
  'utils/authoring/plain-language.ts': 'advice on the French text of a guide',
  'utils/authoring/jargon-fr.ts': 'French administrative words and their plain equivalents',
  'utils/authoring/instruction.ts': 'instructions drafted into a guide',
  'utils/authoring/draft-guide.ts': 'default titles and summaries of a drafted or imported guide',
  'utils/locate/facts.ts': 'the names browsers give the buttons of French pages: matched against the page, never shown',
};

/** French words and letters that English code and messages do not use. */
const FRENCH =
  /[àâçéèêëîïôûùüÿœæ«»]|\b(le|la|les|un|une|des|du|de|est|et|ou|pas|non|vous|votre|vos|ce|cette|sur|pour|avec|dans|au|aux|il|ne|n’|l’|d’|qu’)\b/iu;

/** String and template literals of one file that read as French sentences (imports and `i18n.t` keys aside). */
function frenchTexts(file: ts.SourceFile): Finding[] {
  const found: Finding[] = [];
  walk(file, (node) => {
    if (ts.isImportDeclaration(node.parent ?? node) || ts.isExportDeclaration(node.parent ?? node)) return;
    let pieces: string[] | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) pieces = [node.text];
    else if (ts.isTemplateExpression(node)) pieces = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
    if (!pieces) return;
    const text = pieces.join(' ');
    if (/\p{L}{2}/u.test(text) && /\s/.test(text.trim()) && FRENCH.test(text))
      found.push({ where: where(file, node), text: pieces[0] ?? '' });
  });
  return found;
}

const shape = (messages: Messages) => Object.fromEntries(messages.map((m) => [m.key.join('.'), m.substitutions]));

describe('locales', () => {
  it('fr.yml and en.yml have exactly the same keys', () => {
    const frKeys = Object.keys(shape(fr)).sort();
    const enKeys = Object.keys(shape(en)).sort();
    expect(
      enKeys.filter((k) => !frKeys.includes(k)),
      'in en.yml only',
    ).toEqual([]);
    expect(
      frKeys.filter((k) => !enKeys.includes(k)),
      'in fr.yml only',
    ).toEqual([]);
  });

  it('each message has the same $n parameters in both languages', () => {
    const params = (messages: Messages) =>
      Object.fromEntries(
        messages.map((m) => {
          const text = 'message' in m ? String(m.message) : JSON.stringify(m);
          return [m.key.join('.'), [...new Set(text.match(/\$\d/g) ?? [])].sort().join(' ')];
        }),
      );
    const frParams = params(fr);
    const enParams = params(en);
    const differ = Object.keys(frParams).filter((key) => key in enParams && frParams[key] !== enParams[key]);
    expect(differ.map((key) => `${key}: fr "${frParams[key]}" / en "${enParams[key]}"`)).toEqual([]);
    expect(shape(en)).toEqual(shape(fr));
  });

  it('no message is empty', () => {
    const empty = [...fr, ...en].filter((m) => 'message' in m && String(m.message).trim() === '').map((m) => m.key.join('.'));
    expect(empty).toEqual([]);
  });
});

describe('the code', () => {
  it('asks only for keys that exist', () => {
    const known = new Set(Object.keys(shape(fr)));
    const files = sourceFiles(/\.tsx?$/).map(parse);
    const used = files.flatMap(keysUsed);
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter(({ key }) => !known.has(key))).toEqual([]);
    // Keys kept in lists and passed to i18n.t by variable.
    const sections = new Set([...known].map((key) => key.split('.')[0] as string));
    const listed = files.flatMap((file) => keyLikeLiterals(file, sections));
    expect(listed.filter(({ key }) => !known.has(key))).toEqual([]);
    // A parse of the whole source tree: seconds on a loaded 2-core machine, not a timing.
  }, 60_000);

  it('writes no user-facing text in a component', () => {
    const files = sourceFiles(/\.tsx$/, VIEW_DIRS);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((path) => hardCodedTexts(parse(path)));
    expect(found.map(({ where, text }) => `${where}: ${text}`)).toEqual([]);
  });

  it('writes no French text in utils/, apart from the guides’ own language', () => {
    const files = sourceFiles(/\.ts$/, ['utils']).filter((path) => !path.endsWith('.d.ts'));
    const found = files.flatMap((path) => {
      const name = relative(ROOT, path);
      if (Object.keys(GUIDE_LANGUAGE).some((prefix) => name.startsWith(prefix))) return [];
      return frenchTexts(parse(path));
    });
    expect(found.map(({ where, text }) => `${where}: ${text}`)).toEqual([]);
    for (const prefix of Object.keys(GUIDE_LANGUAGE)) expect(statSync(join(ROOT, prefix)), prefix).toBeTruthy();
  });

  it('tells French sentences from code words', () => {
    const file = ts.createSourceFile(
      'x.ts',
      [
        `import { a } from './le fichier';`,
        `const a = ['Le guide est abîmé.', \`Guide « \${t} » mis de côté\`, 'unknown message type', 'li.guide button', i18n.t('editor.mine.saved')];`,
      ].join('\n'),
      ts.ScriptTarget.Latest,
      true,
    );
    expect(frenchTexts(file).map((f) => f.text)).toEqual(['Le guide est abîmé.', 'Guide « ']);
  });

  it('finds the texts it must refuse, and lets symbols through', () => {
    const file = ts.createSourceFile(
      'x.tsx',
      [
        `const a = <p title="Aide" aria-label={'Fermer'}>Bonjour <b>{'Salut'}</b> × → 12 % {i18n.t('ok')}<img alt={\`Logo \${n}\`} /></p>;`,
        `const b = <><i title={open ? 'Ouvert' : i18n.t('x.closed')}>{level === 'guided' && 'Guidé'}</i>{n} · {i18n.t('a.b', ['Nom'])}</>;`,
      ].join('\n'),
      ts.ScriptTarget.Latest,
      true,
      ts.ScriptKind.TSX,
    );
    expect(hardCodedTexts(file).map((f) => f.text)).toEqual(['Aide', 'Fermer', 'Bonjour', 'Salut', 'Logo', 'Ouvert', 'Guidé']);
  });
});
