/**
 * "Never act", checked on the syntax tree (TypeScript compiler API), whatever
 * the way a line is written: the extension must not click, type, submit or
 * navigate in a page on the person's behalf. What is forbidden:
 *
 * 1. Acting methods — `click`, `submit`, `requestSubmit`, `dispatchEvent`,
 *    `fireEvent`, `execCommand`, `setRangeText`, `stepUp`, `stepDown` — called
 *    in any form: `el.click()`, `el['click']()`, `Proto.click.call(el)`,
 *    `.apply`, `.bind(el)()`, `requestSubmit.bind(form)`, destructured from a
 *    `prototype`, or passed to `Reflect.apply`.
 * 2. Writing a field: `value`, `checked`, `selected`, `selectedIndex`,
 *    `indeterminate`, `files`, `defaultValue`, `defaultChecked`, `valueAsDate`,
 *    `valueAsNumber`, `innerText`, `outerText` assigned (`=`, `+=`…, dotted or
 *    `['value']`) on anything not provably ours: a DOM element or event target,
 *    `any` or `unknown` (with the type checker; without it, only `as any` /
 *    `as unknown` casts). A plain object's `.value` is ours. Also, whatever the
 *    object: `Object.assign(x, { value })` / `Object.defineProperties` with a
 *    field key, `Reflect.set(x, 'value', …)`, `Object.defineProperty(x, 'value', …)`,
 *    `setAttribute('value' | 'checked' | 'selected', …)`, `toggleAttribute('checked' | 'selected')`.
 * 3. Navigating: assigning `location` or any of its parts (`href`, `hash`,
 *    `search`, `pathname`…), `location.assign/replace/reload()`,
 *    `history.pushState/replaceState/back/forward/go()`, `navigation.navigate()`,
 *    `window.open()` (and bare `open()`, `self.open`, `globalThis.open`, `document.open`).
 * 4. Extension APIs that navigate or run code in a page: `tabs.update(…, { url })`,
 *    `tabs.create` / `windows.create` with a `url` that is not one of our pages
 *    (`runtime.getURL(…)`, directly or through a helper that returns it),
 *    `scripting.executeScript` / `tabs.executeScript` with `func` or `code`
 *    (only our own files may be injected).
 *
 * 5. Scrolling anything but the viewport: `scrollIntoView()` (it scrolls every box
 *    around the element), `box.scrollTo/scrollBy/scroll()`, `box.scrollTop/scrollLeft =`.
 *    `window.scrollBy()` (the viewport) is how a target is brought into view.
 *
 * Not forbidden, on purpose: reading (`input.value === ''` tells whether a field
 * is filled, which the product observes; the value itself is never kept),
 * `focus()` (our own UI moves focus for keyboard users; giving focus back to the
 * page is the README's focus principle, tested where it happens), and calls
 * through a computed name (`handlers[type]()`), which cannot be told statically.
 * The acting method names are reserved: our own objects never have a method
 * called `click`, `submit`… (`handlers.submit()` would be flagged).
 *
 * An exception is written on the line (or the line above) as
 * `// never-act: own page — why`, with the reason: only for the extension's own
 * pages (the editor's download link, the editor's own address).
 *
 * Three places run it: the Vite plugin on every module of entrypoints/,
 * components/ and utils/ (syntax only, fast), `build:before` and the unit test
 * with the type checker, and `build:done` on the built content scripts and
 * background (see `assertBundlesNeverAct`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

export const ACTING_METHODS = new Set([
  'click',
  'submit',
  'requestSubmit',
  'dispatchEvent',
  'fireEvent',
  'execCommand',
  'setRangeText',
  'stepUp',
  'stepDown',
]);

export const FIELD_PROPERTIES = new Set([
  'value',
  'checked',
  'selected',
  'selectedIndex',
  'indeterminate',
  'files',
  'defaultValue',
  'defaultChecked',
  'valueAsDate',
  'valueAsNumber',
  'innerText',
  'outerText',
]);

const FIELD_ATTRIBUTES = new Set(['value', 'checked', 'selected']);
/** Scrolling anything but the viewport: a page's own box (a « read to the end » box) could take it for the person's reading. */
const SCROLLING_METHODS = new Set(['scrollIntoView', 'scrollIntoViewIfNeeded', 'scrollTo', 'scrollBy', 'scroll']);
const SCROLL_POSITIONS = new Set(['scrollTop', 'scrollLeft']);
const LOCATION_PARTS = new Set(['href', 'hash', 'search', 'pathname', 'host', 'hostname', 'port', 'protocol']);
const LOCATION_METHODS = new Set(['assign', 'replace', 'reload']);
const HISTORY_METHODS = new Set(['pushState', 'replaceState', 'back', 'forward', 'go']);
const GLOBAL_SCOPES = new Set(['window', 'self', 'globalThis', 'document', 'top', 'parent']);

