/** The settings in `browser.storage.local` (key `settings`): read, changed, followed. */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from './settings';

export async function loadSettings(): Promise<Settings> {
  return parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

let saving: Promise<unknown> = Promise.resolve();

/**
 * Changes some settings, keeps the others; answers the settings as saved.
 * Changes made in quick succession are saved one after the other, none lost.
 */
export function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const done = saving.then(async () => {
    const next = parseSettings({ ...(await loadSettings()), ...change });
    await browser.storage.local.set({ [SETTINGS_KEY]: next });
    return next;
  });
  saving = done.catch(() => undefined);
  return done;
}

/**
 * Calls `listener` with the settings now, then on every change (from any view).
 * Returns the function that stops following.
 */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  let live = true;
  let changed = false;
  const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
    if (!(SETTINGS_KEY in changes)) return;
    changed = true; // newer than the first read, still on its way
    listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.local.onChanged.addListener(onChanged);
  loadSettings().then(
    (settings) => live && !changed && listener(settings),
    () => live && !changed && listener(DEFAULT_SETTINGS), // unreadable: the defaults
  );
  return () => {
    live = false;
    browser.storage.local.onChanged.removeListener(onChanged);
  };
}
