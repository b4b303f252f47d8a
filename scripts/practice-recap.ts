/**
 * A logged-in account on the practice site: three pages in DSFR 1.14.4 markup
 * that show the person's own data the way real public sites do, so that the
 * recorder can be tried (and tested) where a page is full of someone's data.
 *
 *   /espace/demande/identite/      first name, last name (typed)
 *   /espace/demande/adresse/       address, phone (typed)
 *   /espace/demande/recapitulatif/ « Bonjour <first name> », what was typed, the household's
 *                                  children as radios, « Modifier l’adresse … », a link with a
 *                                  dossier number and an e-mail in its path, « Valider la demande »
 *
 * Each form is sent with POST; the server keeps what was sent in memory (one
 * practice account per server) to show it back on the recap page, and forgets
 * it when the recap's own form is sent. The account's fixed data (children,
 * dossier number, e-mail) is in `ACCOUNT`.
 */

export const RECAP_ROOT = '/espace/demande/';

/** What the account holds before anything is typed: the household, the dossier. */
export const ACCOUNT = {
  dossier: '2850375123456',
  email: 'jeanne.martin@example.fr',
  nir: '2 85 03 75 123 456 78',
  allocataire: '1234567',
  children: [
    { id: 'enfant-1', value: '2150375999888', label: 'Lucas MARTIN, né le 02/04/2015' },
    { id: 'enfant-2', value: '2180975999777', label: 'Emma MARTIN, née le 11/09/2018' },
  ],
} as const;

/** The fields of each page, in order; the recap shows them back. */
const PAGES = {
  identite: {
    title: 'Votre identité',
    step: 1,
    next: 'adresse',
    fields: [
      { name: 'given-name', label: 'Prénom', autocomplete: 'given-name' },
      { name: 'family-name', label: 'Nom', autocomplete: 'family-name' },
    ],
  },
  adresse: {
    title: 'Votre adresse',
    step: 2,
    next: 'recapitulatif',
    fields: [
      { name: 'street-address', label: 'Adresse', autocomplete: 'street-address' },
      { name: 'tel', label: 'Téléphone', autocomplete: 'tel' },
    ],
  },
} as const;

type PageName = keyof typeof PAGES;
export type Submitted = Partial<Record<string, string>>;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** A page of the practice site in DSFR markup: its header names the `service`; `script` is the site's own, if any. */
export function layout(title: string, body: string, { service = 'Mon espace (entraînement)', script = '' } = {}): string {
  return `<!doctype html>
<html lang="fr" data-fr-scheme="system">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<title>${escapeHtml(title)} — ${escapeHtml(service)}</title>
<link href="/1.14.4/dist/dsfr.min.css" rel="stylesheet">
</head>
<body>
<header role="banner" class="fr-header">
  <div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
    <div class="fr-header__brand fr-enlarge-link"><div class="fr-header__brand-top">
      <div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div>
    </div>
    <div class="fr-header__service"><p class="fr-header__service-title">${escapeHtml(service)}</p></div></div>
  </div></div></div>
</header>
<main role="main" id="content">
<div class="fr-container fr-my-8v">
<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
${body}
</div></div>
</div>
</main>
${script}<script type="module" src="/1.14.4/dist/dsfr.module.min.js"></script>
</body>
</html>`;
}

function stepper(title: string, step: number): string {
  return `<div class="fr-stepper">
  <h2 class="fr-stepper__title">${escapeHtml(title)}<span class="fr-stepper__state">Étape ${step} sur 3</span></h2>
  <div class="fr-stepper__steps" data-fr-current-step="${step}" data-fr-steps="3"></div>
</div>`;
}

function formPage(name: PageName): string {
  const page = PAGES[name];
  const fields = page.fields
    .map(
      (field) => `<div class="fr-fieldset__element"><div class="fr-input-group">
  <label class="fr-label" for="${field.name}">${escapeHtml(field.label)}</label>
  <input class="fr-input" type="text" id="${field.name}" name="${field.name}" autocomplete="${field.autocomplete}" spellcheck="false">
</div></div>`,
    )
    .join('\n');
  return layout(
    page.title,
    `<h1 class="fr-h2">Demande d’aide (entraînement)</h1>
${stepper(page.title, page.step)}
<form method="post" action="${RECAP_ROOT}${name}/">
<fieldset class="fr-fieldset" id="${name}-fieldset" aria-labelledby="${name}-legend">
  <legend class="fr-fieldset__legend" id="${name}-legend">${escapeHtml(page.title)}</legend>
  ${fields}
</fieldset>
<ul class="fr-btns-group fr-btns-group--inline-md"><li><button class="fr-btn" type="submit">Continuer</button></li></ul>
</form>`,
  );
}