const ALLOW = /\/\/\s*never-act:\s*own page\s*[—–:-]\s*\S/;

export interface ActFinding {
  line: number;
  what: string;
  text: string;
  /** The acting expression itself (minified lines are too long to show). */
  code: string;
}

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/** `(x)`, `x!`, `x as T`, `<T>x`, `x satisfies T` → x. */
function bare(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isSatisfiesExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** The property name of `x.name` or `x['name']` (string literal only). */
function accessName(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}

/** The last name of an expression: `browser.tabs` → `tabs`, `location` → `location`. */
function lastName(node: ts.Expression): string | undefined {
  const e = bare(node);
  if (ts.isIdentifier(e)) return e.text;
  return accessName(e);
}

const stringArg = (node: ts.Expression | undefined): string | undefined =>
  node && ts.isStringLiteralLike(bare(node)) ? (bare(node) as ts.StringLiteralLike).text : undefined;

function literalKeys(node: ts.Expression | undefined): string[] | undefined {
  const e = node && bare(node);
  if (!e || !ts.isObjectLiteralExpression(e)) return undefined;
  return e.properties.flatMap((p) => {
    if (ts.isSpreadAssignment(p)) return ['…'];
    const name = p.name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteralLike(name))) return [name.text];
    return ['…'];
  });
}

function propertyValue(node: ts.Expression | undefined, key: string): ts.Expression | undefined | null {
  const e = node && bare(node);
  if (!e || !ts.isObjectLiteralExpression(e)) return null;
  for (const p of e.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteralLike(p.name)) && p.name.text === key)
      return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === key) return p.name;
  }
  return undefined;
}

/** `x` is the global `location` (or `window.location`, `document.location`…). */
function isLocation(node: ts.Expression): boolean {
  const e = bare(node);
  if (ts.isIdentifier(e)) return e.text === 'location';
  const name = accessName(e);
  return name === 'location' && (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) && isGlobalScope(e.expression);
}

function isGlobalScope(node: ts.Expression): boolean {
  const e = bare(node);
  return ts.isIdentifier(e) && GLOBAL_SCOPES.has(e.text);
}

/** Whether the reference `node` names an acting method (not a declaration, not an object key). */
function actingReference(node: ts.Node): string | undefined {
  const name = accessName(node);
  return name !== undefined && ACTING_METHODS.has(name) ? name : undefined;
}

interface Context {
  checker?: ts.TypeChecker;
  source: ts.SourceFile;
  /** Records a finding (unless excused on its line); always true, so that checks can `return ctx.report(…)`. */
  report(node: ts.Node, what: string): true;
}

/** Whether `node`'s object may be a page's: a DOM element or event target, `any` or `unknown`. */
function notProvablyOurs(object: ts.Expression, ctx: Context): boolean {
  const inner = ts.isParenthesizedExpression(object) ? bare(object) : object;
  // A cast to any/unknown hides what the object is: never ours.
  for (let e: ts.Expression = object; ; ) {
    if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) {
      if (e.type.kind === ts.SyntaxKind.AnyKeyword || e.type.kind === ts.SyntaxKind.UnknownKeyword) return true;
      e = e.expression;
    } else if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) {
      e = e.expression;
    } else break;
  }
  const checker = ctx.checker;
  if (!checker) return false;
  const isPage = (type: ts.Type): boolean => {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    if (type.isUnion() || type.isIntersection()) return type.types.some(isPage);
    return /\b(HTML\w*Element|SVG\w*Element|Element|Node|EventTarget|RadioNodeList)\b/.test(checker.typeToString(type));
  };
  return isPage(checker.getTypeAtLocation(inner));
}

