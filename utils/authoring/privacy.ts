/**
 * Texts that have the shape of someone's data. The recorder reads texts on
 * pages that a trainer visits logged in to a real account: a greeting with a
 * name, a recap of what was typed, a list of children, an address next to
 * « Modifier ». None of it may enter a guide. This module only says *where*
 * a text looks personal (`personalSpans`), and what is left of it once the
 * personal part is cut off (`interfacePart`); `target-privacy.ts` decides
 * what a recorded target keeps.
 *
 * Rules, each tried on the whole text (examples in
 * `tests/unit/authoring/privacy.test.ts`, which also lists interface texts of
 * public sites that must survive):
 * - `number`: 5 digits or more, in any spacing (spaces, dots, dashes, slashes
 *   between groups): NIR, numéro fiscal, numéro allocataire, identifiant
 *   France Travail, phone numbers, card numbers, postcodes. A year range
 *   (« 2024-2025 ») is not one.
 * - `phone`: `+33` / `0033` numbers, which the number rule could miss when split oddly;
 * - `iban`, `bic`: bank identifiers (`FR76 3000 …`, `BNPAFRPPXXX`);
 * - `email`: anything around an `@`;
 * - `date`: `02/04/2015`, `2015-04-02`, « 2 avril 2015 », « 1er mai »;
 *   `birth`: « né le », « née en »…;
 * - `address`: a number before a street type (« 12 rue… », « 3 bis, avenue… »), a street
 *   type followed by a name (« rue des Lilas »), « CEDEX », « BP 12 »;
 * - `money`: an amount with « € », « EUR » or « euros »;
 * - `civility`: a civility followed by a capitalised word (« M. MARTIN », « Mme Jeanne… »);
 * - `greeting`: a greeting followed by a capitalised word (« Bonjour Jeanne »), « connecté en tant que … »;
 * - `surname`: an upper-case word that is no known acronym, next to a capitalised
 *   word (« Lucas MARTIN », « MARTIN Jeanne »);
 * - `encoded`: percent-encoded text (`7%20impasse%20…`), echoed from a form or an address.
 * Month and year alone (« mars 2025 », « Année 2025 »), step counters, article
 * numbers and acronyms (« Mention CNIL ») are interface texts.
 */
import { ACRONYMS_FR, COMMON_ACRONYMS } from './jargon-fr';
import { fold } from './text';

export const PERSONAL_SHAPES = [
  'number',
  'phone',
  'iban',
  'bic',
  'email',
  'date',
  'birth',
  'address',
  'money',
  'civility',
  'greeting',
  'surname',
  'encoded',
] as const;
export type PersonalShape = (typeof PERSONAL_SHAPES)[number];

export interface PersonalSpan {
  shape: PersonalShape;
  start: number;
  end: number;
}

