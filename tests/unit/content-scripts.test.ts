/** The build's check of the content scripts: they tell the page nothing, only a practice build can open our shadow roots, and none carries zod. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPEN_SHADOW_KEY } from '../../components/page/open-shadow-key';
import { assertContentScripts, contentScriptProblems } from '../../scripts/content-scripts';

describe('contentScriptProblems', () => {
  let dir = '';
  const build = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'cac-build-'));
    mkdirSync(join(dir, 'content-scripts'));
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
    return dir;
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds WXT’s announcements and any message or event sent to the page', () => {
    const out = build({
      'content-scripts/content.js': 'window.postMessage({type:id+":content:wxt:content-script-started"},"*")',
      'content-scripts/recorder.js': 'document.dispatchEvent(new CustomEvent("x"))',
      'content-scripts/content.css': 'postMessage(',
    });
    expect(contentScriptProblems(out, 'practice')).toEqual([
      'content.js: postMessage(',
      'content.js: content-script-started',
      'recorder.js: dispatchEvent(',
      'recorder.js: CustomEvent(',
    ]);
  });

  it('lets only a practice build hold the key that opens our shadow roots', () => {
    const out = build({ 'content-scripts/content.js': `storage.local.get(${JSON.stringify(OPEN_SHADOW_KEY)})` });
    expect(contentScriptProblems(out, 'practice')).toEqual([]);
    expect(contentScriptProblems(out, 'production')).toEqual([`content.js: ${OPEN_SHADOW_KEY}`]);
  });

  it('names the content script that pulled zod in, and lets the background have it', () => {
    const out = build({
      'content-scripts/content.js': 'const zodiac = "Zodiaque";',
      'content-scripts/recorder.js': 'class b extends Error{name="ZodError"}',
      'background.js': 'const t=$constructor("ZodType")',
    });
    expect(contentScriptProblems(out, 'production')).toEqual(['recorder.js: zod']);
    expect(() => assertContentScripts(out, 'production')).toThrow(/recorder\.js: zod/);
  });

  it('names the content script that pulled the zip library in (the editor page’s only)', () => {
    const out = build({
      'content-scripts/content.js': 'err(11,"date not in range 1980-2099")',
      'editor.js': 'err(11,"date not in range 1980-2099")',
    });
    expect(contentScriptProblems(out, 'production')).toEqual(['content.js: fflate']);
  });
});