function checkCall(node: ts.CallExpression, ctx: Context): boolean {
  const callee = bare(node.expression);
  const name = accessName(callee);
  const object = ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? callee.expression : undefined;

  // x.click(), x['click']()
  const acting = actingReference(callee);
  if (acting) return ctx.report(node, `une action simulée (${acting})`);
  // x.click.call(el) / .apply / .bind, requestSubmit.bind(form)
  if (object && name && ['call', 'apply', 'bind'].includes(name)) {
    const target = bare(object);
    const method = actingReference(target) ?? (ts.isIdentifier(target) && ACTING_METHODS.has(target.text) ? target.text : undefined);
    if (method) return ctx.report(node, `une action simulée (${method}.${name})`);
  }
  // Reflect.apply(HTMLElement.prototype.click, el, [])
  if (object && name === 'apply' && lastName(object) === 'Reflect') {
    const method = node.arguments[0] && actingReference(bare(node.arguments[0]));
    if (method) return ctx.report(node, `une action simulée (Reflect.apply ${method})`);
  }
  // el.scrollIntoView(), box.scrollBy(…): only the viewport (window.scrollBy) may move.
  if (object && name && SCROLLING_METHODS.has(name) && !isGlobalScope(object)) {
    return ctx.report(node, `un défilement d'une boîte de la page (${name})`);
  }
  // bare fireEvent(el, …), execCommand(…)
  if (ts.isIdentifier(callee) && ACTING_METHODS.has(callee.text)) return ctx.report(node, `une action simulée (${callee.text})`);

  // Field writes through helpers.
  if (object && lastName(object) === 'Object' && (name === 'assign' || name === 'defineProperties')) {
    const sources = name === 'assign' ? node.arguments.slice(1) : node.arguments.slice(1, 2);
    for (const arg of sources) {
      const keys = literalKeys(arg);
      if (
        keys?.some((k) => FIELD_PROPERTIES.has(k)) ||
        (keys === undefined && node.arguments[0] && notProvablyOurs(node.arguments[0], ctx))
      ) {
        return ctx.report(node, `un champ rempli (Object.${name})`);
      }
    }
  }
  if (object && (lastName(object) === 'Reflect' || lastName(object) === 'Object') && (name === 'set' || name === 'defineProperty')) {
    const key = stringArg(node.arguments[1]);
    if (key !== undefined && FIELD_PROPERTIES.has(key)) return ctx.report(node, `un champ rempli (${lastName(object)}.${name} « ${key} »)`);
  }
  if (name === 'setAttribute' || name === 'toggleAttribute' || name === 'setAttributeNS') {
    const key = stringArg(node.arguments[name === 'setAttributeNS' ? 1 : 0])?.toLowerCase();
    if (key !== undefined && FIELD_ATTRIBUTES.has(key)) return ctx.report(node, `un champ rempli (${name} « ${key} »)`);
  }

  // Navigation.
  if (object && name && LOCATION_METHODS.has(name) && isLocation(object)) return ctx.report(node, `une navigation (location.${name})`);
  if (object && name && HISTORY_METHODS.has(name) && lastName(object) === 'history')
    return ctx.report(node, `une navigation (history.${name})`);
  if (object && name === 'navigate' && lastName(object) === 'navigation') return ctx.report(node, 'une navigation (navigation.navigate)');
  if (name === 'open' && object && isGlobalScope(object)) return ctx.report(node, 'une navigation (open)');
  if (ts.isIdentifier(callee) && callee.text === 'open' && isGlobal(callee, ctx)) return ctx.report(node, 'une navigation (open)');

  // Extension APIs.
  const api = object ? lastName(object) : undefined;
  if (api === 'tabs' && name === 'update') {
    const details = node.arguments[node.arguments.length - 1];
    const url = propertyValue(details, 'url');
    if (url !== undefined) return ctx.report(node, 'une navigation (tabs.update avec une adresse)');
  }
  if ((api === 'tabs' || api === 'windows') && name === 'create') {
    const url = propertyValue(node.arguments[0], 'url');
    if (url === null || (url !== undefined && !isOwnPageUrl(url, ctx)))
      return ctx.report(node, `une page ouverte sur un site (${api}.create)`);
  }
  if (name === 'executeScript') {
    const details = node.arguments.find((arg) => ts.isObjectLiteralExpression(bare(arg)));
    const keys = literalKeys(details) ?? (details ? [] : ['…']);
    if (keys.includes('func') || keys.includes('code') || keys.includes('…'))
      return ctx.report(node, 'du code lancé dans une page (executeScript)');
  }
  return false;
}

/** The identifier is the browser's global, not a name of ours (bare `open()`); without types, assume it is. */
function isGlobal(identifier: ts.Identifier, ctx: Context): boolean {
  if (!ctx.checker) return !declaresName(ctx.source, identifier.text);
  const symbol = ctx.checker.getSymbolAtLocation(identifier);
  if (!symbol) return true;
  return (symbol.declarations ?? []).every((d) => /lib\.\w*\.?d\.ts$|lib\.dom/.test(d.getSourceFile().fileName));
}

