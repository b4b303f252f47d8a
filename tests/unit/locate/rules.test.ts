/**
 * The rules that may overturn the decision of the scores, one by one: each on a page where it must
 * answer, and on one where it must pass (undefined) — called directly on the evidence `locate`
 * gathers, so that a rule that stopped answering, or answered out of turn, shows here and not only
 * in the whole engine's tests.
 */
import { beforeEach, expect, it, describe as suite } from 'vitest';
import { describe, describeForRecording } from '../../../utils/locate/describe';
import { evidenceOf, type LocateResult } from '../../../utils/locate/locate';
import {
  answer,
  decided,
  doubtOnFound,
  type Evidence,
  fewerLookalikes,
  hiddenOnly,
  hiddenOutscores,
  loneAnchoredLookalike,
  RULES,
  rewordedInSlot,
  tieByModifier,
  tieBySection,
  tieByTwinRank,
} from '../../../utils/locate/rules';
import { openerOf } from '../../../utils/locate/scopes';
import type { TargetDescription } from '../../../utils/locate/target';

const $ = (s: string) => document.querySelector(s) as Element;

const example = (heading: string, inner: string) => `<h3>${heading}</h3><div class="fr-mb-6v">${inner}</div>`;
const buttons = (labels: string[], n: number, cls = 'fr-btn') =>
  `<ul class="fr-btns-group">${labels.map((l, k) => `<li><button class="${cls}" id="button-${n + k}">${l}</button></li>`).join('')}</ul>`;

/** The evidence on today's page, after checking the decision of the scores the rule starts from. */
const evidence = (d: TargetDescription, status: Evidence['decision']['status']): Evidence => {
  const e = evidenceOf(d, document);
  expect(e.decision.status).toBe(status);
  return e;
};

const expectFound = (r: LocateResult | undefined, el: Element, confidence?: number) => {
  expect(r?.status).toBe('found');
  if (r?.status === 'found') {
    expect(r.element).toBe(el);
    if (confidence !== undefined) expect(r.confidence).toBe(confidence);
  }
};

const expectAmbiguous = (r: LocateResult | undefined, candidates: Element[]) => {
  expect(r?.status).toBe('ambiguous');
  if (r?.status === 'ambiguous') expect(r.candidates).toEqual(candidates);
};

beforeEach(() => {
  document.body.innerHTML = '';
});

it('tries the rules in the documented order', () => {
  expect(RULES).toEqual([
    fewerLookalikes,
    loneAnchoredLookalike,
    doubtOnFound,
    hiddenOutscores,
    tieBySection,
    tieByTwinRank,
    tieByModifier,
    rewordedInSlot,
    hiddenOnly,
  ]);
});

