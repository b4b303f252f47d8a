/** « Réglages d'affichage »: each change saved at once, applied to the page and shown in the preview. */
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsPage } from '../../../components/settings/SettingsPage';
import { startRun } from '../../../utils/run';
import { DEFAULT_SETTINGS } from '../../../utils/settings/settings';
import { settingsItem } from '../../../utils/storage/items';
import { click, installFrench, mount, TestBackground, unmount, waitFor } from '../popup/harness';
import { practiceGuide } from '../run/practice-guide';
import { type FakeSpeech, installFakeSpeech, removeFakeSpeech, voice } from '../speech/fake-speech';

let container: HTMLElement | undefined;
let fake: FakeSpeech;

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  fake = installFakeSpeech();
  document.documentElement.removeAttribute('style');
  document.documentElement.className = '';
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  removeFakeSpeech();
  vi.restoreAllMocks();
});

const stored = async () => (await fakeBrowser.storage.local.get(settingsItem.key))[settingsItem.key] as Record<string, unknown> | undefined;

/** Waits until the stored settings pass `check`. */
async function storedWhen(check: (settings: Record<string, unknown> | undefined) => boolean, what: string) {
  let last: Record<string, unknown> | undefined;
  await waitFor(() => {
    void stored().then((value) => {
      last = value;
    });
    return check(last);
  }, what);
  return last;
}
const input = (id: string) => container!.querySelector<HTMLInputElement>(`[id="${id}"]`)!;
const preview = () => container!.querySelector<HTMLElement>('.preview')!;
const label = (for_: string) => container!.querySelector(`label[for="${for_}"]`)?.textContent;

async function open(): Promise<HTMLElement> {
  container = await mount(<SettingsPage />);
  return waitFor(() => container?.querySelector<HTMLElement>('fieldset.text-size'), 'the form');
}

describe('the form', () => {
  it('shows the settings in force, the size following the mode until one is chosen', async () => {
    await open();
    expect(container!.querySelector('h1')?.textContent).toBe("Réglages d'affichage");
    expect(document.title).toBe("Réglages d'affichage — Côte à côte");
    const sizes = [...container!.querySelectorAll<HTMLInputElement>('input[name="text-size"]')];
    expect(sizes.map((s) => label(s.id))).toEqual([
      'Selon le mode (100\u00a0% avec un conseiller, 125\u00a0% seul·e)',
      '100\u00a0%',
      '125\u00a0%',
      '150\u00a0%',
      '200\u00a0%',
    ]);
    expect(sizes.filter((s) => s.checked).map((s) => s.value)).toEqual(['auto']);
    expect([input('high-contrast').checked, input('reduce-motion').checked, input('auto-read').checked]).toEqual([false, false, false]);
  });

  it('saves a text size as soon as it is chosen, and says so', async () => {
    await open();
    await click(input('text-size-2'));
    await storedWhen((v) => v?.textScale === 2, 'the saved size');
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, textScale: 2 });
    await waitFor(() => container!.querySelector('.status')?.textContent === 'Réglage enregistré.', 'the status');
    expect(document.documentElement.style.getPropertyValue('--cac-scale')).toBe('2');
    // Back to "by mode".
    await click(input('text-size-auto'));
    await storedWhen((v) => v?.textScale === null, 'the size by mode');
  });

  it('marks the computer as shared, and erases the traces after one confirmation, saying what went', async () => {
    const background = new TestBackground([]);
    background.install();
    await open();
    expect(label('shared-computer')).toBe('Poste partagé (France Services, médiathèque, association…)');
    expect(input('shared-computer').checked).toBe(false);
    await click(input('shared-computer'));
    await storedWhen((v) => v?.sharedComputer === true, 'the shared computer');
    await background.setPaused(startRun(practiceGuide, 'alone', background.now));
    await click(container!.querySelector<HTMLButtonElement>('.erase-traces button.erase')!);
    await click(container!.querySelector<HTMLButtonElement>('.erase-traces .confirm-yes')!);
    const said = await waitFor(() => container!.querySelector('.erase-status')?.textContent || null, 'what was erased');
    expect(said).toBe("C'est effacé. Parcours : 0. Parcours en pause : 1. Guides avec des progrès : 0.");
    expect(await background.ofType('traces:erase')).toHaveLength(1);
    expect(await stored()).toMatchObject({ sharedComputer: true });
  });

  it('saves high contrast, reduced motion and automatic reading', async () => {
    await open();
    await click(input('high-contrast'));
    await click(input('reduce-motion'));
    await click(input('auto-read'));
    await storedWhen((v) => v?.autoRead === true, 'the saved settings');
    expect(await stored()).toEqual({ ...DEFAULT_SETTINGS, highContrast: true, reduceMotion: true, autoRead: true });
    expect(document.documentElement.classList.contains('cac-hc')).toBe(true);
    expect(document.documentElement.classList.contains('cac-calm')).toBe(true);
  });

  it('says when saving failed', async () => {
    await open();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('quota'));
    await click(input('high-contrast'));
    const alert = await waitFor(() => container!.querySelector('[role=alert]'), 'the alert');
    expect(alert.textContent).toBe("Le réglage n'a pas pu être enregistré. Réessayez.");
  });

  it('with network voices only, cannot turn on automatic reading, and says that no voice of this computer can read', async () => {
    removeFakeSpeech();
    installFakeSpeech([voice('fr-FR', false, 'Google français')]);
    await open();
    expect(input('auto-read').disabled).toBe(true);
    expect(container!.querySelector('#auto-read-hint')?.textContent).toBe(
      'Aucune voix n’est installée sur cet ordinateur. Les voix en ligne enverraient le texte du guide sur Internet : la lecture à voix haute n’est donc pas proposée.',
    );
  });

  it('follows a change made elsewhere', async () => {
    await open();
    await fakeBrowser.storage.local.set({ [settingsItem.key]: { ...DEFAULT_SETTINGS, textScale: 1.5 } });
    await waitFor(() => input('text-size-1.5')?.checked, 'the new size');
  });

  it('cannot turn on automatic reading where the browser cannot read aloud, and says why', async () => {
    removeFakeSpeech();
    await open();
    expect(input('auto-read').disabled).toBe(true);
    expect(container!.querySelector('#auto-read-hint')?.textContent).toBe('Ce navigateur ne sait pas lire à voix haute.');
  });
});