/** The file's own declaration of `name` (a function, variable or parameter), if any. */
function declarationOf(source: ts.SourceFile, name: string): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node) => {
    if (found) return;
    if (
      (ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) &&
      node.name &&
      ts.isIdentifier(node.name) &&
      node.name.text === name
    ) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether the file declares `name` itself, shadowing the global. */
const declaresName = (source: ts.SourceFile, name: string): boolean => declarationOf(source, name) !== undefined;

/** `runtime.getURL(…)`, or a helper of ours whose body returns one (`memoUrl(id)`). */
function isOwnPageUrl(url: ts.Expression, ctx: Context): boolean {
  const e = bare(url);
  if (!ts.isCallExpression(e)) return false;
  const callee = bare(e.expression);
  if (lastName(callee) === 'getURL') return true;
  if (!ts.isIdentifier(callee)) return false;
  const checker = ctx.checker;
  if (!checker) {
    // Syntax only: a helper of this file is read; an imported `…Url` helper is checked for real by the typed pass.
    const local = declarationOf(ctx.source, callee.text);
    return local ? /\.getURL\(/.test(local.getText(ctx.source)) : /Url$/.test(callee.text);
  }
  let symbol = checker.getSymbolAtLocation(callee);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return (symbol?.declarations ?? []).some((d) => /\.getURL\(/.test(d.getText()));
}

function checkAssignment(node: ts.BinaryExpression, ctx: Context): boolean {
  const left = bare(node.left);
  if (ts.isIdentifier(left) && left.text === 'location') return ctx.report(node, 'une navigation (location =)');
  const name = accessName(left);
  if (!name || !(ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left))) return false;
  if (name === 'location' && isGlobalScope(left.expression)) return ctx.report(node, 'une navigation (location =)');
  if (LOCATION_PARTS.has(name) && isLocation(left.expression)) return ctx.report(node, `une navigation (location.${name} =)`);
  if (FIELD_PROPERTIES.has(name) && notProvablyOurs(left.expression, ctx)) return ctx.report(node, `un champ rempli (.${name} =)`);
  if (SCROLL_POSITIONS.has(name)) return ctx.report(node, `un défilement d'une boîte de la page (.${name} =)`);
  return false;
}

/** `const { click } = HTMLElement.prototype` */
function checkDestructuring(node: ts.VariableDeclaration, ctx: Context): void {
  if (!ts.isObjectBindingPattern(node.name) || !node.initializer) return;
  if (lastName(node.initializer) !== 'prototype') return;
  for (const element of node.name.elements) {
    const key = element.propertyName ?? element.name;
    if ((ts.isIdentifier(key) || ts.isStringLiteralLike(key)) && ACTING_METHODS.has(key.text)) {
      ctx.report(node, `une action simulée (${key.text} pris au prototype)`);
    }
  }
}

/**
 * The acting forms of one source file. With `checker` (a program that holds
 * the file), field writes are told apart by type; without, only casts to
 * `any`/`unknown` are known not to be ours.
 */
export function findActsIn(source: ts.SourceFile, checker?: ts.TypeChecker): ActFinding[] {
  const lines = source.text.split('\n');
  const findings: ActFinding[] = [];
  const ctx: Context = {
    checker,
    source,
    report(node, what) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      if (ALLOW.test(lines[line] ?? '') || ALLOW.test(lines[line - 1] ?? '')) return true;
      findings.push({ line: line + 1, what, text: (lines[line] ?? '').trim().slice(0, 160), code: node.getText(source).slice(0, 200) });
      return true;
    },
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) checkCall(node, ctx);
    else if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind)) checkAssignment(node, ctx);
    else if (ts.isVariableDeclaration(node)) checkDestructuring(node, ctx);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** The acting forms of a source text, syntax only (no type checker). */
export function findActions(code: string, fileName = 'module.tsx'): ActFinding[] {
  const kind = /\.[mc]?js$/.test(fileName) ? ts.ScriptKind.JS : /\.tsx$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return findActsIn(ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind));
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

export interface FileFinding extends ActFinding {
  file: string;
}

/** Every acting form in `files`, with the type checker. */
export function findActsTyped(files: string[], tsconfig = 'tsconfig.json'): FileFinding[] {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const program = ts.createProgram(files, { ...(config?.options ?? {}), noEmit: true });
  const checker = program.getTypeChecker();
  return files.flatMap((file) => {
    const source = program.getSourceFile(file);
    return source ? findActsIn(source, checker).map((f) => ({ ...f, file })) : [];
  });
}

/** @deprecated name kept for callers: every acting form, with the type checker. */
export const findFieldWrites = findActsTyped;

