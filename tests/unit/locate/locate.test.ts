import { beforeEach, expect, it, describe as suite } from 'vitest';
import { describe } from '../../../utils/locate/describe';
import { locate } from '../../../utils/locate/locate';

const $ = (sel: string, root: ParentNode = document) => root.querySelector(sel) as Element;

const FORM = `
  <main>
    <form id="identity"><fieldset><legend>Identité</legend>
      <div class="fr-input-group"><label class="fr-label" for="family-name-8942">Nom</label>
        <input class="fr-input" name="family-name" autocomplete="family-name" id="family-name-8942" type="text"></div>
      <div class="fr-input-group"><label class="fr-label" for="given-8947">Prénom</label>
        <input class="fr-input" name="given-name" autocomplete="given-name" id="given-8947" type="text"></div>
      <div class="fr-input-group"><label class="fr-label" for="pw-1">Mot de passe</label>
        <input class="fr-input" name="password" autocomplete="new-password" id="pw-1" type="password"></div>
      <ul class="fr-btns-group"><li><button class="fr-btn fr-btn--secondary" id="button-8953">Précédent</button></li>
        <li><button class="fr-btn" id="button-8954" type="submit">Valider</button></li></ul>
    </fieldset></form>
    <form id="address"><fieldset><legend>Adresse postale</legend>
      <div class="fr-input-group"><label class="fr-label" for="street-8960">Numéro et voie</label>
        <input class="fr-input" name="street" id="street-8960" type="text"></div>
      <ul class="fr-btns-group"><li><button class="fr-btn" id="button-8961" type="submit">Valider</button></li></ul>
    </fieldset></form>
  </main>`;

const expectFound = (r: ReturnType<typeof locate>, el: Element) => {
  expect(r.status).toBe('found');
  if (r.status === 'found') expect(r.element).toBe(el);
};

beforeEach(() => {
  document.body.innerHTML = FORM;
});