/** Case-insensitive on the first letter only, so that `\p{Lu}` after it stays upper case. */
const either = (words: readonly string[]) =>
  words.map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0).toLowerCase()}]${w.slice(1).replace(/\./g, '\\.')}`).join('|');

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const NAME_WORD = "\\p{Lu}[\\p{L}'’-]*";
const MONTHS =
  'janv(?:ier|\\.)?|f[ée]vr(?:ier|\\.)?|mars|avr(?:il|\\.)?|mai|juin|juil(?:let|\\.)?|ao[uû]t|sept(?:embre|\\.)?|oct(?:obre|\\.)?|nov(?:embre|\\.)?|d[ée]c(?:embre|\\.)?';
const STREET_TYPES = [
  'rue',
  'avenue',
  'av.',
  'boulevard',
  'bd',
  'chemin',
  'allée',
  'allee',
  'impasse',
  'place',
  'route',
  'rte',
  'quai',
  'cours',
  'square',
  'voie',
  'lieu-dit',
  'lieudit',
  'résidence',
  'residence',
  'passage',
  'faubourg',
  'fbg',
  'hameau',
  'sentier',
  'chaussée',
  'esplanade',
  'promenade',
  'rond-point',
  'villa',
  'cité',
  'parvis',
  'clos',
  'domaine',
  'lotissement',
  'montée',
  'ruelle',
  'traverse',
];
/** Street types that, followed by a capitalised name, are an address even without a number. */
const NAMED_STREETS = [
  'rue',
  'avenue',
  'boulevard',
  'chemin',
  'allée',
  'impasse',
  'place',
  'route',
  'quai',
  'square',
  'passage',
  'faubourg',
  'résidence',
  'lotissement',
  'hameau',
];
const CIVILITIES = [
  'M.',
  'MM.',
  'Mr',
  'Mr.',
  'Mme',
  'Mmes',
  'Mlle',
  'Mlles',
  'Monsieur',
  'Madame',
  'Mademoiselle',
  'Dr',
  'Dr.',
  'Docteur',
  'Maître',
  'Maitre',
];
const GREETINGS = ['bonjour', 'bonsoir', 'bienvenue', 'salut', 'hello', 'cher', 'chère', 'chers', 'chères'];

const RULES: readonly [PersonalShape, RegExp][] = [
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*/gu],
  ['iban', /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ \u00a0]?[A-Za-z0-9]{4}){2,7}(?:[ \u00a0]?[A-Za-z0-9]{1,4})?(?![\p{L}\p{N}])/gu],
  ['bic', /(?<![\p{L}\p{N}])[A-Z]{4}(?:FR|MC|GP|RE|MQ|GF|YT|NC|PF|PM|BL|MF|WF)[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![\p{L}\p{N}])/gu],
  ['phone', /(?<![\p{L}\p{N}])(?:\+|00)\s?\d{2,3}(?:[\s.\-\u00a0]?(?:\(0\)[\s.\-\u00a0]?)?\d){6,}/gu],
  ['date', /(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?!\d)/gu],
  ['date', new RegExp(`${NOT_LETTER_BEFORE}(?:1\\s?er|\\d{1,2})\\s+(?:${MONTHS})(?:\\s+\\d{4})?${NOT_LETTER_AFTER}`, 'giu')],
  ['birth', /(?<![\p{L}])n[ée]e?(?:\(e\))?s?\s+(?:le|en|à|a)(?![\p{L}])/giu],
  ['money', /(?:\d[\d \u00a0.,]*\s?(?:€|eur(?:os?)?(?![\p{L}]))|€\s?\d[\d \u00a0.,]*)/giu],
  [
    'address',
    new RegExp(
      `${NOT_LETTER_BEFORE}\\d{1,4}\\s*(?:bis|ter|quater|[abt])?\\s*,?\\s+(?:${STREET_TYPES.map((s) => s.replace(/\./g, '\\.')).join('|')})${NOT_LETTER_AFTER}`,
      'giu',
    ),
  ],
  [
    'address',
    new RegExp(`${NOT_LETTER_BEFORE}(?:${either(NAMED_STREETS)})\\s+(?:(?:de la|de l'|de l’|du|des|de|d'|d’|la|le|les)\\s*)?\\p{Lu}`, 'gu'),
  ],
  ['address', /(?<![\p{L}])(?:cedex|bp\s*\d+|cs\s*\d{3,})(?![\p{L}])/giu],
  ['number', /(?<!\d)\d(?:[ \u00a0.\-/]?\d){4,}(?!\d)/gu],
  [
    'civility',
    new RegExp(`${NOT_LETTER_BEFORE}(?:${CIVILITIES.map((c) => c.replace(/\./g, '\\.')).join('|')})(?:\\s+${NAME_WORD})+`, 'gu'),
  ],
  ['greeting', new RegExp(`${NOT_LETTER_BEFORE}(?:${either(GREETINGS)})\\s*,?\\s+${NAME_WORD}(?:\\s+${NAME_WORD})*`, 'gu')],
  ['greeting', /(?<![\p{L}])connect[ée]e?(?:\(e\))?\s+(?:en tant que|comme)\s+\S+/giu],
  // Percent-encoded text (`7%20impasse%20…`): a page echoing a form or an address; whatever it says, it was not written for people.
  ['encoded', /[^\s%]*(?:%[0-9A-Fa-f]{2})+\S*/gu],
];

/** `2024-2025`, `2024/2025`: a season or a tax year, not a number of a person. */
const YEAR_RANGE = /^(?:19|20)\d\d\s?[-/–]\s?(?:(?:19|20)\d\d|\d\d)$/;

/** Upper-case words of the interface: acronyms, brands, Roman numerals. */
const INTERFACE_CAPITALS = new Set([
  ...Object.keys(ACRONYMS_FR),
  ...COMMON_ACRONYMS,
  ...'CNIL DSFR FAQ RIB IBAN BIC NIR PDF SMS CAF MSA CPAM AMELI URSSAF ANTS DGFIP INSEE RGPD CGU CERFA TVA RSA APL AAH ASS ARE PAJE CMU CSS AME NIF SIRET SIREN APE NAF TIP SEPA OK FR UE EU URL ID CB PIN CVV OTP QR HT TTC FC CNAF CNAV CARSAT ARS MDPH PMI CCAS RSI ONU SNCF EDF GDF RATP JO CV PV CNI TESA DSN IR IFI PAS CSG CRDS CESU AGIRC ARRCO ASF AJPP AEEH ALF ALS CAE CDD CDI RQTH ESAT HLM LPA'.split(
    ' ',
  ),
]);
const ROMAN = /^[IVXLC]+$/;
const WORD = /[\p{L}][\p{L}'’-]*/gu;

function isUpperWord(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase() && (word.match(/\p{L}/gu)?.length ?? 0) >= 2;
}
const isTitleWord = (word: string) => /^\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)*$/u.test(word);
const isInterfaceCapital = (word: string) => INTERFACE_CAPITALS.has(word.replace(/[’']S$/, '')) || ROMAN.test(word);

/** « Lucas MARTIN », « MARTIN Jeanne », « Jean-Pierre DUPONT-MORETTI ». */
function surnameSpans(text: string): PersonalSpan[] {
  const words = [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  const out: PersonalSpan[] = [];
  words.forEach((w, i) => {
    if (!isUpperWord(w.word) || isInterfaceCapital(w.word)) return;
    const before = words[i - 1];
    const after = words[i + 1];
    // Only a space between the two words: « Mention : CNIL » is no name.
    const near = (a: { end: number }, b: { start: number }) => /^\s+$/.test(text.slice(a.end, b.start));
    const title = (x: typeof w | undefined) => x && isTitleWord(x.word);
    const upper = (x: typeof w | undefined) => x && isUpperWord(x.word) && !isInterfaceCapital(x.word);
    if (before && (title(before) || upper(before)) && near(before, w)) out.push({ shape: 'surname', start: before.start, end: w.end });
    else if (after && (title(after) || upper(after)) && near(w, after)) out.push({ shape: 'surname', start: w.start, end: after.end });
  });
  return out;
}

/** Every place where a text looks like someone's data, in text order (may overlap). */
export function personalSpans(text: string): PersonalSpan[] {
  const out: PersonalSpan[] = [];
  for (const [shape, rule] of RULES) {
    rule.lastIndex = 0;
    for (const match of text.matchAll(rule)) {
      const found = match[0];
      if (shape === 'number' && YEAR_RANGE.test(found)) continue;
      const start = match.index ?? 0;
      out.push({ shape, start, end: start + found.length });
    }
  }
  out.push(...surnameSpans(text));
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The first personal shape found in a text, if any. */
export function personalShape(text: string): PersonalShape | undefined {
  return personalSpans(text)[0]?.shape;
}

export const looksPersonal = (text: string): boolean => personalSpans(text).length > 0;

/** Small words that cannot end what is kept of a text (« Modifier l’adresse de » → « Modifier l’adresse »). */
const DANGLING = /(?:\s+|^)(?:de|du|des|d['’]|l['’]|la|le|les|à|au|aux|pour|par|sur|en|et|ou|chez|:|-|–|—|,|;|n°|no)\s*$/iu;

/**
 * What is left of a text before the first personal part: « Modifier l'adresse
 * 12 rue des Lilas » gives « Modifier l'adresse ». Undefined when nothing
 * worth keeping is left (no word of 3 letters or more). `spans`: the personal
 * parts, when the caller found more than shapes (words typed by the person).
 */
export function interfacePart(text: string, spans: readonly { start: number }[] = personalSpans(text)): string | undefined {
  const first = Math.min(...spans.map((s) => s.start), text.length);
  let kept = text.slice(0, first).trim();
  let previous: string;
  do {
    previous = kept;
    kept = kept
      .replace(DANGLING, '')
      .replace(/[\s,;:–—(-]+$/u, '')
      .trim();
  } while (kept !== previous);
  return /\p{L}{3,}/u.test(kept) ? kept : undefined;
}

/**
 * Stricter, for texts that are only *near* an element (its neighbours): a text
 * made only of capitalised words (« Jeanne Martin », « Lucas ») or holding two
 * capitalised words in a row after its first word (« … de Jeanne Martin »)
 * may be a name shown on the account, even without a civility. Interface
 * acronyms (« Mention CNIL ») do not count.
 */
export function mayHoldNames(text: string): boolean {
  const words = [...text.matchAll(WORD)].map((m) => m[0]);
  const capital = (word: string) => /^\p{Lu}/u.test(word) && !isInterfaceCapital(word);
  // A name holds no digit: « Label Tab 3 », « Étape 2 » are interface texts.
  if (/\d/.test(text)) return false;
  if (words.length === 1) return capital(words[0] ?? '') && !INTERFACE_WORDS.has(fold(words[0] ?? ''));
  if (words.length > 0 && words.length <= 4 && words.every(capital)) return true;
  return words.some((word, i) => i > 0 && capital(word) && capital(words[i + 1] ?? ''));
}

/** Single words of interfaces, capitalised as labels are: a neighbour text of one of these is no first name. */
const INTERFACE_WORDS = new Set(
  'contenu libelle label intitule titre texte description details detail information informations modifier supprimer valider annuler retour suivant precedent fermer ouvrir menu accueil recherche rechercher connexion deconnexion aide contact voir telecharger envoyer options parametres oui non obligatoire facultatif optionnel exemple note remarque attention important erreur succes sexe civilite nom prenom adresse ville pays email telephone date montant statut etat actions action resume recapitulatif etape documents document justificatifs pieces mot passe identifiant'.split(
    ' ',
  ),
);