suite('fewerLookalikes', () => {
  const toggles = (headings: string[], n: number) =>
    `<main>${headings
      .map((h, k) =>
        example(
          h,
          `<div class="fr-toggle"><input type="checkbox" class="fr-toggle__input" id="toggle-${n + k}"><label class="fr-toggle__label" for="toggle-${n + k}">Libellé de l'interrupteur</label></div>`,
        ),
      )
      .join('')}</main>`;

  it('keeps the target whose section is intact when lookalikes went elsewhere', () => {
    document.body.innerHTML = toggles(['Toggle simple', 'Toggle en erreur', 'Toggle valide', 'Toggle désactivé'], 10);
    const d = describe($('#toggle-11'));
    expect(d.alike).toBe(4);
    document.body.innerHTML = toggles(['Toggle simple', 'Toggle en erreur'], 80);
    const e = evidenceOf(d, document);
    expect(e.decision.status).not.toBe('not-found');
    expectFound(fewerLookalikes(e), $('#toggle-81'));
  });

  it('answers ambiguous, with the lookalikes left, when the target’s own section lost one', () => {
    const page = (n: number) =>
      `<main>${example('Groupe', buttons(['Valider', 'Valider'], n))}${example('Autre', buttons(['Valider'], n + 5))}</main>`;
    document.body.innerHTML = page(10);
    const d = describe($('#button-11'));
    $('#button-11').remove();
    const r = fewerLookalikes(evidenceOf(d, document));
    expectAmbiguous(r, [$('#button-10'), $('#button-15')]);
  });

  it('passes while as many lookalikes are there as when recorded', () => {
    document.body.innerHTML = toggles(['Toggle simple', 'Toggle en erreur', 'Toggle valide', 'Toggle désactivé'], 10);
    const d = describe($('#toggle-11'));
    document.body.innerHTML = toggles(['Toggle simple', 'Toggle en erreur', 'Toggle valide', 'Toggle désactivé'], 80);
    expect(fewerLookalikes(evidenceOf(d, document))).toBeUndefined();
  });

  it('passes when only part of the page is searched (lookalikes were counted on the whole page)', () => {
    document.body.innerHTML = toggles(['Toggle simple', 'Toggle en erreur', 'Toggle valide', 'Toggle désactivé'], 10);
    const d = describe($('#toggle-11'));
    document.body.innerHTML = toggles(['Toggle simple', 'Toggle en erreur'], 80);
    expect(fewerLookalikes(evidenceOf(d, $('main')))).toBeUndefined();
  });
});

suite('loneAnchoredLookalike', () => {
  const page = (legend: string, id: string) =>
    `<main><form><fieldset><legend>${legend}</legend><button class="fr-btn" id="${id}">Enregistrer le brouillon</button></fieldset></form></main>`;

  it('takes the one lookalike with the recorded id when the scores found nothing', () => {
    document.body.innerHTML = page('Identité', 'save-draft');
    const d = describe($('#save-draft'));
    expect(d.alike).toBe(1);
    document.body.innerHTML = page('Coordonnées', 'save-draft');
    // Its place changed: the scores alone are not enough (set here, as a reworded site leaves them).
    const e: Evidence = { ...evidenceOf(d, document), decision: { status: 'not-found' } };
    expectFound(loneAnchoredLookalike(e), $('#save-draft'), 0.75);
  });

  it('passes when the lone lookalike has another id: it may be a newcomer', () => {
    document.body.innerHTML = page('Identité', 'save-draft');
    const d = describe($('#save-draft'));
    document.body.innerHTML = page('Coordonnées', 'save-copy');
    const e: Evidence = { ...evidenceOf(d, document), decision: { status: 'not-found' } };
    expect(loneAnchoredLookalike(e)).toBeUndefined();
  });
});

suite('doubtOnFound', () => {
  const page = (ctxA: string) =>
    `<main><h3>${ctxA}</h3><p><a href="https://franceconnect.gouv.fr/" id="link-1067">Qu’est-ce que FranceConnect ?</a></p>` +
    `<h3>Bouton FranceConnect+</h3><p><a href="https://franceconnect.gouv.fr/plus" id="link-1072">Qu’est-ce que FranceConnect+ ?</a></p></main>`;

  it('makes ambiguous a found element named otherwise while one named as recorded is there', () => {
    document.body.innerHTML = page('Bouton FranceConnect');
    const { id: _, ...d } = describe($('#link-1067'));
    document.body.innerHTML = page('ici information renseigner merci');
    const e = evidence({ ...d, cssPath: undefined }, 'found');
    expect(e.decision.status === 'found' && e.decision.item).toBe($('#link-1072'));
    const r = doubtOnFound(e);
    expectAmbiguous(r, [$('#link-1072'), $('#link-1067')]);
  });

  it('takes instead the one named as recorded, unique when recorded, that kept its id', () => {
    document.body.innerHTML = page('Bouton FranceConnect');
    const d = describe($('#link-1067'));
    expect(d.alike).toBe(1);
    document.body.innerHTML = page('ici information renseigner merci');
    const e = evidence({ ...d, cssPath: undefined }, 'found');
    expect(e.decision.status === 'found' && e.decision.item).toBe($('#link-1072'));
    expectFound(doubtOnFound(e), $('#link-1067'), 0.75);
  });

  it('doubts a found twin also when the recorder shortened the name before something personal', () => {
    // Two e-mail fields labelled alike, whose hint shows an address: the recorder keeps the label
    // up to it only. The target's heading is reworded, the other one's still reads like the recorded one.
    const field = (heading: string, n: number) =>
      example(
        heading,
        `<div class="fr-input-group"><label class="fr-label" for="email-${n}">Adresse électronique <span class="fr-hint-text">Format attendu : nom@domaine.fr</span></label><input class="fr-input" type="email" autocomplete="email" id="email-${n}"></div>`,
      );
    const twins = (first: string) => `<main>${field(first, 7405)}${field("Demande d'une adresse électronique - Erreur", 7410)}</main>`;
    document.body.innerHTML = twins("Demande d'une adresse électronique");
    const d = describeForRecording($('#email-7405'));
    expect(d.withheld).toContain('name');
    expect(d.name).toBe('Adresse électronique Format attendu');
    expect(d.alike).toBe(2);
    expect(d.twin).toEqual({ index: 0, count: 2 });
    document.body.innerHTML = twins('Indiquer votre courriel ici');
    const e = evidence({ ...d, cssPath: undefined }, 'found');
    expect(e.decision.status === 'found' && e.decision.item).toBe($('#email-7410'));
    const r = doubtOnFound(e);
    expectAmbiguous(r, [$('#email-7410'), $('#email-7405')]);
    expect(answer(e).status).toBe('ambiguous');
  });

  it('passes on a found element that nothing looks like', () => {
    document.body.innerHTML = page('Bouton FranceConnect');
    const d = describe($('#link-1067'));
    document.body.innerHTML = page('Bouton FranceConnect');
    expect(doubtOnFound(evidence(d, 'found'))).toBeUndefined();
  });
});

suite('hiddenOutscores', () => {
  // Two tab panels with the same content, as a site with one form per audience: the link recorded
  // in the first one, then the page opens on the second one.
  const panel = (n: number, hidden: boolean) =>
    `<div role="tabpanel" id="panel-${n}"${hidden ? ' hidden' : ''}><h3>Contenu</h3><p>Texte du panneau.</p><p><a href="/aide" id="link-${n}">En savoir plus</a></p></div>`;
  const tabs = (shown: number) =>
    `<main><ul role="tablist"><li><button role="tab" aria-controls="panel-1">Particulier</button></li><li><button role="tab" aria-controls="panel-2">Professionnel</button></li></ul>${panel(1, shown !== 1)}${panel(2, shown !== 2)}</main>`;

  it('answers not found when the best match is in a tab panel out of sight, while a namesake is seen', () => {
    document.body.innerHTML = tabs(1);
    const d = describe($('#link-1'));
    expect(d.alike).toBe(1);
    document.body.innerHTML = tabs(2);
    const e = evidence(d, 'found');
    expect(e.decision.status === 'found' && e.decision.item).toBe($('#link-2'));
    expect(e.hidden.map((h) => h.item)).toContain($('#link-1'));
    // The control ringed for the person: the tab that opens the panel.
    expect(hiddenOutscores(e)).toEqual({ status: 'not-found', outOfSight: true, opener: $('[aria-controls="panel-1"]') });
    // Once the person opens the tab, the target is found again.
    document.body.innerHTML = tabs(1);
    expectFound(answer(evidence(d, 'found')), $('#link-1'));
  });

  it('answers not found when the best match is in a section folded by a button (aria-controls)', () => {
    const folded = (open: boolean) =>
      `<main><h3>Contenu</h3><button aria-expanded="${open}" aria-controls="more">Voir plus</button><div id="more"${open ? '' : ' hidden'}><p><a href="/aide" id="link-1">En savoir plus</a></p></div>` +
      `<h3>Contenu</h3><p><a href="/aide" id="link-2">En savoir plus</a></p></main>`;
    document.body.innerHTML = folded(true);
    const d = describe($('#link-1'));
    document.body.innerHTML = folded(false);
    const e = evidence(d, 'found');
    expect(e.decision.status === 'found' && e.decision.item).toBe($('#link-2'));
    expect(hiddenOutscores(e)).toEqual({ status: 'not-found', outOfSight: true, opener: $('[aria-controls="more"]') });
  });

  it('passes when the hidden copy is one the layout hides, that no control of the page opens', () => {
    const copies = (wide: boolean) =>
      `<main><nav id="wide"${wide ? '' : ' style="display:none"'}><p><a href="/aide" id="link-1">En savoir plus</a></p></nav>` +
      `<nav id="narrow"${wide ? ' style="display:none"' : ''}><p><a href="/aide" id="link-2">En savoir plus</a></p></nav></main>`;
    document.body.innerHTML = copies(true);
    const d = describe($('#link-1'));
    document.body.innerHTML = copies(false);
    const e = evidence(d, 'found');
    expect(e.hidden.map((h) => h.item)).toContain($('#link-1'));
    expect(hiddenOutscores(e)).toBeUndefined();
    expectFound(answer(e), $('#link-2'));
  });

  it('passes when the found element is the recorded one, whatever is hidden', () => {
    document.body.innerHTML = tabs(1);
    const d = describe($('#link-1'));
    expect(hiddenOutscores(evidence(d, 'found'))).toBeUndefined();
  });
});

suite('hiddenOnly', () => {
  const link = '<p><a href="/aide" id="link">Comment faire ?</a></p>';
  /** A page where the recorded link sits in a part that `wrap` closes, with nothing like it in sight. */
  const recordThen = (open: string, closed: string) => {
    document.body.innerHTML = `<main><h2>Questions</h2>${open}</main>`;
    const d = describe($('#link'));
    document.body.innerHTML = `<main><h2>Questions</h2>${closed}</main>`;
    return evidence(d, 'not-found');
  };
  const accordion = (open: boolean) =>
    `<h3><button aria-expanded="${open}" aria-controls="faq-1">Première question</button></h3><div id="faq-1"${open ? '' : ' hidden'}>${link}</div>`;

  it('answers out of sight, with the button that opens the accordion, when the target is only in a closed section', () => {
    const e = recordThen(accordion(true), accordion(false));
    expect(hiddenOnly(e)).toEqual({ status: 'not-found', outOfSight: true, opener: $('button') });
    expect(answer(e)).toEqual({ status: 'not-found', outOfSight: true, opener: $('button') });
  });

  it('rings the summary of a closed <details>', () => {
    // happy-dom lays nothing out, so a closed <details> hides nothing here (the browsers' tests show it
    // hidden: tests/e2e/hidden-target.test.ts): its opener is asked for directly.
    document.body.innerHTML = `<details><summary>Plus d'aide</summary>${link}</details>`;
    expect(openerOf($('details'))).toBe($('summary'));
  });

  it('rings the tab that labels a panel when no control names it (aria-labelledby)', () => {
    const tabs = (shown: boolean) =>
      `<div role="tablist"><button role="tab" id="tab-a">Démarche</button><button role="tab" id="tab-b">Aide</button></div>` +
      `<div role="tabpanel" aria-labelledby="tab-a"><p>Rien ici.</p></div><div role="tabpanel" aria-labelledby="tab-b"${shown ? '' : ' hidden'}>${link}</div>`;
    const e = recordThen(tabs(true), tabs(false));
    expect(answer(e)).toEqual({ status: 'not-found', outOfSight: true, opener: $('#tab-b') });
  });

  it('rings the outer tab first when the target is in a tab inside another closed tab', () => {
    const nested = (outer: boolean, inner: boolean) =>
      `<div role="tablist"><button role="tab" aria-controls="outer-1">Général</button><button role="tab" aria-controls="outer-2">Détails</button></div>` +
      `<div role="tabpanel" id="outer-1"${outer ? ' hidden' : ''}><p>Bienvenue.</p></div>` +
      `<div role="tabpanel" id="outer-2"${outer ? '' : ' hidden'}><div role="tablist"><button role="tab" aria-controls="inner-1">Résumé</button><button role="tab" aria-controls="inner-2">Aide</button></div>` +
      `<div role="tabpanel" id="inner-1"${inner ? ' hidden' : ''}><p>Résumé.</p></div><div role="tabpanel" id="inner-2"${inner ? '' : ' hidden'}>${link}</div></div>`;
    const e = recordThen(nested(true, true), nested(false, false));
    expect(answer(e)).toEqual({ status: 'not-found', outOfSight: true, opener: $('[aria-controls="outer-2"]') });
    // The outer tab opened: now the inner one.
    document.body.innerHTML = `<main><h2>Questions</h2>${nested(true, false)}</main>`;
    const d = e.d;
    expect(answer(evidence(d, 'not-found'))).toEqual({ status: 'not-found', outOfSight: true, opener: $('[aria-controls="inner-2"]') });
  });

  it('says out of sight without an opener when no control in sight names the closed part', () => {
    const panel = (shown: boolean) => `<div role="tabpanel" id="lonely"${shown ? '' : ' hidden'}>${link}</div>`;
    const e = recordThen(panel(true), panel(false));
    expect(answer(e)).toEqual({ status: 'not-found', outOfSight: true, opener: undefined });
  });

  it('passes when the only match is hidden by the layout, that no control of the page opens', () => {
    const e = recordThen(`<nav>${link}</nav>`, `<nav style="display:none">${link}</nav>`);
    expect(e.hidden.map((h) => h.item)).toContain($('#link'));
    expect(hiddenOnly(e)).toBeUndefined();
    expect(answer(e)).toEqual({ status: 'not-found' });
  });

  it('passes when the hidden candidate is too unlike the recorded target', () => {
    const e = recordThen(accordion(true), accordion(false).replace('Comment faire ?', 'Nous écrire').replace('/aide', '/contact'));
    expect(hiddenOnly(e)).toBeUndefined();
  });
});

