/**
 * Display and reading settings, the same for the bubble, the popup, the side
 * panel and the memo sheet. Pure: no browser API here (see store.ts).
 */
import type { RunMode } from '../run/run';

/** The text sizes offered: 100 %, 125 %, 150 %, 200 %. */
export const TEXT_SCALES = [1, 1.25, 1.5, 2] as const;
/** Alone, the text is larger unless the person chose a size. */
export const ALONE_SCALE = 1.25;

export interface Settings {
  /** 1 to 2; null: not chosen, the size follows the mode (100 % with an advisor, 125 % alone). */
  textScale: number | null;
  /** Black on white, no tinted backgrounds, stronger dimming around the spotlight. */
  highContrast: boolean;
  /** No pulse, no smooth scrolling — on top of the system's `prefers-reduced-motion`, always respected. */
  reduceMotion: boolean;
  /** Read each new step aloud. */
  autoRead: boolean;
  /**
   * A computer used by many people (France Services, a library): nothing about a
   * person outlives the run. null: not asked yet (kept as a personal computer).
   */
  sharedComputer: boolean | null;
}

export const DEFAULT_SETTINGS: Settings = {
  textScale: null,
  highContrast: false,
  reduceMotion: false,
  autoRead: false,
  sharedComputer: null,
};

/** Settings read from storage: each field checked on its own, anything odd replaced by its default. */
export function parseSettings(value: unknown): Settings {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const bool = (key: 'highContrast' | 'reduceMotion' | 'autoRead') =>
    typeof v[key] === 'boolean' ? (v[key] as boolean) : (DEFAULT_SETTINGS[key] as boolean);
  const scale = v.textScale;
  return {
    textScale: typeof scale === 'number' && Number.isFinite(scale) ? Math.min(2, Math.max(1, scale)) : null,
    highContrast: bool('highContrast'),
    reduceMotion: bool('reduceMotion'),
    autoRead: bool('autoRead'),
    sharedComputer: typeof v.sharedComputer === 'boolean' ? v.sharedComputer : null,
  };
}

/** The text size in force: the person's choice, else the mode's default (no run: 100 %). */
export function textScaleFor(settings: Settings, mode: RunMode | null): number {
  return settings.textScale ?? (mode === 'alone' ? ALONE_SCALE : 1);
}

/**
 * The two colour themes. Every text pair reaches 4.5:1 (7:1 in high contrast),
 * borders and focus 3:1; tests/unit/settings checks it. The stylesheets
 * (components/shared/base.css, the overlay's) use them as `var(--cac-…, fallback)`
 * with the normal theme as fallback.
 */
export const THEMES = {
  normal: {
    text: '#161616',
    muted: '#3a3a3a',
    bg: '#ffffff',
    accent: '#000091',
    'accent-text': '#ffffff',
    'accent-light': '#e3e3fd',
    border: '#767676',
    focus: '#0a76f6',
    danger: '#ce0500',
    'warning-bg': '#fff4e5',
    'warning-text': '#6b3500',
    'advisor-bg': '#f6f6f6',
    dim: 'rgb(0 0 0 / 45%)',
  },
  contrast: {
    text: '#000000',
    muted: '#000000',
    bg: '#ffffff',
    accent: '#000091',
    'accent-text': '#ffffff',
    'accent-light': '#ffffff',
    border: '#000000',
    focus: '#000000',
    danger: '#a10000',
    'warning-bg': '#ffffff',
    'warning-text': '#000000',
    'advisor-bg': '#ffffff',
    dim: 'rgb(0 0 0 / 70%)',
  },
} as const;

export type ThemeColour = keyof (typeof THEMES)['normal'];

/**
 * The CSS custom properties that apply the settings: `--cac-scale` (the text
 * size factor) and the theme's colours as `--cac-<name>`. All of them, always,
 * so that nothing from a page's own variables can leak into the overlay.
 */
export function cssVariablesFor(settings: Settings, mode: RunMode | null): Record<string, string> {
  const vars: Record<string, string> = { '--cac-scale': String(textScaleFor(settings, mode)) };
  const theme = settings.highContrast ? THEMES.contrast : THEMES.normal;
  for (const [name, value] of Object.entries(theme)) vars[`--cac-${name}`] = value;
  return vars;
}

/** Classes for the root of a view: `cac-hc` (high contrast), `cac-calm` (animations reduced by choice). */
export function displayClasses(settings: Settings): string[] {
  return [...(settings.highContrast ? ['cac-hc'] : []), ...(settings.reduceMotion ? ['cac-calm'] : [])];
}

/** Whether to avoid motion: the person's choice, or the system's setting. */
export function reducedMotion(settings: Settings, systemPrefersReduced: boolean): boolean {
  return settings.reduceMotion || systemPrefersReduced;
}
