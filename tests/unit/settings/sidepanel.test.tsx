/**
 * The side panel's part: « Lire », automatic reading where the page shows no
 * bubble, « Je suis perdu·e » alone, the display settings applied, and the way
 * to the settings page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '../../../components/sidepanel/SidePanel';
import { advance, type Run, type RunEvent, startRun } from '../../../utils/run';
import type { Settings } from '../../../utils/settings/settings';
import { settingsItem } from '../../../utils/storage/items';
import { accountGuide, otherGuide } from '../popup/fixtures';
import { buttonByText, click, installFrench, mount, serveTab, settle, TestBackground, unmount, waitFor } from '../popup/harness';
import { type FakeSpeech, installFakeSpeech, removeFakeSpeech } from '../speech/fake-speech';

let background: TestBackground;
let tabId: number;
let container: HTMLElement | undefined;
let fake: FakeSpeech;

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  background = new TestBackground([accountGuide, otherGuide]);
  background.install();
  tabId = (await fakeBrowser.tabs.create({ url: 'https://exemple.gouv.fr/connexion' })).id!;
  serveTab(tabId, 'sidepanel.html');
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

function runAfter(events: RunEvent[], mode: Run['mode'] = 'advisor', level: Run['level'] = 'guided'): Run {
  let run = startRun(accountGuide, mode, 1_000, level);
  for (const [i, event] of events.entries()) run = advance(accountGuide, run, event, 2_000 + i * 60_000);
  return run;
}

async function openRun(run: Run, settings?: Partial<Settings>): Promise<HTMLElement> {
  if (settings) await fakeBrowser.storage.local.set({ [settingsItem.key]: settings });
  await background.setRun(tabId, run);
  container = await mount(<SidePanel />);
  return waitFor(() => container?.querySelector<HTMLElement>('.run-view'), 'the procedure');
}

const eventsSent = () => background.ofType('run:event').map((r) => r.event);
const said = () => fake.said.map((u) => u.text);

describe('« Lire » in the panel', () => {
  it('reads the current step in French', async () => {
    const view = await openRun(runAfter([{ type: 'manual-done' }, { type: 'answer', choice: 1 }]));
    const button = view.querySelector<HTMLButtonElement>('.now button.read')!;
    expect(button.textContent).toBe('Lire');
    await click(button);
    expect(fake.said.map((u) => [u.text, u.lang, u.rate])).toEqual([['Tapez votre adresse e-mail.', 'fr-FR', 0.9]]);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.textContent).toBe('Arrêter la lecture');
    await click(button);
    expect(button.textContent).toBe('Lire');
  });

  it('reads guide text as text: the markup-looking characters of a guide are read, never interpreted', async () => {
    const view = await openRun(runAfter([]));
    await click(view.querySelector('.now button.read'));
    expect(said()).toEqual(['Cliquez sur <em>« Créer un compte »</em>.']);
  });

  it('is not there without speech', async () => {
    removeFakeSpeech();
    const view = await openRun(runAfter([]));
    expect(view.querySelector('button.read')).toBeNull();
  });
});

describe('automatic reading', () => {
  it('reads each new step when the page shows no bubble (help on demand)', async () => {
    const view = await openRun(runAfter([], 'alone', 'on-demand'), { autoRead: true });
    await waitFor(() => fake.said.length > 0, 'the reading');
    expect(said()).toEqual(['Cliquez sur <em>« Créer un compte »</em>.']);
    await click(buttonByText(view, "C'est fait"));
    await waitFor(() => fake.said.length > 1, 'the next reading');
    expect(said()[1]).toBe('Avez-vous déjà un compte ? Oui. Non.');
  });

  it('leaves it to the bubble when the page shows one (guided)', async () => {
    await openRun(runAfter([], 'alone', 'guided'), { autoRead: true });
    await settle();
    expect(fake.said).toEqual([]);
  });

  it('reads nothing by itself when the option is off', async () => {
    await openRun(runAfter([], 'alone', 'on-demand'));
    await settle();
    expect(fake.said).toEqual([]);
  });
});

describe('« Je suis perdu·e » alone', () => {
  it('asks for help, says where to look, then offers to go back one step', async () => {
    const view = await openRun(runAfter([{ type: 'manual-done' }, { type: 'answer', choice: 1 }], 'alone', 'autonomous'));
    expect(buttonByText(view, "Revenir à l'étape d'avant")).toBeUndefined();
    await click(buttonByText(view, 'Je suis perdu·e'));
    const back = await waitFor(() => buttonByText(view, "Revenir à l'étape d'avant"), 'the offer to go back');
    expect(eventsSent()).toEqual([{ type: 'help', kind: 'lost', itemId: 'email' }]);
    expect(view.querySelector('.now .status')?.textContent).toBe(
      "Regardez la page : l'étape en cours y est montrée. Vous pouvez aussi revenir à l'étape d'avant.",
    );
    // The run now shows the spotlight on the page (help asked).
    expect((await background.runOf(tabId))?.currentHelp).toEqual(['lost']);
    await click(back);
    await waitFor(() => eventsSent().length === 2, 'the back event');
    expect(eventsSent()[1]).toEqual({ type: 'back', itemId: 'email' });
    await waitFor(() => (view.querySelector('.instruction')?.textContent ?? '').includes('Avez-vous'), 'the step before');
  });

  it('is not offered with an advisor', async () => {
    const view = await openRun(runAfter([]));
    expect(buttonByText(view, 'Je suis perdu·e')).toBeUndefined();
  });
});

describe('display settings', () => {
  const root = () => document.documentElement;

  it('larger text alone by default, normal with an advisor', async () => {
    await openRun(runAfter([], 'alone'));
    await waitFor(() => root().style.getPropertyValue('--cac-scale') === '1.25', 'the alone size');
    await unmount(container!);
    await openRun(runAfter([], 'advisor'));
    await waitFor(() => root().style.getPropertyValue('--cac-scale') === '1', 'the advisor size');
  });

  it('applies the size chosen, high contrast and calm, and follows changes made elsewhere', async () => {
    await openRun(runAfter([], 'alone'), { textScale: 2, highContrast: true });
    await waitFor(() => root().style.getPropertyValue('--cac-scale') === '2', 'the size chosen');
    expect(root().classList.contains('cac-hc')).toBe(true);
    expect(root().style.getPropertyValue('--cac-text')).toBe('#000000');
    await fakeBrowser.storage.local.set({ [settingsItem.key]: { textScale: 1.5, highContrast: false, reduceMotion: true } });
    await waitFor(() => root().style.getPropertyValue('--cac-scale') === '1.5', 'the new size');
    expect(root().classList.contains('cac-hc')).toBe(false);
    expect(root().classList.contains('cac-calm')).toBe(true);
  });

  it('opens « Réglages d’affichage » in a new tab, with or without a guide', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const view = await openRun(runAfter([]));
    const button = buttonByText(container!, "Réglages d'affichage")!;
    expect(button.getAttribute('aria-label')).toBe("Réglages d'affichage et de lecture (nouvel onglet)");
    expect(view).toBeDefined();
    await click(button);
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/settings\.html$/) });
    await unmount(container!);
    await background.setRun(tabId, { ...runAfter([]), status: 'abandoned' });
    container = await mount(<SidePanel />);
    await waitFor(() => buttonByText(container!, "Réglages d'affichage"), 'the link without a guide');
  });
});
