import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { hole, PAD } from '../../../components/overlay/geometry';
import { covers } from '../../e2e/playback/bubble-room';
import { TestBackground } from '../popup/harness';
import { type Mounted, mount, pageTarget, recapOf, step, stubRect, useMessages, view } from './helpers';

let m: Mounted | undefined;
beforeAll(() => useMessages());
beforeEach(() => {
  // Only the viewport may scroll (README): record its calls; a page's box never scrolls.
  window.scrollBy = vi.fn() as typeof window.scrollBy;
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  m?.unmount();
  m = undefined;
  document.body.replaceChildren();
});

const names = (mounted: Mounted) => mounted.$$('.bubble button').map((b) => b.textContent?.trim());
/** The person's key press: trusted, as the browser's are (happy-dom's events are not: marked here). */
const key = (target: EventTarget, init: KeyboardEventInit, trusted = true) =>
  act(() => {
    const event = new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init });
    if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
    target.dispatchEvent(event);
  });

describe('a step whose target is found', () => {
  it('shows the bubble with its progress, instruction and the three buttons, as a non-modal dialog', () => {
    const el = pageTarget({ x: 100, y: 200, width: 300, height: 40 });
    m = mount({ view: view(step()), target: { status: 'found', element: el } });
    const dialog = m.$('[role=dialog]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    const title = m.root.getElementById(dialog.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toContain('Créer un compte');
    expect(m.root.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe('Tapez votre adresse e-mail.');
    expect(dialog.textContent).toContain('Étape 2 sur 5');
    expect(m.$('.text')?.getAttribute('lang')).toBe('fr');
    expect(names(m)).toEqual(['Masquer', "C'est fait", 'Retour', 'Je ne trouve pas']);
    expect(m.$$('.bubble button').every((b) => b.getAttribute('type') === 'button')).toBe(true);
  });

  it('sends the run events of its buttons', () => {
    const el = pageTarget({ x: 100, y: 200, width: 300, height: 40 });
    m = mount({ view: view(step()), target: { status: 'found', element: el } });
    act(() => m!.button("C'est fait")!.click());
    act(() => m!.button('Retour')!.click());
    act(() => m!.button('Je ne trouve pas')!.click());
    expect(m.onEvent.mock.calls.map((c) => c[0])).toEqual([
      { type: 'manual-done', itemId: 'email' },
      { type: 'back', itemId: 'email' },
      { type: 'help', kind: 'not-found', itemId: 'email' },
    ]);
    // "Je ne trouve pas" brings the target back into view, by the viewport alone.
    expect(window.scrollBy).toHaveBeenCalledWith(expect.objectContaining({ top: 200 + 20 - innerHeight / 2 }));
    expect(el.scrollIntoView).not.toHaveBeenCalled();
  });

  it('cuts the spotlight around the target box and draws the ring on it', () => {
    const el = pageTarget({ x: 100, y: 200, width: 300, height: 40 });
    m = mount({ view: view(step()), target: { status: 'found', element: el } });
    const svg = m.$('svg.spot')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    const d = m.$('.dim')!.getAttribute('d')!;
    // Drawn in the hole's coordinates: the hole at 0,0 with the padded target's size, the dimmed square around it;
    // the whole spotlight moved to the padded target by a transform.
    expect(d).toContain(`M8 0h${300 + 2 * PAD - 16}`);
    expect(svg.style.transform).toBe(`translate(${100 - PAD}px, ${200 - PAD}px)`);
    for (const rect of m.$$('.ring rect')) {
      expect([rect.getAttribute('width'), rect.getAttribute('height')]).toEqual([300 + 2 * PAD, 40 + 2 * PAD].map(String));
    }
  });

  it('follows the target when the page scrolls by moving the spotlight and the bubble, redrawing nothing', () => {
    const el = pageTarget({ x: 100, y: 200, width: 300, height: 40 });
    m = mount({ view: view(step()), target: { status: 'found', element: el } });
    const d = m.$('.dim')!.getAttribute('d');
    const bubble = m.$('.bubble')!;
    const placed = bubble.style.transform;
    const writes = vi.spyOn(Element.prototype, 'setAttribute');
    stubRect(el, { x: 100, y: 50, width: 300, height: 40 });
    document.dispatchEvent(new Event('scroll'));
    expect(m.$('svg.spot')!.style.transform).toBe(`translate(${100 - PAD}px, ${50 - PAD}px)`);
    expect(bubble.style.transform).not.toBe(placed);
    // Same size: the shapes stay as drawn (no attribute written but the moves' style, nothing to repaint).
    expect(writes.mock.calls.filter(([name]) => name !== 'style')).toEqual([]);
    expect(m.$('.dim')!.getAttribute('d')).toBe(d);
    writes.mockRestore();
  });

  it('positions the bubble next to the target, inside the viewport', () => {
    const el = pageTarget({ x: 100, y: 200, width: 300, height: 40 });
    m = mount({ view: view(step()), target: { status: 'found', element: el } });
    const bubble = m.$('.bubble')!;
    expect(bubble.classList.contains('anchored')).toBe(true);
    const top = Number(/translate\(-?[\d.]+px, (-?[\d.]+)px\)/.exec(bubble.style.transform)?.[1]);
    expect(top).toBeGreaterThan(200 + 40);
  });

  it("leaves the next step's target clear, and moves when it is found later", () => {
    // happy-dom lays nothing out: the bubble gets a size of its own, as a browser would give it.
    const width = vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(360);
    const height = vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(200);
    try {
      const email = pageTarget({ x: 100, y: 300, width: 300, height: 40 });
      const password = pageTarget({ x: 40, y: 360, width: 940, height: 40 }, 'input');
      m = mount({ view: view(step()), target: { status: 'found', element: email } });
      const bubble = m.$('.bubble')!;
      const box = () => {
        const [, x, y] = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(bubble.style.transform)!.map(Number);
        return { x: x!, y: y!, width: 360, height: 200 };
      };
      // Not told of the next target: below the e-mail field, over the password field.
      expect(box().y).toBeGreaterThan(300 + 40);
      expect(covers(box(), hole(password.getBoundingClientRect()))).toBe(true);
      m.update({ nextTarget: password });
      // Too wide to slide past: above the e-mail field, leaving both clear; nothing is drawn on the password field.
      expect(box().y + 200).toBeLessThanOrEqual(300 - PAD);
      expect(covers(box(), hole(password.getBoundingClientRect()))).toBe(false);
      expect(m.$$('svg.spot')).toHaveLength(1);
      // No next target any more (out of the page): back below.
      password.remove();
      m.update({ nextTarget: null });
      expect(box().y).toBeGreaterThan(300 + 40);
    } finally {
      width.mockRestore();
      height.mockRestore();
    }
  });

  it('scrolls the target into view on first show only when it is out of view', () => {
    const visible = pageTarget({ x: 100, y: 200, width: 300, height: 40 });
    m = mount({ view: view(step()), target: { status: 'found', element: visible } });
    expect(window.scrollBy).not.toHaveBeenCalled();
    const below = pageTarget({ x: 100, y: innerHeight + 500, width: 300, height: 40 });
    m.update({ target: { status: 'found', element: below } });
    // The viewport moves so that the target's middle is in the middle; no box of the page is scrolled.
    expect(window.scrollBy).toHaveBeenCalledTimes(1);
    expect(window.scrollBy).toHaveBeenCalledWith(expect.objectContaining({ top: innerHeight + 500 + 20 - innerHeight / 2, left: 0 }));
    expect(below.scrollIntoView).not.toHaveBeenCalled();
  });

  it('disables "Retour" at the first step', () => {
    const el = pageTarget({ x: 0, y: 0, width: 10, height: 10 });
    m = mount({ view: view(step(), { canGoBack: false, position: 1 }), target: { status: 'found', element: el } });
    const back = m.button('Retour')!;
    expect(back.disabled).toBe(true);
    act(() => back.click());
    expect(m.onEvent).not.toHaveBeenCalled();
  });

  it('opens the "Pourquoi ?" disclosure', () => {
    m = mount({ view: view(step({ why: 'Le site vous écrira à cette adresse.' })), target: { status: 'no-target' } });
    const why = m.button('Pourquoi ?')!;
    const text = m.root.getElementById(why.getAttribute('aria-controls')!)!;
    expect(why.getAttribute('aria-expanded')).toBe('false');
    expect(text.hidden).toBe(true);
    act(() => why.click());
    expect(why.getAttribute('aria-expanded')).toBe('true');
    expect(text.hidden).toBe(false);
    expect(text.textContent).toBe('Le site vous écrira à cette adresse.');
  });
});

describe('a target that is not found, or not surely', () => {
  for (const status of ['not-found', 'ambiguous'] as const) {
    it(`${status}: says so in plain words, shows the instruction, and highlights nothing`, () => {
      m = mount({ view: view(step()), target: { status } });
      expect(m.$('svg')).toBeNull();
      expect(m.$('.bubble')!.classList.contains('corner')).toBe(true);
      expect(m.$('.text')!.textContent).toBe('Tapez votre adresse e-mail.');
      expect(m.$('.missing')!.textContent).toMatch(
        status === 'not-found' ? /ne trouve pas cet élément/ : /Plusieurs éléments se ressemblent/,
      );
      expect(names(m)).toEqual(['Masquer', "C'est fait", 'Retour', 'Chercher à nouveau']);
      act(() => m!.button('Chercher à nouveau')!.click());
      expect(m.onSearchAgain).toHaveBeenCalledTimes(1);
      act(() => m!.button("C'est fait")!.click());
      expect(m.onEvent).toHaveBeenCalledWith({ type: 'manual-done', itemId: 'email' });
    });
  }

  it('a step without target shows the bubble in a corner and no spotlight', () => {
    m = mount({ view: view(step({ action: 'read', instruction: 'Lisez la page.' })), target: { status: 'no-target' } });
    expect(m.$('svg')).toBeNull();
    expect(m.$('.bubble')!.classList.contains('corner')).toBe(true);
    expect(m.$('.missing')).toBeNull();
    expect(names(m)).toContain('Je ne trouve pas');
  });

  it('removes the spotlight when the target disappears', () => {
    const el = pageTarget({ x: 100, y: 200, width: 300, height: 40 });
    m = mount({ view: view(step()), target: { status: 'found', element: el } });
    expect(m.$('svg')).not.toBeNull();
    m.update({ target: { status: 'not-found' } });
    expect(m.$('svg')).toBeNull();
  });

  it('says to open the closed part of the page when the target is out of sight there, and nothing of it otherwise', () => {
    m = mount({ view: view(step()), target: { status: 'not-found', outOfSight: true } });
    expect(m.$('svg')).toBeNull();
    expect(m.$('.missing')!.textContent).toContain(
      'Cet élément est sans doute dans une partie fermée de la page, un onglet ou une rubrique à ouvrir.',
    );
    m.update({ target: { status: 'not-found' } });
    expect(m.$('.missing')!.textContent).toContain('Côte à côte ne trouve pas cet élément sur cette page.');
    expect(m.$('.missing')!.textContent).not.toContain('partie fermée');
  });

  it('rings, dotted, the control that opens the closed part, keeps the bubble off it, and says to open it first', () => {
    // The bubble gets a size of its own, as a browser would give it (happy-dom lays nothing out).
    const sizes = [
      vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(360),
      vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockReturnValue(200),
    ];
    onTestFinished(() => {
      for (const size of sizes) size.mockRestore();
    });
    const tab = pageTarget({ x: 100, y: 120, width: 160, height: 40 });
    m = mount({ view: view(step()), target: { status: 'not-found', outOfSight: true, opener: tab } });
    expect(m.$('svg .ring')!.classList.contains('opener')).toBe(true);
    expect(m.$('.dim')).not.toBeNull();
    const bubble = m.$('.bubble')!;
    expect(bubble.classList.contains('anchored')).toBe(true);
    const [, x, y] = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(bubble.style.transform)!.map(Number);
    expect(covers({ x: x!, y: y!, width: 360, height: 200 }, hole(tab.getBoundingClientRect()))).toBe(false);
    expect(m.$('.missing')!.textContent).toContain("Ouvrez d'abord l'onglet ou la rubrique entourée en pointillés.");
    expect(names(m)).toContain('Chercher à nouveau');
    // Escape: the focus goes to the control, where Enter opens the part.
    tab.tabIndex = 0;
    key(bubble, { key: 'Escape' });
    expect(document.activeElement).toBe(tab);
    // Opened: the target itself is found, and ringed plainly.
    const el = pageTarget({ x: 100, y: 300, width: 300, height: 40 });
    m.update({ target: { status: 'found', element: el } });
    expect(m.$('svg .ring')!.classList.contains('opener')).toBe(false);
    expect(m.$('.missing')).toBeNull();
  });
});

describe('sensitive steps', () => {
  it('reminds the advisor and the person that the person types it alone and nothing is kept', () => {
    m = mount({ view: view(step({ sensitive: true }), { mode: 'advisor' }) });
    expect(m.$('.sensitive')!.textContent).toContain("La personne tape elle-même. Le conseiller regarde ailleurs. Rien n'est gardé.");
  });
  it('speaks to the person alone', () => {
    m = mount({ view: view(step({ sensitive: true }), { mode: 'alone' }) });
    expect(m.$('.sensitive')!.textContent).toContain('Tapez-le vous-même. Côte à côte ne garde rien.');
    expect(m.$('.sensitive')!.textContent).not.toContain('conseiller');
  });
  it('says nothing of the kind on an ordinary step', () => {
    m = mount({ view: view(step()) });
    expect(m.$('.sensitive')).toBeNull();
  });
});

describe('a question', () => {
  const question = {
    kind: 'question' as const,
    id: 'compte',
    question: 'Avez-vous déjà un compte ?',
    choices: [
      { label: 'Oui', next: 'login' },
      { label: 'Non', next: 'register' },
      { label: 'Je ne sais pas', next: 'recover' },
    ],
  };
  it('shows the question and one button per choice, which answers with its index', () => {
    m = mount({ view: view(question) });
    expect(m.$('.text')!.textContent).toBe('Avez-vous déjà un compte ?');
    expect(m.$$('.choices button').map((b) => b.textContent)).toEqual(['Oui', 'Non', 'Je ne sais pas']);
    expect(m.button("C'est fait")).toBeUndefined();
    act(() => m!.button('Je ne sais pas')!.click());
    expect(m.onEvent).toHaveBeenCalledWith({ type: 'answer', choice: 2, itemId: 'compte' });
    act(() => m!.button('Retour')!.click());
    expect(m.onEvent).toHaveBeenLastCalledWith({ type: 'back', itemId: 'compte' });
  });
});

describe('the end', () => {
  const end = { kind: 'end' as const, id: 'fin', message: 'Votre compte est créé.' };
  it('shows the message, the recap and the "leave no trace" checklist as real checkboxes, then "Terminer"', () => {
    m = mount({ view: view(end, { recap: recapOf(7, 2, 1), canGoBack: false }) });
    expect(m.$('.text')!.textContent).toBe('Votre compte est créé.');
    expect(m.$$('.recap li').map((li) => li.textContent)).toEqual([
      'Étapes parcourues : 7',
      "Dont marquées « C'est fait » à la main : 2",
      "Étapes où l'aide a été demandée : 1",
    ]);
    const boxes = m.$$('.trace input') as HTMLInputElement[];
    expect(boxes.map((b) => b.type)).toEqual(['checkbox', 'checkbox', 'checkbox', 'checkbox']);
    expect(m.$$('.trace label').map((l) => l.textContent?.trim())).toEqual([
      'Se déconnecter du site',
      'Refuser que le navigateur enregistre le mot de passe',
      'Fermer les onglets de la démarche',
      'Effacer les traces de Côte à côte (« Terminer » le fait seul sur un poste partagé ; sinon, avec le bouton ci-dessous)',
    ]);
    act(() => boxes[1]!.click());
    expect(boxes[1]!.checked).toBe(true);
    expect(m.onEvent).not.toHaveBeenCalled();
    act(() => m!.button('Terminer')!.click());
    expect(m.onEvent).toHaveBeenCalledWith({ type: 'finish', itemId: 'fin' });
  });
  it('« Effacer les traces » asks once, tells the playback to keep the end screen, then erases and says what went', async () => {
    const background = new TestBackground([]);
    background.install();
    m = mount({ view: view(end) });
    act(() => m!.button('Effacer les traces de Côte à côte')!.click());
    expect(m.onEvent).not.toHaveBeenCalled();
    act(() => m!.button('Non, garder')!.click());
    expect(background.ofType('traces:erase')).toHaveLength(0);
    act(() => m!.button('Effacer les traces de Côte à côte')!.click());
    act(() => m!.button('Oui, tout effacer')!.click());
    // Kept first: the erasure takes this very run away, and the person still reads the end screen.
    expect(m.onEvent).toHaveBeenCalledWith({ type: 'keep-end', itemId: 'fin' });
    await vi.waitFor(() => expect(m!.$('.erase-status')?.textContent).toBe("Il n'y avait aucune trace à effacer."));
    expect(background.ofType('traces:erase')).toHaveLength(1);
  });
  it('has no recap block without recap', () => {
    m = mount({ view: view(end) });
    expect(m.$('.recap')).toBeNull();
    expect(m.$$('.trace input')).toHaveLength(4);
  });
});

describe('keyboard', () => {
  it('Escape hides the bubble, keeps the run, gives the focus back where the person was (not to the target), and "Afficher le guide" brings it back', () => {
    const el = pageTarget({ x: 100, y: 200, width: 300, height: 40 });
    const was = pageTarget({ x: 100, y: 100, width: 300, height: 40 });
    m = mount({ view: view(step()), target: { status: 'found', element: el } });
    const targetFocused = vi.fn();
    el.addEventListener('focus', targetFocused);
    was.focus();
    key(was, { key: 'K', code: 'KeyK', altKey: true, shiftKey: true });
    const bubble = m.$('.bubble')!;
    expect(m.root.activeElement).toBe(bubble);
    key(bubble, { key: 'Escape' });
    expect(m.$('.bubble')).toBeNull();
    expect(m.$('.dim')).toBeNull();
    expect(m.$('.ring')).not.toBeNull();
    expect(document.activeElement).toBe(was);
    expect(targetFocused).not.toHaveBeenCalled();
    expect(m.onEvent).not.toHaveBeenCalled();
    const show = m.button('Afficher le guide')!;
    expect(show.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+K');
    act(() => show.click());
    expect(m.$('.bubble')).not.toBeNull();
    expect(m.root.activeElement).toBe(m.$('.bubble'));
  });

  it('Escape from nowhere on the page gives the focus to a group of radios as Tab would: its checked radio, else its first one', () => {
    const group = pageTarget({ x: 100, y: 200, width: 300, height: 80 }, 'fieldset');
    group.innerHTML =
      '<input type="radio" name="s" id="f"><input type="radio" name="s" id="m" disabled><input type="radio" name="s" id="o">';
    // A fieldset cannot take the focus in a browser; happy-dom lets any element take it.
    group.focus = () => undefined;
    m = mount({ view: view(step({ action: 'choose' })), target: { status: 'found', element: group } });
    key(m.$('.bubble')!, { key: 'Escape' });
    expect(document.activeElement?.id).toBe('f');
    m.unmount();
    (group.querySelector('#o') as HTMLInputElement).checked = true;
    m = mount({ view: view(step({ action: 'choose' })), target: { status: 'found', element: group } });
    key(m.$('.bubble')!, { key: 'Escape' });
    expect(document.activeElement?.id).toBe('o');
  });

  it('the focus moves into the page only at the person’s own Escape: a page’s synthetic Escape does nothing', () => {
    const el = pageTarget({ x: 100, y: 200, width: 300, height: 40 });
    m = mount({ view: view(step()), target: { status: 'found', element: el } });
    const focused = vi.fn();
    el.addEventListener('focus', focused);
    key(m.$('.bubble')!, { key: 'Escape' }, false);
    expect(m.$('.bubble')).not.toBeNull();
    expect(focused).not.toHaveBeenCalled();
  });

  it('Escape without a focusable target puts the focus on "Afficher le guide"', () => {
    m = mount({ view: view(step({ action: 'read' })), target: { status: 'no-target' } });
    key(m.$('.bubble')!, { key: 'Escape' });
    expect(m.root.activeElement).toBe(m.button('Afficher le guide'));
  });

  it('a new step shows the bubble again', () => {
    m = mount({ view: view(step()) });
    key(m.$('.bubble')!, { key: 'Escape' });
    expect(m.$('.bubble')).toBeNull();
    m.update({ view: view(step({ id: 'password', instruction: 'Tapez votre mot de passe.' })) });
    expect(m.$('.text')!.textContent).toBe('Tapez votre mot de passe.');
  });

  it('Alt+Shift+K from the page moves the focus into the bubble, even when hidden', () => {
    const el = pageTarget({ x: 100, y: 200, width: 300, height: 40 });
    m = mount({ view: view(step()), target: { status: 'found', element: el } });
    el.focus();
    // A page script's shortcut is not the person's.
    key(el, { key: 'K', code: 'KeyK', altKey: true, shiftKey: true }, false);
    expect(document.activeElement).toBe(el);
    key(el, { key: 'K', code: 'KeyK', altKey: true, shiftKey: true });
    expect(m.root.activeElement).toBe(m.$('.bubble'));
    key(m.$('.bubble')!, { key: 'Escape' });
    key(el, { key: 'K', code: 'KeyK', altKey: true, shiftKey: true });
    expect(m.root.activeElement).toBe(m.$('.bubble'));
    // K alone is the page's.
    el.focus();
    key(el, { key: 'k', code: 'KeyK' });
    expect(document.activeElement).toBe(el);
  });

  it('announces each new step politely', () => {
    m = mount({ view: view(step()) });
    const live = m.$('[aria-live=polite]')!;
    expect(live.textContent).toContain('Étape 2 sur 5');
    expect(live.textContent).toContain('Tapez votre adresse e-mail.');
    m.update({ view: view(step({ id: 'pw', instruction: 'Tapez votre mot de passe.', sensitive: true }), { position: 3 }) });
    expect(live.textContent).toContain('Étape 3 sur 5');
    expect(live.textContent).toContain('Tapez votre mot de passe.');
    expect(live.textContent).toContain('Rien n');
  });
});

describe('guide texts are text', () => {
  const evil = '<img src=x onerror=alert(1)>';
  it('never become elements, whatever field they come in', () => {
    const withEvil = view(step({ instruction: evil, why: evil }), { guide: { id: 'g', title: evil, lang: 'fr', prepare: [] } });
    m = mount({ view: withEvil, target: { status: 'not-found' } });
    expect(m.$('img')).toBeNull();
    expect(m.$('.text')!.textContent).toBe(evil);
    expect(m.$('.title')!.textContent).toContain(evil);
    m.update({
      view: view({
        kind: 'question',
        id: 'q',
        question: evil,
        choices: [
          { label: evil, next: 'a' },
          { label: 'Non', next: 'b' },
        ],
      }),
    });
    expect(m.$('img')).toBeNull();
    expect(m.$('.choices button')!.textContent).toBe(evil);
    m.update({ view: view({ kind: 'end', id: 'end', message: evil }) });
    expect(m.$('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(m.$('.text')!.textContent).toBe(evil);
  });
});

// The run's view (utils/run/view.ts) decides what the page shows; tests/unit/run/view.test.ts checks that the end always shows.
it('shows no step nor question while the level of help keeps the page quiet', () => {
  m = mount({ view: view(step(), { spotlight: false }) });
  expect(m.$('.layer')).toBeNull();
  m.update({
    view: view(
      {
        kind: 'question',
        id: 'q',
        question: 'Oui ?',
        choices: [
          { label: 'Oui', next: 'a' },
          { label: 'Non', next: 'b' },
        ],
      },
      { spotlight: false },
    ),
  });
  expect(m.$('.layer')).toBeNull();
  expect(m.$('[role=dialog]')).toBeNull();
});

it('shows nothing without a run', () => {
  m = mount({ view: null });
  expect(m.$('.layer')).toBeNull();
  expect(m.$('[role=dialog]')).toBeNull();
});

describe('focus between items', () => {
  it('after "C\'est fait" used from the bubble, the next bubble has the focus', () => {
    m = mount({ view: view(step()) });
    const done = m.button("C'est fait")!;
    act(() => done.focus());
    act(() => done.click());
    m.update({ view: view(step({ id: 'next', instruction: 'Cliquez sur « Valider ».' }), { position: 3 }) });
    expect(m.root.activeElement).toBe(m.$('.bubble'));
  });

  it("does not take the focus from the page when the step ends by the person's own action", () => {
    const field = pageTarget({ x: 100, y: 200, width: 300, height: 40 }, 'input');
    m = mount({ view: view(step()), target: { status: 'found', element: field } });
    const done = m.button("C'est fait")!;
    act(() => done.focus());
    act(() => done.click());
    // The run did not move (say the background refused), and the person went back to the page.
    act(() => field.focus());
    m.update({ view: view(step({ id: 'next' })), target: { status: 'no-target' } });
    expect(document.activeElement).toBe(field);
    expect(m.root.activeElement).toBeNull();
  });
});
