import { type Guide, type GuideInput, guideSchema } from '../../../utils/guide/schema';

/** Guides as the catalogue gives them: validated by the real schema. */
export const accountGuide: Guide = guideSchema.parse({
  format: 1,
  id: 'creer-un-compte',
  version: '1.0.0',
  lang: 'fr',
  title: 'Créer un compte <b>en ligne</b>',
  summary: 'Créer votre compte sur le site, pas à pas.',
  status: { state: 'verified', against: 'DSFR 1.14.4', on: '2026-01-10' },
  sites: ['https://exemple.gouv.fr/*'],
  prepare: [
    { label: 'Une adresse e-mail', hint: 'Celle que vous consultez.' },
    { label: 'Votre numéro fiscal', sensitive: true },
  ],
  durationMinutes: 10,
  steps: [
    {
      kind: 'step',
      id: 'ouvrir',
      action: 'click',
      target: { tag: 'a', role: 'link', name: 'Créer un compte' },
      instruction: 'Cliquez sur <em>« Créer un compte »</em>.',
      why: 'Le formulaire est sur une autre page.',
      advisorTip: 'Laissez la personne trouver le lien elle-même.',
    },
    {
      kind: 'question',
      id: 'deja-client',
      question: 'Avez-vous déjà un compte ?',
      advisorTip: 'Demandez-lui sans regarder ses papiers.',
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
    {
      kind: 'step',
      id: 'mot-de-passe',
      action: 'fill',
      target: { tag: 'input', type: 'password', label: 'Mot de passe' },
      instruction: 'Choisissez un mot de passe.',
      sensitive: true,
      advisorTip: 'Regardez ailleurs pendant la saisie.',
    },
    { kind: 'end', id: 'fin', message: 'Votre compte est créé.' },
  ],
} satisfies GuideInput);

export const otherGuide: Guide = guideSchema.parse({
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
