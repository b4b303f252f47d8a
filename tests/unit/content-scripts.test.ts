/** The build's check of the content scripts: they tell the page nothing, only a practice build can open our shadow roots, and none carries zod. */

import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OPEN_SHADOW_KEY } from '../../components/page/open-shadow-key';
import { assertContentScripts, contentScriptProblems, OVERLAY_BUDGET } from '../../scripts/content-scripts';

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

  it('names a content script that carries webextension-polyfill, and lets the background have it', () => {
    const polyfill = 'throw new Error("This script should only be loaded in a browser extension.")';
    const out = build({ 'content-scripts/playback.js': polyfill, 'background.js': polyfill });
    expect(contentScriptProblems(out, 'production')).toEqual(['playback.js: webextension-polyfill']);
  });

  it('names a content script that carries @wxt-dev/i18n’s runtime, and lets the extension pages have it', () => {
    const runtime = 'default:throw Error("Unknown plural formatting")';
    const out = build({ 'content-scripts/recorder.js': runtime, 'editor.js': runtime });
    expect(contentScriptProblems(out, 'production')).toEqual(['recorder.js: @wxt-dev/i18n’s runtime']);
  });

  /** Text that gzips to at least `size` bytes (base64 of random bytes: 6 bits of entropy a character). */
  const incompressible = (size: number) => randomBytes(size).toString('base64');
  const manifest = JSON.stringify({ content_scripts: [{ matches: ['https://exemple.gouv.fr/*'], js: ['content-scripts/content.js'] }] });

  it('lets the manifest put no script in any page: the overlay comes with a run only', () => {
    const none = build({
      'manifest.json': JSON.stringify({ host_permissions: ['https://exemple.gouv.fr/*'] }),
      'content-scripts/playback.js': '',
    });
    expect(contentScriptProblems(none, 'production')).toEqual([]);
    rmSync(none, { recursive: true, force: true });
    const declared = build({ 'manifest.json': manifest, 'content-scripts/content.js': '' });
    expect(contentScriptProblems(declared, 'production')).toEqual([
      'manifest.json: content-scripts/content.js in every page of the sites, run or not',
    ]);
    expect(() => assertContentScripts(declared, 'production')).toThrow(/le manifeste en met dans chaque page/);
  });

  it('keeps the overlay script, loaded with a run only, within its own budget', () => {
    const out = build({ 'content-scripts/playback.js': incompressible(OVERLAY_BUDGET + 500) });
    expect(contentScriptProblems(out, 'production')).toEqual([
      expect.stringMatching(
        new RegExp(`^playback\\.js: \\d+\\.\\d KB gzipped, over ${(OVERLAY_BUDGET / 1024).toFixed(1).replace('.', '\\.')} KB$`),
      ),
    ]);
  });

  it('keeps a trainer’s tools out of what a person’s page loads, and lets the trainer’s script have them', () => {
    const tools = 'const m={"overlay:test":t,"overlay:verify":v};send({type:"verify:picked"})';
    const out = build({ 'content-scripts/playback.js': tools, 'content-scripts/trainer.js': tools });
    expect(contentScriptProblems(out, 'production')).toEqual([
      'playback.js: trainer’s tools (overlay:test)',
      'playback.js: trainer’s tools (overlay:verify)',
      'playback.js: trainer’s tools (verify:picked)',
    ]);
  });
});
