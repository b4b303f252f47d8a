/**
 * The plain-language assistant beside each text of the editor. It advises; it
 * never blocks saving. The text is read once (`readText`), then each rule of
 * `RULES` gives its advice. Rules, for French texts:
 * - `long-sentence`: more than 15 words (a word: letters or digits, elisions
 *   and hyphens kept inside, so « l’adresse » and « c’est-à-dire » count once);
 * - `several-instructions`: two imperatives or more in one sentence
 *   (« Cliquez … et saisissez … »);
 * - `jargon`: a word of the project's list (`jargon-fr.ts`) without an
 *   explanation right after it (parenthesis, colon, « c’est-à-dire »);
 * - `acronym`: capitals (RFR, CAF) not explained: no parenthesis after it, not
 *   itself in parentheses after the full form, and the full form (known, or
 *   words with these initials) nowhere in the text;
 * - `passive`: être + past participle (« est demandé », « a été envoyé »);
 * - `impersonal`: « il faut », « il convient de », « on doit », « l’usager doit »
 *   (`impersonalPhrase`), and instructions in the infinitive (« Cliquer sur… »,
 *   `infinitiveInstruction`) where « vous » is meant.
 *
 * Text between quotes (« Valider ») is the page's own wording, which a guide must
 * cite as it is: it is counted in the length but never flagged.
 *
 * Known limits (heuristics, not a parser): an imperative is a word in -ez not
 * led by « vous », so a second verb of a « vous » subject without « vous »
 * repeated (« si vous avez un compte et souhaitez… ») counts as an imperative;
 * past participles are words in -é/-ée/-és/-ées plus a list of irregular ones,
 * so an adjective in -é after « est » (« est situé ») is flagged; « vous êtes »
 * + participle is a state (« vous êtes connecté ») unless the participle is one
 * of the few passive ones (« vous êtes invité à »); être-verbs (« arrivé »,
 * « venu »…) are never passive.
 */
import type { Guide } from '../guide/schema';
import { ACRONYMS_FR, COMMON_ACRONYMS, JARGON_FR, type JargonTerm } from './jargon-fr';
import { fold } from './text';

/** A set of words from a space-separated list. */
const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

export type AdviceRule = 'long-sentence' | 'several-instructions' | 'jargon' | 'acronym' | 'passive' | 'impersonal';

export interface Advice {
  rule: AdviceRule;
  /** One plain French sentence or two: what and how to fix it. */
  message: string;
  /** Offsets in the text checked (UTF-16 units, end excluded). */
  start: number;
  end: number;
  /** A replacement to offer, when there is one (« Cliquez » for « Cliquer »). */
  suggestion?: string;
}

export interface CheckOptions {
  /** Language of the text (BCP 47). Only French is checked; other languages get no advice. */
  lang?: string;
  /** Longest sentence without advice, in words. */
  maxWords?: number;
  /**
   * Flag sentences that start with an infinitive (« Cliquer sur… »). Default true;
   * off for titles and labels, where « Déclarer mes revenus » is the usual form.
   */
  infinitives?: boolean;
}

export const MAX_WORDS = 15;

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  /** The word as written. */
  text: string;
  /** Folded: lower case, no accents, plain apostrophes. */
  folded: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const ELISION = /^(?:n|l|d|j|m|t|s|c|qu|jusqu|lorsqu|puisqu)'/;
const LETTER_BEFORE = "(?<![\\p{L}\\p{N}'])";
/** After a word, or right after an elided `d'`. */
const LETTER_AFTER = "(?:(?<=')|(?![\\p{L}\\p{N}]))";

const stripElision = (word: string): string => word.replace(ELISION, '');
const elisionOf = (word: string): string | undefined => ELISION.exec(word)?.[0].slice(0, -1);

function tokens(text: string, folded: string, span: Span): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = span.start;
  for (let m = WORD.exec(text); m && m.index < span.end; m = WORD.exec(text)) {
    const end = Math.min(m.index + m[0].length, span.end);
    out.push({ start: m.index, end, text: text.slice(m.index, end), folded: folded.slice(m.index, end) });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Quotes and sentences

/** Spans between quotes: « … », “ … ”, and pairs of straight double quotes. */
function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const pairs: [string, string][] = [
    ['«', '»'],
    ['“', '”'],
  ];
  for (const [open, close] of pairs) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(open, from);
      if (start < 0) break;
      const end = text.indexOf(close, start + 1);
      if (end < 0) break;
      spans.push({ start, end: end + 1 });
      from = end + 1;
    }
  }
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (open < 0) open = i;
    else {
      spans.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return spans;
}

