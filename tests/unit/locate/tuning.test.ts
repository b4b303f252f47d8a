import { beforeEach, expect, it, describe as suite } from 'vitest';
import { describe } from '../../../utils/locate/describe';
import { locate } from '../../../utils/locate/locate';
import { contextSimilarity, scoreFacts, textSimilarity } from '../../../utils/locate/score';

const $ = (sel: string, root: ParentNode = document) => root.querySelector(sel) as Element;
const expectFound = (r: ReturnType<typeof locate>, el: Element) => {
  expect(r.status).toBe('found');
  if (r.status === 'found') expect(r.element).toBe(el);
};

beforeEach(() => {
  document.body.innerHTML = '';
});

suite('lookalikes (alike)', () => {
  const CNIL = (ids: [number, number]) => `<main><form><fieldset><legend>Se créer un compte</legend>
    <div id="a"><input type="checkbox" id="cnil-${ids[0]}" name="cnil"><label for="cnil-${ids[0]}">Mention CNIL</label></div>
    <div id="b"><input type="checkbox" id="cnil-${ids[1]}" name="cnil"><label for="cnil-${ids[1]}">Mention CNIL</label></div>
  </fieldset></form></main>`;

  it('records how many elements look the same, the target included', () => {
    document.body.innerHTML = CNIL([1, 2]);
    expect(describe($('#cnil-2')).alike).toBe(2);
    document.body.innerHTML = '<button>Valider</button><button>Annuler</button>';
    expect(describe($('button')).alike).toBe(1);
  });

  it('does not return the lookalike left when one of two identical checkboxes is removed', () => {
    document.body.innerHTML = CNIL([8610, 8611]);
    const d = describe($('#cnil-8611'));
    document.body.innerHTML = CNIL([9010, 9011]);
    $('#b').remove();
    // Without `alike`, the one left is returned: it agrees on every fact but the generated id.
    const { alike: _, twin: __, ...old } = d;
    expect(locate(old, document).status).toBe('found');
    expect(locate(d, document).status).not.toBe('found');
  });

  it('does not return a breadcrumb lookalike once the target link is gone', () => {
    const crumbs = `<nav><ol><li><a href="/">Accueil</a></li><li><a class="fr-breadcrumb__link" href="/segment-1">Nom de la page</a></li>
      <li><a class="fr-breadcrumb__link" href="/segment-2">Nom de la page</a></li><li><a aria-current="page">Ici</a></li></ol></nav>`;
    document.body.innerHTML = crumbs;
    const d = describe($('a[href="/segment-1"]'));
    expect(d.alike).toBe(2);
    $('a[href="/segment-1"]').parentElement?.remove();
    expect(locate(d, document).status).not.toBe('found');
  });

  it('still finds the unique field, same id, when every text around it was reworded', () => {
    document.body.innerHTML = `<main><h2>Se connecter avec son compte</h2><form><fieldset><legend>Vos identifiants</legend>
      <label for="password-7720">Mot de passe</label><input id="password-7720" type="password" name="password">
      <label for="login-7721">Identifiant</label><input id="login-7721" type="text" name="login"></fieldset></form></main>`;
    const d = describe($('#password-7720'));
    expect(d.alike).toBe(1);
    $('legend').textContent = 'veuillez saisir merci information indiquer';
    $('h2').textContent = 'nouveau votre renseigner';
    const { alike: _, ...old } = d;
    expect(locate(old, document).status).not.toBe('found');
    expectFound(locate(d, document), $('#password-7720'));
  });

  it('does not take a newcomer lookalike elsewhere for the unique target that is gone', () => {
    document.body.innerHTML = `<main><form><fieldset><legend>Identité</legend>
      <label for="family-1003">Nom</label><input id="family-1003" name="family-name"></fieldset></form></main>`;
    const d = describe($('#family-1003'));
    $('form').insertAdjacentHTML(
      'afterend',
      '<form><fieldset><legend>Adresse postale</legend><label for="copy-1003">Nom</label><input id="copy-1003" name="family-name"></fieldset></form>',
    );
    $('#family-1003').remove();
    expect(locate(d, document).status).not.toBe('found');
  });
});

