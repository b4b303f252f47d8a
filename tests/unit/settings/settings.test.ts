import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALONE_SCALE,
  cssVariablesFor,
  DEFAULT_SETTINGS,
  displayClasses,
  parseSettings,
  reducedMotion,
  type Settings,
  TEXT_SCALES,
  THEMES,
  textScaleFor,
} from '../../../utils/settings/settings';

const ROOT = resolve(__dirname, '../../..');
const with_ = (change: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...change });

describe('defaults by mode', () => {
  it('larger text alone, unless the person chose a size', () => {
    expect(textScaleFor(DEFAULT_SETTINGS, 'advisor')).toBe(1);
    expect(textScaleFor(DEFAULT_SETTINGS, 'alone')).toBe(ALONE_SCALE);
    expect(ALONE_SCALE).toBeGreaterThan(1);
    expect(textScaleFor(DEFAULT_SETTINGS, null)).toBe(1);
    for (const scale of TEXT_SCALES) {
      expect(textScaleFor(with_({ textScale: scale }), 'alone')).toBe(scale);
      expect(textScaleFor(with_({ textScale: scale }), 'advisor')).toBe(scale);
    }
  });

  it('offers 100 % to 200 %', () => {
    expect(TEXT_SCALES).toEqual([1, 1.25, 1.5, 2]);
  });

  it('reads nothing aloud, keeps animations and normal contrast until asked, and has not asked whether the computer is shared', () => {
    expect(DEFAULT_SETTINGS).toEqual({ textScale: null, highContrast: false, reduceMotion: false, autoRead: false, sharedComputer: null });
  });
});

describe('parseSettings', () => {
  it('keeps valid values and replaces anything odd by its default', () => {
    expect(parseSettings({ textScale: 1.5, highContrast: true, reduceMotion: true, autoRead: true, sharedComputer: true })).toEqual({
      textScale: 1.5,
      highContrast: true,
      reduceMotion: true,
      autoRead: true,
      sharedComputer: true,
    });
    expect(parseSettings({ sharedComputer: false }).sharedComputer).toBe(false);
    expect(parseSettings({ sharedComputer: 'oui' }).sharedComputer).toBeNull();
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('settings')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ textScale: '2', highContrast: 'yes', autoRead: 1 })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ textScale: Number.NaN })).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps the text size between 100 % and 200 %', () => {
    expect(parseSettings({ textScale: 5 }).textScale).toBe(2);
    expect(parseSettings({ textScale: 0.5 }).textScale).toBe(1);
    expect(parseSettings({ textScale: null }).textScale).toBeNull();
  });
});

describe('cssVariablesFor', () => {
  it('gives the text size of the mode', () => {
    expect(cssVariablesFor(DEFAULT_SETTINGS, 'advisor')['--cac-scale']).toBe('1');
    expect(cssVariablesFor(DEFAULT_SETTINGS, 'alone')['--cac-scale']).toBe('1.25');
    expect(cssVariablesFor(with_({ textScale: 2 }), 'advisor')['--cac-scale']).toBe('2');
  });

  it('gives every colour of the theme, the high-contrast one when asked', () => {
    const normal = cssVariablesFor(DEFAULT_SETTINGS, 'advisor');
    const contrast = cssVariablesFor(with_({ highContrast: true }), 'advisor');
    const names = Object.keys(THEMES.normal).map((name) => `--cac-${name}`);
    expect(Object.keys(normal).sort()).toEqual(['--cac-scale', ...names].sort());
    expect(Object.keys(contrast).sort()).toEqual(Object.keys(normal).sort());
    expect(normal['--cac-text']).toBe('#161616');
    expect(contrast['--cac-text']).toBe('#000000');
    expect(contrast['--cac-accent-light']).toBe('#ffffff');
  });

  it('classes for contrast and reduced motion', () => {
    expect(displayClasses(DEFAULT_SETTINGS)).toEqual([]);
    expect(displayClasses(with_({ highContrast: true, reduceMotion: true }))).toEqual(['cac-hc', 'cac-calm']);
  });

  it('reduced motion by choice, or always when the system asks', () => {
    expect(reducedMotion(DEFAULT_SETTINGS, false)).toBe(false);
    expect(reducedMotion(DEFAULT_SETTINGS, true)).toBe(true);
    expect(reducedMotion(with_({ reduceMotion: true }), false)).toBe(true);
  });
});

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('both themes meet the contrast ratios', () => {
  const TEXT_PAIRS = [
    ['text', 'bg'],
    ['muted', 'bg'],
    ['accent', 'bg'],
    ['accent-text', 'accent'],
    ['accent', 'accent-light'],
    ['text', 'accent-light'],
    ['warning-text', 'warning-bg'],
    ['text', 'warning-bg'],
    ['text', 'advisor-bg'],
    ['danger', 'bg'],
  ] as const;

  it.each([
    ['normal', 4.5],
    ['contrast', 7],
  ] as const)('%s: text %s:1 or more, borders and focus 3:1', (name, min) => {
    const theme = THEMES[name];
    for (const [fg, bg] of TEXT_PAIRS) expect(contrast(theme[fg], theme[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(min);
    expect(contrast(theme.border, theme.bg)).toBeGreaterThanOrEqual(name === 'contrast' ? 7 : 3);
    expect(contrast(theme.focus, theme.bg)).toBeGreaterThanOrEqual(3);
  });

  it('the contrast helper is right on known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('the stylesheets use the same themes', () => {
  const css = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

  it('base.css falls back on the normal theme', () => {
    const fallbacks = [...css('components/shared/base.css').matchAll(/var\(--cac-([a-z-]+), ([^)]+\)?)\)/g)];
    const colours = fallbacks.filter(([, name]) => name !== 'scale');
    expect(colours.length).toBeGreaterThanOrEqual(11);
    for (const [, name, value] of colours) expect(value, name).toBe(THEMES.normal[name as keyof typeof THEMES.normal]);
  });

  it("the overlay's two themes are the same colours", () => {
    const text = css('entrypoints/playback.content/overlay.css').replace(/\/\*[\s\S]*?\*\//g, '');
    const block = (selector: string) => {
      const body = text.slice(text.indexOf(`${selector} {`)).split('}')[0] as string;
      return Object.fromEntries([...body.matchAll(/--cac-([a-z-]+): ([^;]+);/g)].map(([, name, value]) => [name, value]));
    };
    const normal = block('.layer');
    const contrastBlock = block('.layer.hc');
    expect(Object.keys(normal).length).toBeGreaterThanOrEqual(6);
    for (const [name, value] of Object.entries(normal)) expect(value, name).toBe(THEMES.normal[name as keyof typeof THEMES.normal]);
    expect(Object.keys(contrastBlock).length).toBeGreaterThanOrEqual(4);
    for (const [name, value] of Object.entries(contrastBlock))
      expect(value, name).toBe(THEMES.contrast[name as keyof typeof THEMES.contrast]);
    // Whatever the overlay does not override stays the same in both themes.
    for (const name of Object.keys(normal).filter((n) => !(n in contrastBlock)))
      expect(THEMES.contrast[name as keyof typeof THEMES.contrast], name).toBe(THEMES.normal[name as keyof typeof THEMES.normal]);
  });
});