const report = (root: string, findings: FileFinding[]) =>
  findings.map((f) => `  ${relative(root, f.file)}, ligne ${f.line} : ${f.what} — ${f.code}`).join('\n');

/** Throws, in French, when extension code acts in a page (typed check of every source). */
export function assertNeverActs(root: string): void {
  const findings = findActsTyped(extensionSources(root), `${root}/tsconfig.json`);
  if (findings.length > 0) throw new Error(`Côte à côte ne doit jamais agir à la place de la personne :\n${report(root, findings)}`);
}

/** @deprecated name kept for wxt.config.ts. */
export const assertNoFieldWrites = assertNeverActs;

/**
 * The built scripts that run in or next to web pages: content scripts and the
 * background. Minified, ours cannot be told from the libraries' by path; so the
 * bundle check is the syntax-only one (no type-dependent field writes: a
 * plain object's `.value =` looks the same as an input's once minified), and its
 * forms are ones that none of the libraries we ship uses (Preact, zod,
 * @medv/finder, dom-accessibility-api, the webextension polyfill, WXT's runtime) — except the few shapes listed in `LIBRARY_FORMS`, each
 * recognised exactly and justified. Whatever else it finds fails the build,
 * libraries included: a library that starts clicking is as bad as our own code.
 */
export function bundleFiles(outDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'content-scripts' || entry.name === 'chunks') walk(path);
      } else if (/\.js$/.test(entry.name) && (dir.endsWith(`${sep}content-scripts`) || /^background\.js$/.test(entry.name))) {
        files.push(path);
      }
    }
  };
  walk(outDir);
  return files;
}

/**
 * Library code in the bundles that the syntax check catches and that does not
 * act on a page, each recognised by its exact shape, with why it is allowed.
 * Anything else fails the build. Keep this list short and re-read it when a
 * library is updated.
 */
export const LIBRARY_FORMS: { library: string; why: string; matches(code: string, bundle: string): boolean }[] = [
  {
    library: 'zod',
    why: 'ZodLiteral defines a read-only `value` getter on its own schema object, never on an element',
    matches: (code) => code.startsWith('Object.defineProperty(') && code.includes('This schema contains multiple valid literal values'),
  },
  {
    library: 'WXT (ContentScriptContext)',
    why: 'its own `wxt:locationchange` event on window, not a person’s action; goes away with our own content-script host (issue 12)',
    matches: (code, bundle) => {
      const m = /^window\.dispatchEvent\(new ([\w$]+)\(\w+,\w+\)\)$/.exec(code);
      if (!m) return false;
      const name = (m[1] as string).replace(/\$/g, '\\$');
      return new RegExp(`${name}=class [\\w$]+ extends Event\\{static EVENT_NAME=[\\w$]+\\("wxt:locationchange"\\)`).test(bundle);
    },
  },
  {
    library: 'WXT (ContentScriptContext)',
    why: 'its own « content script started » custom event, not a person’s action; goes away with our own content-script host (issue 12)',
    matches: (code) => /^document\.dispatchEvent\(new CustomEvent\([\w$]+\.SCRIPT_STARTED_MESSAGE_TYPE,/.test(code),
  },
];

/** The acting forms of built bundles (content scripts and background of `outDir`), known library forms aside. */
export function findActsInBundles(outDir: string): FileFinding[] {
  return bundleFiles(outDir).flatMap((file) => {
    const bundle = readFileSync(file, 'utf8');
    return findActions(bundle, file)
      .filter((f) => !LIBRARY_FORMS.some((form) => form.matches(f.code, bundle)))
      .map((f) => ({ ...f, file }));
  });
}

/** Throws, in French, when a built content script or background acts in a page. */
export function assertBundlesNeverAct(outDir: string): void {
  const files = bundleFiles(outDir);
  if (files.length === 0)
    throw new Error(`Aucun script de contenu ni arrière-plan trouvé dans ${outDir} : la vérification « ne jamais agir » n’a rien lu.`);
  const findings = findActsInBundles(outDir);
  if (findings.length > 0) throw new Error(`Un script construit agirait à la place de la personne :\n${report(outDir, findings)}`);
}

export function neverActVitePlugin(root: string): Plugin {
  return {
    name: 'cote-a-cote:never-act',
    enforce: 'pre',
    transform(code, id) {
      const file = relative(root, id.split('?')[0] ?? id);
      if (!CHECKED_DIRS.some((dir) => file.startsWith(dir + sep)) || !/\.(ts|tsx)$/.test(file)) return null;
      const findings = findActions(code, file);
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
