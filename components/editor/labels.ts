/** The editor's words for the guide format's values, from the locale files. */

import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import type { AdviceRule } from '../../utils/authoring/plain-language';
import type { ItemKind } from '../../utils/editor';
import type { DoneWhen } from '../../utils/guide/graph';
import type { Action } from '../../utils/guide/schema';

export function kindLabel(kind: ItemKind): string {
  switch (kind) {
    case 'step':
      return i18n.t('editor.kind.step');
    case 'question':
      return i18n.t('editor.kind.question');
    case 'end':
      return i18n.t('editor.kind.end');
    case 'guide':
      return i18n.t('editor.kind.guide');
    default:
      return assertNever(kind);
  }
}

export function actionLabel(action: Action): string {
  switch (action) {
    case 'click':
      return i18n.t('editor.action.click');
    case 'fill':
      return i18n.t('editor.action.fill');
    case 'choose':
      return i18n.t('editor.action.choose');
    case 'check':
      return i18n.t('editor.action.check');
    case 'pick-file':
      return i18n.t('editor.action.pickFile');
    case 'read':
      return i18n.t('editor.action.read');
    case 'go-to-page':
      return i18n.t('editor.action.goToPage');
    default:
      return assertNever(action);
  }
}

export function doneWhenLabel(doneWhen: DoneWhen): string {
  switch (doneWhen) {
    case 'action':
      return i18n.t('editor.doneWhen.action');
    case 'page':
      return i18n.t('editor.doneWhen.page');
    case 'manual':
      return i18n.t('editor.doneWhen.manual');
    default:
      return assertNever(doneWhen);
  }
}

export function ruleLabel(rule: AdviceRule): string {
  switch (rule) {
    case 'long-sentence':
      return i18n.t('editor.advice.rule.longSentence');
    case 'several-instructions':
      return i18n.t('editor.advice.rule.severalInstructions');
    case 'jargon':
      return i18n.t('editor.advice.rule.jargon');
    case 'acronym':
      return i18n.t('editor.advice.rule.acronym');
    case 'passive':
      return i18n.t('editor.advice.rule.passive');
    case 'impersonal':
      return i18n.t('editor.advice.rule.impersonal');
    default:
      return assertNever(rule);
  }
}

/** « étape 3 » for the item at index 2, inside a sentence. */
export const itemName = (index: number) => i18n.t('editor.item.name', [String(index + 1)]);
/** « Étape 3 », on its own. */
export const itemTitle = (index: number) => i18n.t('editor.item.title', [String(index + 1)]);

/** A date and time in the page's language. */
export function when(at: number | string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(i18n.t('lang'), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

const LANG = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** A guide's language for a `lang` attribute; undefined while it is not a valid code (the page's language applies). */
export function langAttr(lang: string | undefined): string | undefined {
  return lang !== undefined && LANG.test(lang) ? lang : undefined;
}
