/**
 * Alone mode's extras in the bubble, and the display settings on the overlay:
 * « Je suis perdu·e » brings the spotlight back and offers to go back one step;
 * no advisor text; larger text by default; high contrast and calm as classes.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StepView } from '../../../utils/messages';
import { DEFAULT_SETTINGS } from '../../../utils/settings/settings';
import { type Mounted, mount, pageTarget, step, useMessages, view } from '../overlay/helpers';

let m: Mounted | undefined;
beforeAll(() => useMessages());
beforeEach(() => {
  window.scrollBy = vi.fn() as typeof window.scrollBy;
});
afterEach(() => {
  m?.unmount();
  m = undefined;
  document.body.replaceChildren();
});

const names = () => m!.$$('.bubble button').map((b) => b.textContent?.trim());
/** The view once the run has recorded "Je suis perdu·e" on the current item. */
const lostAsked = (v: StepView): StepView => ({ ...v, run: { ...v.run, currentHelp: ['lost'] } });
const target = () => pageTarget({ x: 100, y: 200, width: 300, height: 40 });

describe('« Je suis perdu·e »', () => {
  it('is offered alone only', () => {
    m = mount({ view: view(step(), { mode: 'advisor' }) });
    expect(names()).not.toContain('Je suis perdu·e');
    m.update({ view: view(step(), { mode: 'alone' }) });
    expect(names()).toEqual(['Masquer', "C'est fait", 'Retour', 'Je ne trouve pas', 'Je suis perdu·e']);
  });

  it('asks for help of the "lost" kind for the item shown', () => {
    m = mount({ view: view(step(), { mode: 'alone' }), target: { status: 'found', element: target() } });
    act(() => m!.button('Je suis perdu·e')!.click());
    expect(m.onEvent.mock.calls.map((c) => c[0])).toEqual([{ type: 'help', kind: 'lost', itemId: 'email' }]);
  });

  it('once asked: the target comes back into view with the ring pulsing, and going back one step is offered', () => {
    const el = target();
    const before = view(step(), { mode: 'alone' });
    m = mount({ view: before, target: { status: 'found', element: el } });
    expect(m.button("Revenir à l'étape d'avant")).toBeUndefined();
    expect(m.$('.ring')?.getAttribute('class')).toBe('ring');
    vi.mocked(window.scrollBy).mockClear();
    m.update({ view: lostAsked(before) });
    expect(window.scrollBy).toHaveBeenCalledWith(expect.objectContaining({ left: 0 }));
    expect(m.$('.ring')?.getAttribute('class')).toBe('ring pulse');
    const note = m.$('.bubble .lost')!;
    expect(note.getAttribute('aria-live')).toBe('polite');
    expect(note.textContent).toBe("Pas de souci : l'étape à faire est écrite ci-dessus. Vous pouvez aussi revenir à l'étape d'avant.");
    act(() => m!.button("Revenir à l'étape d'avant")!.click());
    expect(m.onEvent.mock.calls.map((c) => c[0])).toEqual([{ type: 'back', itemId: 'email' }]);
  });

  it('on the first step there is nothing to go back to', () => {
    m = mount({ view: lostAsked(view(step(), { mode: 'alone', canGoBack: false })) });
    expect(m.$('.bubble .lost')?.textContent).toContain("C'est la première étape.");
    expect(m.button("Revenir à l'étape d'avant")).toBeUndefined();
  });

  it('asked from the panel, it shows the bubble again after Escape had hidden it', () => {
    const el = target();
    const before = view(step(), { mode: 'alone' });
    m = mount({ view: before, target: { status: 'found', element: el } });
    act(() => {
      // The person's own Escape (a synthetic one is not obeyed).
      const personEscape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true });
      Object.defineProperty(personEscape, 'isTrusted', { value: true });
      m!.$('.bubble')!.dispatchEvent(personEscape);
    });
    expect(m.$('.bubble')).toBeNull();
    m.update({ view: lostAsked(before) });
    expect(m.$('.bubble')).not.toBeNull();
    expect(m.button("Revenir à l'étape d'avant")).toBeDefined();
  });

  it('is offered on a question too', () => {
    const q = {
      kind: 'question' as const,
      id: 'deja-client',
      question: 'Avez-vous déjà un compte ?',
      choices: [
        { label: 'Oui', next: 'fin' },
        { label: 'Non', next: 'email' },
      ],
    };
    m = mount({ view: view(q, { mode: 'alone' }) });
    act(() => m!.button('Je suis perdu·e')!.click());
    expect(m.onEvent).toHaveBeenCalledWith({ type: 'help', kind: 'lost', itemId: 'deja-client' });
  });
});

it('shows no advisor text in the bubble, in either mode', () => {
  const tip = 'Regardez ailleurs pendant la saisie.';
  for (const mode of ['alone', 'advisor'] as const) {
    m = mount({ view: view(step({ advisorTip: tip, sensitive: true }), { mode }) });
    expect(m.$('.bubble')?.textContent).not.toContain(tip);
    m.unmount();
  }
  m = undefined;
});

describe('display settings on the overlay', () => {
  const layer = () => m!.$('.layer')!;

  it('larger text alone by default; the size chosen wins in both modes', () => {
    m = mount({ view: view(step(), { mode: 'advisor' }) });
    expect(layer().style.getPropertyValue('--cac-scale')).toBe('1');
    m.update({ view: view(step(), { mode: 'alone' }) });
    expect(layer().style.getPropertyValue('--cac-scale')).toBe('1.25');
    m.update({ settings: { ...DEFAULT_SETTINGS, textScale: 2 } });
    expect(layer().style.getPropertyValue('--cac-scale')).toBe('2');
    m.update({ view: view(step(), { mode: 'advisor' }) });
    expect(layer().style.getPropertyValue('--cac-scale')).toBe('2');
  });

  it('high contrast and reduced motion as classes of the layer', () => {
    m = mount({ view: view(step()) });
    expect(layer().className).toBe('layer');
    m.update({ settings: { ...DEFAULT_SETTINGS, highContrast: true, reduceMotion: true } });
    expect(layer().classList.contains('hc')).toBe(true);
    expect(layer().classList.contains('calm')).toBe(true);
  });

  it('reduced motion: the target is brought into view without smooth scrolling', () => {
    const el = target();
    m = mount({ view: view(step()), target: { status: 'found', element: el }, settings: { ...DEFAULT_SETTINGS, reduceMotion: true } });
    act(() => m!.button('Je ne trouve pas')!.click());
    expect(window.scrollBy).toHaveBeenLastCalledWith(expect.objectContaining({ behavior: 'instant' }));
    m.update({ settings: DEFAULT_SETTINGS });
    act(() => m!.button('Je ne trouve pas')!.click());
    // happy-dom does not prefer reduced motion: smooth again without the option.
    expect(window.scrollBy).toHaveBeenLastCalledWith(expect.objectContaining({ behavior: 'smooth' }));
  });
});
