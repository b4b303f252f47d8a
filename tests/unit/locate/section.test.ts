/**
 * The section fact (heading of the element's block, rank among its kind there) and what
 * `locate` does with it: twins of different examples, a label reworded in the same slot,
 * modifier classes — never a wrong element.
 */
import { beforeEach, expect, it, describe as suite } from 'vitest';
import { rewordNeighbours, rng } from '../../../bench/browser/mutations';
import { describe } from '../../../utils/locate/describe';
import { contextOf, sectionHeadingOf } from '../../../utils/locate/facts';
import { locate } from '../../../utils/locate/locate';

const $ = (s: string) => document.querySelector(s) as Element;

const accordion = (id: string, label: string, body = '<h4>Contenu</h4><p>Texte</p>') =>
  `<section class="fr-accordion"><h3 class="fr-accordion__title"><button type="button" class="fr-accordion__btn" id="${id}" aria-controls="c-${id}">${label}</button></h3><div class="fr-collapse" id="c-${id}">${body}</div></section>`;

const example = (heading: string, inner: string) => `<h3>${heading}</h3><div class="fr-mb-6v">${inner}</div>`;

const passwords = (label: string, n: number) =>
  [
    ['Mot de passe simple', 1],
    ['Mot de passe avec description', 2],
  ]
    .map(([h, k]) =>
      example(
        h as string,
        `<div class="fr-password"><label class="fr-label" for="pw-${n}-${k}">${label}</label><input class="fr-input" type="password" id="pw-${n}-${k}">
        <div class="fr-checkbox-group"><input type="checkbox" id="show-${n}-${k}"><label for="show-${n}-${k}">Afficher</label></div></div>`,
      ),
    )
    .join('');

beforeEach(() => {
  document.body.innerHTML = '';
});

suite('facts', () => {
  it('gives an accordion of a group the heading of its example, not the body of the accordion before', () => {
    document.body.innerHTML = `<main>${example('Groupe d’accordéons', `<div class="fr-accordions-group">${accordion('a1', 'Libellé accordéon')}${accordion('a2', 'Libellé accordéon')}</div>`)}</main>`;
    expect(contextOf($('#a2'))).toBe('Groupe d’accordéons');
    expect(sectionHeadingOf($('#a2'))?.textContent).toBe('Groupe d’accordéons');
  });

  it('records the section heading, rank and count among elements of the same kind', () => {
    document.body.innerHTML = `<main>${example('Boutons', '<button class="fr-btn" id="b1">Un</button><button class="fr-btn" id="b2">Deux</button><a href="/x">Lien</a>')}${example('Autres', '<button class="fr-btn" id="b3">Trois</button>')}</main>`;
    expect(describe($('#b2')).section).toEqual({ heading: 'Boutons', index: 1, count: 2 });
    expect(describe($('#b3')).section).toEqual({ heading: 'Autres', index: 0, count: 1 });
  });
});

