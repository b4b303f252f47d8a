import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  accessibleName,
  contextOf,
  hrefPath,
  idStem,
  isGeneratedId,
  isStableClass,
  labelText,
  neighbourText,
  roleOf,
  textOf,
  visibleText,
} from '../../../utils/locate/facts';
import { normalize } from '../../../utils/locate/score';
import { dsfrContent, INTERACTIVE } from './dsfr-fixtures';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('isGeneratedId', () => {
  const generated = [
    'family-name-9174',
    'family-name-9070',
    'button-8953',
    'password-7720-input',
    'field_12',
    'input42',
    ':r1:',
    ':R2d:',
    '«r3»',
    '_r_5_',
    '123e4567-e89b-12d3-a456-426614174000',
    'ember123',
    'mui-42',
    'mat-input-0',
    'headlessui-menu-button-:r1:',
    'a7f3k9x2',
    'cdk-overlay-3',
    'ui-id-7',
    'css-1x2y3z4',
  ];
  const stable = ['identity', 'content', 'email', 'fr-radios-theme-light', 'login-form', 'password', 'main-menu', 'given-name'];
  it.each(generated)('%s is generated', (id) => expect(isGeneratedId(id)).toBe(true));
  it.each(stable)('%s is stable', (id) => expect(isGeneratedId(id)).toBe(false));

  it('gives regenerated ids the same stem', () => {
    expect(idStem('given-8947')).toBe(idStem('given-8794'));
    expect(idStem('given-8947')).not.toBe(idStem('family-name-8942'));
  });
});

describe('isStableClass', () => {
  it.each(['fr-btn', 'fr-input', 'fr-btn--secondary', 'fr-nav__btn', 'login-button'])('keeps %s', (c) =>
    expect(isStableClass(c)).toBe(true),
  );
  it.each(['fr-mt-2v', 'fr-mb-md-14v', 'fr-col-12', 'is-active', 'active', 'fr-btn--active', 'css-1x2y3z', 'sc-a1b2c3', 'fr-sr-only'])(
    'drops %s',
    (c) => expect(isStableClass(c)).toBe(false),
  );
});

describe('hrefPath', () => {
  const link = (href: string) => {
    document.body.innerHTML = `<a href="${href}">x</a>`;
    return document.querySelector('a') as Element;
  };
  it('keeps the path and the sorted query keys, never the origin or the values', () => {
    const p = hrefPath(link('https://impots.example/demarche/declarer?token=abc123&annee=2024'));
    expect(p).toBe('/demarche/declarer?annee&token');
    expect(p).not.toContain('abc123');
    expect(p).not.toContain('impots.example');
  });
  it('keeps in-page anchors and ignores empty links', () => {
    expect(hrefPath(link('#content'))).toBe('#content');
    expect(hrefPath(link('#'))).toBeUndefined();
    expect(hrefPath(link('javascript:void(0)'))).toBeUndefined();
  });
});

describe('text facts', () => {
  it('reads page text but never form controls or editable regions', () => {
    document.body.innerHTML = `<div id="d">Avant <input value="secret-typed"><textarea>brouillon</textarea><span contenteditable="true">tapé</span><select><option>Choix</option></select> après</div>`;
    (document.querySelector('input') as HTMLInputElement).value = 'secret-typed';
    const t = textOf(document.getElementById('d') as Element);
    expect(t).toBe('Avant après');
  });

  it('keeps the label apart from the DSFR hint', () => {
    document.body.innerHTML = `<label for="u">Identifiant <span class="fr-hint-text">Format attendu : nom@domaine.fr</span></label><input id="u">`;
    expect(labelText(document.getElementById('u') as Element)).toBe('Identifiant');
  });

  it('gives no visible text for text inputs, the value attribute for input buttons', () => {
    document.body.innerHTML = `<input id="a" value="x"><input id="b" type="submit" value="Envoyer le formulaire">`;
    expect(visibleText(document.getElementById('a') as Element)).toBeUndefined();
    expect(visibleText(document.getElementById('b') as Element)).toBe('Envoyer le formulaire');
  });

  it('finds the context in the legend, else the preceding heading, within the same landmark', () => {
    document.body.innerHTML = `
      <main><h2>Adresse</h2><div><p>texte</p><button id="b1">Valider</button></div>
      <form><fieldset><legend>Identité <span class="fr-hint-text">aide</span></legend><input id="i"></fieldset></form></main>
      <footer><a id="f" href="/x">Plan</a></footer>`;
    expect(contextOf(document.getElementById('b1') as Element)).toBe('Adresse');
    expect(contextOf(document.getElementById('i') as Element)).toBe('Identité');
    expect(contextOf(document.getElementById('f') as Element)).toBeUndefined();
  });

  it('gives a fieldset the legend of the fieldset around it, not its own legend', () => {
    document.body.innerHTML = `
      <form><fieldset><legend>Identité personnelle</legend>
        <fieldset id="sexe"><legend>Sexe</legend><input type="radio" id="r" name="sex"></fieldset>
      </fieldset></form>`;
    expect(contextOf(document.getElementById('sexe') as Element)).toBe('Identité personnelle');
    expect(contextOf(document.getElementById('r') as Element)).toBe('Sexe');
  });

  it('reads the nearest sibling text, previous first, climbing up', () => {
    document.body.innerHTML = `<ul><li><button>Précédent</button></li><li><button id="v">Valider</button></li></ul>`;
    expect(neighbourText(document.getElementById('v') as Element)).toBe('Précédent');
  });
});

describe('light role and name agree with dom-accessibility-api on DSFR pages', () => {
  const pages = [
    '@gouvfr/dsfr/example/layout/page/register/2-steps/2b-identity/index.html',
    '@gouvfr/dsfr/example/layout/page/register/2-steps/2a-login/index.html',
    '@gouvfr/dsfr/example/layout/page/register/2-steps/2c-address/index.html',
    '@gouvfr/dsfr/example/layout/page/login/1-default/index.html',
    '@gouvfr/dsfr/example/layout/pattern/address/index.html',
    '@gouvfr/dsfr/example/layout/pattern/civility/index.html',
    '@gouvfr/dsfr/example/layout/pattern/date/index.html',
    '@gouvfr/dsfr/example/layout/pattern/tel/index.html',
    'dsfr-1.9.3/example/page/account/register/2-steps/2b-identity/index.html',
    'dsfr-1.12.1/example/page/account/login/1-default/index.html',
  ];
  it.each(pages)('%s', (page) => {
    document.body.innerHTML = dsfrContent(page);
    const els = Array.from(document.querySelectorAll(INTERACTIVE));
    expect(els.length).toBeGreaterThan(3);
    for (const el of els) {
      expect({ el: el.outerHTML.slice(0, 80), role: roleOf(el) }).toEqual({
        el: el.outerHTML.slice(0, 80),
        role: getRole(el) ?? undefined,
      });
      const full = normalize(computeAccessibleName(el)).replace(/ /g, '');
      const light = normalize(accessibleName(el) ?? '').replace(/ /g, '');
      expect({ el: el.outerHTML.slice(0, 80), name: light }).toEqual({ el: el.outerHTML.slice(0, 80), name: full });
    }
  });
});
