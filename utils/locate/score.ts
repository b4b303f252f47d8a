/**
 * Pure scoring and decision: a recorded description against the facts of one
 * candidate, then a decision over all candidates. No DOM here, so that the
 * rule can be tested on plain objects.
 *
 * The model follows Similo / VON Similo (Nass et al.): many independent facts,
 * each weighted by how well it survives a new version of a site. A fact that
 * the candidate contradicts costs points, so a lookalike (same text, another
 * form) falls below the threshold instead of being picked.
 */
import { CLICK_TAGS, ENTRY_ROLES, FIELD_TAGS, HEADING, INPUT_BUTTON, PRESS_ROLES } from './facts';
import type { TargetDescription } from './target';

/** Facts read from a candidate element (`cssPathMatch`: the recorded CSS path selects it). */
export interface CandidateFacts {
  tag: string;
  role?: string;
  name?: string;
  label?: string;
  nameAttr?: string;
  type?: string;
  autocomplete?: string;
  placeholder?: string;
  text?: string;
  href?: string;
  choiceValue?: string;
  testId?: string;
  controls?: string;
  id?: string;
  classes?: string[];
  context?: string;
  neighbourText?: string;
  cssPathMatch?: boolean;
  inFrame?: boolean;
}

/** Minimum normalised score to return an element. */
export const FOUND_THRESHOLD = 0.72;
/** Minimum lead (normalised) of the best candidate over the second one. */
export const MARGIN = 0.1;
/**
 * Minimum weight of identifying facts that agree (text, name, label, name
 * attribute, test id, stable id…): a match on tag, classes and path alone is a guess.
 */
export const MIN_EVIDENCE = 1.5;

/** Weights by stability across versions of a site. */
export const WEIGHTS = {
  testId: 3,
  controls: 1.5,
  id: 2,
  idGenerated: 0.6,
  nameAttr: 2,
  name: 2,
  label: 2,
  text: 2,
  placeholder: 1,
  autocomplete: 1,
  choiceValue: 1.5,
  href: 1,
  type: 1,
  role: 1,
  tag: 1,
  context: 1.5,
  neighbourText: 0.5,
  classes: 0.5,
  cssPath: 0.5,
  frame: 0.5,
} as const;

/** Similarity given to a candidate whose context (legend, heading) is another one. */
export const CONTEXT_CONTRADICTION = -2;

/** Facts that need the layout or a walk of the tree: computed only for candidates that survive. */
export const EXPENSIVE_FACTS = ['name', 'label', 'context', 'neighbourText'] as const;
export type ExpensiveFact = (typeof EXPENSIVE_FACTS)[number];

/**
 * `f`, remembered by its arguments (pages repeat their texts, the search compares the same ones for
 * every candidate); forgotten past 20,000 entries.
 */
function remembered<R>(f: (a: string, b: string) => R): (a: string, b?: string) => R {
  const seen = new Map<string, R>();
  return (a, b = '') => {
    const k = `${a}\u0000${b}`;
    let r = seen.get(k);
    if (r === undefined) {
      r = f(a, b);
      if (seen.size > 20000) seen.clear();
      seen.set(k, r);
    }
    return r;
  };
}

