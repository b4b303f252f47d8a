/**
 * Facts read once per `locate` call (`oncePerCall` in utils/locate/facts.ts): remembered during a call, forgotten
 * after it, so that a page changed between two calls is read afresh — and the slots of many
 * sections, sorted in one pass, are the same as asked one by one.
 */
import { beforeEach, expect, it, describe as suite } from 'vitest';
import { describe } from '../../../utils/locate/describe';
import { accessibleName, duringOneCall, oncePerCall } from '../../../utils/locate/facts';
import { locate } from '../../../utils/locate/locate';
import { isVisible } from '../../../utils/locate/scopes';
import { slotter } from '../../../utils/locate/section';

const $ = (s: string) => document.querySelector(s) as Element;

beforeEach(() => {
  document.body.innerHTML = '';
});

suite('once per call', () => {
  it('reads an element once during a call, and afresh outside it', () => {
    document.body.innerHTML = '<button id="b">Un</button>';
    let reads = 0;
    const read = oncePerCall((el: Element) => {
      reads++;
      return el.textContent;
    });
    const b = $('#b');
    duringOneCall(() => {
      expect(read(b)).toBe('Un');
      expect(read(b)).toBe('Un');
      // A nested call shares the outer memo.
      duringOneCall(() => expect(read(b)).toBe('Un'));
    });
    expect(reads).toBe(1);
    b.textContent = 'Deux';
    expect(read(b)).toBe('Deux');
    expect(read(b)).toBe('Deux');
    expect(reads).toBe(3);
  });

  it('forgets what it read when the call throws', () => {
    document.body.innerHTML = '<button id="b">Un</button>';
    expect(() =>
      duringOneCall(() => {
        accessibleName($('#b'));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    $('#b').textContent = 'Deux';
    expect(accessibleName($('#b'))).toBe('Deux');
  });

  it('sees a page changed between two locate calls', () => {
    document.body.innerHTML = '<main><h2>Connexion</h2><button id="ok">Valider</button><button id="no">Annuler</button></main>';
    const d = describe($('#ok'));
    const first = locate(d, document);
    expect(first.status === 'found' && first.element.id).toBe('ok');
    $('#ok').setAttribute('hidden', '');
    expect(isVisible($('#ok'))).toBe(false);
    expect(locate(d, document).status).not.toBe('found');
    $('#ok').removeAttribute('hidden');
    const again = locate(d, document);
    expect(again.status === 'found' && again.element.id).toBe('ok');
  });
});

suite('slots sorted in one pass', () => {
  it('gives every element its heading, rank and count, whichever is asked first', () => {
    const block = (h: string, n: number) =>
      `<h3>${h}</h3><div>${Array.from({ length: n }, (_, i) => `<button class="fr-btn">${h} ${i}</button>`).join('')}<a href="/x">lien</a></div>`;
    document.body.innerHTML = `<main>${block('Un', 2)}${block('Deux', 3)}<div hidden><button>caché</button></div>${block('Trois', 1)}</main>`;
    const buttons = Array.from(document.querySelectorAll('button'));
    const expected = [
      { heading: 'Un', index: 0, count: 2 },
      { heading: 'Un', index: 1, count: 2 },
      { heading: 'Deux', index: 0, count: 3 },
      { heading: 'Deux', index: 1, count: 3 },
      { heading: 'Deux', index: 2, count: 3 },
      undefined,
      { heading: 'Trois', index: 0, count: 1 },
    ];
    // From the last to the first, then each with a slotter of its own: the same answers.
    const slotOf = slotter(isVisible);
    for (let i = buttons.length - 1; i >= 0; i--) expect(slotOf(buttons[i] as Element)).toEqual(expected[i]);
    for (const [i, b] of buttons.entries()) expect(slotter(isVisible)(b)).toEqual(expected[i]);
  });
});