suite('tieBySection', () => {
  const page = (n: number) =>
    `<main>${example('Groupe de liens', buttons(['Lien 1', 'Lien 2', 'Lien 3'], n))}${example('Groupe de liens sm', buttons(['Lien 1', 'Lien 2', 'Lien 3'], n + 10))}</main>`;

  it('takes the only acceptable candidate named as recorded under the very same heading', () => {
    document.body.innerHTML = page(100);
    const d = describe($('#button-111'));
    document.body.innerHTML = page(500);
    expectFound(tieBySection(evidence({ ...d, cssPath: undefined }, 'ambiguous')), $('#button-511'));
  });

  it('passes when the recorded heading is gone', () => {
    document.body.innerHTML = page(100);
    const d = describe($('#button-111'));
    document.body.innerHTML = page(500).replace('>Groupe de liens sm<', '>Autres liens<').replace('>Groupe de liens<', '>Liens<');
    expect(tieBySection(evidence({ ...d, cssPath: undefined }, 'ambiguous'))).toBeUndefined();
  });

  it('passes when tie-breaks are turned off', () => {
    document.body.innerHTML = page(100);
    const d = describe($('#button-111'));
    document.body.innerHTML = page(500);
    expect(tieBySection(evidenceOf({ ...d, cssPath: undefined }, document, { tieBreaks: false }))).toBeUndefined();
  });

  // Identical twins (no ids) in two groups whose headings read alike: the second twin of the first
  // group is recorded; then the last two of that group get a wrapper with a legend of their own, so
  // that only the first one still reads as recorded there.
  const twins = (wrapped: boolean) => {
    const twin = '<li><button class="fr-btn" type="button">Libellé accordéon</button></li>';
    const group = (heading: string, wrap: boolean) =>
      example(
        heading,
        `<ul class="fr-btns-group">${twin}${wrap ? `<li><fieldset><legend>Contenu</legend><ul>${twin}${twin}</ul></fieldset></li>` : twin + twin}</ul>`,
      );
    return `<main>${group('Groupe dissocié', wrapped)}${group('Groupe dissocié ouvert', false)}</main>`;
  };

  it('passes when the one acceptable there sits at another rank than recorded, beside an identical twin', () => {
    document.body.innerHTML = twins(false);
    const target = document.querySelectorAll('button')[1] as Element;
    const d = describe(target);
    expect(d.section).toEqual({ heading: 'Groupe dissocié', index: 1, count: 3 });
    document.body.innerHTML = twins(true);
    const e = evidence({ ...d, cssPath: undefined }, 'ambiguous');
    expect(tieBySection(e)).toBeUndefined();
    expect(answer(e).status).toBe('ambiguous');
  });
});

