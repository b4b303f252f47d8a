/**
 * A generated page of about 10,000 elements with a realistic mix — a header
 * menu, nested layout divs, many forms with fieldsets, labels, hints, inputs,
 * selects, radios, buttons, and links — to time `locate` on a large page.
 * Two builds with different id counters stand for "recorded" and "played".
 */
import { rng } from './mutations';

const LABELS = [
  'Nom',
  'Prénom',
  'Adresse',
  'Code postal',
  'Ville',
  'Adresse électronique',
  'Téléphone',
  'Date de naissance',
  'Commentaire',
];
const BUTTONS = ['Valider', 'Annuler', 'Précédent', 'Enregistrer', 'Modifier'];
const LINKS = ['En savoir plus', 'Aide', 'Contact', 'Mentions légales', 'Accessibilité', 'Plan du site'];

export const BIG_PAGE_FIELD = { label: 'Numéro fiscal', section: 42 };
export const BIG_PAGE_BUTTON = { text: 'Valider la déclaration', section: 57 };

export function bigPageHtml(seed: number, idBase: number, targetElements = 10_000): string {
  const r = rng(seed);
  let id = idBase;
  let count = 0;
  const nextId = (p: string) => `${p}-${id++}`;
  const out: string[] = [];
  const el = (html: string, n = 1) => {
    count += n;
    out.push(html);
  };

  el('<header class="site-header"><nav aria-label="Menu principal"><ul class="menu">', 3);
  for (let i = 0; i < 150; i++) el(`<li class="menu__item"><a class="menu__link" href="/rubrique/${i}">Rubrique ${i}</a></li>`, 2);
  el('</ul></nav></header><main id="contenu">', 1);

  for (let s = 0; count < targetElements - 400; s++) {
    const depth = 2 + Math.floor(r() * 4);
    for (let d = 0; d < depth; d++) el(`<div class="layout layout--${d} col-${Math.floor(r() * 12)}">`);
    el(
      `<section class="block"><h2 class="block__title">Rubrique ${s}</h2><p class="block__lead">Texte d’introduction de la rubrique ${s}.</p>`,
      3,
    );
    const formId = nextId('form');
    el(`<form id="${formId}" class="form"><fieldset class="fieldset"><legend class="legend">Renseignements ${s}</legend>`, 3);
    const fields = 5 + Math.floor(r() * 5);
    for (let f = 0; f < fields; f++) {
      const fid = nextId('field');
      const isTarget = s === BIG_PAGE_FIELD.section && f === 2;
      const label = isTarget ? BIG_PAGE_FIELD.label : LABELS[Math.floor(r() * LABELS.length)];
      const kind = isTarget ? 0 : Math.floor(r() * 6);
      el(`<div class="fieldset__element"><div class="input-group" id="${nextId('group')}">`, 2);
      if (kind === 4) {
        el(`<fieldset class="radios"><legend>${label}</legend>`, 2);
        for (let o = 0; o < 3; o++) {
          const oid = nextId('radio');
          el(
            `<div class="radio"><input type="radio" id="${oid}" name="r-${fid}" value="${o}"><label for="${oid}">Choix ${o + 1}</label></div>`,
            3,
          );
        }
        el('</fieldset>');
      } else if (kind === 5) {
        el(`<label class="label" for="${fid}">${label}</label><select class="select" id="${fid}" name="s-${s}-${f}">`, 2);
        for (let o = 0; o < 4; o++) el(`<option value="${o}">Option ${o + 1}</option>`);
        el('</select>');
      } else {
        el(`<label class="label" for="${fid}">${label}<span class="hint">Exemple : ${s}-${f}</span></label>`, 2);
        el(
          `<input class="input" id="${fid}" name="${isTarget ? 'numero-fiscal' : `f-${s}-${f}`}" type="text" aria-describedby="${fid}-msg">`,
        );
        el(`<div class="messages" id="${fid}-msg"><p class="message"></p></div>`, 2);
      }
      el('</div></div>');
    }
    el('<div class="fieldset__element"><ul class="btns">', 2);
    const buttons = 1 + Math.floor(r() * 3);
    for (let b = 0; b < buttons; b++) {
      const text = s === BIG_PAGE_BUTTON.section && b === 0 ? BIG_PAGE_BUTTON.text : BUTTONS[Math.floor(r() * BUTTONS.length)];
      el(`<li><button class="btn btn--${b}" type="${b === 0 ? 'submit' : 'button'}" id="${nextId('button')}">${text}</button></li>`, 2);
    }
    el('</ul></div></fieldset></form>');
    el('<ul class="links">');
    for (let l = 0; l < 4; l++) el(`<li><a class="link" href="/page/${s}/${l}">${LINKS[Math.floor(r() * LINKS.length)]}</a></li>`, 2);
    el('</ul></section>');
    for (let d = 0; d < depth; d++) el('</div>', 0);
  }
  el('</main><footer class="site-footer"><ul>', 2);
  while (count < targetElements) el(`<li><a href="/pied/${count}">Lien de pied de page ${count}</a></li>`, 2);
  el('</ul></footer>', 0);
  return out.join('');
}