suite('scoring', () => {
  it('treats heading levels as compatible (h2 → h1)', () => {
    document.body.innerHTML = '<main><h2>Création de compte</h2><p>Chapô</p></main>';
    const d = describe($('h2'));
    document.body.innerHTML = '<main><h1 class="fr-h2">Création de compte</h1><p>Chapô</p></main>';
    expectFound(locate(d, document), $('h1'));
  });

  it('compares hrefs without their version segment', () => {
    const d = { tag: 'a', href: '/1.12.1/example/component/button/x' };
    const same = scoreFacts(d, { tag: 'a', href: '/1.14.4/example/component/button/x' });
    const other = scoreFacts(d, { tag: 'a', href: '/1.14.4/example/component/link/y' });
    expect(same.points).toBe(same.total);
    expect(other.points).toBeLessThan(other.total);
  });

  it('matches a heading that lost or gained words better than plain text similarity does', () => {
    const a = 'Toggle simple avec bouton + libellé à droite + état';
    const b = 'Toggle simple avec bouton + état';
    expect(textSimilarity(a, b)).toBeLessThan(0.8);
    expect(contextSimilarity(a, b)).toBeGreaterThanOrEqual(0.8);
    // Words of its own on both sides: no boost.
    expect(contextSimilarity('Barre de recherche LG', 'Barre de recherche MD (par défaut)')).toBe(
      textSimilarity('Barre de recherche LG', 'Barre de recherche MD (par défaut)'),
    );
  });

  it('reads plural marks as the same word', () => {
    expect(textSimilarity('Libellé champs de saisie', 'Libellé champ de saisie')).toBeGreaterThanOrEqual(0.9);
    expect(contextSimilarity('Champs de type "text"', 'Champ de type "text"')).toBeGreaterThanOrEqual(0.9);
  });
});

suite('speed-minded pruning', () => {
  it('finds a field among many by its name attribute without leaving candidates unscored', () => {
    let html = '<main><form>';
    for (let i = 0; i < 300; i++) html += `<label for="f-${i}">Nom${i % 7}</label><input id="f-${i}" name="f-${i}" type="text">`;
    html += '<label for="fisc-1">Numéro fiscal</label><input id="fisc-1" name="numero-fiscal" type="text"></form></main>';
    document.body.innerHTML = html;
    const d = describe($('#fisc-1'));
    document.body.innerHTML = html.replace('fisc-1', 'fisc-2').replace('fisc-1', 'fisc-2');
    // With a cap lower than the number of text fields, only pruning lets the answer be "found".
    expectFound(locate(d, document, { maxFullChecks: 20 }), $('#fisc-2'));
  });

  it('sees a change made just before a search (cached page index)', () => {
    document.body.innerHTML = '<main><div role="button" class="x">Envoyer</div><span class="y">Envoyer</span></main>';
    const d = describe($('.x'));
    expectFound(locate(d, document), $('.x'));
    // Same tick: the role moves to another element (found through the cached list of [role] elements).
    $('.x').removeAttribute('role');
    $('.y').setAttribute('role', 'button');
    expectFound(locate(d, document), $('.y'));
  });
});

suite('twins and lookalikes', () => {
  it('does not pick a twin by rank once one of the twins of its section is gone', () => {
    const block = (h: string) =>
      `<section><h2>${h}</h2><div class="ex"><button class="fr-accordion__btn" type="button">Extrait de code</button></div>` +
      `<div class="ex"><button class="fr-accordion__btn" type="button">Extrait de code</button></div></section>`;
    document.body.innerHTML = `<main>${block('Demande du titre')}${block('Autre demande')}</main>`;
    const buttons = () => Array.from(document.querySelectorAll('button'));
    const target = buttons()[1] as Element;
    const d = describe(target);
    expect(d.twin).toEqual({ index: 1, count: 2 });
    expect(d.alike).toBe(4);
    target.remove();
    // The twin left in its section is not the target, whatever its rank.
    expect(locate(d, document).status).not.toBe('found');
    // Lookalikes gone elsewhere, its section intact: the rank among its twins still holds.
    document.body.innerHTML = `<main>${block('Demande du titre')}${block('Autre demande')}</main>`;
    buttons()[3]?.remove();
    const r = locate(d, document);
    expect(r.status).toBe('found');
    if (r.status === 'found') expect(r.element).toBe(buttons()[1]);
  });
});
