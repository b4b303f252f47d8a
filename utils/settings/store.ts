/** The settings in storage (`settingsItem`): read, changed, followed. */
import { settingsItem } from '../storage/items';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

export const loadSettings = (): Promise<Settings> => settingsItem.get();

/**
 * Changes some settings, keeps the others; answers the settings as saved.
 * Changes made in quick succession are saved one after the other, none lost.
 */
export const saveSettings = (change: Partial<Settings>): Promise<Settings> =>
  settingsItem.update((settings) => parseSettings({ ...settings, ...change }));

/**
 * Calls `listener` with the settings now, then on every change (from any view);
 * unreadable, the defaults. Returns the function that stops following.
 */
export const watchSettings = (listener: (settings: Settings) => void): (() => void) =>
  settingsItem.follow(listener, () => listener(DEFAULT_SETTINGS));
