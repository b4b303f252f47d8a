/**
 * FranceConnect on the practice site, in DSFR 1.14.4 markup: the four pages a
 * person goes through to log in to a service « with FranceConnect », written
 * from what the research notes of the DSFR's FranceConnect button, of the DSFR
 * login page, and of FranceConnect's own account-choice and consent pages
 * (/work/shared/research/procedures.md §1; wordings and classes, not their code).
 *
 *   /franceconnect/service/connexion/       the service's login page: « S’identifier avec FranceConnect »
 *                                           (`.fr-connect`), « ou », its own identifiant and mot de passe
 *   /franceconnect/choix-du-compte/         « Connexion en cours sur … », « Choisissez un compte pour vous
 *                                           connecter : », one tile per identity provider of today
 *   /franceconnect/fournisseur/<provider>/  the provider's login page (made up: the research has no wording of it)
 *   /franceconnect/consentement/            « Vous allez vous connecter en tant que : », the consent box,
 *                                           « Continuer sur … »
 *   /franceconnect/service/connecte/        back on the service, logged in
 *
 * Forms are sent with POST and answered with a redirect to the next page; the
 * server never reads what a form sends (no typed value is kept, logged or put
 * in an address). Only the provider chosen on the account-choice page, one of
 * the fixed names below, is read, to lead to its page.
 */

export const FC_ROOT = '/franceconnect/';

/** The practice service, as FranceConnect names it (« Connexion en cours sur … », « Continuer sur … »). */
export const FC_SERVICE = 'Service d’entraînement';

/** The identity providers shown today, in FranceConnect's order, with their names as the tiles show them. */
export const FC_PROVIDERS = [
  { uid: 'impots', name: 'impots.gouv.fr' },
  { uid: 'ameli', name: 'Ameli.fr' },
  { uid: 'laposte', name: 'L’Identité Numérique La Poste' },
  { uid: 'msa', name: 'MSA' },
  { uid: 'yris', name: 'YRIS' },
  { uid: 'france-identite', name: 'France Identité' },
] as const;

/** The pages' addresses, by name. */
export const FC_PAGES = {
  login: `${FC_ROOT}service/connexion/`,
  choice: `${FC_ROOT}choix-du-compte/`,
  provider: (uid: string) => `${FC_ROOT}fournisseur/${uid}/`,
  consent: `${FC_ROOT}consentement/`,
  loggedIn: `${FC_ROOT}service/connecte/`,
} as const;

/** The fictive person that the practice provider « finds » (never anything typed). */
const PRACTICE_PERSON = 'Camille EXEMPLE';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** A page in DSFR markup, with the header of `operator` (the service, FranceConnect or a provider). */
function page(title: string, operator: string, body: string): string {
  return `<!doctype html>
<html lang="fr" data-fr-scheme="system">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<title>${escapeHtml(title)}</title>
<link href="/1.14.4/dist/dsfr.min.css" rel="stylesheet">
<link href="/1.14.4/dist/utility/icons/icons-arrows/icons-arrows.min.css" rel="stylesheet">
</head>
<body>
<header role="banner" class="fr-header">
  <div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
    <div class="fr-header__brand fr-enlarge-link"><div class="fr-header__brand-top">
      <div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div>
    </div>
    <div class="fr-header__service"><p class="fr-header__service-title">${escapeHtml(operator)}</p>
    <p class="fr-header__service-tagline">Site d’entraînement : rien de ce que vous tapez n’est gardé</p></div></div>
  </div></div></div>
</header>
<main role="main" id="content">
<div class="fr-container fr-my-8v">
<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
${body}
</div></div>
</div>
</main>
<script type="module" src="/1.14.4/dist/dsfr.module.min.js"></script>
</body>
</html>`;
}

