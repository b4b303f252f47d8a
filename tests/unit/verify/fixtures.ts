/** A small guide to check: a question, a step on a page, a step anywhere, a step with nothing to find, two ends. */
import type { Guide } from '../../../utils/guide/schema';

export const GUIDE: Guide = {
  format: 1,
  sources: [],
  id: 'se-connecter',
  version: '1.2.3',
  lang: 'fr',
  title: 'Se connecter',
  summary: 'Se connecter à son espace.',
  status: { state: 'draft' },
  sites: ['https://moncompte.exemple.gouv.fr/*'],
  prepare: [],
  durationMinutes: 5,
  steps: [
    {
      kind: 'question',
      id: 'compte',
      question: 'Avez-vous un compte ?',
      choices: [
        { label: 'Oui', next: 'identifiant' },
        { label: 'Non', next: 'fin-sans-compte' },
      ],
    },
    {
      kind: 'step',
      id: 'identifiant',
      page: '/connexion*',
      action: 'fill',
      target: { tag: 'input', label: 'Adresse électronique' },
      instruction: 'Tapez votre adresse e-mail.',
      sensitive: false,
    },
    {
      kind: 'step',
      id: 'valider',
      action: 'click',
      target: { tag: 'button', name: 'Continuer' },
      instruction: 'Cliquez sur « Continuer ».',
      sensitive: false,
    },
    { kind: 'step', id: 'lire', action: 'read', instruction: 'Lisez le message.', sensitive: false },
    { kind: 'end', id: 'fin', message: 'Vous êtes connecté.' },
    { kind: 'end', id: 'fin-sans-compte' },
  ],
};
