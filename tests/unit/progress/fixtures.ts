import { type Guide, type GuideInput, guideSchema } from '../../../utils/guide/schema';
import type { Completion } from '../../../utils/progress';
import { advance, type HelpLevel, type Run, type RunEvent, startRun } from '../../../utils/run';

/** A small guide: a question, then four steps (one sensitive, one that only « C'est fait » completes), two ends. */
export const guideInput = {
  format: 1,
  id: 'attestation-droits',
  version: '1.2.0',
  lang: 'fr',
  title: 'Obtenir mon attestation <b>de droits</b>',
  summary: 'Télécharger votre attestation, pas à pas.',
  status: { state: 'draft' },
  sites: ['https://*.exemple.gouv.fr/*'],
  prepare: [{ label: 'Votre carte Vitale' }, { label: 'Votre mot de passe', sensitive: true }],
  durationMinutes: 5,
  steps: [
    {
      kind: 'question',
      id: 'compte',
      question: 'Avez-vous déjà un compte ?',
      choices: [
        { label: 'Oui', next: 'connexion' },
        { label: 'Non', next: 'fin-sans-compte' },
      ],
    },
    {
      kind: 'step',
      id: 'connexion',
      action: 'click',
      target: { tag: 'a', role: 'link', name: 'Se connecter' },
      instruction: 'Cliquez sur « Se connecter ».',
    },
    {
      kind: 'step',
      id: 'mot-de-passe',
      action: 'fill',
      target: { tag: 'input', type: 'password', label: 'Mot de passe' },
      instruction: 'Tapez votre mot de passe.',
      sensitive: true,
    },
    {
      kind: 'step',
      id: 'telecharger',
      action: 'click',
      target: { tag: 'button', role: 'button', name: 'Télécharger' },
      instruction: 'Cliquez sur « Télécharger l’attestation ».',
    },
    { kind: 'step', id: 'lire', action: 'read', instruction: 'Lisez le message de confirmation.' },
    { kind: 'end', id: 'fin', message: 'Votre attestation est téléchargée.' },
    { kind: 'end', id: 'fin-sans-compte', message: 'Créez d’abord un compte.' },
  ],
} satisfies GuideInput;

export const guide: Guide = guideSchema.parse(guideInput);

export const T0 = Date.UTC(2026, 2, 12, 10, 0, 0);

export interface Play {
  level?: HelpLevel;
  startedAt?: number;
  /** Steps where help is asked before doing them. */
  help?: string[];
  /** Steps marked « C'est fait » instead of done. */
  manual?: string[];
  /** Events inserted before a step id: e.g. a change of level. */
  before?: Record<string, RunEvent[]>;
  /** Stop before this step (the run stays active). */
  stopAt?: string;
}

/** A run of `guide` played with the real state machine, one minute per event. */
export function play({ level = 'guided', startedAt = T0, help = [], manual = [], before = {}, stopAt }: Play = {}): Run {
  let now = startedAt;
  let run = startRun(guide, 'alone', now, level);
  const apply = (event: RunEvent) => {
    now += 60_000;
    run = advance(guide, run, event, now);
  };
  apply({ type: 'answer', choice: 0 });
  for (const id of ['connexion', 'mot-de-passe', 'telecharger', 'lire']) {
    if (id === stopAt) return run;
    for (const event of before[id] ?? []) apply(event);
    if (help.includes(id)) apply({ type: 'help', kind: 'not-found' });
    apply(id === 'lire' || manual.includes(id) ? { type: 'manual-done' } : { type: 'action-done', stepId: id });
  }
  return run;
}

/** A completion as the record holds it, for the suggestion rule. */
export function completion(
  level: HelpLevel,
  at: number,
  { help = [], byHand = [] }: { help?: string[]; byHand?: string[] } = {},
): Completion {
  return { startedAt: at - 600_000, at, level, guideVersion: '1.0.0', steps: 4, help, byHand };
}
