/**
 * A single-page « démarche » on the practice site, in DSFR 1.14.4 markup: three
 * screens under one document. Its own script (the site's, not the extension's)
 * moves from one screen to the next with `history.pushState` and redraws the
 * page, without any load, as many real public sites do; back and forward
 * redraw the screen of the address.
 *
 *   /spa/demarche/              « Avant de commencer »   « Commencer la demande »
 *   /spa/demarche/etape-2       « Vos pièces »           « Continuer »
 *   /spa/demarche/confirmation  « Demande prête »
 *
 * Any of the three addresses loads the same page, showing its own screen: a
 * reload or a shared link lands where it should.
 */

import { layout } from './practice-recap';

export const SPA_ROOT = '/spa/demarche/';

/** The screens' addresses, by name. */
export const SPA_PAGES = {
  start: SPA_ROOT,
  documents: `${SPA_ROOT}etape-2`,
  done: `${SPA_ROOT}confirmation`,
} as const;

type ScreenName = keyof typeof SPA_PAGES;

interface Screen {
  title: string;
  step: number;
  body: string;
  /** The button that moves on, and the screen it leads to. */
  next?: { label: string; to: ScreenName };
}

const SCREENS: Record<ScreenName, Screen> = {
  start: {
    title: 'Avant de commencer',
    step: 1,
    body: '<p>Cette demande se fait en trois écrans. Gardez vos pièces justificatives à portée de main.</p>',
    next: { label: 'Commencer la demande', to: 'documents' },
  },
  documents: {
    title: 'Vos pièces',
    step: 2,
    body: `<p>Pour cette demande, il vous faut :</p>
<ul><li>une pièce d’identité ;</li><li>un justificatif de domicile de moins de trois mois.</li></ul>`,
    next: { label: 'Continuer', to: 'done' },
  },
  done: {
    title: 'Demande prête',
    step: 3,
    body: `<div class="fr-alert fr-alert--success"><h3 class="fr-alert__title">Votre demande est prête</h3>
<p>Elle sera envoyée quand vous aurez joint vos pièces.</p></div>`,
  },
};

/** The site's name, in its header and its pages' titles. */
const SERVICE = 'Ma mairie (entraînement)';
const PROCEDURE = 'Demande de carte de quartier (entraînement)';

/** A screen's content, the part of the page that its script replaces. */
function screenHtml(name: ScreenName): string {
  const screen = SCREENS[name];
  const next = screen.next
    ? `<ul class="fr-btns-group fr-btns-group--inline-md"><li><button class="fr-btn" type="button" data-next="${SPA_PAGES[screen.next.to]}">${screen.next.label}</button></li></ul>`
    : '';
  return `<h1 class="fr-h2" tabindex="-1">${PROCEDURE}</h1>
<div class="fr-stepper">
  <h2 class="fr-stepper__title">${screen.title}<span class="fr-stepper__state">Étape ${screen.step} sur 3</span></h2>
  <div class="fr-stepper__steps" data-fr-current-step="${screen.step}" data-fr-steps="3"></div>
</div>
${screen.body}
${next}`;
}

/** The site's own script: a button with `data-next` pushes its address and draws its screen; back and forward draw theirs. */
function siteScript(): string {
  const screens = Object.fromEntries(
    (Object.keys(SCREENS) as ScreenName[]).map((name) => [SPA_PAGES[name], { title: SCREENS[name].title, html: screenHtml(name) }]),
  );
  // `<` escaped: the screens' HTML sits inside a <script> element.
  const data = JSON.stringify(screens).replace(/</g, '\\u003c');
  return `const screens = ${data};
const content = document.getElementById('screen');
function draw(path) {
  const screen = screens[path];
  if (!screen) return;
  document.title = screen.title + ' — ${SERVICE}';
  content.innerHTML = screen.html;
  content.querySelector('h1').focus();
}
content.addEventListener('click', (event) => {
  const button = event.target.closest('[data-next]');
  if (!button) return;
  history.pushState(null, '', button.dataset.next);
  draw(location.pathname);
});
addEventListener('popstate', () => draw(location.pathname));`;
}

function page(name: ScreenName): string {
  return layout(SCREENS[name].title, `<div id="screen">\n${screenHtml(name)}\n</div>`, {
    service: SERVICE,
    script: `<script>\n${siteScript()}\n</script>\n`,
  });
}

/** The page for one of the démarche's addresses (its query string ignored), or null when it is none of them. */
export function spaPage(pathname: string): string | null {
  const name = (Object.keys(SPA_PAGES) as ScreenName[]).find((key) => SPA_PAGES[key] === pathname);
  return name ? page(name) : null;
}
