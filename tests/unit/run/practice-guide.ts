import { type Guide, type GuideInput, guideSchema } from '../../../utils/guide/schema';

/**
 * A guide shaped like the practice one (DSFR account creation): a question
 * first, two branches, steps spread over pages, every action and doneWhen.
 */
export const practiceInput: GuideInput = {
  format: 1,
  id: 'compte-pratique',
  version: '1.0.0',
  lang: 'fr',
  title: 'Créer un compte (entraînement)',
  summary: 'Se connecter ou créer un compte sur le site d’entraînement.',
  status: { state: 'draft' },
  sites: ['http://localhost/*'],
  durationMinutes: 10,
  steps: [
    {
      kind: 'question',
      id: 'has-account',
      question: 'Avez-vous déjà un compte ?',
      choices: [
        { label: 'Oui', next: 'login-email' },
        { label: 'Non', next: 'register-link' },
      ],
    },
    {
      kind: 'step',
      id: 'login-email',
      page: '/login/*',
      action: 'fill',
      target: { tag: 'input', type: 'email' },
      instruction: 'Écrivez votre adresse.',
    },
    {
      kind: 'step',
      id: 'login-password',
      page: '/login/*',
      action: 'fill',
      sensitive: true,
      target: { tag: 'input', type: 'password' },
      instruction: 'Écrivez votre mot de passe.',
    },
    {
      kind: 'step',
      id: 'login-submit',
      page: '/login/*',
      action: 'click',
      target: { tag: 'button', type: 'submit', text: 'Se connecter' },
      instruction: 'Cliquez sur « Se connecter ».',
      next: 'logged-in',
    },
    { kind: 'end', id: 'logged-in', message: 'Vous êtes connecté·e.' },
    {
      kind: 'step',
      id: 'register-link',
      page: '/login/*',
      action: 'click',
      target: { tag: 'a', text: 'Créer un compte' },
      instruction: 'Cliquez sur « Créer un compte ».',
    },
    {
      kind: 'step',
      id: 'identity-name',
      page: '/register/identity/*',
      action: 'fill',
      target: { tag: 'input', nameAttr: 'nom' },
      instruction: 'Écrivez votre nom.',
    },
    {
      kind: 'step',
      id: 'identity-civility',
      page: '/register/identity/*',
      action: 'choose',
      target: { tag: 'input', type: 'radio', nameAttr: 'civilite' },
      instruction: 'Choisissez votre civilité.',
    },
    {
      kind: 'step',
      id: 'go-contact',
      page: '/register/identity/*',
      action: 'go-to-page',
      donePage: '/register/contact/*',
      instruction: 'Passez à l’étape suivante.',
    },
    { kind: 'step', id: 'contact-read', page: '/register/contact/*', action: 'read', instruction: 'Lisez les conditions.' },
    {
      kind: 'step',
      id: 'contact-cgu',
      page: '/register/contact/*',
      action: 'check',
      target: { tag: 'input', type: 'checkbox' },
      instruction: 'Cochez la case.',
    },
    {
      kind: 'step',
      id: 'contact-file',
      page: '/register/contact/*',
      action: 'pick-file',
      target: { tag: 'input', type: 'file' },
      instruction: 'Choisissez un justificatif.',
    },
    {
      kind: 'step',
      id: 'contact-submit',
      page: '/register/contact/*',
      action: 'click',
      target: { tag: 'button', type: 'submit' },
      doneWhen: 'page',
      donePage: '/register/done/*',
      instruction: 'Envoyez le formulaire.',
    },
    { kind: 'end', id: 'registered', message: 'Votre compte est créé.' },
  ],
};

export const practiceGuide: Guide = guideSchema.parse(practiceInput);

export const at = (path: string) => `http://localhost:8643${path}`;
