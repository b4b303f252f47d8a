/**
 * The helpers every rule shares: the recorded name and the same fact on today's page, the order of
 * the document, and what makes elements lookalikes.
 */
import { beforeEach, expect, it, describe as suite } from 'vitest';
import {
  anchored,
  currentKey,
  currentName,
  inDocumentOrder,
  lookalikes,
  recordedKey,
  recordedName,
  sameKind,
} from '../../../utils/locate/lookalikes';
import type { TargetDescription } from '../../../utils/locate/target';

const $ = (s: string) => document.querySelector(s) as Element;

beforeEach(() => {
  document.body.innerHTML = `<main>
    <button id="a" aria-label="Fermer la fenêtre">×</button>
    <label for="f">Nom de naissance</label><input id="f" name="nom" type="text">
    <a id="l" href="/aide">Aide en ligne</a>
    <button id="b" data-testid="close">Fermer  la fenêtre</button>
    <button id="h" hidden aria-label="Fermer la fenêtre">×</button>
  </main>`;
});

suite('recorded name and current name', () => {
  it('compares the accessible name first, then the label, then the text', () => {
    const byName: TargetDescription = { tag: 'button', name: 'Fermer la fenêtre', text: '×' };
    const byLabel: TargetDescription = { tag: 'input', label: 'Nom de naissance', text: 'ignored' };
    const byText: TargetDescription = { tag: 'a', text: 'Aide en ligne' };
    expect(recordedName(byName)).toBe('Fermer la fenêtre');
    expect(currentName(byName, $('#a'))).toBe('Fermer la fenêtre');
    expect(recordedName(byLabel)).toBe('Nom de naissance');
    expect(currentName(byLabel, $('#f'))).toBe('Nom de naissance');
    expect(recordedName(byText)).toBe('Aide en ligne');
    expect(currentName(byText, $('#l'))).toBe('Aide en ligne');
  });

  it('compares normalised names, and has none to compare without a name, label or text', () => {
    const d: TargetDescription = { tag: 'button', name: 'Fermer la fenêtre' };
    expect(currentKey(d, $('#b'))).toBe(recordedKey(d));
    expect(currentKey(d, $('#l'))).not.toBe(recordedKey(d));
    expect(recordedKey({ tag: 'button' })).toBeUndefined();
    expect(recordedName({ tag: 'button' })).toBeUndefined();
  });
});

suite('document order', () => {
  it('sorts elements as they come in the page, without changing the list given', () => {
    const given = [$('#b'), $('#a'), $('#l')];
    expect(inDocumentOrder(given)).toEqual([$('#a'), $('#l'), $('#b')]);
    expect(given).toEqual([$('#b'), $('#a'), $('#l')]);
  });
});

suite('lookalikes', () => {
  it('are the visible elements of the same kind named as recorded', () => {
    const d: TargetDescription = { tag: 'button', role: 'button', name: 'Fermer la fenêtre' };
    expect(sameKind(d, $('#a'))).toBe(true);
    expect(sameKind(d, $('#l'))).toBe(false);
    // #h is hidden, #l is another kind.
    expect(lookalikes(d, [$('#a'), $('#l'), $('#b'), $('#h')])).toEqual([$('#a'), $('#b')]);
    expect(lookalikes({ tag: 'button', role: 'button' }, [$('#a')])).toBeUndefined();
  });

  it('are named as recorded when the recorder kept only the start of the name, before something personal', () => {
    document.body.innerHTML = `<main>
      <label for="e1">Adresse électronique <span>Format attendu : nom@domaine.fr</span></label><input id="e1" type="email">
      <label for="e2">Adresse électronique <span>Format attendu : jeanne@exemple.fr</span></label><input id="e2" type="email">
      <label for="e3">Adresse électronique de secours</label><input id="e3" type="email">
      <label for="e4">Adresse électronique Format attendus</label><input id="e4" type="email">
    </main>`;
    const fields = ['#e1', '#e2', '#e3', '#e4'].map($);
    const kept: TargetDescription = { tag: 'input', role: 'textbox', type: 'email', name: 'Adresse électronique Format attendu' };
    const shortened: TargetDescription = { ...kept, withheld: ['name'] };
    // Shortened: the same start, word for word, is the same name; another ending (« de secours ») or word is not.
    expect(lookalikes(shortened, fields)).toEqual([$('#e1'), $('#e2')]);
    expect(currentKey(shortened, $('#e2'))).toBe(recordedKey(shortened));
    expect(currentKey(shortened, $('#e4'))).not.toBe(recordedKey(shortened));
    // Kept whole: only the very name.
    expect(lookalikes(kept, fields)).toEqual([]);
    // Another fact shortened (the label) does not cut the name.
    expect(lookalikes({ ...kept, withheld: ['label'] }, fields)).toEqual([]);
  });

  it('are anchored by the recorded id or test id only when unchanged', () => {
    expect(anchored({ tag: 'button', id: 'a' }, $('#a'))).toBe(true);
    expect(anchored({ tag: 'button', testId: 'data-testid=close' }, $('#b'))).toBe(true);
    expect(anchored({ tag: 'button', id: 'a', testId: 'open' }, $('#b'))).toBe(false);
  });
});
