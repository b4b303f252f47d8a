/**
 * The recording bar and the recorder script in a page: the bar says how many
 * steps there are (from the recording in storage), « Arrêter » stops it, the
 * recorder goes away when the recording stops, the trainer's clicks in the
 * bar are not steps, and a second injection does not record twice.
 */
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountRecordingBar, RECORDER_HOST } from '../../../components/recorder/bar';
import { startRecorder } from '../../../components/recorder/recorder';
import type { Request } from '../../../utils/messages';
import { recordingItem } from '../../../utils/storage/schema-items';
import { installFrench, waitFor } from '../popup/harness';

const host = () => document.querySelector(RECORDER_HOST);
const shadow = () => host()?.shadowRoot ?? null;
const statusText = () => shadow()?.querySelector('[aria-live]')?.textContent;
const barButton = () => shadow()?.querySelector('button') ?? null;
/** The person's own press: a pointer down, then the click (trusted in these tests through `isTrusted`). */
const press = (button: HTMLElement | null) => {
  button?.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
  button?.click();
};
/** Open here so that the tests can read it; closed by default (tested below). */
const AS_PERSON = { shadowMode: 'open', isTrusted: () => true } as const;

function storedRecording(steps: number) {
  return {
    tabId: 1,
    startedAt: 0,
    sites: ['https://www.exemple.gouv.fr/*'],
    draft: Array.from({ length: steps }, (_, i) => ({
      kind: 'step',
      id: `etape-${i + 1}`,
      action: 'click',
      target: { tag: 'button', name: `Bouton ${i + 1}` },
      instruction: `Cliquez sur « Bouton ${i + 1} ».`,
      sensitive: false,
    })),
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  document.body.innerHTML = '<main><h1>Connexion</h1><button type="button" id="valider">Valider</button></main>';
});

afterEach(() => {
  for (const el of document.querySelectorAll(RECORDER_HOST)) el.remove();
  vi.restoreAllMocks();
});

