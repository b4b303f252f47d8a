/**
 * The keyboard shortcuts a person can use, shown on the settings page. The
 * popup's is the browser's (the person may have changed or removed it there).
 */
import { browser } from 'wxt/browser';

/** Moves the focus into the bubble from anywhere on the page (the overlay listens for it). */
export const BUBBLE_SHORTCUT = 'Alt+Shift+K';

/** The commands that open the toolbar popup: MV3 and MV2 names. */
const OPEN_POPUP_COMMANDS = new Set(['_execute_action', '_execute_browser_action']);

/** The shortcut that opens the popup now, '' when it has none; null when the browser does not tell. */
export async function popupShortcut(): Promise<string | null> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((command) => OPEN_POPUP_COMMANDS.has(command.name ?? ''))?.shortcut ?? '';
  } catch {
    return null;
  }
}
