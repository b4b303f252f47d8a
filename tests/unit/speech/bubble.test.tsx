/** The bubble's « Lire » button and the automatic reading of each new step (overlay in a shadow root, happy-dom). */
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GuideItem } from '../../../utils/guide/schema';
import { DEFAULT_SETTINGS } from '../../../utils/settings/settings';
import { type Mounted, mount, pageTarget, step, useMessages, view } from '../overlay/helpers';
import { type FakeSpeech, installFakeSpeech, removeFakeSpeech, voice } from './fake-speech';

let m: Mounted | undefined;
let fake: FakeSpeech;
beforeAll(() => useMessages());
beforeEach(() => {
  window.scrollBy = vi.fn() as typeof window.scrollBy;
  fake = installFakeSpeech();
});
afterEach(() => {
  m?.unmount();
  m = undefined;
  removeFakeSpeech();
  document.body.replaceChildren();
});

const readButton = () => m?.$('.bubble button.read') as HTMLButtonElement | null;
const question: GuideItem = {
  kind: 'question',
  id: 'deja-client',
  question: 'Avez-vous déjà un compte ?',
  choices: [
    { label: 'Oui', next: 'fin' },
    { label: 'Non', next: 'email' },
  ],
};

describe('« Lire »', () => {
  it('reads the step’s instruction in French, and nothing from the page', () => {
    const el = pageTarget({ x: 100, y: 200, width: 300, height: 40 });
    el.textContent = 'Adresse e-mail : marie@example.fr';
    m = mount({ view: view(step()), target: { status: 'found', element: el } });
    const button = readButton()!;
    expect(button.textContent).toBe('Lire');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(button.getAttribute('type')).toBe('button');
    act(() => button.click());
    expect(fake.said.map((u) => [u.text, u.lang, u.rate])).toEqual([['Tapez votre adresse e-mail.', 'fr-FR', 0.9]]);
    expect(fake.said[0]?.voice?.lang).toBe('fr-FR');
    expect(readButton()?.textContent).toBe('Arrêter la lecture');
    expect(readButton()?.getAttribute('aria-pressed')).toBe('true');
    // Reading does not send any run event.
    expect(m.onEvent).not.toHaveBeenCalled();
  });

  it('« Arrêter la lecture » stops it; the end of the reading gives « Lire » back', () => {
    m = mount({ view: view(step()) });
    act(() => readButton()!.click());
    fake.cancel.mockClear();
    act(() => readButton()!.click());
    expect(fake.cancel).toHaveBeenCalledTimes(1);
    expect(readButton()?.textContent).toBe('Lire');
    act(() => readButton()!.click());
    act(() => fake.finish());
    expect(readButton()?.getAttribute('aria-pressed')).toBe('false');
    expect(fake.said).toHaveLength(2);
  });

  it('reads a question with its answers', () => {
    m = mount({ view: view(question) });
    act(() => readButton()!.click());
    expect(fake.said.map((u) => u.text)).toEqual(['Avez-vous déjà un compte ? Oui. Non.']);
  });

  it('is not shown where the browser cannot read aloud', () => {
    removeFakeSpeech();
    m = mount({ view: view(step()) });
    expect(m.$('.bubble')).not.toBeNull();
    expect(readButton()).toBeNull();
    expect(m.button('Lire')).toBeUndefined();
  });
});

describe('only voices of this machine', () => {
  it('hides « Lire » when the only French voice is a network one (« Google français »), and reads no new step', () => {
    removeFakeSpeech();
    fake = installFakeSpeech([voice('fr-FR', false, 'Google français'), voice('en-US')]);
    m = mount({ view: view(step()), settings: { ...DEFAULT_SETTINGS, autoRead: true } });
    expect(m.$('.bubble')).not.toBeNull();
    expect(readButton()).toBeNull();
    expect(fake.said).toEqual([]);
  });

  it('shows « Lire » once the browser lists a local French voice, which is the one used', () => {
    removeFakeSpeech();
    fake = installFakeSpeech([]);
    m = mount({ view: view(step()) });
    expect(readButton()).toBeNull();
    act(() => fake.setVoices([voice('fr-FR', false, 'Google français'), voice('fr-FR', true, 'Amélie')]));
    act(() => readButton()!.click());
    expect(fake.said[0]?.voice?.name).toBe('Amélie');
  });
});

describe('reading each new step', () => {
  it('reads every new step when the option is on, stopping the one before', () => {
    m = mount({ view: view(step()), settings: { ...DEFAULT_SETTINGS, autoRead: true } });
    expect(fake.said.map((u) => u.text)).toEqual(['Tapez votre adresse e-mail.']);
    fake.cancel.mockClear();
    m.update({ view: view(step({ id: 'mot-de-passe', instruction: 'Choisissez un mot de passe.', sensitive: true })) });
    expect(fake.cancel).toHaveBeenCalled();
    expect(fake.said.map((u) => u.text)).toEqual(['Tapez votre adresse e-mail.', 'Choisissez un mot de passe.']);
    // The same step shown again (a run update) is not read twice.
    m.update({ view: view(step({ id: 'mot-de-passe', instruction: 'Choisissez un mot de passe.', sensitive: true }), { position: 3 }) });
    expect(fake.said).toHaveLength(2);
  });

  it('reads nothing by itself when the option is off, and stops a reading when the step changes', () => {
    m = mount({ view: view(step()) });
    expect(fake.said).toEqual([]);
    act(() => readButton()!.click());
    fake.cancel.mockClear();
    m.update({ view: view(step({ id: 'suite', instruction: 'Cliquez sur « Continuer ».' })) });
    expect(fake.cancel).toHaveBeenCalledTimes(1);
    expect(fake.said).toHaveLength(1);
    expect(readButton()?.textContent).toBe('Lire');
  });

  it('stops reading when the overlay goes away', () => {
    m = mount({ view: view(step()), settings: { ...DEFAULT_SETTINGS, autoRead: true } });
    fake.cancel.mockClear();
    m.unmount();
    m = undefined;
    expect(fake.cancel).toHaveBeenCalledTimes(1);
  });
});
