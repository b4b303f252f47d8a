import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minify } from 'terser';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_BUILD } from '../../scripts/content-scripts';
import { bundleFiles, extensionSources, findActions, findActsInBundles, findActsTyped } from '../../scripts/never-act';

const root = join(import.meta.dirname, '../..');
const corpus = join(import.meta.dirname, 'never-act/corpus.ts');
const innocent = join(import.meta.dirname, 'never-act/innocent.ts');
const tsconfig = join(root, 'tsconfig.json');

/** The lines of a corpus file marked with `marker` (1-based). */
function marked(file: string, marker: RegExp): number[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => (marker.test(line) ? [index + 1] : []));
}

describe('never act: the corpus of acting forms', () => {
  const acting = marked(corpus, /\/\/ acts( typed)?$/);
  const typedOnly = marked(corpus, /\/\/ acts typed$/);

  it('has the 13 forms of the issue and more', () => {
    expect(acting.length).toBeGreaterThanOrEqual(40);
  });

  it('are all caught with the type checker, each on its own line', () => {
    const found = [...new Set(findActsTyped([corpus], tsconfig).map((f) => f.line))];
    expect(found).toEqual(acting);
  }, 60_000);

  it('are all caught by syntax alone (the Vite plugin, the bundles), except the writes that only types can tell', () => {
    const found = [...new Set(findActions(readFileSync(corpus, 'utf8'), corpus).map((f) => f.line))];
    expect(found).toEqual(acting.filter((line) => !typedOnly.includes(line)));
  });

  it('are caught once compiled to plain minified-looking JavaScript too', () => {
    const js = [
      'e.click()',
      'e["click"]()',
      'HTMLElement.prototype.click.call(e)',
      'n.requestSubmit.bind(f)()',
      'Object.assign(t,{value:"x"})',
      't.setAttribute("value","x")',
      't.setRangeText("x")',
      'location.hash="#x"',
      'window.open(u)',
      'chrome.tabs.update(i,{url:u})',
      'chrome.scripting.executeScript({target:{tabId:i},func:()=>{}})',
      'Reflect.set(t,"value","x")',
      'e.dispatchEvent(new MouseEvent("click"))',
    ];
    for (const line of js) expect(findActions(line, 'bundle.js'), line).not.toEqual([]);
  });

  it('are still caught once minified as the content scripts are (Terser, the build’s own options)', async () => {
    const js = ts.transpileModule(readFileSync(corpus, 'utf8'), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    const minified = (await minify(js, structuredClone(CONTENT_SCRIPT_BUILD.terserOptions))).code ?? '';
    expect(minified).not.toContain('\n');
    const before = findActions(js, 'corpus.js').map((f) => f.what);
    // The minifier renames the destructured `requestSubmit`: its `.bind(form)()` is caught where it is taken from the prototype.
    const bound = before.indexOf('une action simulée (requestSubmit.bind)');
    expect(bound).toBeGreaterThan(-1);
    expect(findActions(minified, 'bundle.js').map((f) => f.what)).toEqual(before.toSpliced(bound, 1));
  });
});

describe('never act: innocent look-alikes', () => {
  it('are not flagged (reading a field, our signals and objects, our own pages, a justified exception)', () => {
    expect(findActsTyped([innocent], tsconfig)).toEqual([]);
    expect(findActions(readFileSync(innocent, 'utf8'), innocent)).toEqual([]);
  }, 60_000);

  it('an exception needs its reason', () => {
    expect(findActions('link.click(); // never-act: own page')).toHaveLength(1);
    expect(findActions('link.click(); // never-act: own page — our download link')).toEqual([]);
    expect(findActions('// never-act: own page — our download link\nlink.click();')).toEqual([]);
    expect(findActions('// button.click() in a comment')).toEqual([]);
  });
});

describe('never act: the extension', () => {
  it('has no acting form in entrypoints/, components/ and utils/, with the type checker', () => {
    const files = extensionSources(root);
    expect(files.length).toBeGreaterThan(10);
    expect(findActsTyped(files, tsconfig).map((f) => `${f.file}:${f.line} ${f.what} — ${f.text}`)).toEqual([]);
  }, 60_000);

  it('has none in the built content scripts and background, when a build is there (the build checks it itself)', () => {
    const out = join(root, '.output');
    const builds = existsSync(out) ? readdirSync(out).filter((name) => /^(chrome-mv3|firefox-mv2)/.test(name)) : [];
    for (const build of builds) {
      expect(bundleFiles(join(out, build)).length, build).toBeGreaterThan(0);
      expect(findActsInBundles(join(out, build)).map((f) => `${build}${f.file.slice(out.length)}:${f.line} ${f.what} — ${f.code}`)).toEqual(
        [],
      );
    }
    // Every bundle of every build parsed: seconds on a loaded 2-core machine, not a timing.
  }, 60_000);

  it('scans a bundle: allows only the exact library shapes it knows, catches our own acting lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cac-bundle-'));
    mkdirSync(join(dir, 'content-scripts'));
    const wxt = 'var Yc=class ea extends Event{static EVENT_NAME=ro("wxt:locationchange");constructor(t,n){super(ea.EVENT_NAME,{})}};';
    writeFileSync(
      join(dir, 'content-scripts/content.js'),
      `${wxt}function f(o,t){window.dispatchEvent(new Yc(o,t))}\nfunction g(e,t){window.dispatchEvent(new MouseEvent(e,t))}\nfunction h(e){e["click"]()}`,
    );
    writeFileSync(join(dir, 'background.js'), 'Object.defineProperty(e,"value",{get(){return 1}});chrome.tabs.update(1,{url:u})');
    const found = findActsInBundles(dir)
      .map((f) => `${f.file.slice(dir.length)}:${f.line} ${f.code}`)
      .sort();
    expect(found).toEqual([
      '/background.js:1 Object.defineProperty(e,"value",{get(){return 1}})',
      '/background.js:1 chrome.tabs.update(1,{url:u})',
      '/content-scripts/content.js:2 window.dispatchEvent(new MouseEvent(e,t))',
      '/content-scripts/content.js:3 e["click"]()',
    ]);
  });
});