/** The login fields of a « Connexion » page (DSFR login layout): an identifier, a password, « Se connecter ». */
function accountForm(action: string, legend: string): string {
  return `<form method="post" action="${action}">
<fieldset class="fr-fieldset" id="login-fieldset" aria-labelledby="login-legend">
  <legend class="fr-fieldset__legend" id="login-legend"><h2 class="fr-h5">${escapeHtml(legend)}</h2></legend>
  <div class="fr-fieldset__element"><div class="fr-input-group">
    <label class="fr-label" for="username">Identifiant<span class="fr-hint-text">Format attendu : nom@domaine.fr</span></label>
    <input class="fr-input" type="text" id="username" name="username" autocomplete="username" spellcheck="false">
  </div></div>
  <div class="fr-fieldset__element"><div class="fr-password">
    <label class="fr-label" for="password">Mot de passe</label>
    <div class="fr-input-wrap"><input class="fr-password__input fr-input" type="password" id="password" name="password" autocomplete="current-password"></div>
  </div></div>
</fieldset>
<ul class="fr-btns-group"><li><button class="fr-btn" type="submit">Se connecter</button></li></ul>
</form>`;
}

/** The service's login page: FranceConnect first, « ou », then the service's own account. */
function loginPage(): string {
  return page(
    `Connexion — ${FC_SERVICE}`,
    FC_SERVICE,
    `<h1>Connexion à ${escapeHtml(FC_SERVICE)}</h1>
<div class="fr-mb-6v">
  <h2>Se connecter avec FranceConnect</h2>
  <p>FranceConnect est la solution proposée par l’État pour sécuriser et simplifier la connexion à vos services en ligne.</p>
  <form method="post" action="${FC_ROOT}service/franceconnect/">
  <div class="fr-connect-group">
    <button class="fr-connect" type="submit">
      <span class="fr-connect__login">S’identifier avec</span>
      <span class="fr-connect__brand">FranceConnect</span>
    </button>
    <p><a href="https://franceconnect.gouv.fr/" target="_blank" rel="noopener" title="Qu’est-ce que FranceConnect ? - nouvelle fenêtre">Qu’est-ce que FranceConnect ?</a></p>
  </div>
  </form>
</div>
<p class="fr-hr-or">ou</p>
${accountForm(FC_PAGES.login, 'Se connecter avec son compte')}
<hr>
<h2>Vous n’avez pas de compte ?</h2>
<ul class="fr-btns-group"><li><button class="fr-btn fr-btn--secondary" type="button">Créer un compte</button></li></ul>`,
  );
}

/** FranceConnect's account choice: one tile per provider, sent with POST; « Revenir sur … ». */
function choicePage(): string {
  const tiles = FC_PROVIDERS.map(
    (provider) => `<div class="fr-col-12 fr-col-sm-6 fr-col-lg-4">
  <button type="submit" role="link" name="providerUid" value="${provider.uid}" class="fr-btn fr-btn--tertiary fr-px-0 fc-btn--provider">
    <figure class="fr-content-media fr-m-0"><figcaption>${escapeHtml(provider.name)}</figcaption></figure>
  </button>
</div>`,
  ).join('\n');
  return page(
    'Connexion - Choix du compte - FranceConnect',
    'FranceConnect',
    `<h1 class="fr-text--lg">Connexion en cours sur ${escapeHtml(FC_SERVICE)}</h1>
<h2 class="fr-h3">Choisissez un compte pour vous connecter :</h2>
<form method="post" action="${FC_PAGES.choice}">
<div class="fr-grid-row fr-grid-row--gutters">
${tiles}
</div>
</form>
<p class="fr-mt-6v"><a class="fr-btn fr-btn--tertiary-no-outline fr-icon-arrow-go-back-fill fr-btn--icon-left" href="${FC_PAGES.login}">Revenir sur ${escapeHtml(FC_SERVICE)}</a></p>
<div class="fr-callout fr-mt-6v">
  <p class="fr-callout__title">Vous êtes un aidant professionnel ?</p>
  <button class="fr-btn fr-btn--secondary" type="button">Utiliser Aidants Connect</button>
</div>`,
  );
}

