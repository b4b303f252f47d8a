/**
 * « Montrer le bon élément » while checking a guide (`pickElement`): the
 * person's next own click on the page names the element, described with the
 * recorder's rules; a label stands for its field; a page script's click, our
 * own UI and anything after the first click are not taken; nothing typed
 * travels with it. The trust predicate is injected (happy-dom has no trusted events).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pickElement } from '../../../components/recorder/capture';
import type { RecordedEvent } from '../../../utils/authoring';

let picked: RecordedEvent[];
let untrusted: WeakSet<Event>;
let stop: () => void;
let ownUi: HTMLElement;

function fire(target: Element, event: Event, trusted = true): void {
  if (!trusted) untrusted.add(event);
  target.dispatchEvent(event);
}

/** The person's press then click; an untrusted click is a page script's, with no press. */
function click(target: Element, trusted = true): void {
  if (trusted) fire(target, new Event('pointerdown', { bubbles: true, composed: true }));
  fire(target, new MouseEvent('click', { bubbles: true, composed: true }), trusted);
}

beforeEach(() => {
  picked = [];
  untrusted = new WeakSet();
  ownUi = document.createElement('cote-a-cote-overlay');
  document.body.innerHTML = `
    <form>
      <label for="user">Identifiant <span class="hint">Format attendu : nom@domaine.fr</span></label>
      <input id="user" name="username" type="text" value="jeanne.martin@exemple.fr">
      <button type="submit"><span>Valider</span></button>
    </form>`;
  document.body.append(ownUi);
  stop = pickElement({
    onPick: (event) => picked.push(event),
    isTrusted: (event) => !untrusted.has(event),
    isOwn: (node) => node === ownUi || ownUi.contains(node),
  });
});

afterEach(() => stop());

describe('pointing at the right element', () => {
  it('takes the actionable element around the click, once', () => {
    click(document.querySelector('button span') as Element);
    click(document.querySelector('#user') as Element);
    expect(picked).toHaveLength(1);
    expect(picked[0]).toMatchObject({ kind: 'click', facts: { tag: 'button', name: 'Valider' } });
  });

  it('takes the field for a click on its label, and keeps nothing typed in it', () => {
    click(document.querySelector('label') as Element);
    expect(picked[0]).toMatchObject({
      facts: { tag: 'input', nameAttr: 'username', label: expect.stringMatching(/^Identifiant/) },
      inputType: 'text',
    });
    expect(JSON.stringify(picked)).not.toContain('jeanne');
  });

  it('ignores a page script’s click and a click on our own UI', () => {
    click(document.querySelector('button') as Element, false);
    click(ownUi);
    expect(picked).toEqual([]);
    click(document.querySelector('button') as Element);
    expect(picked).toHaveLength(1);
  });

  it('takes nothing once stopped', () => {
    stop();
    click(document.querySelector('button') as Element);
    expect(picked).toEqual([]);
  });
});