describe('the recording bar', () => {
  it('says that recording is on and counts the steps, in French', () => {
    const bar = mountRecordingBar(document, { ...AS_PERSON, onStop: async () => {} });
    expect(statusText()).toBe('Enregistrement en cours — aucune étape');
    bar.setSteps(1);
    expect(statusText()).toBe('Enregistrement en cours — 1 étape');
    bar.setSteps(4);
    expect(statusText()).toBe('Enregistrement en cours — 4 étapes');
    expect(barButton()?.textContent).toBe('Arrêter');
    expect(barButton()?.getAttribute('aria-label')).toBe("Arrêter l'enregistrement et ouvrir le brouillon");
    expect(shadow()?.querySelector('[role=region]')?.getAttribute('aria-label')).toBe("Côte à côte, enregistrement d'une démarche");
  });

  it('speaks French whatever the page’s language, and says its count as one status message', () => {
    document.documentElement.lang = 'en';
    mountRecordingBar(document, { ...AS_PERSON, onStop: async () => {} });
    // RGAA 8.7: our texts in the language they are written in, not the page's.
    expect(shadow()?.querySelector('[role=region]')?.getAttribute('lang')).toBe('fr');
    // RGAA 7.5: aria-live polite and aria-atomic true stand for role=status.
    expect(shadow()?.querySelector('[aria-live=polite]')?.getAttribute('aria-atomic')).toBe('true');
    document.documentElement.lang = 'fr';
  });

  it('pulses its red dot for 5 seconds at most (RGAA 13.8), and never with reduced motion', () => {
    mountRecordingBar(document, { ...AS_PERSON, onStop: async () => {} });
    const css = shadow()?.querySelector('style')?.textContent ?? '';
    const rules = [...css.matchAll(/\.dot\s*\{[^}]*animation:\s*(\S+)\s+([\d.]+)s\s+\S+\s+(\S+?)\s*;/g)];
    expect(rules.length).toBeGreaterThan(0);
    for (const [, , seconds, count] of rules) {
      expect(count).not.toBe('infinite');
      expect(Number(seconds) * Number(count)).toBeLessThanOrEqual(5);
    }
    // Each animation sits inside the no-preference query: the system's reduced motion stops it.
    const outside = css.replace(/@media \(prefers-reduced-motion: no-preference\)\s*\{[^{}]*\{[^}]*\}\s*\}/g, '');
    expect(outside).not.toMatch(/animation:/);
  });

  it('« Arrêter » stops, then the bar goes', async () => {
    let resolve!: () => void;
    const onStop = vi.fn(() => new Promise<void>((r) => (resolve = r)));
    mountRecordingBar(document, { ...AS_PERSON, onStop });
    press(barButton());
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(barButton()?.disabled).toBe(true);
    expect(barButton()?.textContent).toBe('Arrêt…');
    press(barButton());
    expect(onStop).toHaveBeenCalledTimes(1);
    resolve();
    await waitFor(() => host() === null, 'the bar to go');
  });

  it('tells why when stopping failed, and « Fermer » closes it', async () => {
    mountRecordingBar(document, { ...AS_PERSON, onStop: async () => Promise.reject(new Error('Aucun enregistrement n’est en cours.')) });
    press(barButton());
    const alert = await waitFor(() => shadow()?.querySelector('[role=alert]:not([hidden])'), 'the alert');
    expect(alert.textContent).toBe("L'enregistrement n'a pas pu se terminer : Aucun enregistrement n’est en cours.");
    expect(barButton()?.textContent).toBe('Fermer');
    press(barButton());
    expect(host()).toBeNull();
  });

  it('keeps its clicks to itself: the page does not see them', () => {
    const seen = vi.fn();
    document.body.addEventListener('click', seen);
    mountRecordingBar(document, { ...AS_PERSON, onStop: () => new Promise(() => {}) });
    press(barButton());
    expect(seen).not.toHaveBeenCalled();
  });

  it('is closed to the page, and obeys only the person’s own press', () => {
    const onStop = vi.fn(async () => {});
    const bar = mountRecordingBar(document, { onStop });
    expect(host()).not.toBeNull();
    expect(host()?.shadowRoot).toBeNull();
    // A page script's events: not trusted (happy-dom's never are), on the host or on the button.
    host()?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    bar.remove();
    const trusted = mountRecordingBar(document, { ...AS_PERSON, onStop });
    // Trusted, but with no press of the person on the button first (a trusted click made by a script).
    barButton()?.click();
    expect(onStop).not.toHaveBeenCalled();
    // A press elsewhere in the bar does not count for the button.
    shadow()
      ?.querySelector('.bar')
      ?.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    barButton()?.click();
    expect(onStop).not.toHaveBeenCalled();
    press(barButton());
    expect(onStop).toHaveBeenCalledTimes(1);
    trusted.remove();
  });

  it('ignores untrusted events, even after the person’s press', () => {
    const onStop = vi.fn(async () => {});
    mountRecordingBar(document, { onStop, shadowMode: 'open' });
    press(barButton());
    expect(onStop).not.toHaveBeenCalled();
  });

  it('has no accessibility violation', async () => {
    mountRecordingBar(document, { ...AS_PERSON, onStop: async () => {} });
    const results = await axe.run(shadow()!.querySelector('.bar') as HTMLElement, { rules: { region: { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});

describe('the recorder script', () => {
  let requests: Request[];
  let keyringAsked = 0;
  let stop: (() => void) | undefined;

  function start() {
    stop = startRecorder({
      ...AS_PERSON,
      send: (async (request: Request) => {
        // The keyring is asked once per page (typed-values.ts): what is under test here is the rest.
        if (request.type === 'recorder:keyring') {
          keyringAsked++;
          return { key: '0123456789abcdef0123456789abcdef', hashes: [] };
        }
        requests.push(request);
        if (request.type === 'recorder:stop') {
          await fakeBrowser.storage.local.remove(recordingItem.key);
          return { ok: true, guide: {} };
        }
        return { recording: true, tabId: 1, steps: 0 };
      }) as never,
    });
  }

  beforeEach(() => {
    requests = [];
    keyringAsked = 0;
  });

  afterEach(() => {
    stop?.();
    stop = undefined;
  });

  it('shows the stored step count and follows it', async () => {
    await fakeBrowser.storage.local.set({ [recordingItem.key]: storedRecording(2) });
    start();
    await waitFor(() => statusText() === 'Enregistrement en cours — 2 étapes', 'the stored count');
    await fakeBrowser.storage.local.set({ [recordingItem.key]: storedRecording(3) });
    await waitFor(() => statusText() === 'Enregistrement en cours — 3 étapes', 'the new count');
  });

  it('sends the person’s actions, not the trainer’s clicks in the bar', async () => {
    await fakeBrowser.storage.local.set({ [recordingItem.key]: storedRecording(0) });
    start();
    press(document.getElementById('valider'));
    expect(requests.map((request) => request.type)).toEqual(['recorder:event']);
    const sent = requests[0] as Extract<Request, { type: 'recorder:event' }>;
    expect(sent.event).toMatchObject({ kind: 'click', facts: { tag: 'button', name: 'Valider' } });
    press(barButton());
    await waitFor(() => host() === null, 'the bar to go');
    expect(requests.map((request) => request.type)).toEqual(['recorder:event', 'recorder:stop']);
    expect(keyringAsked).toBe(1);
  });

  it('does not record a page script’s click, though the browser calls its event trusted', async () => {
    await fakeBrowser.storage.local.set({ [recordingItem.key]: storedRecording(0) });
    start();
    document.getElementById('valider')?.click();
    expect(requests).toEqual([]);
    press(document.getElementById('valider'));
    expect(requests).toHaveLength(1);
  });

  it('does not record clicks in the guide’s overlay shown on the same page', async () => {
    await fakeBrowser.storage.local.set({ [recordingItem.key]: storedRecording(0) });
    const overlay = document.createElement('cote-a-cote-overlay');
    const done = document.createElement('button');
    done.textContent = 'C’est fait';
    overlay.attachShadow({ mode: 'open' }).append(done);
    document.documentElement.append(overlay);
    start();
    press(done);
    expect(requests).toEqual([]);
    press(document.getElementById('valider'));
    expect(requests).toHaveLength(1);
    overlay.remove();
  });

  it('goes away when the recording stops elsewhere (the popup), and records nothing more', async () => {
    await fakeBrowser.storage.local.set({ [recordingItem.key]: storedRecording(1) });
    start();
    await waitFor(() => statusText()?.includes('1 étape'), 'the bar');
    await fakeBrowser.storage.local.remove(recordingItem.key);
    await waitFor(() => host() === null, 'the bar to go');
    press(document.getElementById('valider'));
    expect(requests).toEqual([]);
  });

  it('removes itself at once when injected after the recording ended', async () => {
    start();
    await waitFor(() => host() === null, 'the bar to go');
  });

  it('runs once in a page, however often it is injected', async () => {
    await fakeBrowser.storage.local.set({ [recordingItem.key]: storedRecording(0) });
    start();
    const first = stop;
    start();
    expect(stop).toBe(first);
    expect(document.querySelectorAll(RECORDER_HOST)).toHaveLength(1);
    press(document.getElementById('valider'));
    expect(requests).toHaveLength(1);
  });
});