/** A provider's login page: made up (the research gives none of their wordings), DSFR login fields. */
function providerPage(name: string): string {
  return page(
    `Connexion — ${name} (entraînement)`,
    `${name} (entraînement)`,
    `<h1>Connexion à ${escapeHtml(name)}</h1>
<p>Page d’entraînement : sur le vrai site, cette page est celle de ${escapeHtml(name)}.</p>
${accountForm(FC_ROOT + 'fournisseur/', `Se connecter avec son compte ${name}`)}`,
  );
}

/** FranceConnect's consent page: who is logging in, the consent box, « Continuer sur … ». */
function consentPage(): string {
  return page(
    `Connexion - Continuer sur Service ${FC_SERVICE} - FranceConnect`,
    'FranceConnect',
    `<h1 class="fr-h3">Vous allez vous connecter en tant que :</h1>
<h2 class="fr-h4">${PRACTICE_PERSON}</h2>
<p class="fr-text--sm">Personne fictive du site d’entraînement.</p>
<form method="post" action="${FC_PAGES.consent}">
<div class="fr-checkbox-group fr-mb-4v">
  <input type="checkbox" id="consent" name="consent">
  <label class="fr-label" for="consent">J’accepte que FranceConnect transmette mes données au service pour me connecter</label>
</div>
<button class="fr-btn fr-btn--lg" type="submit">Continuer sur ${escapeHtml(FC_SERVICE)}</button>
</form>
<section class="fr-accordion fr-mt-6v">
  <h3 class="fr-accordion__title"><button class="fr-accordion__btn" type="button" aria-expanded="false" aria-controls="fc-data">Données transmises</button></h3>
  <div class="fr-collapse" id="fc-data"><p>Informations récupérées : nom, prénoms, date de naissance (fictives ici).</p></div>
</section>`,
  );
}

function loggedInPage(): string {
  return page(
    `Mon espace — ${FC_SERVICE}`,
    FC_SERVICE,
    `<h1>Vous êtes connecté</h1>
<p>Vous êtes sur votre espace de ${escapeHtml(FC_SERVICE)}, connecté avec FranceConnect.</p>`,
  );
}

export interface FcAnswer {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

const html = (body: string): FcAnswer => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body,
});
const redirect = (location: string): FcAnswer => ({ status: 303, headers: { location, 'cache-control': 'no-store' } });

/**
 * The answer to a request under `/franceconnect/`, or null when it is none of these pages.
 * `provider`: on a POST of the account choice, the provider chosen (a tile's fixed value); nothing else is read.
 */
export function franceConnectRoute(method: string, pathname: string, provider?: string | null): FcAnswer | null {
  if (!pathname.startsWith(FC_ROOT)) return null;
  const path = pathname.replace(/index\.html$/, '').replace(/\/?$/, '/');
  if (method === 'POST') {
    if (path === `${FC_ROOT}service/franceconnect/`) return redirect(FC_PAGES.choice);
    if (path === FC_PAGES.login) return redirect(FC_PAGES.login);
    if (path === FC_PAGES.choice) {
      const chosen = FC_PROVIDERS.find((candidate) => candidate.uid === provider);
      return redirect(chosen ? FC_PAGES.provider(chosen.uid) : FC_PAGES.choice);
    }
    if (path === `${FC_ROOT}fournisseur/`) return redirect(FC_PAGES.consent);
    if (path === FC_PAGES.consent) return redirect(FC_PAGES.loggedIn);
    return null;
  }
  if (path === FC_PAGES.login) return html(loginPage());
  if (path === FC_PAGES.choice) return html(choicePage());
  if (path === FC_PAGES.consent) return html(consentPage());
  if (path === FC_PAGES.loggedIn) return html(loggedInPage());
  const chosen = FC_PROVIDERS.find((candidate) => path === FC_PAGES.provider(candidate.uid));
  return chosen ? html(providerPage(chosen.name)) : null;
}