suite('tieByTwinRank', () => {
  // No ids: only the rank tells the twins apart.
  const page = (values: string[]) =>
    `<main>${values.map((v) => `<button class="fr-btn" name="piece" value="${v}">Supprimer</button>`).join('')}</main>`;
  const twin = (k: number) => document.querySelectorAll('button')[k] as Element;

  it('takes the identical twin at the recorded rank', () => {
    document.body.innerHTML = page(['avis', 'avis', 'avis']);
    const d = describe(twin(1));
    expect(d.twin).toEqual({ index: 1, count: 3 });
    document.body.innerHTML = page(['avis', 'avis', 'avis']);
    expectFound(tieByTwinRank(evidence({ ...d, cssPath: undefined }, 'ambiguous')), twin(1));
  });

  it('passes when the twins differ in something a person sees: they may have been reordered', () => {
    document.body.innerHTML = page(['avis', 'avis', 'avis']);
    const d = describe(twin(1));
    document.body.innerHTML = page(['bulletin', 'avis', 'impot']);
    expect(tieByTwinRank(evidence({ ...d, cssPath: undefined }, 'ambiguous'))).toBeUndefined();
  });

  it('passes when there are no longer as many twins as recorded', () => {
    document.body.innerHTML = page(['avis', 'avis', 'avis']);
    const d = describe(twin(1));
    document.body.innerHTML = page(['avis', 'avis']);
    expect(tieByTwinRank(evidence({ ...d, cssPath: undefined }, 'ambiguous'))).toBeUndefined();
  });
});

