// How a person does the practice guide on the DSFR 1.14.4 pages (trusted input): each step's element, gesture and fields set.
import type { Page } from 'puppeteer-core';
import { doneWhenOf, itemById, nextItemId } from '../../../utils/guide/graph';
import type { ActionStep, GuideItem, Question } from '../../../utils/guide/schema';
import { practiceGuide, WAIT_MS } from '../harness';
import { clickAsPerson, typeAsPerson } from './gestures';

const guide = practiceGuide();

/**
 * The practice guide's opening question; its answer « pas encore de compte »,
 * which leads to the steps, with its place among the choices; and the other
 * answer, « j'ai déjà un compte », which leads to an end.
 */
export const PRACTICE_QUESTION = (() => {
  const question = guide.steps[0];
  if (question?.kind !== 'question') throw new Error('le guide d’entraînement commence par une question');
  const noAccountIndex = question.choices.findIndex((choice) => itemById(guide, choice.next)?.kind === 'step');
  const noAccount = question.choices[noAccountIndex];
  const hasAccount = question.choices.find((choice) => itemById(guide, choice.next)?.kind === 'end');
  if (!noAccount || !hasAccount) throw new Error('réponses inattendues à la question du guide d’entraînement');
  return { question, noAccount, noAccountIndex, hasAccount } satisfies {
    question: Question;
    noAccount: Question['choices'][number];
    noAccountIndex: number;
    hasAccount: Question['choices'][number];
  };
})();

/** What the person types: made-up values, compared with the fields after each step. */
export const TYPED = {
  email: 'camille.martin@example.fr',
  password: 'Un-mot-de-passe-2026!',
  family: 'Martin',
  given: 'Camille',
  address: '12 rue des Lilas',
  postal: '34000',
  city: 'Montpellier',
};

/** The e-mail field of the login page: the element of the guide's first step. */
const EMAIL_FIELD = 'username-8608';
export const FIRST_TARGET = `#${EMAIL_FIELD}`;

/** How the person does each step of the practice guide on the DSFR 1.14.4 pages, and the element the step is about. */
export interface PersonStep {
  /** The element the spotlight must be on. */
  target: string;
  /** The person's action (trusted input); none for a step only « C'est fait » can complete. */
  act?: (page: Page) => Promise<void>;
  /** The fields of `<main>` the action changes: id → value or checked. */
  sets?: Record<string, string | boolean>;
}

export const submitting = (selector: string) => async (page: Page) => {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: WAIT_MS }), clickAsPerson(page, selector)]);
};

/** A field the person types `value` into. */
const typing = (id: string, value: string): PersonStep => ({
  target: `#${id}`,
  act: (page) => typeAsPerson(page, `#${id}`, value),
  sets: { [id]: value },
});

/** A box or a radio the person ticks by clicking its label (DSFR draws the box on the label). */
const ticking = (target: string, id: string): PersonStep => ({
  target,
  act: (page) => clickAsPerson(page, `label[for="${id}"]`),
  sets: { [id]: true },
});

export const PERSON: Record<string, PersonStep> = {
  identifiant: typing(EMAIL_FIELD, TYPED.email),
  'mot-de-passe': typing('password-8609-input', TYPED.password),
  'mention-cnil-1': ticking('#checkbox-cnil-8610', 'checkbox-cnil-8610'),
  'mention-cnil-2': ticking('#checkbox-cnil-8611', 'checkbox-cnil-8611'),
  'valider-identifiant': { target: '#login-8612 button[type=submit]', act: submitting('#login-8612 button[type=submit]') },
  sexe: ticking('#sex-8785', 'female-8786'),
  nom: typing('family-name-8789', TYPED.family),
  prenom: typing('given-8794', TYPED.given),
  'valider-identite': { target: '#identity button[type=submit]', act: submitting('#identity button[type=submit]') },
  adresse: typing('address-8970', TYPED.address),
  'code-postal': typing('postal-8972', TYPED.postal),
  ville: typing('city-8973', TYPED.city),
  'valider-adresse': { target: '#identity button[type=submit]', act: submitting('#identity button[type=submit]') },
  'lire-confirmation': { target: '#alert-9152' },
};

/** The text the bubble shows for an item. */
export function textOf(item: GuideItem): string {
  if (item.kind === 'step' || item.kind === 'guide') return item.instruction;
  return item.kind === 'question' ? item.question : (item.message ?? '');
}

/** The steps from `firstId` to the end, along the guide's path. */
export function pathFrom(firstId: string): { steps: ActionStep[]; end: GuideItem } {
  const steps: ActionStep[] = [];
  let item = itemById(guide, firstId);
  while (item?.kind === 'step') {
    steps.push(item);
    item = itemById(guide, nextItemId(guide, item.id) ?? '');
  }
  if (item?.kind !== 'end') throw new Error('le chemin « pas encore de compte » ne mène pas à une fin');
  return { steps, end: item };
}

/** How the run records a step done the expected way: seen done, reached the next page, or « C'est fait » for a step nobody can see done. */
export function expectedOutcome(step: ActionStep): 'done' | 'page' | 'manual' {
  const how = doneWhenOf(step);
  return how === 'action' ? 'done' : how === 'page' ? 'page' : 'manual';
}

/** Every form control of the page's `<main>` empty or unticked, except those the person set. */
export function expectedFields(actual: Record<string, string | boolean>, set: Record<string, string | boolean>) {
  return Object.fromEntries(
    Object.entries(actual).map(([key, value]) => [key, key in set ? set[key] : typeof value === 'boolean' ? false : '']),
  );
}
