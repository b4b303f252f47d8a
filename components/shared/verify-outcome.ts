import { i18n } from '#i18n';
import type { VerifyOutcome } from '../../utils/verify/session';

/** The words of each outcome of a check on the site, the same in the editor and in the printable report. */
export const OUTCOME_TEXT = {
  found: () => i18n.t('verify.outcome.found'),
  ambiguous: () => i18n.t('verify.outcome.ambiguous'),
  'not-found': () => i18n.t('verify.outcome.notFound'),
  'out-of-sight': () => i18n.t('verify.outcome.outOfSight'),
  'not-on-page': () => i18n.t('verify.outcome.notOnPage'),
  'text-only': () => i18n.t('verify.outcome.textOnly'),
} satisfies Record<VerifyOutcome, () => string>;