suite('tieByModifier', () => {
  const page = (n: number, plus = 'fr-connect--plus') =>
    `<main><div class="fr-connect-group"><button class="fr-connect" id="connect-${n}">S’identifier avec FranceConnect</button></div><div class="fr-connect-group"><button class="fr-connect ${plus}" id="connect-${n + 1}">S’identifier avec FranceConnect</button></div></main>`;

  it('takes the only candidate with the recorded modifier class', () => {
    document.body.innerHTML = page(100);
    const d = describe($('#connect-101'));
    document.body.innerHTML = page(500);
    expectFound(tieByModifier(evidence({ ...d, twin: undefined, cssPath: undefined }, 'ambiguous')), $('#connect-501'));
  });

  it('passes when no candidate bears the recorded modifier any more', () => {
    document.body.innerHTML = page(100);
    const d = describe($('#connect-101'));
    document.body.innerHTML = page(500, 'fr-connect--lg');
    expect(tieByModifier(evidence({ ...d, twin: undefined, cssPath: undefined }, 'ambiguous'))).toBeUndefined();
  });
});

suite('rewordedInSlot', () => {
  const page = (heading: string, label: string, n: number) =>
    `<main>${example('Bouton désactivé', `<button class="fr-btn" id="button-${n}" disabled>${label}</button>`)}${example(heading, `<button class="fr-btn fr-btn--secondary" id="button-${n + 1}">${label}</button>`)}</main>`;

  it('takes the element in the recorded slot, reworded, at the threshold’s confidence', () => {
    document.body.innerHTML = page('Bouton secondaire', 'Label bouton', 752);
    const d = describe($('#button-753'));
    document.body.innerHTML = page('Bouton secondaire', 'Libellé bouton', 1530);
    const e = evidence(d, 'not-found');
    expectFound(rewordedInSlot(e), $('#button-1531'), e.threshold);
  });

  it('passes when the heading of the slot changed', () => {
    document.body.innerHTML = page('Bouton secondaire', 'Label bouton', 752);
    const d = describe($('#button-753'));
    document.body.innerHTML = page('Bouton tertiaire', 'Libellé bouton', 1530);
    expect(rewordedInSlot(evidence(d, 'not-found'))).toBeUndefined();
  });

  it('passes when the element in the slot bears another name', () => {
    document.body.innerHTML = page('Bouton secondaire', 'Label bouton', 752);
    const d = describe($('#button-753'));
    document.body.innerHTML = page('Bouton secondaire', 'Supprimer le compte', 1530);
    expect(rewordedInSlot(evidence(d, 'not-found'))).toBeUndefined();
  });
});

suite('answer', () => {
  it('gives the decision of the scores when no rule answers', () => {
    document.body.innerHTML = `<main>${example('Formulaire', buttons(['Valider', 'Annuler'], 10))}</main>`;
    const d = describe($('#button-10'));
    const e = evidence(d, 'found');
    expect(RULES.map((rule) => rule(e))).toEqual(RULES.map(() => undefined));
    expect(answer(e)).toEqual(decided(e));
    expectFound(answer(e), $('#button-10'));
  });

  it('gives the answer of the first rule that answers', () => {
    document.body.innerHTML = `<main>${example('Formulaire', buttons(['Valider'], 10))}</main>`;
    const e = evidence(describe($('#button-10')), 'found');
    const never = () => {
      throw new Error('a later rule was tried');
    };
    expect(answer(e, [() => undefined, () => ({ status: 'not-found' }), never])).toEqual({ status: 'not-found' });
  });
});
