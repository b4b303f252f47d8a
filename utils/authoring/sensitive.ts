/**
 * Whether a recorded field asks for a secret or a personal identifier: a
 * password, a one-time code, card or bank details, a numéro fiscal, a NIR.
 * Such a step is marked sensitive: during a session, the guide reminds both
 * people that the person types it alone and that nothing is kept.
 *
 * Only fields where the person types count (text inputs, text areas, text
 * boxes): a link « Mot de passe oublié ? » or a box « J’ai un numéro fiscal »
 * is not sensitive. A password input always is, whatever its label.
 * Matching is on whole words, accents and case aside, in the label, the
 * accessible name, the placeholder, the `name` attribute, the id and the test
 * id (`numeroFiscal` and `numero_fiscal` read as `numero fiscal`).
 */
import { i18n } from '#i18n';
import type { TargetDescription } from '../locate/target';
import { normalizeWords } from './text';

export type SensitiveReason = 'password' | 'one-time-code' | 'card' | 'bank' | 'tax' | 'social-security';

export type SensitiveVerdict =
  | { sensitive: false }
  | {
      sensitive: true;
      reason: SensitiveReason;
      /** The fact that told: `type`, `autocomplete`, `label`, `nameAttr`… */
      fact: string;
      /** What that fact says, cut to 60 characters. */
      shown: string;
    };

/** Raw attributes of the element, when the recorder has them (`aria-label`, `title`, `data-*`…). */
export type RawAttributes = Readonly<Record<string, string | null | undefined>>;

const WHAT = {
  password: () => i18n.t('editor.sensitive.what.password'),
  'one-time-code': () => i18n.t('editor.sensitive.what.oneTimeCode'),
  card: () => i18n.t('editor.sensitive.what.card'),
  bank: () => i18n.t('editor.sensitive.what.bank'),
  tax: () => i18n.t('editor.sensitive.what.tax'),
  'social-security': () => i18n.t('editor.sensitive.what.socialSecurity'),
} satisfies Record<SensitiveReason, () => string>;

/** The fact that told, in words; attribute names (`type`, `autocomplete`, `aria-label`, `title`) are said as they are. */
const FACT_WORDS: Record<string, () => string> = {
  label: () => i18n.t('editor.sensitive.fact.label'),
  name: () => i18n.t('editor.sensitive.fact.name'),
  placeholder: () => i18n.t('editor.sensitive.fact.placeholder'),
  nameAttr: () => i18n.t('editor.sensitive.fact.nameAttr'),
  id: () => i18n.t('editor.sensitive.fact.id'),
  testId: () => i18n.t('editor.sensitive.fact.testId'),
};

/** Patterns on normalised words (`normalizeWords`), most specific reason first. */
const WORD_RULES: { reason: SensitiveReason; pattern: RegExp }[] = [
  {
    reason: 'one-time-code',
    pattern:
      /\b(?:code (?:de |d )?(?:confirmation|verification|validation|activation|authentification)|code (?:recu )?par (?:sms|e ?mail|courriel)|code sms|code (?:a )?usage unique|code unique|one time (?:code|password)|otp|totp|2fa|verification code|security code sms)\b/,
  },
  {
    reason: 'social-security',
    pattern:
      /\b(?:nir|numero (?:de )?securite sociale|securite sociale|numero (?:d )?inscription au repertoire|numero insee|numero ss|num ss|no ss|n ss|n de securite sociale|ssn|social security|carte vitale)\b/,
  },
  {
    reason: 'card',
    pattern:
      /\b(?:carte (?:bancaire|de credit|bleue)|numero (?:de (?:la )?)?carte(?: bancaire)?|card ?number|cc ?(?:num|number|exp|csc|cvv)|cryptogramme|cvv2?|cvc2?|csc|code de securite|security code|date d expiration de (?:la |votre )?carte|cb)\b/,
  },
  {
    reason: 'bank',
    pattern:
      /\b(?:iban|bic|rib|swift|coordonnees bancaires|releve d identite bancaire|numero de compte(?: bancaire)?|compte bancaire|code (?:banque|guichet)|cle rib|account ?number|routing ?number|bank ?account)\b/,
  },
  {
    reason: 'tax',
    pattern:
      /\b(?:numero fiscal|num fiscal|no fiscal|n fiscal|numero d identification fiscale?|identifiant fiscal|numero spi|spi|numero d acces en ligne|revenu fiscal de reference|rfr|numero de (?:tele)?declarant|tax ?id)\b/,
  },
  {
    reason: 'password',
    pattern:
      /\b(?:mot de passe|mots de passe|mdp|password|passwd|pwd|passe|passphrase|code secret|code confidentiel|code personnel|code pin|pin)\b/,
  },
];

