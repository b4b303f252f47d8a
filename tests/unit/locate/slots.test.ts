/**
 * Rules that tell apart what the facts alone cannot: lookalikes and twins told apart by their
 * section, a rank among identical twins, a label reworded in its slot, a heading that lost words
 * everywhere — and the doubts that keep a near-miss from being returned. Each rule has a case where
 * it must answer, and a case where it must stay silent.
 */
import { beforeEach, expect, it, describe as suite } from 'vitest';
import { describe } from '../../../utils/locate/describe';
import { aroundOf, controlsOf } from '../../../utils/locate/facts';
import { consistentRewording, locate } from '../../../utils/locate/locate';
import { normalize, textSimilarity } from '../../../utils/locate/score';
import { renamedHeading, renamedHeadingOnce, underHeading } from '../../../utils/locate/section';
import { targetSchema } from '../../../utils/locate/target';

const $ = (s: string) => document.querySelector(s) as Element;
const all = (s: string) => Array.from(document.querySelectorAll(s));
const expectFound = (r: ReturnType<typeof locate>, el: Element | undefined) => {
  expect(r.status).toBe('found');
  if (r.status === 'found') expect(r.element).toBe(el);
};

const example = (heading: string, inner: string) => `<h3>${heading}</h3><div class="fr-mb-6v">${inner}</div>`;
const buttons = (labels: string[], n: number, cls = 'fr-btn') =>
  `<ul class="fr-btns-group">${labels.map((l, k) => `<li><button class="${cls}" id="button-${n + k}">${l}</button></li>`).join('')}</ul>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

suite('normalisation', () => {
  it('keeps a "+" glued to a word: FranceConnect+ is not FranceConnect', () => {
    expect(normalize('Bouton FranceConnect+')).not.toBe(normalize('Bouton FranceConnect'));
    expect(textSimilarity('Bouton FranceConnect+', 'Bouton FranceConnect')).toBeLessThan(1);
    // A spaced "+" is a separator, as before.
    expect(normalize('Toggle + état')).toBe('toggle etat');
  });
});

suite('facts', () => {
  it('records the modifier classes of the component around the element', () => {
    document.body.innerHTML =
      '<div class="fr-col-12"><div class="fr-toggle fr-toggle--label-left fr-toggle--border-bottom"><input type="checkbox" id="t"><label for="t">Libellé</label></div></div>';
    expect(aroundOf($('#t'))).toEqual(['fr-toggle--border-bottom', 'fr-toggle--label-left']);
    const d = describe($('#t'));
    expect(d.around).toEqual(['fr-toggle--border-bottom', 'fr-toggle--label-left']);
    expect(targetSchema.safeParse(d).success).toBe(true);
    document.body.innerHTML = '<div class="fr-toggle"><input type="checkbox" id="t"><label for="t">Libellé</label></div>';
    expect(describe($('#t')).around).toBeUndefined();
  });

  it('records what an element controls only by ids that do not look generated', () => {
    document.body.innerHTML =
      '<button id="a" aria-controls="fr-theme-modal">Paramètres</button><button id="b" aria-controls="accordion-611">Ouvrir</button>';
    expect(controlsOf($('#a'))).toBe('fr-theme-modal');
    expect(controlsOf($('#b'))).toBeUndefined();
    expect(describe($('#a')).controls).toBe('fr-theme-modal');
    expect(describe($('#b')).controls).toBeUndefined();
  });

  it('finds a reworded button by the dialog it opens, and not a button opening another one', () => {
    const page = (label: string, controls: string) =>
      `<main><h1>Compte</h1><p>Texte</p></main><button class="fr-display-button fr-btn fr-btn--lg" aria-controls="${controls}" id="button-8936">${label}</button><footer><button class="fr-footer__btn" aria-controls="fr-theme-modal">Paramètres d’affichage</button></footer>`;
    document.body.innerHTML = page('Label bouton', 'fr-theme-modal');
    const d = describe($('.fr-display-button'));
    document.body.innerHTML = page('Libellé bouton', 'fr-theme-modal').replace(' id="button-8936"', '');
    expectFound(locate(d, document), $('.fr-display-button'));
    // Same look, reworded, but it opens something else: not taken for the target.
    document.body.innerHTML = page('Libellé bouton', 'fr-consent-modal').replace(' id="button-8936"', '');
    expect(locate(d, document).status).not.toBe('found');
  });

  it('still parses a description recorded before `around` existed', () => {
    expect(targetSchema.safeParse({ tag: 'input', type: 'checkbox', section: { heading: 'Toggle', index: 0, count: 1 } }).success).toBe(
      true,
    );
  });
});

suite('section: lookalikes and twins', () => {
  it('takes the only element named as recorded under the very same heading, among several of its kind', () => {
    const page = (n: number) =>
      `<main>${example('Groupe de liens', buttons(['Lien 1', 'Lien 2', 'Lien 3'], n))}${example('Groupe de liens sm', buttons(['Lien 1', 'Lien 2', 'Lien 3'], n + 10))}</main>`;
    document.body.innerHTML = page(100);
    const d = describe($('#button-111'));
    document.body.innerHTML = page(500);
    // "Groupe de liens" is within "Groupe de liens sm": the facts alone leave both "Lien 2" doubtful.
    expectFound(locate({ ...d, cssPath: undefined }, document), $('#button-511'));
  });

  it('takes the twin at the recorded rank when the twins of the section are identical', () => {
    const page = (n: number, before = '') =>
      `<main>${before}${example('Groupe d’accordéons', buttons(['Libellé accordéon', 'Libellé accordéon', 'Libellé accordéon'], n, 'fr-accordion__btn'))}</main>`;
    document.body.innerHTML = page(10);
    const d = describe($('#button-12'));
    // A new example before it: the twins' rank in the page changed, not their rank in the section.
    document.body.innerHTML = page(
      70,
      example('Nouvel exemple', buttons(['Libellé accordéon', 'Libellé accordéon'], 90, 'fr-accordion__btn')),
    );
    // Without the page-wide twin rank: only the section's rank can answer.
    expectFound(locate({ ...d, twin: undefined, cssPath: undefined }, document), $('#button-72'));
  });

  it('does not decide by rank between twins that differ in something a person sees', () => {
    // The value of a button is the page's, seen by the server, not recorded: only the rank tells them apart.
    const page = (values: string[], n: number) =>
      `<main>${example('Pièces', values.map((v, k) => `<button class="fr-btn" name="piece" value="${v}" id="button-${n + k}">Supprimer</button>`).join(''))}</main>`;
    document.body.innerHTML = page(['avis', 'bulletin'], 10);
    const d = describe($('#button-11'));
    expect(d.twin).toEqual({ index: 1, count: 2 });
    // Reordered: rank 1 now holds "avis".
    document.body.innerHTML = page(['bulletin', 'avis'], 60);
    const r = locate({ ...d, cssPath: undefined }, document);
    expect(r.status === 'found' && r.element.getAttribute('value') === 'avis').toBe(false);
    // Identical twins, same order: the rank decides.
    document.body.innerHTML = page(['avis', 'avis'], 60);
    expectFound(locate({ ...d, cssPath: undefined }, document), $('#button-61'));
  });

  it('tells apart twins of one section by a modifier class', () => {
    const page = (n: number) =>
      `<main>${example('Groupe de boutons inline', `<button class="fr-btn" id="b-${n}">Libellé bouton</button><button class="fr-btn fr-btn--secondary" id="b-${n + 1}">Libellé bouton</button>`)}${example('Groupe de boutons inline non hiérarchisés', `<button class="fr-btn fr-btn--secondary" id="b-${n + 2}">Libellé bouton</button>`)}</main>`;
    document.body.innerHTML = page(1);
    const d = describe($('#b-2'));
    document.body.innerHTML = page(40);
    expectFound(locate({ ...d, cssPath: undefined }, document), $('#b-41'));
  });
});

suite('fewer lookalikes than recorded', () => {
  const toggles = (headings: string[], n: number, around = '') =>
    `<main>${headings
      .map((h, k) =>
        example(
          h,
          `<div class="fr-toggle${around && k >= headings.length / 2 ? ` ${around}` : ''}"><input type="checkbox" class="fr-toggle__input" id="toggle-${n + k}"><label class="fr-toggle__label" for="toggle-${n + k}">Libellé de l'interrupteur</label></div>`,
        ),
      )
      .join('')}</main>`;

  it('still finds the target when the lookalikes that went were elsewhere and its section is intact', () => {
    document.body.innerHTML = toggles(['Toggle simple', 'Toggle en erreur', 'Toggle valide', 'Toggle désactivé'], 10);
    const d = describe($('#toggle-11'));
    expect(d.alike).toBe(4);
    document.body.innerHTML = toggles(['Toggle simple', 'Toggle en erreur'], 80);
    expectFound(locate(d, document), $('#toggle-81'));
  });

  it('stays silent when the target’s own section lost one of its twins', () => {
    const page = (n: number) =>
      `<main>${example('Groupe', buttons(['Valider', 'Valider'], n))}${example('Autre', buttons(['Valider'], n + 5))}</main>`;
    document.body.innerHTML = page(10);
    const d = describe($('#button-11'));
    $('#button-11').remove();
    expect(locate(d, document).status).not.toBe('found');
  });

  it('follows a heading that lost words everywhere, in the same variant of the component only', () => {
    const right = ['Toggle avec bouton + libellé à droite', 'Toggle avec bouton + libellé à droite + état'];
    const left = ['Toggle avec bouton + libellé à gauche', 'Toggle avec bouton + libellé à gauche + état'];
    document.body.innerHTML = toggles([...right, ...left], 10, 'fr-toggle--label-left');
    const dRight = describe($('#toggle-11'));
    const dLeft = describe($('#toggle-13'));
    expect(dLeft.around).toEqual(['fr-toggle--label-left']);
    // The new version drops "libellé à droite" from the headings and the left-label variants.
    document.body.innerHTML = toggles(['Toggle avec bouton', 'Toggle avec bouton + état'], 50);
    expectFound(locate(dRight, document), $('#toggle-51'));
    expect(locate(dLeft, document).status).not.toBe('found');
  });
});

suite('renamed headings', () => {
  const headings = (texts: string[]) => {
    document.body.innerHTML = texts.map((t) => `<h4>${t}</h4>`).join('');
    return document;
  };

  it('finds the heading that kept the most words when the dropped words are gone from every heading', () => {
    const doc = headings(['Toggle simple', 'Toggle simple + état', 'Toggle simple + état + séparateur', 'Groupe + séparateur']);
    expect(renamedHeading('Toggle simple + libellé à droite + état + séparateur', doc)).toBe('toggle simple etat separateur');
  });

  it('gives nothing when the recorded heading is still there, or when a dropped word is still used', () => {
    let doc = headings(['Mot de passe', 'Mot de passe avec description']);
    expect(renamedHeading('Mot de passe avec description', doc)).toBeUndefined();
    // The heading was reworded out of the page: "Mot de passe" is another example, not what it became.
    doc = headings(['Mot de passe', 'Confirmation avec description']);
    expect(renamedHeading('Mot de passe avec description', doc)).toBeUndefined();
  });

  it('gives nothing when two headings kept as many words', () => {
    const doc = headings(['Bouton primaire', 'Bouton large']);
    expect(renamedHeading('Bouton primaire large', doc)).toBeUndefined();
  });

  it('is read only for an element whose heading is not the recorded one, and once', () => {
    const doc = headings(['Toggle simple', 'Toggle simple + état']);
    const d = targetSchema.parse({ tag: 'input', section: { heading: 'Toggle simple + libellé + état', index: 0, count: 1 } });
    let reads = 0;
    const renamed = renamedHeadingOnce('Toggle simple + libellé + état', doc);
    const counted = () => {
      reads++;
      return renamed();
    };
    const el = document.createElement('input');
    // The recorded heading itself: every heading of the page is left unread.
    expect(underHeading(d, el, 'Toggle simple + libellé + état', counted)).toBe(true);
    expect(reads).toBe(0);
    expect(underHeading(d, el, 'Toggle simple + état', counted)).toBe(true);
    expect(underHeading(d, el, 'Toggle simple', counted)).toBe(false);
    expect(reads).toBe(2);
    // Kept: the page changed since, the answer read first stands for the rest of the call.
    document.body.innerHTML = '<h4>Toggle simple + libellé + état</h4>';
    expect(renamed()).toBe('toggle simple etat');
  });
});

suite('a label reworded in its slot', () => {
  it('recognises identical twins reworded the same way, at the recorded rank', () => {
    const page = (labels: string[], n: number) => `<main>${example('Groupe de boutons SM', buttons(labels, n))}</main>`;
    document.body.innerHTML = page(['Label bouton SM', 'Label bouton SM', 'Label bouton SM'], 828);
    const d = describe($('#button-829'));
    document.body.innerHTML = page(['Libellé bouton SM', 'Libellé bouton SM', 'Libellé bouton SM'], 1003);
    expectFound(locate(d, document), $('#button-1004'));
  });

  it('recognises a tab renamed like its neighbours', () => {
    const page = (labels: string[], n: number) =>
      `<main>${example('Onglets 4 éléments', `<ul role="tablist">${labels.map((l, k) => `<li><button role="tab" class="fr-tabs__tab" id="tab-${n + k}">${l}</button></li>`).join('')}</ul>`)}</main>`;
    document.body.innerHTML = page(['Label Tab 1', 'Label Tab 2', 'Label Tab 3', 'Label Tab 4'], 5311);
    const d = describe($('#tab-5313'));
    document.body.innerHTML = page(['Libellé onglet 1', 'Libellé onglet 2', 'Libellé onglet 3', 'Libellé onglet 4'], 6043);
    expectFound(locate(d, document), $('#tab-6045'));
  });

  it('does not take another element that reached the slot with a name that shares a word', () => {
    const page = (labels: string[], n: number) => `<main>${example('Groupe de boutons', buttons(labels, n))}</main>`;
    document.body.innerHTML = page(['Label bouton A', 'Label bouton B'], 10);
    const d = describe($('#button-11'));
    // Reordered and reworded: the slot now holds "A", whose neighbour did not change like "B"'s would.
    document.body.innerHTML = page(['Libellé bouton B', 'Libellé bouton A'], 90);
    expect(locate(d, document).status).not.toBe('found');
  });

  it('follows a label reworded under a heading that lost words everywhere', () => {
    const page = (heading: string, label: string, n: number) =>
      `<main>${example('Autre exemple', '<button class="fr-btn">Valider</button>')}${example(heading, `<div class="fr-toggle"><input type="checkbox" class="fr-toggle__input" id="toggle-${n}"><label for="toggle-${n}">${label}</label></div>`)}</main>`;
    document.body.innerHTML = page('Toggle désactivé + label à droite + état', 'Label action interrupteur', 2955);
    const d = describe($('#toggle-2955'));
    document.body.innerHTML = page('Toggle désactivé + état', 'Libellé de l’interrupteur', 3886);
    expectFound(locate(d, document), $('#toggle-3886'));
  });

  it('checks that a rewording swapped the same words in the neighbour', () => {
    expect(consistentRewording('Label lien 5', 'Libellé lien 5', 'Label lien 4', 'Libellé lien 4')).toBe(true);
    expect(consistentRewording('Label bouton', 'Libellé bouton', 'Bouton désactivé', 'Bouton désactivé')).toBe(true);
    expect(consistentRewording('Label bouton B', 'Libellé bouton A', 'Label bouton A', 'Libellé bouton B')).toBe(false);
    expect(consistentRewording('Label bouton', 'Libellé bouton', 'Bouton désactivé', 'Bouton actif')).toBe(false);
  });
});

suite('doubts on a found element', () => {
  it('does not return a near-named element while one named as recorded is there', () => {
    const page = (ctxA: string) =>
      `<main><h3>${ctxA}</h3><p><a href="https://franceconnect.gouv.fr/" id="link-1067">Qu’est-ce que FranceConnect ?</a></p>` +
      `<h3>Bouton FranceConnect+</h3><p><a href="https://franceconnect.gouv.fr/plus" id="link-1072">Qu’est-ce que FranceConnect+ ?</a></p></main>`;
    document.body.innerHTML = page('Bouton FranceConnect');
    const d = describe($('#link-1067'));
    document.body.innerHTML = page('ici information renseigner merci');
    const { id: _, ...noId } = d;
    // Without its id, the target (its heading reworded) and the near-named link are left in doubt.
    const r = locate({ ...noId, cssPath: undefined }, document);
    expect(r.status === 'found' && r.element.id === 'link-1072').toBe(false);
    // With its unchanged id, the one named as recorded is the target.
    expectFound(locate({ ...d, cssPath: undefined }, document), $('#link-1067'));
  });

  it('does not pick a lookalike whose place merely resembles the recorded one', () => {
    const block = (h: string) =>
      `<section><h3>${h}</h3><div><button class="fr-connect">S’identifier</button></div><div class="fr-accordion"><button type="button" class="fr-accordion__btn">Extrait de code</button></div></section>`;
    document.body.innerHTML = `<main>${block('Bouton FranceConnect')}${block('Bouton FranceConnect+')}</main>`;
    const d = describe(all('.fr-accordion__btn')[0] as Element);
    expect(d.alike).toBe(2);
    ($('h3') as HTMLElement).textContent = 'ici information renseigner merci';
    const r = locate({ ...d, cssPath: undefined }, document);
    expect(r.status).not.toBe('found');
  });

  it('keeps lookalikes told apart by what they are (their link target)', () => {
    const crumbs = (cls: string) =>
      `<nav><ol><li><a href="/">Accueil</a></li><li><a class="${cls}" href="/segment-1">Nom de la page</a></li><li><a class="${cls}" href="/segment-1/segment-2">Nom de la page</a></li></ol></nav>`;
    document.body.innerHTML = crumbs('fr-breadcrumb__link');
    const d = describe($('a[href="/segment-1/segment-2"]'));
    expect(d.alike).toBe(2);
    document.body.innerHTML = crumbs('k8x2p1q');
    expectFound(locate({ ...d, cssPath: undefined }, document), $('a[href="/segment-1/segment-2"]'));
  });
});
