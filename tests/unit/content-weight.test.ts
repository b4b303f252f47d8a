/** The build's check that no content script carries the guide schema (zod). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertContentScriptsLight, heavyContentScripts } from '../../scripts/content-weight';

let outDir: string;
afterEach(() => rmSync(outDir, { recursive: true, force: true }));

function build(files: Record<string, string>): string {
  outDir = mkdtempSync(join(tmpdir(), 'cac-build-'));
  mkdirSync(join(outDir, 'content-scripts'));
  for (const [name, code] of Object.entries(files)) writeFileSync(join(outDir, name), code);
  return outDir;
}

describe('content scripts stay light', () => {
  it('names the content script that pulled zod in, and lets the background have it', () => {
    const dir = build({
      'content-scripts/content.js': 'var a=1;',
      'content-scripts/recorder.js': 'class b extends Error{name="ZodError"}',
      'background.js': 'const t=$constructor("ZodType")',
    });
    expect(heavyContentScripts(dir)).toEqual(['recorder.js']);
    expect(() => assertContentScriptsLight(dir)).toThrow(/recorder\.js.*zod|zod.*recorder\.js/);
  });

  it('passes light scripts', () => {
    const dir = build({ 'content-scripts/content.js': 'const zodiac = "Zodiaque";' });
    expect(() => assertContentScriptsLight(dir)).not.toThrow();
  });
});
