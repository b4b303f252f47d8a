/**
 * The review's words: the name of each fact of a target, and why a fact is
 * marked (`editor.review.reason.*`), said the same way in the step's list, the
 * confirmation before saving or exporting, and the import's preview.
 */
import { i18n } from '#i18n';
import type { ReviewedFact, ReviewReason } from '../../utils/authoring/review';
import type { ReviewedFactName } from '../../utils/editor';
import { itemTitle } from './labels';

const FACT_NAME = {
  page: () => i18n.t('editor.target.fact.page'),
  tag: () => i18n.t('editor.target.fact.tag'),
  role: () => i18n.t('editor.target.fact.role'),
  name: () => i18n.t('editor.target.fact.name'),
  label: () => i18n.t('editor.target.fact.label'),
  nameAttr: () => i18n.t('editor.target.fact.nameAttr'),
  type: () => i18n.t('editor.target.fact.type'),
  autocomplete: () => i18n.t('editor.target.fact.autocomplete'),
  placeholder: () => i18n.t('editor.target.fact.placeholder'),
  text: () => i18n.t('editor.target.fact.text'),
  href: () => i18n.t('editor.target.fact.href'),
  choiceValue: () => i18n.t('editor.target.fact.choiceValue'),
  testId: () => i18n.t('editor.target.fact.testId'),
  controls: () => i18n.t('editor.target.fact.controls'),
  id: () => i18n.t('editor.target.fact.id'),
  idGenerated: () => i18n.t('editor.target.fact.idGenerated'),
  classes: () => i18n.t('editor.target.fact.classes'),
  context: () => i18n.t('editor.target.fact.context'),
  neighbourText: () => i18n.t('editor.target.fact.neighbourText'),
  cssPath: () => i18n.t('editor.target.fact.cssPath'),
  twin: () => i18n.t('editor.target.fact.twin'),
  section: () => i18n.t('editor.target.fact.section'),
  alike: () => i18n.t('editor.target.fact.alike'),
  around: () => i18n.t('editor.target.fact.around'),
  framePath: () => i18n.t('editor.target.fact.framePath'),
  withheld: () => i18n.t('editor.target.fact.withheld'),
} satisfies Record<ReviewedFactName, () => string>;

const REASON = {
  number: () => i18n.t('editor.review.reason.number'),
  phone: () => i18n.t('editor.review.reason.phone'),
  iban: () => i18n.t('editor.review.reason.iban'),
  bic: () => i18n.t('editor.review.reason.bic'),
  email: () => i18n.t('editor.review.reason.email'),
  date: () => i18n.t('editor.review.reason.date'),
  birth: () => i18n.t('editor.review.reason.birth'),
  address: () => i18n.t('editor.review.reason.address'),
  money: () => i18n.t('editor.review.reason.money'),
  civility: () => i18n.t('editor.review.reason.civility'),
  greeting: () => i18n.t('editor.review.reason.greeting'),
  surname: () => i18n.t('editor.review.reason.surname'),
  encoded: () => i18n.t('editor.review.reason.encoded'),
  identifier: () => i18n.t('editor.review.reason.identifier'),
  withheld: () => i18n.t('editor.review.reason.withheld'),
} satisfies Record<ReviewReason, () => string>;

export const factName = (fact: ReviewedFactName): string => FACT_NAME[fact]();

/** « Peut contenir une donnée personnelle : une date de naissance ». */
export function personalText(fact: Pick<ReviewedFact, 'reason'>): string {
  return i18n.t('editor.target.personal', [REASON[fact.reason ?? 'number']()]);
}

/** « retiré : pouvait contenir des données personnelles ». */
export const withheldText = (): string => REASON.withheld();

/** The step a fact belongs to, by its place in the list and its id: « Étape 3, « email » ». */
export function stepOf(guide: { steps: readonly { id: string }[] }, stepId: string): string {
  const index = guide.steps.findIndex((item) => item.id === stepId);
  return i18n.t('editor.review.step', [index >= 0 ? itemTitle(index) : stepId, stepId]);
}
