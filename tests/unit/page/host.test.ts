/**
 * Our UI's host in a page: a closed shadow root, in the page only while
 * attached, and controls that obey only the person's own press or key.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageHost } from '../../../components/page/host';
import { obeyPersonOnly } from '../../../components/page/person-input';

const fire = (node: EventTarget, type: string) => node.dispatchEvent(new Event(type, { bubbles: true, composed: true, cancelable: true }));

describe('the page host', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('cote-a-cote-test')) el.remove();
  });

  it('is closed to the page, styled inside, and in the page only while attached', () => {
    const life = new AbortController();
    const page = createPageHost({ name: 'cote-a-cote-test', css: '.x { color: red }', signal: life.signal });
    expect(document.querySelector('cote-a-cote-test')).toBeNull();
    page.attach();
    page.attach();
    expect(document.querySelectorAll('cote-a-cote-test')).toHaveLength(1);
    expect(page.host.parentElement).toBe(document.documentElement);
    expect(page.host.shadowRoot).toBeNull();
    expect(page.shadow.mode).toBe('closed');
    expect(page.shadow.querySelector('style')?.textContent).toContain('.x { color: red }');
    expect(page.contains(page.container)).toBe(true);
    expect(page.contains(page.host)).toBe(true);
    expect(page.contains(document.body)).toBe(false);
    page.detach();
    expect(page.host.isConnected).toBe(false);
    page.attach();
    life.abort();
    expect(page.host.isConnected).toBe(false);
    // Its script stopped: the host never comes back into the page.
    page.attach();
    expect(page.host.isConnected).toBe(false);
  });

  it('keeps key presses in our UI from the page', () => {
    const page = createPageHost({ name: 'cote-a-cote-test', css: '' });
    page.attach();
    const input = document.createElement('input');
    page.container.append(input);
    const pageHeard = vi.fn();
    document.addEventListener('keydown', pageHeard);
    fire(input, 'keydown');
    expect(pageHeard).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageHeard);
  });
});

describe('obeyPersonOnly', () => {
  /** A closed root with two buttons and a labelled box, guarded; `trusted` says which events count as the browser's. */
  function setUp(trusted: (event: Event) => boolean) {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = `<button id="done">C'est fait</button><button id="back">Retour</button>
      <label id="label" for="box">Lien</label><input id="box" type="checkbox"><p id="text">Texte</p>`;
    document.body.append(host);
    const life = new AbortController();
    obeyPersonOnly(root, { signal: life.signal, isTrusted: trusted });
    const get = (id: string) => root.getElementById(id) as HTMLElement;
    const clicked = vi.fn();
    for (const id of ['done', 'back', 'box', 'text']) get(id).addEventListener('click', () => clicked(id));
    const keyed = vi.fn();
    get('done').addEventListener('keydown', keyed);
    return { host, get, clicked, keyed, life };
  }

  it('a click acts only after the person’s own press or key on that very control', () => {
    const { get, clicked, life } = setUp(() => true);
    get('done').click();
    expect(clicked).not.toHaveBeenCalled();
    fire(get('back'), 'pointerdown');
    get('done').click();
    expect(clicked).not.toHaveBeenCalled();
    fire(get('done'), 'keydown');
    get('done').click();
    expect(clicked).toHaveBeenCalledWith('done');
    // Assistive technologies press with a mousedown.
    fire(get('back'), 'mousedown');
    get('back').click();
    expect(clicked).toHaveBeenLastCalledWith('back');
    // A label passes its press to its control.
    fire(get('label'), 'pointerdown');
    get('box').click();
    expect(clicked).toHaveBeenLastCalledWith('box');
    // Not on a control: nothing to guard.
    get('text').click();
    expect(clicked).toHaveBeenLastCalledWith('text');
    life.abort();
  });

  it('an untrusted event never reaches our controls, even after the person’s press', () => {
    const isTrusted = (event: Event) => !(event as Event & { scripted?: boolean }).scripted;
    const { get, clicked, keyed, life } = setUp(isTrusted);
    const scripted = (node: HTMLElement, type: string) => {
      const event = Object.assign(new Event(type, { bubbles: true, composed: true, cancelable: true }), { scripted: true });
      node.dispatchEvent(event);
      return event;
    };
    fire(get('done'), 'pointerdown');
    const click = scripted(get('done'), 'click');
    scripted(get('done'), 'keydown');
    expect(clicked).not.toHaveBeenCalled();
    expect(keyed).not.toHaveBeenCalled();
    expect(click.defaultPrevented).toBe(true);
    // A scripted press does not arm a control either.
    scripted(get('back'), 'pointerdown');
    get('back').click();
    expect(clicked).not.toHaveBeenCalled();
    life.abort();
    // Once stopped, nothing is guarded any more (the host is gone with it).
    get('back').click();
    expect(clicked).toHaveBeenCalledWith('back');
  });
});
