import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionSources, findActions, findFieldWrites } from '../../scripts/never-act';

const root = join(import.meta.dirname, '../..');

describe('never act (static check of extension code)', () => {
  it.each([
    ['button.click();', true],
    ['form.requestSubmit();', true],
    ['form.submit();', true],
    ['el.dispatchEvent(new MouseEvent("click"));', true],
    ["document.execCommand('insertText', false, 'x');", true],
    ["location.href = 'https://example.org';", true],
    ["location.assign('https://example.org');", true],
    ["window.location = 'x';", true],
    ["history.pushState({}, '', '/x');", true],
    ['// button.click() in a comment', false],
    ['const url = location.href;', false],
    ["if (location.href === 'x') return;", false],
    ['form.submit(); // never-act: own page', false],
  ])('%s → flagged: %s', (line, flagged) => {
    expect(findActions(line).length > 0).toBe(flagged);
  });

  it('tells a write to a page field from a signal update, with the type checker', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cac-act-'));
    const file = join(dir, 'sample.ts');
    writeFileSync(
      file,
      [
        'const signal = { value: 1 };',
        'signal.value = 2;',
        "const input = document.querySelector('input')!;",
        "input.value = 'typed for them';",
        "const box = document.getElementById('x') as HTMLInputElement;",
        'box.checked = true;',
        'const el = document.querySelector("select") as HTMLSelectElement | null;',
        'if (el) el.selectedIndex = 1;',
        'const filled = input.value.length > 0;',
      ].join('\n'),
    );
    const writes = findFieldWrites([file], join(root, 'tsconfig.json'));
    expect(writes.map((w) => w.line)).toEqual([4, 6, 8]);
  }, 60_000);

  it('finds no simulated action and no field write in entrypoints/, components/ and utils/', () => {
    const files = extensionSources(root);
    expect(files.length).toBeGreaterThan(10);
    const calls = files.flatMap((file) => findActions(readFileSync(file, 'utf8')).map((f) => `${file}:${f.line} ${f.text}`));
    expect(calls).toEqual([]);
    expect(findFieldWrites(files, join(root, 'tsconfig.json'))).toEqual([]);
  }, 60_000);
});
