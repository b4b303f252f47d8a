import { useEffect, useState } from 'preact/hooks';
import type { RunMode } from '../../utils/run';
import { cssVariablesFor, DEFAULT_SETTINGS, displayClasses, type Settings } from '../../utils/settings/settings';
import { watchSettings } from '../../utils/settings/store';

/** The display and reading settings, followed in storage (the defaults until they are read). */
export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => watchSettings(setSettings), []);
  return settings;
}

const CLASSES = ['cac-hc', 'cac-calm'];

/** Puts the settings on an element (the page's root by default): CSS variables and classes. */
export function applyDisplay(settings: Settings, mode: RunMode | null, root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(cssVariablesFor(settings, mode))) root.style.setProperty(name, value);
  const on = displayClasses(settings);
  for (const c of CLASSES) root.classList.toggle(c, on.includes(c));
}

/**
 * Applies the display settings to this extension page, for the run's mode
 * (null: no run), and answers them. One line for the popup, the side panel,
 * the memo sheet and the settings page.
 */
export function useDisplaySettings(mode: RunMode | null): Settings {
  const settings = useSettings();
  useEffect(() => applyDisplay(settings, mode), [settings, mode]);
  return settings;
}