/** Autocomplete tokens (the last token names the field: `section-a shipping cc-number`). */
function autocompleteReason(autocomplete: string): SensitiveReason | undefined {
  for (const token of autocomplete.toLowerCase().split(/\s+/)) {
    if (token === 'current-password' || token === 'new-password') return 'password';
    if (token === 'one-time-code') return 'one-time-code';
    if (token.startsWith('cc-')) return 'card';
    if (/^(?:iban|bic|rib|bank-?account|account-?number)$/.test(token)) return 'bank';
  }
  return undefined;
}

const TEXT_TYPES = new Set(['', 'text', 'password', 'email', 'tel', 'number', 'search', 'url']);
const ENTRY_ROLES = new Set(['textbox', 'searchbox', 'spinbutton', 'combobox']);

/** Whether the person types into this element (as opposed to clicking or choosing it). */
export function isTypedField(facts: Pick<TargetDescription, 'tag' | 'type' | 'role'>): boolean {
  const tag = facts.tag.toLowerCase();
  const type = (facts.type ?? '').toLowerCase();
  if (tag === 'textarea') return true;
  if (tag === 'input') return TEXT_TYPES.has(type);
  if (tag === 'select') return false;
  return facts.role !== undefined && ENTRY_ROLES.has(facts.role);
}

function verdict(reason: SensitiveReason, fact: string, shown: string): SensitiveVerdict {
  return { sensitive: true, reason, fact, shown: shown.length > 60 ? `${shown.slice(0, 59)}…` : shown };
}

/** Why a field is sensitive, in the interface's language, for the editor: « Ce champ demande un mot de passe (libellé « Mot de passe »)… » */
export function sensitiveText(verdict: Extract<SensitiveVerdict, { sensitive: true }>): string {
  return i18n.t('editor.sensitive.field', [WHAT[verdict.reason](), FACT_WORDS[verdict.fact]?.() ?? verdict.fact, verdict.shown]);
}

/**
 * Whether this field is sensitive, and why. `raw` adds attributes that the
 * description does not keep (`aria-label`, `title`, and `type`, `autocomplete`,
 * `name`, `id`, `placeholder` when the description lacks them).
 */
export function isSensitiveField(facts: TargetDescription, raw?: RawAttributes): SensitiveVerdict {
  const attr = (key: string): string | undefined => {
    const value = raw?.[key];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const type = (facts.type ?? attr('type') ?? '').toLowerCase();
  if (type === 'password') return verdict('password', 'type', 'password');

  const field = { tag: facts.tag, role: facts.role, type: type || undefined };
  if (!isTypedField(field)) return { sensitive: false };

  const autocomplete = facts.autocomplete ?? attr('autocomplete');
  if (autocomplete) {
    const reason = autocompleteReason(autocomplete);
    if (reason) return verdict(reason, 'autocomplete', autocomplete);
  }

  const texts: [string, string | undefined][] = [
    ['label', facts.label],
    ['name', facts.name],
    ['aria-label', attr('aria-label')],
    ['placeholder', facts.placeholder ?? attr('placeholder')],
    ['title', attr('title')],
    ['nameAttr', facts.nameAttr ?? attr('name')],
    ['id', facts.id ?? attr('id')],
    ['testId', facts.testId?.replace(/^[^=]*=/, '')],
  ];
  for (const { reason, pattern } of WORD_RULES) {
    for (const [fact, value] of texts) {
      if (value && pattern.test(normalizeWords(value))) return verdict(reason, fact, value);
    }
  }
  return { sensitive: false };
}
