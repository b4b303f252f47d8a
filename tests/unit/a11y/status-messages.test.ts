/**
 * RGAA 7.5: a status message (the result of an action, the state of the
 * application) is said by assistive technologies when it says `role="status"`
 * or, as RGAA's note allows, `aria-live="polite"` with `aria-atomic="true"`.
 * `aria-live="polite"` alone stands for `role="log"`: fit only for the
 * « Chargement… » that tells a process going on (RGAA 7.5.3).
 * Every live region of our views, in their source, is checked here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(tsx|ts)$/.test(entry.name) ? [path] : [];
  });
}

interface LiveRegion {
  where: string;
  /** The opening tag, or the lines that make the element in plain DOM code. */
  tag: string;
  /** What follows the tag: the region's content. */
  after: string;
}

/** Every element made polite in the views: JSX `aria-live="polite"`, and DOM `setAttribute('aria-live', 'polite')`. */
function liveRegions(): LiveRegion[] {
  const found: LiveRegion[] = [];
  for (const file of sources(join(ROOT, 'components'))) {
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    for (const match of text.matchAll(/<[a-z]+\b[^<>]*aria-live="polite"[^<>]*>/g)) {
      const at = (match.index ?? 0) + match[0].length;
      found.push({ where, tag: match[0], after: text.slice(at, at + 120) });
    }
    for (const match of text.matchAll(/(\w+)\.setAttribute\('aria-live', 'polite'\);/g)) {
      const element = match[1] as string;
      const lines = text.split('\n').filter((line) => line.includes(`${element}.setAttribute(`));
      found.push({ where, tag: lines.join('\n'), after: '' });
    }
  }
  return found;
}

const isLoading = (region: LiveRegion) => /^\{i18n\.t\('[\w.]+\.loading'\)\}<\//.test(region.after.trim());
const isAtomic = (region: LiveRegion) => /aria-atomic="true"|setAttribute\('aria-atomic', 'true'\)/.test(region.tag);

describe('status messages (RGAA 7.5)', () => {
  it('finds the live regions of the views (the scan itself works)', () => {
    const regions = liveRegions();
    const files = new Set(regions.map((region) => region.where));
    for (const view of [
      'components/popup/Popup.tsx',
      'components/sidepanel/RunView.tsx',
      'components/overlay/Overlay.tsx',
      'components/settings/SettingsPage.tsx',
      'components/progress/ProgressPage.tsx',
      'components/editor/GuideForm.tsx',
      'components/recorder/bar.ts',
    ]) {
      expect(files, view).toContain(view);
    }
    expect(regions.filter(isLoading).length).toBeGreaterThan(3);
    // A region without aria-atomic, not a loading message, would be seen.
    const probe: LiveRegion = { where: 'probe', tag: '<p class="status" aria-live="polite">', after: '{message}</p>' };
    expect(isLoading(probe) || isAtomic(probe)).toBe(false);
  });

  it('says every status message as role=status does: polite and atomic, loading messages aside', () => {
    const wrong = liveRegions()
      .filter((region) => !isLoading(region) && !isAtomic(region))
      .map((region) => `${region.where}: ${region.tag}`);
    expect(wrong).toEqual([]);
  });
});