/** The recap page, as the account shows it after the two forms. */
export function recapPage(sent: Submitted): string {
  const value = (key: string) => escapeHtml(sent[key] ?? '');
  const first = value('given-name');
  const full = `${first} ${value('family-name')}`.trim();
  const children = ACCOUNT.children
    .map(
      (child) => `<div class="fr-fieldset__element"><div class="fr-radio-group">
  <input type="radio" id="${child.id}" name="enfant" value="${child.value}">
  <label class="fr-label" for="${child.id}">${escapeHtml(child.label)}</label>
</div></div>`,
    )
    .join('\n');
  return layout(
    'Récapitulatif',
    `<p class="fr-text--lead" id="greeting">Bonjour ${first}</p>
<h1 class="fr-h2">Demande de ${full}</h1>
${stepper('Récapitulatif', 3)}
<h2 class="fr-h4">Ce que vous avez déclaré</h2>
<dl class="recap">
  <dt>Nom et prénom</dt><dd>${full}</dd>
  <dt>Numéro de sécurité sociale</dt><dd>NIR : ${ACCOUNT.nir}</dd>
  <dt>Numéro allocataire</dt><dd>${ACCOUNT.allocataire}</dd>
  <dt>Téléphone</dt><dd>${value('tel')}</dd>
  <dt>Adresse</dt><dd>${value('street-address')}</dd>
</dl>
<p><button class="fr-btn fr-btn--secondary fr-btn--sm" type="button" aria-label="Modifier l’adresse ${value('street-address')}">Modifier</button></p>
<p><a class="fr-link" href="/espace/dossier/${ACCOUNT.dossier}/${ACCOUNT.email}/pieces">Voir les pièces du dossier de ${full}</a></p>
<form method="post" action="${RECAP_ROOT}recapitulatif/">
<fieldset class="fr-fieldset" id="enfants" aria-labelledby="enfants-legend">
  <legend class="fr-fieldset__legend" id="enfants-legend">Enfant concerné</legend>
  ${children}
</fieldset>
<div class="fr-fieldset__element"><div class="fr-checkbox-group">
  <input type="checkbox" id="mention-cnil" name="mention-cnil">
  <label class="fr-label" for="mention-cnil">J’atteste sur l’honneur l’exactitude des informations</label>
</div></div>
<ul class="fr-btns-group fr-btns-group--inline-md"><li><button class="fr-btn" type="submit">Valider la demande</button></li></ul>
</form>`,
  );
}

function donePage(): string {
  return layout('Demande envoyée', '<h1 class="fr-h2">Votre demande est envoyée</h1><p>Vous recevrez une réponse par courrier.</p>');
}

export interface RecapAnswer {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

/**
 * The answer to a request under `/espace/`, or null when the path is not one of these pages.
 * `form`: the decoded body of a POST. `store`: what this server keeps between requests.
 */
export function recapRoute(method: string, pathname: string, form: URLSearchParams | null, store: { sent: Submitted }): RecapAnswer | null {
  if (!pathname.startsWith('/espace/')) return null;
  const html = (body: string): RecapAnswer => ({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body,
  });
  const match = pathname.slice(RECAP_ROOT.length).replace(/\/?(?:index\.html)?$/, '');
  if (!pathname.startsWith(RECAP_ROOT)) return html(donePage());
  if (method === 'POST') {
    if (match === 'recapitulatif') {
      store.sent = {};
      return { status: 303, headers: { location: `${RECAP_ROOT}envoyee/` } };
    }
    const page = PAGES[match as PageName];
    if (!page) return null;
    for (const field of page.fields) {
      const sent = form?.get(field.name);
      if (sent !== null && sent !== undefined) store.sent[field.name] = sent.slice(0, 200);
    }
    return { status: 303, headers: { location: `${RECAP_ROOT}${page.next}/` } };
  }
  if (match === 'identite' || match === 'adresse') return html(formPage(match));
  if (match === 'recapitulatif') return html(recapPage(store.sent));
  if (match === 'envoyee') return html(donePage());
  return null;
}