suite('locate with the section', () => {
  it('tells apart twins of different examples by their section', () => {
    document.body.innerHTML = `<main>${passwords('Mot de passe', 1)}</main>`;
    const d = describe($('#show-1-2'));
    // Another version: ids regenerated, one more example before, so rank and count of all twins changed.
    document.body.innerHTML = `<main>${example('Nouvel exemple', '<div class="fr-checkbox-group"><input type="checkbox" id="x"><label for="x">Afficher</label></div>')}${passwords('Mot de passe', 7)}</main>`;
    const r = locate({ ...d, twin: undefined, cssPath: undefined }, document);
    expect(r.status).toBe('found');
    if (r.status === 'found') expect(r.element.id).toBe('show-7-2');
  });

  it('prefers the section with the very same heading over one whose heading contains it', () => {
    const page = (n: number) =>
      `<main>${['Mot de passe', 'Mot de passe avec description']
        .map((h, k) =>
          example(
            h,
            `<div class="fr-checkbox-group"><input type="checkbox" id="show-${n + k}"><label for="show-${n + k}">Afficher</label></div>`,
          ),
        )
        .join('')}</main>`;
    document.body.innerHTML = page(10);
    const d = describe($('#show-10'));
    document.body.innerHTML = page(50);
    const r = locate({ ...d, twin: undefined, cssPath: undefined }, document);
    expect(r.status).toBe('found');
    if (r.status === 'found') expect(r.element.id).toBe('show-50');
  });

  it('recognises a label reworded in the very same slot', () => {
    const page = (label: string, n: number) =>
      `<main>${example('Bouton désactivé', `<button class="fr-btn" id="button-${n}" disabled>${label}</button>`)}${example('Bouton secondaire', `<button class="fr-btn fr-btn--secondary" id="button-${n + 1}">${label}</button>`)}${example('Bouton simple', `<button class="fr-btn" id="button-${n + 2}">${label}</button>`)}</main>`;
    document.body.innerHTML = page('Label bouton', 752);
    const d = describe($('#button-752'));
    document.body.innerHTML = page('Libellé bouton', 1530);
    const r = locate(d, document);
    expect(r.status).toBe('found');
    if (r.status === 'found') expect(r.element.id).toBe('button-1530');
  });

  it('trusts a rank among reworded twins only while their section holds as many of the kind', () => {
    const page = (labels: string[], n: number) =>
      `<main>${example('Groupe de boutons', labels.map((l, k) => `<button class="fr-btn" id="button-${n + k}">${l}</button>`).join(''))}</main>`;
    document.body.innerHTML = page(['Label bouton', 'Label bouton'], 10);
    const d = describe($('#button-11'));
    document.body.innerHTML = page(['Libellé bouton', 'Libellé bouton', 'Libellé bouton'], 90);
    expect(locate(d, document).status).not.toBe('found');
    document.body.innerHTML = page(['Libellé bouton', 'Libellé bouton'], 90);
    const r = locate(d, document);
    expect(r.status).toBe('found');
    if (r.status === 'found') expect(r.element.id).toBe('button-91');
  });

  it('does not take a shortened heading, another kind or a contradicted name for the same slot', () => {
    const page = (heading: string, label: string, n: number) =>
      `<main>${example(heading, `<button class="fr-btn" id="button-${n}">${label}</button>`)}</main>`;
    document.body.innerHTML = page('Bouton + label à gauche', 'Label bouton', 1234);
    const d = describe($('button'));
    document.body.innerHTML = page('Bouton', 'Libellé bouton', 5678);
    expect(locate(d, document).status).not.toBe('found');
    document.body.innerHTML = page('Bouton + label à gauche', 'Supprimer le compte', 5678);
    expect(locate(d, document).status).not.toBe('found');
  });

  it('never picks the newcomer that took the slot of a removed twin', () => {
    const form = (legend: string, n: number) =>
      `<form class="f"><fieldset><legend>${legend}</legend><button type="button" class="fr-btn" id="button-${n}">Précédent</button></fieldset></form>`;
    document.body.innerHTML = `<main><h1>Compte</h1>${form('Identité', 11)}${form('Coordonnées', 12)}</main>`;
    const d = describe($('#button-12'));
    $('#button-12').closest('form')?.remove();
    $('main').insertAdjacentHTML('beforeend', form('Adresse postale', 13));
    const r = locate(d, document);
    expect(r.status).not.toBe('found');
  });

  it('tells FranceConnect+ from FranceConnect by its modifier class only', () => {
    const page = (n: number) =>
      `<main><div class="fr-connect-group"><button class="fr-connect" id="connect-${n}">S’identifier avec FranceConnect</button></div><div class="fr-connect-group"><button class="fr-connect fr-connect--plus" id="connect-${n + 1}">S’identifier avec FranceConnect</button></div></main>`;
    document.body.innerHTML = page(100);
    const d = describe($('#connect-101'));
    document.body.innerHTML = page(500);
    const r = locate({ ...d, twin: undefined, cssPath: undefined }, document);
    expect(r.status).toBe('found');
    if (r.status === 'found') expect(r.element.id).toBe('connect-501');
    // The plus button gone: the plain one is not taken for it.
    $('#connect-501').remove();
    expect(locate({ ...d, twin: undefined }, document).status).not.toBe('found');
  });
});

suite('bench reword mutation', () => {
  it('keeps the names of the target and of the other targets of the trial', () => {
    document.body.innerHTML = `<main><form><h2>Identifiants de connexion</h2>${passwords('Mot de passe', 1)}</form></main>`;
    const pw = $('#pw-1-1');
    const show = $('#show-1-1');
    for (let seed = 1; seed < 20; seed++) {
      const r = rng(seed);
      rewordNeighbours(r, show, [pw, show]);
      rewordNeighbours(r, pw, [pw, show]);
    }
    expect($('label[for="pw-1-1"]').textContent).toBe('Mot de passe');
    expect($('label[for="show-1-1"]').textContent).toBe('Afficher');
    expect($('h2').textContent).not.toBe('Identifiants de connexion');
  });
});