suite('locate', () => {
  it('finds each element of the page it was described on', () => {
    for (const el of Array.from(document.querySelectorAll('input, button'))) expectFound(locate(describe(el), document), el);
  });

  it('tells two "Valider" buttons apart by their form', () => {
    const first = describe($('#button-8954'));
    const second = describe($('#button-8961'));
    expectFound(locate(first, document), $('#button-8954'));
    expectFound(locate(second, document), $('#button-8961'));
  });

  it('survives regenerated ids, renamed classes, inserted wrappers and reordered siblings', () => {
    const descs = Array.from(document.querySelectorAll('input, button'), (el) => ({
      d: describe(el),
      name: el.getAttribute('name'),
      text: el.textContent?.trim(),
      form: el.closest('form')?.id,
    }));
    document.body.innerHTML = FORM.replace(/-(\d{3,})/g, (_, n) => `-${Number(n) + 157}`)
      .replace(/fr-input"/g, 'fr-input fr-input--v2"')
      .replace(/class="fr-input-group"/g, 'class="fr-input-group"><div class="wrapper"')
      .replace(/<\/div>(\s*<div class="fr-input-group">|\s*<ul)/g, '</div></div>$1')
      .replace(/<li>(<button class="fr-btn fr-btn--secondary"[\s\S]*?<\/li>)\s*(<li>[\s\S]*?Valider<\/button><\/li>)/, '$2$1');
    // The fixture really changed: ids differ, wrappers exist, "Valider" now comes first.
    expect(document.getElementById('family-name-8942')).toBeNull();
    expect(document.querySelectorAll('.wrapper').length).toBe(4);
    expect($('#identity .fr-btns-group li button').textContent).toBe('Valider');
    for (const { d, name, text, form } of descs) {
      const expected = Array.from(document.querySelectorAll(`#${form} input, #${form} button`)).find((e) =>
        name ? e.getAttribute('name') === name : e.textContent?.trim() === text,
      ) as Element;
      expectFound(locate(d, document), expected);
    }
  });

  it('does not take a password field for a text field, nor the reverse', () => {
    const pw = describe($('#pw-1'));
    $('#pw-1').remove();
    const r = locate(pw, document);
    expect(r.status).toBe('not-found');
  });

  it('returns not-found, never the lookalike, when the real target is gone', () => {
    const valider = describe($('#button-8954'));
    $('#button-8954').remove();
    const r = locate(valider, document);
    expect(r.status).not.toBe('found');
    if (r.status === 'ambiguous') expect(r.candidates).not.toContain($('#button-8961'));
  });

  it('returns not-found when the lookalike has no context at all', () => {
    const valider = describe($('#button-8954'));
    document.body.innerHTML = '<div><button class="fr-btn" type="submit">Valider</button></div>';
    expect(locate(valider, document).status).toBe('not-found');
  });

  it('is ambiguous between identical twins, and names them', () => {
    document.body.innerHTML = '<p>Choisir</p><div><button class="b">Ouvrir</button></div><div><button class="b">Ouvrir</button></div>';
    const d = describe($('button'));
    // Told apart at record time by their neighbours and path only: recorded as twins, with a rank.
    expect(d.twin).toEqual({ index: 0, count: 2 });
    delete d.cssPath;
    delete d.neighbourText;
    expectFound(locate(d, document), $('button'));
    delete d.twin;
    const r = locate(d, document);
    expect(r.status).toBe('ambiguous');
    if (r.status === 'ambiguous') expect(r.candidates).toEqual(Array.from(document.querySelectorAll('button')));
  });

  it('skips hidden elements: hidden attribute, display:none, visibility:hidden, aria-hidden subtree', () => {
    const d = describe($('#street-8960'));
    expectFound(locate(d, document), $('#street-8960'));
    const cases: ((s: HTMLElement) => void)[] = [
      (s) => s.setAttribute('hidden', ''),
      (s) => (s.style.display = 'none'),
      (s) => (s.style.visibility = 'hidden'),
      (s) => (s.closest('.fr-input-group') as HTMLElement).setAttribute('aria-hidden', 'true'),
      (s) => ((s.closest('fieldset') as HTMLElement).style.display = 'none'),
    ];
    for (const hide of cases) {
      document.body.innerHTML = FORM;
      const s = $('#street-8960') as HTMLElement;
      hide(s);
      expect(locate(d, document).status).toBe('not-found');
    }
  });

  it('accepts a compatible tag: a button that became a link styled as a button', () => {
    document.body.innerHTML = '<h2>Vous n’avez pas de compte ?</h2><button type="button" class="fr-btn">Créer un compte</button>';
    const d = describe($('button'));
    document.body.innerHTML = '<h2>Vous n’avez pas de compte ?</h2><a class="fr-btn" href="/inscription">Créer un compte</a>';
    expectFound(locate(d, document), $('a'));
  });

  it('finds elements inside open shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div><label for="ref">Numéro fiscal de référence</label><input id="ref" name="other">';
    const sr = ($('#host') as HTMLElement).attachShadow({ mode: 'open' });
    sr.innerHTML = '<form><label for="spi">Numéro fiscal</label><input id="spi" name="spi" autocomplete="off"></form>';
    const target = $('input', sr);
    const d = describe(target);
    expectFound(locate(d, document), target);
    // A re-render inside the shadow root: a new node, same facts.
    sr.innerHTML = '<form><div><label for="spi-2">Numéro fiscal</label><input id="spi-2" name="spi" autocomplete="off"></div></form>';
    expectFound(locate(d, document), $('input', sr));
  });

  it('searches a given subtree only', () => {
    const d = describe($('#button-8961'));
    expect(locate(d, $('#identity')).status).not.toBe('found');
    expectFound(locate(d, $('#address')), $('#button-8961'));
  });

  it('finds elements inside same-origin iframes and records the frame path', async () => {
    document.body.innerHTML = '<p>Page</p>';
    const frame = document.createElement('iframe');
    frame.id = 'f';
    frame.srcdoc = '<form><label for="x">Code postal</label><input id="x" name="postal-code"></form>';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument as Document;
    // happy-dom links the frame's window to neither its parent nor its <iframe>; browsers do.
    if (!doc.defaultView?.frameElement) Object.defineProperty(doc.defaultView, 'frameElement', { value: frame });
    const target = doc.querySelector('input') as Element;
    expect(target).toBeTruthy();
    const d = describe(target);
    expect(d.framePath).toEqual(['#f']);
    expectFound(locate(d, document), target);
    // Frames can be left out on demand.
    expect(locate(d, document, { frames: false }).status).toBe('not-found');
  });
});
