/**
 * A login page with one tab per audience, as many public sites have: « Particulier » shown when the
 * page opens, « Professionnel » behind its tab, each with its own « Se connecter » link. DSFR 1.14.4
 * markup and script (the tabs component), so that the tab the person opens is shown by the site's
 * own code. A guide's step that points at the professional link must not point at the one in sight.
 * Below the tabs, a DSFR accordion (closed) holds the link to choose a new password; that page keeps
 * its help link in a closed `<details>`: targets out of sight, with the control that opens them.
 *
 *   /onglets/                the two tabs, and the accordion « Mot de passe oublié ? »
 *   /onglets/pro/            where the professional link leads
 *   /onglets/mot-de-passe/   where the accordion's link leads; « Besoin d'aide ? » in a `<details>`
 *   /onglets/aide/           where the help link leads
 */
import { layout } from './practice-recap';

export const TABS_ROOT = '/onglets/';

export const TABS_PAGES = {
  start: TABS_ROOT,
  pro: `${TABS_ROOT}pro/`,
  password: `${TABS_ROOT}mot-de-passe/`,
  help: `${TABS_ROOT}aide/`,
} as const;

const panel = (id: string, selected: boolean, heading: string, text: string, href: string) =>
  `<div id="panel-${id}" class="fr-tabs__panel${selected ? ' fr-tabs__panel--selected' : ''}" role="tabpanel" aria-labelledby="tab-${id}" tabindex="0">
  <h2 class="fr-h4">${heading}</h2>
  <p>${text}</p>
  <p><a class="fr-link" href="${href}">Se connecter</a></p>
</div>`;

const tab = (id: string, selected: boolean, label: string) =>
  `<li role="presentation"><button type="button" id="tab-${id}" class="fr-tabs__tab" tabindex="${selected ? 0 : -1}" role="tab" aria-selected="${selected}" aria-controls="panel-${id}">${label}</button></li>`;

function startPage(): string {
  return layout(
    'Se connecter',
    `<h1 class="fr-h2">Se connecter à son espace (entraînement)</h1>
<div class="fr-tabs">
<ul class="fr-tabs__list" role="tablist" aria-label="Votre espace">
${tab('particulier', true, 'Particulier')}
${tab('professionnel', false, 'Professionnel')}
</ul>
${panel('particulier', true, 'Espace particulier', 'Votre impôt sur le revenu, votre prélèvement à la source.', TABS_PAGES.start)}
${panel('professionnel', false, 'Espace professionnel', 'Les impôts de votre entreprise.', TABS_PAGES.pro)}
</div>
<h2 class="fr-h4 fr-mt-8v">Un problème pour vous connecter ?</h2>
<section class="fr-accordion">
  <h3 class="fr-accordion__title"><button type="button" class="fr-accordion__btn" aria-expanded="false" aria-controls="accordion-mot-de-passe">Mot de passe oublié ?</button></h3>
  <div class="fr-collapse" id="accordion-mot-de-passe">
    <p>Vous pouvez choisir un nouveau mot de passe à tout moment.</p>
    <p><a class="fr-link" href="${TABS_PAGES.password}">Choisir un nouveau mot de passe</a></p>
  </div>
</section>`,
    { service: 'Impôts (entraînement)' },
  );
}

/** The page for a path under `TABS_ROOT`, or null. */
export function tabsPage(pathname: string): string | null {
  if (pathname === TABS_PAGES.start) return startPage();
  if (pathname === TABS_PAGES.pro)
    return layout('Espace professionnel', '<h1 class="fr-h2">Espace professionnel (entraînement)</h1>', {
      service: 'Impôts (entraînement)',
    });
  if (pathname === TABS_PAGES.password)
    return layout(
      'Nouveau mot de passe',
      `<h1 class="fr-h2">Choisir un nouveau mot de passe (entraînement)</h1>
<p>Un lien pour choisir un nouveau mot de passe vous sera envoyé.</p>
<details class="fr-mt-4v">
  <summary>Besoin d'aide ?</summary>
  <p>Si vous n'avez plus accès à votre adresse électronique, l'assistance peut vous aider.</p>
  <p><a class="fr-link" href="${TABS_PAGES.help}">Contacter l'assistance</a></p>
</details>`,
      { service: 'Impôts (entraînement)' },
    );
  if (pathname === TABS_PAGES.help)
    return layout('Assistance', '<h1 class="fr-h2">Assistance (entraînement)</h1>', { service: 'Impôts (entraînement)' });
  return null;
}
