import { beforeEach, expect, it, describe as suite } from 'vitest';
import { describe } from '../../../utils/locate/describe';
import { targetSchema } from '../../../utils/locate/target';

const $ = (sel: string, root: ParentNode = document) => root.querySelector(sel) as Element;

beforeEach(() => {
  document.body.innerHTML = '';
});

suite('describe', () => {
  it('captures the facts of a DSFR text field, label apart from its hint', () => {
    document.body.innerHTML = `
      <form><fieldset><legend>Se connecter avec son compte</legend>
        <div class="fr-input-group fr-mt-2v">
          <label class="fr-label" for="username-7719">Identifiant <span class="fr-hint-text">Format attendu : nom@domaine.fr</span></label>
          <input class="fr-input fr-mb-1v" name="username" autocomplete="username" id="username-7719" type="text" placeholder="nom@exemple.fr">
        </div>
      </fieldset></form>`;
    const d = describe($('input'));
    expect(d).toMatchObject({
      tag: 'input',
      role: 'textbox',
      label: 'Identifiant',
      nameAttr: 'username',
      type: 'text',
      autocomplete: 'username',
      placeholder: 'nom@exemple.fr',
      id: 'username-7719',
      idGenerated: true,
      classes: ['fr-input'],
      context: 'Se connecter avec son compte',
      neighbourText: 'Identifiant',
    });
    expect(d.name).toContain('Identifiant');
    expect(d.text).toBeUndefined();
    expect(d.cssPath).toBeDefined();
    expect(d.cssPath).not.toContain('7719');
    expect(document.querySelector(d.cssPath as string)).toBe($('input'));
    expect(targetSchema.safeParse(d).success).toBe(true);
  });

  it('captures a button: text, name, explicit type, context, neighbour', () => {
    document.body.innerHTML = `<h2>Identité</h2><ul><li><button class="fr-btn fr-btn--secondary">Précédent</button></li>
      <li><button class="fr-btn" type="submit" id="button-8954">  Valider
      </button></li></ul>`;
    const d = describe($('#button-8954'));
    expect(d).toMatchObject({
      tag: 'button',
      role: 'button',
      name: 'Valider',
      text: 'Valider',
      type: 'submit',
      context: 'Identité',
      neighbourText: 'Précédent',
      idGenerated: true,
    });
    // A button without a type attribute records no type: the default is not a fact of the page.
    expect(describe($('button')).type).toBeUndefined();
  });

  it('captures a link href without origin nor query values', () => {
    document.body.innerHTML = `<a href="https://www.impots.gouv.fr/accueil/mon-espace?session=s3cr3t&lang=fr" data-testid="espace">Mon espace</a>`;
    const d = describe($('a'));
    expect(d.href).toBe('/accueil/mon-espace?lang&session');
    expect(d.testId).toBe('data-testid=espace');
    expect(JSON.stringify(d)).not.toContain('s3cr3t');
    expect(JSON.stringify(d)).not.toContain('impots.gouv.fr');
  });

  it('takes choiceValue from the value attribute of radios, never the value of text fields', () => {
    document.body.innerHTML = `<fieldset><legend>Sexe</legend><input type="radio" name="sex" id="f" value="F"><label for="f">Féminin</label></fieldset>
      <label for="t">Ville</label><input id="t" name="city" value="Page-default">`;
    expect(describe($('#f'))).toMatchObject({
      choiceValue: 'F',
      label: 'Féminin',
      nameAttr: 'sex',
      type: 'radio',
      role: 'radio',
      context: 'Sexe',
    });
    expect(describe($('#t')).choiceValue).toBeUndefined();
  });

  it('never captures what the person typed, anywhere in the description', () => {
    document.body.innerHTML = `
      <form><fieldset><legend>Coordonnées</legend>
        <label>Quantité <input id="q" name="qty"></label>
        <label for="e">Courriel</label><input id="e" type="email" name="email">
        <textarea id="m" name="message"></textarea>
        <div contenteditable="true" id="ce"></div>
        <button id="b" type="submit">Envoyer</button>
      </fieldset></form>`;
    const typed = {
      q: 'quarante-deux-unites',
      e: 'jeanne.martin@example.fr',
      m: 'mon message très personnel',
    } as const;
    for (const [id, v] of Object.entries(typed)) (document.getElementById(id) as HTMLInputElement).value = v;
    $('#ce').textContent = 'texte saisi librement';
    // A checkbox inside the label makes dom-accessibility-api embed the text field's value in the name.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<label><input type="checkbox" id="c"> Recevoir <input id="n" name="n"> exemplaires</label>',
    );
    (document.getElementById('n') as HTMLInputElement).value = 'douze-exemplaires';
    for (const sel of ['#q', '#e', '#m', '#ce', '#b', '#c', '#n']) {
      const json = JSON.stringify(describe($(sel)));
      for (const v of [...Object.values(typed), 'texte saisi librement', 'douze-exemplaires']) expect(json).not.toContain(v);
    }
    expect(describe($('#c')).name).toContain('Recevoir');
  });

  it('never keeps the position the person gave a slider, even when the slider names itself', () => {
    document.body.innerHTML = `<div class="fr-range-group"><label class="fr-label" id="r-label">Budget</label>
      <input id="r" name="r" type="range" aria-labelledby="r r-label" min="0" max="100" value="25"></div>`;
    const slider = $('#r') as HTMLInputElement;
    slider.value = '87';
    const d = describe(slider);
    expect(JSON.stringify(d)).not.toContain('87');
    expect(d.name).toBe('Budget');
  });

  it('marks generated ids and keeps them out of the css path', () => {
    document.body.innerHTML = `<div><input id=":r3:" name="a"></div><div><input id="nom-famille" name="b"></div>`;
    const gen = describe($('[name=a]'));
    expect(gen.idGenerated).toBe(true);
    expect(gen.cssPath).not.toContain('r3');
    const stable = describe($('[name=b]'));
    expect(stable.idGenerated).toBe(false);
  });

  it('keeps stable classes only', () => {
    document.body.innerHTML = `<button class="fr-btn fr-mt-2v is-active css-1x2y3z fr-btn--secondary">Ok</button>`;
    expect(describe($('button')).classes).toEqual(['fr-btn', 'fr-btn--secondary']);
  });

  it('describes elements inside an open shadow root with a path relative to it', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const sr = host.attachShadow({ mode: 'open' });
    sr.innerHTML = `<form><label for="x">Numéro fiscal</label><input id="x" name="spi"></form>`;
    const d = describe(sr.querySelector('input') as Element);
    expect(d).toMatchObject({ tag: 'input', label: 'Numéro fiscal', nameAttr: 'spi' });
    expect(sr.querySelector(d.cssPath as string)).toBe(sr.querySelector('input'));
    expect(d.framePath).toBeUndefined();
  });
});
