import { type Guide, type GuideInput, guideSchema } from '../../../utils/guide/schema';

/** A valid guide with every kind of item, as a file would hold it. */
export const sampleGuide: Guide = guideSchema.parse({
  format: 1,
  id: 'creer-mon-compte',
  version: '1.2.0',
  lang: 'fr',
  title: 'Créer mon compte <b>en ligne</b>',
  summary: 'Créer votre compte sur le site, pas à pas.',
  status: { state: 'verified', against: 'DSFR 1.14.4', on: '2026-01-10' },
  sites: ['https://exemple.gouv.fr/*'],
  prepare: [{ label: 'Une adresse e-mail', hint: 'Celle que vous consultez.' }],
  durationMinutes: 10,
  steps: [
    {
      kind: 'step',
      id: 'ouvrir',
      action: 'click',
      target: { tag: 'a', role: 'link', name: 'Créer un compte', label: 'Créer un compte' },
      instruction: 'Cliquez sur « Créer un compte ».',
      why: 'Le formulaire est sur une autre page.',
    },
    {
      kind: 'question',
      id: 'deja-client',
      question: 'Avez-vous déjà un compte ?',
      choices: [
        { label: 'Oui', next: 'fin' },
        { label: 'Non', next: 'email' },
      ],
    },
    {
      kind: 'step',
      id: 'email',
      action: 'fill',
      target: { tag: 'input', type: 'email', label: 'Adresse e-mail' },
      instruction: 'Tapez votre adresse e-mail.',
    },
    { kind: 'end', id: 'fin', message: 'Votre compte est créé.' },
  ],
} satisfies GuideInput);

/** A bundled guide, as the catalogue gives it. */
export const bundledGuide: Guide = guideSchema.parse({
  format: 1,
  id: 'attestation',
  version: '2.1.0',
  lang: 'fr',
  title: 'Obtenir une attestation',
  summary: 'Télécharger votre attestation.',
  status: { state: 'draft' },
  sites: ['https://autre.gouv.fr/*'],
  durationMinutes: 5,
  steps: [
    { kind: 'step', id: 'lire', action: 'read', instruction: 'Lisez la page.' },
    { kind: 'end', id: 'fin' },
  ],
} satisfies GuideInput);

/** Values typed during a Chrome recording: none may reach a guide or storage. */
export const RECORDED_EMAIL = 'marie.curie@example.org';
export const RECORDED_PASSWORD = 'S3cret-Passw0rd!';

/** A Chrome DevTools Recorder export (the @puppeteer/replay user-flow shape). */
export function recorderFile(): Record<string, unknown> {
  const base = 'https://www.exemple.gouv.fr/connexion';
  return {
    title: 'Connexion au compte',
    steps: [
      { type: 'setViewport', width: 1280, height: 720, deviceScaleFactor: 1, isMobile: false, hasTouch: false, isLandscape: false },
      {
        type: 'navigate',
        url: `${base}/index.html`,
        assertedEvents: [{ type: 'navigation', url: `${base}/index.html`, title: 'Connexion' }],
      },
      { type: 'click', target: 'main', selectors: [['aria/Adresse e-mail'], ['#email']], offsetX: 10, offsetY: 10 },
      { type: 'change', value: RECORDED_EMAIL, selectors: [['aria/Adresse e-mail'], ['#email']], target: 'main' },
      { type: 'change', value: RECORDED_PASSWORD, selectors: [['aria/Mot de passe'], ['#password']], target: 'main' },
      { type: 'click', target: 'main', selectors: [['aria/Se connecter[role="button"]'], ['button.fr-btn']], offsetX: 5, offsetY: 5 },
    ],
  };
}

/** A recorded guide whose recap step still holds a date of birth and an e-mail, and one withheld fact. */
export const markedGuide: Guide = guideSchema.parse({
  ...sampleGuide,
  status: { state: 'draft' },
  steps: [
    {
      kind: 'step',
      id: 'modifier',
      action: 'click',
      page: '/espace/demande/recapitulatif',
      target: {
        tag: 'button',
        role: 'button',
        name: 'Modifier',
        neighbourText: 'Née le 12/03/1980',
        context: 'Vos coordonnées',
        withheld: ['text'],
      },
      instruction: 'Cliquez sur « Modifier ».',
    },
    {
      kind: 'step',
      id: 'courriel',
      action: 'fill',
      target: { tag: 'input', type: 'email', label: 'Adresse e-mail', placeholder: 'jeanne.martin@example.org' },
      instruction: 'Tapez votre adresse e-mail.',
    },
    { kind: 'end', id: 'fin' },
  ],
});