const ABBREVIATIONS = words('ex m mme mlle mm n no p cf env art av bd st ste dr pr vol min max tel fig hab');

/** Sentences: ended by . ! ? … followed by a space or the end, or by a line break. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text.charAt(s))) s++;
    while (e > s && /\s/.test(text.charAt(e - 1))) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    if (!'.!?…'.includes(ch)) continue;
    let j = i;
    while (j < text.length && '.!?…'.includes(text.charAt(j))) j++;
    if (j < text.length && !/\s/.test(text.charAt(j))) {
      i = j - 1;
      continue;
    }
    if (j - i === 1 && ch === '.' && j < text.length) {
      const before = /([\p{L}]+)$/u.exec(text.slice(start, i))?.[1] ?? '';
      if (ABBREVIATIONS.has(before.toLowerCase()) || /^\p{Lu}$/u.test(before)) {
        i = j - 1;
        continue;
      }
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(text.length);
  return spans;
}

// ---------------------------------------------------------------------------
// Imperatives

const NON_VERB_EZ = words('chez assez');
const HYPHEN_PRONOUNS = words('vous le la les y en moi nous lui leur toi');
/** Words that may stand between a subject « vous » and its verb (« vous ne le recevez »). */
const BETWEEN_SUBJECT_AND_VERB = words('ne le la les en y lui leur me nous deja bien aussi');
const DETERMINERS = words('un le votre du de ce des au vos mon son ton notre les premier prochain');
const PUNCTUATION_GAP = /[,;:()«»"“”]/;

function isImperative(text: string, list: Token[], k: number, first: number, question: boolean): boolean {
  const token = list[k];
  if (!token) return false;
  const word = stripElision(token.folded);
  const [base = '', ...pronouns] = word.split('-');
  if (!base.endsWith('ez') || base.length < 4 || NON_VERB_EZ.has(base)) return false;
  if (pronouns.length > 0 && !pronouns.every((p) => HYPHEN_PRONOUNS.has(p))) return false;
  // « Avez-vous… ? », « Souhaitez-vous… ? »: questions, not instructions.
  if (question && pronouns.length > 0) return false;
  // A capital in the middle of a sentence is a name (« Gonzalez »), not a verb, unless
  // it follows a colon or a dash (« Étape 2 : Cliquez… »).
  const gap = k > 0 ? text.slice(list[k - 1]?.end ?? 0, token.start) : '';
  if (k !== first && /^\p{Lu}/u.test(token.text) && !/[:–—•-]/.test(gap)) return false;
  if (word === 'rendez-vous' && k > 0 && DETERMINERS.has(list[k - 1]?.folded ?? '')) return false;
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const previous = list[j];
    const next = list[j + 1];
    if (!previous || !next || PUNCTUATION_GAP.test(text.slice(previous.end, next.start))) break;
    const w = previous.folded;
    if (w === 'vous') return false;
    if (!BETWEEN_SUBJECT_AND_VERB.has(stripElision(w)) && !/^n'/.test(w)) break;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Infinitives used as instructions

const INFINITIVE_TO_IMPERATIVE: Record<string, string> = {
  choisir: 'choisissez',
  remplir: 'remplissez',
  saisir: 'écrivez',
  fournir: 'fournissez',
  joindre: 'joignez',
  ecrire: 'écrivez',
  lire: 'lisez',
  prendre: 'prenez',
  mettre: 'mettez',
  ouvrir: 'ouvrez',
  repondre: 'répondez',
  attendre: 'attendez',
  inscrire: 'inscrivez',
  transmettre: 'transmettez',
  soumettre: 'envoyez',
  faire: 'faites',
  dire: 'dites',
  etre: 'soyez',
  avoir: 'ayez',
  obtenir: 'obtenez',
  venir: 'venez',
  revenir: 'revenez',
  accueillir: 'accueillez',
  cocher: 'cochez',
  produire: 'fournissez',
  introduire: 'mettez',
  descendre: 'descendez',
  relire: 'relisez',
  imprimer: 'imprimez',
  appuyer: 'appuyez',
  envoyer: 'envoyez',
  aller: 'allez',
};

/** Verbs in -ier that are instructions (other words in -ier are nouns: dossier, fichier…). */
const IER_VERBS = words(
  'verifier modifier copier justifier identifier notifier certifier oublier relier trier confier signifier ' +
    'specifier rectifier apprecier remercier envier plier deplier',
);
const NON_VERB_ER = words(
  'premier dernier super laser poster hiver enfer cancer danger leger etranger foyer loyer boucher plancher ' +
    'rocher clocher archer berger verger oranger cuiller amer fier mer fer ver cher hier quatorzer manager leader ' +
    'fer cluster master sender header footer boulanger horloger messager passager usager potager ménager menager ' +
    'roger diner souper dejeuner',
);

function isInfinitive(word: string): boolean {
  if (INFINITIVE_TO_IMPERATIVE[word] !== undefined || IER_VERBS.has(word)) return true;
  if (word.length < 5 || NON_VERB_ER.has(word)) return false;
  return word.endsWith('er') && !word.endsWith('ier');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The « vous » imperative of an infinitive as written: « Télécharger » → « Téléchargez ». */
export function imperativeOf(infinitive: string): string {
  const folded = fold(infinitive);
  const known = INFINITIVE_TO_IMPERATIVE[folded];
  const upper = /^\p{Lu}/u.test(infinitive);
  const out = known ?? (folded.endsWith('er') ? `${infinitive.slice(0, -1)}z` : infinitive);
  return upper ? capitalize(out) : out;
}

// ---------------------------------------------------------------------------
// Passive voice

const BE_FORMS = words('est sont etait etaient sera seront serait seraient soit soient ete etre fut furent etes serez seriez etiez');
/** Forms of être whose subject is « vous ». */
const VOUS_BE_FORMS = words('etes serez seriez etiez');
const AVOIR_FORMS = words('a ont avait avaient aura auront aurait auraient ait aient avoir ayant');
const SKIPPED_ADVERBS = words(
  'bien deja ensuite automatiquement egalement aussi toujours souvent immediatement directement alors encore ' +
    'rapidement jamais correctement obligatoirement generalement parfois desormais enfin ainsi pas plus tout ' +
    'peut-etre normalement systematiquement',
);
const IRREGULAR_PARTICIPLES = words(
  'transmis mis pris inscrit ecrit fait joint recu vu lu rendu fourni rempli etabli saisi choisi dit produit ' +
    'percu tenu requis soumis admis remis permis interdit conduit traduit ouvert offert couvert fini defini garanti ' +
    'averti prevu retenu obtenu detenu du connu reconnu vendu attendu entendu suspendu perdu repris compris acquis ' +
    'construit detruit reduit elu emis promis investi saisis accueilli recueilli servi suivi atteint peint ' +
    'restreint contraint dissous resolu exclu inclus conclu ouvert decouvert souscrit prescrit transcrit proscrit ' +
    'retranscrit envoye rembourse verse prevenu maintenu soutenu contenu repondu',
);
/** Verbs whose compound tenses take « être »: « est arrivé » is not passive. */
const ETRE_VERBS = words(
  'arrive alle venu parti entre sorti monte descendu tombe reste ne decede devenu revenu rentre retourne passe ' +
    'mort apparu intervenu parvenu redevenu reparti ressorti remonte redescendu survenu advenu',
);
/** « vous êtes » + these is a passive (« vous êtes invité à »); other participles say a state. */
const VOUS_PASSIVE = words(
  'invite prie tenu informe autorise convie appele amene oblige dispense contraint averti redirige oriente ' + 'sollicite convoque',
);

function inSet(set: ReadonlySet<string>, participle: string): boolean {
  const noS = participle.replace(/s$/, '');
  return set.has(participle) || set.has(noS) || set.has(noS.replace(/e$/, ''));
}

function isParticiple(token: Token): boolean {
  if (/(?:é|ée|és|ées)$/u.test(token.text.toLowerCase())) return true;
  return inSet(IRREGULAR_PARTICIPLES, token.folded);
}

// ---------------------------------------------------------------------------
// Impersonal forms

const IMPERSONAL: { pattern: string; say: string }[] = [
  { pattern: 'il (?:vous )?(?:faut|faudra|faudrait|fallait)', say: '« Vous devez… », ou directement « Cliquez… »' },
  { pattern: "il (?:vous )?convient (?:de|d')", say: '« Vous devez… », ou directement « Cliquez… »' },
  {
    pattern:
      "il (?:vous )?est (?:necessaire|obligatoire|indispensable|recommande|conseille|demande|preferable|important|imperatif|souhaitable|utile|possible|interdit|impossible|inutile) (?:de|d')",
    say: '« Vous devez… », « Vous pouvez… », ou directement « Cliquez… »',
  },
  { pattern: 'il est (?:rappele|precise|signale|demande) que', say: 'une phrase qui s’adresse à la personne avec « vous »' },
  { pattern: "il (?:vous )?appartient (?:a|de|d')", say: '« Vous devez… »' },
  { pattern: "il y a lieu (?:de|d')", say: '« Vous devez… »' },
  { pattern: "il importe (?:de|d')", say: '« Vous devez… »' },
  { pattern: "il suffit (?:de|d')", say: 'directement l’action : « Cliquez… »' },
  {
    pattern:
      "(?:l'on|on) (?:ne |n')?(?:doit|devra|peut|pourra|clique|saisit|remplit|choisit|coche|ecrit|tape|indique|renseigne|va|fait|selectionne|joint|envoie|valide|verifie|obtient|recoit|trouve|accede)",
    say: '« vous » : « Vous devez… », « Vous pouvez… »',
  },
  {
    pattern:
      "(?:l'usager|l'utilisateur|l'utilisatrice|le demandeur|la demandeuse|le declarant|la declarante|l'allocataire|le beneficiaire|la beneficiaire|l'assure|l'assuree|le contribuable|le requerant|la requerante|l'interesse|l'interessee|le titulaire|la titulaire|le candidat|la candidate) (?:doit|devra|peut|pourra|est invitee? a|est tenue? (?:de|d')|a la possibilite|veillera)",
    say: '« vous » : « Vous devez… », « Vous pouvez… »',
  },
];
const IMPERSONAL_RE = IMPERSONAL.map(({ pattern, say }) => ({
  re: new RegExp(`${LETTER_BEFORE}(?:${pattern})${LETTER_AFTER}`, 'gu'),
  say,
}));

// ---------------------------------------------------------------------------
// Jargon and acronyms

const JARGON_RE: { term: JargonTerm; re: RegExp }[] = JARGON_FR.map((term) => ({
  term,
  re: new RegExp(`${LETTER_BEFORE}(?:${term.match})${LETTER_AFTER}`, 'gu'),
}));

const SMALL_WORDS = words('de des du la le les et a au aux en pour sur d l');
const SHOUTED = words('OUI NON ET OU LE LA LES UN UNE DE DES DU AU AUX EN NOM NB');
const ACRONYM = /(?<![\p{L}\p{N}])[A-Z][A-Z0-9]{1,9}(?![\p{L}\p{N}])/gu;

/** Words of the text whose initials spell the acronym (« Caisse d’allocations familiales » for CAF). */
function initialsInText(all: Token[], acronym: string): boolean {
  if (acronym.length < 3) return false;
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
  for (let start = 0; start < all.length; start++) {
    let index = 0;
    let j = start;
    while (index < letters.length && j < all.length) {
      const token = all[j] as Token;
      const word = stripElision(token.folded);
      if (token.text === token.text.toUpperCase() && /\p{Lu}{2}/u.test(token.text)) break;
      if (index > 0 && SMALL_WORDS.has(word)) {
        j++;
        continue;
      }
      if (word.charAt(0) !== letters.charAt(index)) break;
      index++;
      j++;
    }
    if (index === letters.length) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// The rules

/** A sentence of the text, with its words. */
export interface Sentence extends Span {
  tokens: Token[];
  /** Ends with a question mark: « Avez-vous… ? » asks, it does not instruct. */
  question: boolean;
}

interface JargonMatch extends Span {
  term: JargonTerm;
}

/** The text as every rule reads it, cut once: folded, its quotes, words and sentences, its jargon. */
export interface ReadText {
  text: string;
  /** Same offsets as `text`: lower case, no accents, plain apostrophes. */
  folded: string;
  maxWords: number;
  infinitives: boolean;
  /** Whether an offset lies between quotes (the page's own wording, never flagged). */
  inQuote(at: number): boolean;
  /** Every word of the text. */
  allWords: Token[];
  /** The sentences that have words. */
  sentences: Sentence[];
  /** Jargon terms found, the longest where they overlap: the jargon rule judges them, the acronym rule leaves them alone. */
  jargonFound: JargonMatch[];
}

/** One rule of the assistant: its advice on a text, in the text's order. */
export type Rule = (read: ReadText) => Advice[];

export function readText(text: string, options: CheckOptions = {}): ReadText {
  const folded = fold(text);
  const quoted = quotedSpans(text);
  const sentences: Sentence[] = [];
  for (const span of sentenceSpans(text)) {
    const list = tokens(text, folded, span);
    if (list.length === 0) continue;
    sentences.push({ ...span, tokens: list, question: text.slice(span.start, span.end).trimEnd().endsWith('?') });
  }
  return {
    text,
    folded,
    maxWords: options.maxWords ?? MAX_WORDS,
    infinitives: options.infinitives !== false,
    inQuote: (at) => quoted.some((q) => at > q.start && at < q.end),
    allWords: tokens(text, folded, { start: 0, end: text.length }),
    sentences,
    jargonFound: jargonMatches(folded),
  };
}

function quoteWords(words: string[]): string {
  return words.map((w) => `« ${w} »`).join(', ');
}

/** `long-sentence`: more words than `maxWords`. */
export function longSentence({ sentences, maxWords }: ReadText): Advice[] {
  return sentences
    .filter((sentence) => sentence.tokens.length > maxWords)
    .map((sentence) => ({
      rule: 'long-sentence',
      message: `Phrase longue : ${sentence.tokens.length} mots. Visez ${maxWords} mots au plus ; coupez-la en deux phrases.`,
      start: sentence.start,
      end: sentence.end,
    }));
}

/** `several-instructions`: two imperatives or more in one sentence. */
export function severalInstructions({ text, sentences, inQuote }: ReadText): Advice[] {
  const advice: Advice[] = [];
  for (const sentence of sentences) {
    const list = sentence.tokens;
    const imperatives = list.filter((token, k) => !inQuote(token.start) && isImperative(text, list, k, 0, sentence.question));
    if (imperatives.length < 2) continue;
    advice.push({
      rule: 'several-instructions',
      message: `Cette phrase donne ${imperatives.length} consignes (${quoteWords(imperatives.map((t) => t.text))}). Une seule consigne par phrase : coupez-la.`,
      start: sentence.start,
      end: sentence.end,
    });
  }
  return advice;
}

/** `impersonal`: a sentence that starts with an instruction in the infinitive (« Cliquer sur… »), with the « vous » form to use. */
export function infinitiveInstruction({ text, sentences, inQuote, infinitives }: ReadText): Advice[] {
  if (!infinitives) return [];
  const advice: Advice[] = [];
  for (const { tokens: list } of sentences) {
    const head = list[0];
    if (!head || inQuote(head.start) || list.length < 2) continue;
    let verb: Token | undefined;
    let reflexive = false;
    const h = head.folded;
    if (h === 'se' && list[1]) {
      verb = list[1];
      reflexive = true;
    } else if (/^s'/.test(h)) {
      verb = head;
      reflexive = true;
    } else if (h === 'ne' && list[1]?.folded === 'pas' && list[2]) {
      verb = list[2];
    } else {
      verb = head;
    }
    const word = verb ? stripElision(verb.folded) : '';
    if (!verb || !isInfinitive(word)) continue;
    const written = verb.text.replace(/^[sS]['’]/, '');
    const imperative = imperativeOf(written);
    const negative = h === 'ne';
    const lower = imperative.toLowerCase();
    const suggestion = negative
      ? /^[aeiouyh]/.test(fold(lower))
        ? `N’${lower} pas`
        : `Ne ${lower} pas`
      : reflexive
        ? `${capitalize(imperative.toLowerCase())}-vous`
        : capitalize(imperative);
    const end = verb.end;
    advice.push({
      rule: 'impersonal',
      message: `« ${text.slice(head.start, end)} » : une consigne à l’infinitif. Parlez à la personne : « ${suggestion} ».`,
      start: head.start,
      end,
      suggestion,
    });
  }
  return advice;
}

/** `impersonal`: « il faut », « on doit », « l’usager doit »… where « vous » is meant. */
export function impersonalPhrase({ text, folded, inQuote }: ReadText): Advice[] {
  const advice: Advice[] = [];
  for (const { re, say } of IMPERSONAL_RE) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (inQuote(m.index)) continue;
      const found = text.slice(m.index, m.index + m[0].length);
      advice.push({
        rule: 'impersonal',
        message: `« ${found} » : tournure impersonnelle. Parlez à la personne avec ${say}.`,
        start: m.index,
        end: m.index + m[0].length,
      });
    }
  }
  return advice;
}

/** `passive`: être + past participle (« est demandé », « a été envoyé »). */
export function passiveVoice({ text, sentences, inQuote }: ReadText): Advice[] {
  const advice: Advice[] = [];
  for (const { tokens: list } of sentences) {
    for (let k = 0; k < list.length; k++) {
      const be = list[k] as Token;
      if (inQuote(be.start)) continue;
      const form = stripElision(be.folded);
      const elided = elisionOf(be.folded);
      if (!BE_FORMS.has(form) || elided === 'c' || elided === 'l') continue;
      const before = list[k - 1];
      if (form === 'ete' && !(before && AVOIR_FORMS.has(stripElision(before.folded)))) continue;
      let m = k + 1;
      while (m < list.length && m <= k + 3 && SKIPPED_ADVERBS.has(list[m]?.folded ?? '')) m++;
      const participle = list[m];
      if (!participle || PUNCTUATION_GAP.test(text.slice(be.end, participle.start)) || !isParticiple(participle)) continue;
      const p = participle.folded;
      if (inSet(ETRE_VERBS, p)) continue;
      if (VOUS_BE_FORMS.has(form) && !inSet(VOUS_PASSIVE, p)) continue;
      // « il est demandé de » is the impersonal rule's business.
      const after = list[m + 1]?.folded ?? '';
      if (before?.folded === 'il' && /^(?:de|d'|que|qu')/.test(after)) continue;
      const start = form === 'ete' && before ? before.start : be.start;
      advice.push({
        rule: 'passive',
        message: `« ${text.slice(start, participle.end)} » : forme passive. Dites qui fait l’action, par exemple « Le site vous envoie… », « Vous recevez… ».`,
        start,
        end: participle.end,
      });
    }
  }
  return advice;
}

/** Jargon terms in the folded text: where matches overlap, the longest (then the first) wins. */
function jargonMatches(folded: string): JargonMatch[] {
  const found: JargonMatch[] = [];
  for (const { term, re } of JARGON_RE) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) found.push({ start: m.index, end: m.index + m[0].length, term });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: JargonMatch[] = [];
  for (const match of found) {
    if (kept.some((k) => match.start < k.end && match.end > k.start)) continue;
    kept.push(match);
  }
  return kept;
}

/** `jargon`: a word of the project's list without an explanation right after it; first occurrence only. */
export function jargon({ text, folded, inQuote, jargonFound: matches }: ReadText): Advice[] {
  const advice: Advice[] = [];
  const seenTerms = new Set<string>();
  for (const match of matches) {
    if (inQuote(match.start) || seenTerms.has(match.term.term)) continue;
    seenTerms.add(match.term.term);
    const after = folded.slice(match.end, match.end + 20);
    if (/^\s*(?:\(|:|,?\s*c'est-a-dire|[–—]\s)/.test(after)) continue;
    const found = text.slice(match.start, match.end);
    advice.push({
      rule: 'jargon',
      message: `« ${found} » : mot administratif. Dites plutôt « ${match.term.plain} », ou expliquez-le.`,
      start: match.start,
      end: match.end,
      suggestion: match.term.plain,
    });
  }
  return advice;
}

/** `acronym`: capitals not explained anywhere in the text (judged over the whole text), flagged at their first occurrence. */
export function acronym({ text, folded, inQuote, allWords: all, sentences, jargonFound: matches }: ReadText): Advice[] {
  const occurrences = new Map<string, Span[]>();
  ACRONYM.lastIndex = 0;
  for (let m = ACRONYM.exec(text); m; m = ACRONYM.exec(text)) {
    const word = m[0];
    if ((word.match(/[A-Z]/g)?.length ?? 0) < 2) continue;
    if (COMMON_ACRONYMS.has(word) || SHOUTED.has(word) || /^[IVXLCDM]+$/.test(word)) continue;
    const span = { start: m.index, end: m.index + word.length };
    if (inQuote(span.start) || matches.some((k) => span.start < k.end && span.end > k.start)) continue;
    const list = occurrences.get(word) ?? [];
    list.push(span);
    occurrences.set(word, list);
  }
  const shouting = (span: Span): boolean => {
    const sentence = sentences.find((s) => span.start >= s.start && span.end <= s.end);
    if (!sentence) return false;
    const letters = text.slice(sentence.start, sentence.end).match(/\p{L}/gu) ?? [];
    const upper = letters.filter((l) => /\p{Lu}/u.test(l)).length;
    return letters.length >= 12 && upper / letters.length > 0.6;
  };
  const advice: Advice[] = [];
  for (const [word, spans] of occurrences) {
    const known = ACRONYMS_FR[word];
    const explained =
      spans.some(
        (span) => /^\s*\(/.test(text.slice(span.end)) || (/\(\s*$/.test(text.slice(0, span.start)) && /^\s*\)/.test(text.slice(span.end))),
      ) ||
      (known !== undefined && folded.includes(fold(known.expansion))) ||
      initialsInText(all, word);
    const first = spans[0] as Span;
    if (explained || shouting(first)) continue;
    const message = known
      ? `« ${word} » n’est pas expliqué. Écrivez-le en entier la première fois : « ${known.expansion} »${known.plain ? `, ou plus simplement « ${known.plain} »` : ''}.`
      : `« ${word} » est un sigle qui n’est pas expliqué. Écrivez ce qu’il veut dire, au moins la première fois.`;
    advice.push({
      rule: 'acronym',
      message,
      start: first.start,
      end: first.end,
      ...(known ? { suggestion: known.plain ?? known.expansion } : {}),
    });
  }
  return advice;
}

/**
 * The rules, in the order their advice is listed when two start at the same
 * place (the sort below is stable): the sentence's length, its instructions,
 * how it speaks to the person, then the words.
 */
export const RULES: readonly Rule[] = [
  longSentence,
  severalInstructions,
  infinitiveInstruction,
  impersonalPhrase,
  passiveVoice,
  jargon,
  acronym,
];

/** Advice on one text. Never throws; an empty list when all is well (or the language is not French). */
export function checkText(text: string, options: CheckOptions = {}): Advice[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  if (options.lang !== undefined && !/^fr(?:-|$)/i.test(options.lang)) return [];
  const read = readText(text, options);
  return RULES.flatMap((rule) => rule(read)).sort((a, b) => a.start - b.start);
}

export interface TextAdvice {
  /** JSON path of the text in the guide: `steps[2].instruction`. */
  path: string;
  advice: Advice[];
}

/** Advice on every text of a guide a person reads, for the editor's overview. Texts without advice are left out. */
export function checkGuide(guide: Pick<Guide, 'lang' | 'title' | 'summary' | 'prepare' | 'steps'>): TextAdvice[] {
  const out: TextAdvice[] = [];
  const add = (path: string, text: string | undefined, label = false) => {
    if (text === undefined) return;
    const advice = checkText(text, { lang: guide.lang, infinitives: !label });
    if (advice.length > 0) out.push({ path, advice });
  };
  // Titles and labels name things: « Déclarer mes revenus » is fine there.
  add('title', guide.title, true);
  add('summary', guide.summary, true);
  (guide.prepare ?? []).forEach((item, i) => {
    add(`prepare[${i}].label`, item.label, true);
    add(`prepare[${i}].hint`, item.hint);
  });
  guide.steps.forEach((item, i) => {
    if (item.kind === 'step') {
      add(`steps[${i}].instruction`, item.instruction);
      add(`steps[${i}].why`, item.why);
      add(`steps[${i}].advisorTip`, item.advisorTip);
    } else if (item.kind === 'question') {
      add(`steps[${i}].question`, item.question);
      add(`steps[${i}].why`, item.why);
      add(`steps[${i}].advisorTip`, item.advisorTip);
      item.choices.forEach((choice, c) => {
        add(`steps[${i}].choices[${c}].label`, choice.label, true);
      });
    } else if (item.kind === 'guide') {
      add(`steps[${i}].instruction`, item.instruction);
      add(`steps[${i}].why`, item.why);
      add(`steps[${i}].advisorTip`, item.advisorTip);
    } else {
      add(`steps[${i}].message`, item.message);
    }
  });
  return out;
}
