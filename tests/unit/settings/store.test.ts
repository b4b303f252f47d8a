import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '../../../utils/settings/store';
import { settingsItem } from '../../../utils/storage/items';

beforeEach(() => fakeBrowser.reset());

const until = async (check: () => boolean) => {
  for (let i = 0; i < 50 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  return check();
};

it('reads the defaults when nothing is stored, or something damaged', async () => {
  expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  await fakeBrowser.storage.local.set({ [settingsItem.key]: { textScale: 'big', autoRead: 'oui' } });
  expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
});

it('saves a change in browser.storage.local under "settings", keeping the other settings', async () => {
  await saveSettings({ highContrast: true });
  await saveSettings({ textScale: 1.5 });
  const stored = (await fakeBrowser.storage.local.get(settingsItem.key))[settingsItem.key];
  expect(stored).toEqual({ ...DEFAULT_SETTINGS, highContrast: true, textScale: 1.5 });
  expect(await loadSettings()).toEqual(stored);
});

it('loses no change made in quick succession', async () => {
  await Promise.all([saveSettings({ highContrast: true }), saveSettings({ autoRead: true }), saveSettings({ textScale: 2 })]);
  expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, highContrast: true, autoRead: true, textScale: 2 });
});

it('follows the settings: now, then every change, until stopped', async () => {
  await saveSettings({ textScale: 1.25 });
  const seen: Settings[] = [];
  const off = watchSettings((settings) => seen.push(settings));
  expect(await until(() => seen.length === 1)).toBe(true);
  expect(seen[0]?.textScale).toBe(1.25);
  await saveSettings({ autoRead: true });
  expect(await until(() => seen.length === 2)).toBe(true);
  expect(seen[1]).toEqual({ ...DEFAULT_SETTINGS, textScale: 1.25, autoRead: true });
  off();
  await saveSettings({ autoRead: false });
  await until(() => false);
  expect(seen).toHaveLength(2);
});