/** Lower case, no accents, no punctuation, single spaces. */
export const normalize: (s: string) => string = remembered((s) => {
  let n = s.toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII test
  if (/[^\x00-\x7f]/.test(n)) n = n.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  // A "+" glued to a word names another thing ("FranceConnect+" is not "FranceConnect"); a spaced one is a separator.
  return n
    .replace(/([\p{L}\p{N}])\+/gu, '$1 plus ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
});

/** Words, plural marks aside ("champs" / "champ", "nationaux" / "nationau"): wordings drift that way. */
const stemWord = (w: string): string => (w.length > 3 && (w.endsWith('s') || w.endsWith('x')) ? w.slice(0, -1) : w);
const tokens = (s: string): Set<string> => {
  const out = new Set<string>();
  for (const w of s.split(' ')) if (w) out.add(stemWord(w));
  return out;
};

const rememberedSimilarity = remembered(similarity);

/**
 * Tolerant text similarity in [0, 1]: 1 for the same words (case, accents,
 * punctuation and spacing aside), less for a rewording (token overlap, or one
 * text containing the other).
 */
export const textSimilarity = (a: string, b: string): number => (a === b ? 1 : rememberedSimilarity(a, b));

function similarity(a: string, b: string): number {
  const na = normalize(a);
  const nb = normalize(b);
  if (na === nb) return 1;
  const ca = na.replace(/ /g, '');
  const cb = nb.replace(/ /g, '');
  if (ca === cb) return 1;
  if (!ca || !cb) return 0;
  const ta = tokens(na);
  const tb = tokens(nb);
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  const dice = (2 * common) / (ta.size + tb.size);
  // Whole words only: "Nom" is in "Nom de naissance", not in "Prénom".
  const wa = ` ${na} `;
  const wb = ` ${nb} `;
  const contains = Math.min(ca.length, cb.length) >= 3 && (wa.includes(wb) || wb.includes(wa));
  return Math.max(0.9 * dice, contains ? 0.7 : 0);
}

const TEXT_TYPES = ['text', 'email', 'tel', 'search', 'url', 'number'];
/** Both in one of the lists. */
const bothIn = (lists: readonly (readonly string[])[], a: string, b: string): boolean => lists.some((l) => l.includes(a) && l.includes(b));

function tagSim(a: string, b: string): number {
  if (a === b) return 1;
  // A heading often changes level between versions (h2 → h1) while saying the same thing.
  if (HEADING.test(a) && HEADING.test(b)) return 0.8;
  if (bothIn([CLICK_TAGS, FIELD_TAGS], a, b)) return 0.5;
  return 0;
}

function roleSim(a: string, b: string | undefined): number {
  if (b === undefined) return 0;
  if (a === b) return 1;
  if (bothIn([PRESS_ROLES, ENTRY_ROLES], a, b)) return 0.5;
  return -0.5;
}

function typeSim(a: string, b: string | undefined): number {
  if (b === undefined) return 0;
  if (a === b) return 1;
  // A password field is never an email field: this is the costliest confusion.
  if (a === 'password' || b === 'password' || a === 'radio' || b === 'radio' || a === 'checkbox' || b === 'checkbox') return -1;
  if (bothIn([TEXT_TYPES], a, b) || (INPUT_BUTTON.test(a) && INPUT_BUTTON.test(b))) return 0.3;
  return -0.5;
}

/** Text facts: tolerant similarity; a clearly different text on the candidate is a contradiction (-0.5). */
export function wordsSimilarity(a: string, b: string): number {
  const s = textSimilarity(a, b);
  return s < 0.2 ? -0.5 : s;
}

const wordsSim = (a: string, b: string | undefined): number => (b === undefined ? 0 : wordsSimilarity(a, b));

/** Numbers aside, case aside: `given-8947` and `given-8794`, `field_1` and `Field_2`. */
export const stem = (s: string): string => s.replace(/\d+/g, '#').toLowerCase();

/** Path segments that name a release (`/1.12.1/`, `/v2/`): they change with every version of a site. */
const VERSION_SEGMENT = /\/v?\d+(?:\.\d+)+(?=\/|$)|\/v\d+(?=\/|$)/gi;
const unversioned = (s: string) => s.replace(VERSION_SEGMENT, '/#v');

function hrefSim(a: string, b: string | undefined): number {
  if (b === undefined) return 0;
  if (a === b || unversioned(a) === unversioned(b)) return 1;
  // Paths often move under a new prefix (version, locale); the last segment and the query keys stay.
  const last = (s: string) => s.replace(/\/+$/, '').split('/').pop() ?? '';
  const la = last(a);
  return la && la === last(b) ? 0.6 : 0;
}

function classSim(a: string[], b: string[] | undefined): number {
  if (!a.length || !b?.length) return 0;
  const set = new Set(b);
  let n = 0;
  for (const c of a) if (set.has(c)) n++;
  return n / a.length;
}

/** Facts that identify an element (as opposed to facts that only describe its kind or place). */
const IDENTIFYING_FACTS = [
  'testId',
  'controls',
  'id',
  'nameAttr',
  'name',
  'label',
  'text',
  'placeholder',
  'autocomplete',
  'choiceValue',
  'href',
] as const satisfies readonly (keyof TargetDescription & keyof typeof WEIGHTS)[];
const IDENTIFYING = new Set<string>(IDENTIFYING_FACTS);

/**
 * Whether a target still has enough identifying facts to tell its element from
 * the others: below `MIN_EVIDENCE` of their weight, it matches any element of
 * its kind and `locate()` shows nothing. (The editor asks before a fact is deleted.)
 */
export function canLocate(target: TargetDescription): boolean {
  let weight = 0;
  for (const fact of IDENTIFYING_FACTS) {
    // A generated id only says where the element sits.
    if (target[fact] === undefined || (fact === 'id' && target.idGenerated)) continue;
    weight += WEIGHTS[fact];
  }
  return weight >= MIN_EVIDENCE;
}

export interface FactScore {
  /** Sum of weight × similarity over the facts scored. */
  points: number;
  /** Sum of the weights of the facts present in the description (the maximum of `points`). */
  total: number;
  /** Weight of identifying facts that agree (similarity ≥ 0.7). */
  evidence: number;
}

// The score of the current call, and which facts it counts.
let acc: FactScore = { points: 0, total: 0, evidence: 0 };
let accOnly: readonly string[] | undefined;
let accSkip: readonly string[] | undefined;

/** Counts one fact, weighed as in `WEIGHTS` unless told; only identifying facts add to the evidence. */
function add(fact: keyof typeof WEIGHTS, sim: number, weight: number = WEIGHTS[fact], identifying = IDENTIFYING.has(fact)): void {
  if ((accOnly && !accOnly.includes(fact)) || accSkip?.includes(fact)) return;
  acc.points += weight * sim;
  acc.total += weight;
  if (identifying && sim >= 0.7) acc.evidence += weight * sim;
}

/** Text facts, compared with `wordsSimilarity`, in the order they are scored. */
const WORDS_FACTS = ['name', 'label', 'text', 'placeholder'] as const;

/**
 * Scores a candidate on the facts of the description. `only` restricts to
 * some facts (cheap ones first, expensive ones later); `skip` leaves some out.
 */
export function scoreFacts(
  d: TargetDescription,
  c: CandidateFacts,
  select?: { only?: readonly string[]; skip?: readonly string[] },
): FactScore {
  acc = { points: 0, total: 0, evidence: 0 };
  accOnly = select?.only;
  accSkip = select?.skip;
  add('tag', tagSim(d.tag, c.tag));
  if (d.role) add('role', roleSim(d.role, c.role));
  if (d.type) add('type', typeSim(d.type, c.type));
  if (d.testId) add('testId', c.testId === undefined ? 0 : c.testId === d.testId ? 1 : -1);
  // What it opens or drives, by a stable id (the display settings dialog): a regenerated id is no contradiction.
  if (d.controls) add('controls', c.controls === d.controls ? 1 : 0);
  if (d.id) {
    const generated = d.idGenerated === true;
    const s = c.id === d.id ? 1 : c.id && stem(c.id) === stem(d.id) ? 0.6 : 0;
    // A generated id that merely has the same stem is a hint, not an identity; it only says where the element sits.
    add('id', d.idGenerated && s < 1 ? Math.min(s, 0.5) : s, d.idGenerated ? WEIGHTS.idGenerated : WEIGHTS.id, !generated);
  }
  if (d.nameAttr)
    add('nameAttr', c.nameAttr === undefined ? 0 : c.nameAttr === d.nameAttr ? 1 : stem(c.nameAttr) === stem(d.nameAttr) ? 0.7 : -0.25);
  for (const f of WORDS_FACTS) {
    const want = d[f];
    if (want) add(f, wordsSim(want, c[f]));
  }
  if (d.autocomplete)
    add('autocomplete', c.autocomplete === undefined ? 0 : normalize(c.autocomplete) === normalize(d.autocomplete) ? 1 : -0.5);
  if (d.choiceValue) add('choiceValue', c.choiceValue === undefined ? 0 : c.choiceValue === d.choiceValue ? 1 : -1);
  if (d.href) add('href', hrefSim(d.href, c.href));
  if (d.classes?.length) add('classes', classSim(d.classes, c.classes));
  // A candidate somewhere else (another legend or heading) is most likely a lookalike — "Nom" of the
  // spouse rather than of the declarant —, so this contradiction costs more than the fact is worth.
  // A candidate with no context at all costs a little.
  if (d.context) {
    const s = c.context === undefined ? -0.3 : contextSimilarity(d.context, c.context);
    add('context', s < 0.3 && c.context !== undefined ? CONTEXT_CONTRADICTION : s);
  }
  if (d.neighbourText) add('neighbourText', c.neighbourText ? textSimilarity(d.neighbourText, c.neighbourText) : 0);
  if (d.cssPath) add('cssPath', c.cssPathMatch ? 1 : 0);
  if (d.framePath?.length) add('frame', c.inFrame ? 1 : 0);
  return acc;
}

/**
 * Context headings are often extended or shortened between versions ("X + libellé à droite + état"
 * → "X + état"): one set of words within the other still matches well. Headings that each have
 * words of their own keep the plain text similarity (a reworded heading keeps some of its words).
 * Remembered like `textSimilarity`: the search compares the same few headings for every candidate.
 */
export const contextSimilarity: (a: string, b: string) => number = remembered(contextSimilarityOf);

function contextSimilarityOf(a: string, b: string): number {
  const s = textSimilarity(a, b);
  if (s >= 1) return 1;
  const ta = tokens(normalize(a));
  const tb = tokens(normalize(b));
  // Places numbered differently are different places ("Contenu 1", "Contenu 2"; "Étape 2", "Étape 3").
  const na = [...ta].filter((t) => /^\d+$/.test(t)).join(' ');
  const nb = [...tb].filter((t) => /^\d+$/.test(t)).join(' ');
  if (na && nb && na !== nb) return 0;
  let onlyA = 0;
  let onlyB = 0;
  for (const t of ta) if (!tb.has(t)) onlyA++;
  for (const t of tb) if (!ta.has(t)) onlyB++;
  const common = ta.size - onlyA;
  if (!common) return s;
  return !onlyA || !onlyB ? Math.max(s, common >= 2 ? 0.8 : s) : s;
}

/** Sum of the weights of the expensive facts present in a description: the most they can add. */
export function expensiveWeight(d: TargetDescription): number {
  let w = 0;
  for (const f of EXPENSIVE_FACTS) if (d[f]) w += WEIGHTS[f];
  return w;
}

export interface Scored<T> {
  item: T;
  /** Normalised score: points / total, at most 1, negative when contradicted. */
  score: number;
  evidence: number;
}

export type Decision<T> = { status: 'found'; item: T; confidence: number } | { status: 'ambiguous'; items: T[] } | { status: 'not-found' };

export interface DecisionOptions {
  threshold?: number;
  margin?: number;
  minEvidence?: number;
  /** Candidates left unscored that might have competed: never claim "found" then. */
  incomplete?: boolean;
}

/**
 * Found when the best candidate clears the threshold, has identifying
 * evidence, and leads the second by the margin. Ambiguous when several clear
 * the threshold within the margin. Not found otherwise.
 */
export function decide<T>(scored: Scored<T>[], opts: DecisionOptions = {}): Decision<T> {
  const threshold = opts.threshold ?? FOUND_THRESHOLD;
  const margin = opts.margin ?? MARGIN;
  const minEvidence = opts.minEvidence ?? MIN_EVIDENCE;
  const ranked = scored.filter((s) => s.score >= threshold && s.evidence >= minEvidence).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return { status: 'not-found' };
  // The runner-up is looked for among all candidates: one without evidence can still make the best one doubtful.
  let second = Number.NEGATIVE_INFINITY;
  for (const s of scored) if (s !== best && s.score > second) second = s.score;
  if (best.score - second >= margin && !opts.incomplete) return { status: 'found', item: best.item, confidence: round(best.score) };
  const close = scored
    .filter((s) => s.score >= best.score - margin && s.score >= threshold - margin)
    .sort((a, b) => b.score - a.score)
    .map((s) => s.item);
  return { status: 'ambiguous', items: close };
}

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