describe('the preview', () => {
  it('shows the bubble at the size of the mode chosen for the preview', async () => {
    await open();
    expect(preview().style.getPropertyValue('--cac-scale')).toBe('1.25');
    await click(input('preview-mode-advisor'));
    expect(preview().style.getPropertyValue('--cac-scale')).toBe('1');
    await click(input('text-size-1.5'));
    await waitFor(() => preview().style.getPropertyValue('--cac-scale') === '1.5', 'the preview at 150 %');
    await click(input('preview-mode-alone'));
    expect(preview().style.getPropertyValue('--cac-scale')).toBe('1.5');
  });

  it('shows the contrast chosen', async () => {
    await open();
    expect(preview().style.getPropertyValue('--cac-text')).toBe('#161616');
    await click(input('high-contrast'));
    await waitFor(() => preview().style.getPropertyValue('--cac-text') === '#000000', 'the contrast');
    expect(preview().classList.contains('hc')).toBe(true);
  });

  it('reads its example aloud', async () => {
    await open();
    await click(preview().querySelector('button.read'));
    expect(fake.said.map((u) => [u.text, u.lang])).toEqual([['Cliquez sur le bouton « Se connecter ».', 'fr-FR']]);
  });
});

it('has no axe violation', async () => {
  await open();
  const results = await axe.run(document, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

describe('the keyboard shortcuts', () => {
  const section = () => container!.querySelector('section.shortcuts');
  const keys = () => [...(section()?.querySelectorAll('dt') ?? [])].map((dt) => dt.textContent);

  it('shows the key the browser gave to the popup, the bubble’s key and Escape', async () => {
    vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([{ name: '_execute_action', shortcut: 'Alt+Shift+G' }] as never);
    await open();
    await waitFor(() => section()?.querySelector('kbd')?.textContent === 'Alt+Shift+G', 'the popup key');
    expect(keys()).toEqual(['Alt+Shift+G', 'Alt+Maj+K', 'Échap']);
    expect(section()?.querySelector('h2')?.textContent).toBe('Raccourcis clavier');
  });

  it('says so when the person removed the popup’s key, and leaves the line out when the browser does not tell', async () => {
    vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([{ name: '_execute_browser_action', shortcut: '' }] as never);
    await open();
    await waitFor(() => keys()[0] === 'Pas de raccourci', 'no popup key');
    await unmount(container!);
    vi.spyOn(fakeBrowser.commands, 'getAll').mockRejectedValue(new Error('not here'));
    await open();
    await waitFor(() => section() !== null, 'the section');
    expect(keys()).toEqual(['Alt+Maj+K', 'Échap']);
  });
});
