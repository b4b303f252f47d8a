/** The build's check that content scripts tell the page nothing, and that only a practice build can open our shadow roots. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPEN_SHADOW_KEY } from '../../../components/page/open-shadow-key';
import { quietProblems } from '../../../scripts/quiet-in-pages';

describe('quietProblems', () => {
  let dir = '';
  const build = (files: Record<string, string>) => {
    dir = mkdtempSync(join(tmpdir(), 'quiet-'));
    mkdirSync(join(dir, 'content-scripts'));
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, 'content-scripts', name), code);
    return dir;
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds WXT’s announcements and any message or event sent to the page', () => {
    const out = build({
      'content.js': 'window.postMessage({type:id+":content:wxt:content-script-started"},"*")',
      'recorder.js': 'document.dispatchEvent(new CustomEvent("x"))',
      'content.css': 'postMessage(',
    });
    expect(quietProblems(out, 'practice')).toEqual([
      'content.js: postMessage(',
      'content.js: content-script-started',
      'recorder.js: dispatchEvent(',
      'recorder.js: CustomEvent(',
    ]);
  });

  it('lets only a practice build hold the key that opens our shadow roots', () => {
    const out = build({ 'content.js': `storage.local.get(${JSON.stringify(OPEN_SHADOW_KEY)})` });
    expect(quietProblems(out, 'practice')).toEqual([]);
    expect(quietProblems(out, 'production')).toEqual([`content.js: ${OPEN_SHADOW_KEY}`]);
  });
});
