/**
 * zod issues → plain French sentences. zod finds what is wrong (code, path,
 * expected, limits); this module only says it in words a trainer editing a
 * guide file understands, with what is expected instead.
 */
import type { z } from 'zod';
import { targetSchema } from '../locate/target';
import { clip, closest, type GuideIssue, isMissing, orList, quote, valueAt } from './problems';
import {
  actionStepSchema,
  choiceSchema,
  endSchema,
  guideSchema,
  innerGuideStepSchema,
  prepareItemSchema,
  questionSchema,
  sourceSchema,
} from './schema';

type Issue = z.core.$ZodIssue;

/** A field's name in French, with its article, and whether it is feminine (for "trop long/longue"). */
type Noun = readonly [text: string, feminine: boolean];

const NOUNS: Record<string, Noun> = {
  $schema: ['le lien vers le schéma', false],
  format: ['le numéro de format', false],
  id: ['l’identifiant', false],
  version: ['la version', true],
  lang: ['la langue', true],
  title: ['le titre', false],
  summary: ['le résumé', false],
  status: ['le statut', false],
  state: ['l’état', false],
  against: ['la référence de vérification', true],
  on: ['la date de vérification', true],
  sites: ['la liste des sites', true],
  prepare: ['la liste des choses à préparer', true],
  label: ['le libellé', false],
  hint: ['la précision', true],
  sensitive: ['l’indication « sensible »', true],
  durationMinutes: ['la durée estimée', true],
  steps: ['la liste des étapes', true],
  kind: ['le type d’élément', false],
  page: ['la page', true],
  action: ['l’action', true],
  target: ['la cible', true],
  instruction: ['la consigne', true],
  why: ['l’explication « pourquoi »', true],
  advisorTip: ['le conseil pour l’aidant', false],
  doneWhen: ['la façon de terminer l’étape', true],
  donePage: ['la page d’arrivée', true],
  next: ['l’étape suivante', true],
  question: ['la question', true],
  choices: ['la liste des choix', true],
  message: ['le message de fin', false],
  theme: ['le thème', false],
  sources: ['la liste des sources', true],
  url: ['l’adresse de la source', true],
  seen: ['la date de consultation', true],
  guide: ['l’identifiant du guide à jouer', false],
};

const TARGET_NOUNS: Record<string, Noun> = {
  tag: ['la balise', true],
  role: ['le rôle', false],
  name: ['le nom accessible', false],
  label: ['le libellé (label)', false],
  nameAttr: ['l’attribut name', false],
  type: ['le type', false],
  autocomplete: ['l’attribut autocomplete', false],
  placeholder: ['le texte indicatif (placeholder)', false],
  text: ['le texte visible', false],
  href: ['le lien (href)', false],
  choiceValue: ['la valeur du choix', true],
  testId: ['l’identifiant de test', false],
  controls: ['l’élément commandé (aria-controls)', false],
  id: ['l’id de l’élément', false],
  idGenerated: ['l’indication « id généré »', true],
  classes: ['la liste des classes', true],
  context: ['le contexte', false],
  neighbourText: ['le texte voisin', false],
  cssPath: ['le chemin CSS', false],
  twin: ['la position parmi les éléments identiques', true],
  section: ['la partie de la page', true],
  heading: ['le titre de la partie', false],
  alike: ['le nombre d’éléments semblables', false],
  index: ['le rang parmi les éléments identiques', false],
  count: ['le nombre d’éléments identiques', false],
  framePath: ['le chemin des cadres', false],
  around: ['la variante du composant', true],
};

/** Nouns of list elements, by the list's key. */
const ELEMENT_NOUNS: Record<string, Noun> = {
  sites: ['le motif de site', false],
  prepare: ['l’élément à préparer', false],
  steps: ['l’élément', false],
  choices: ['le choix', false],
  sources: ['la source', true],
  classes: ['la classe', true],
  around: ['la classe de variante', true],
  framePath: ['le chemin de cadre', false],
};

function nounOf(path: readonly PropertyKey[]): Noun {
  const last = path[path.length - 1];
  const inTarget = path.includes('target');
  if (typeof last === 'number') {
    const list = path[path.length - 2];
    return (typeof list === 'string' && ELEMENT_NOUNS[list]) || ['l’élément', false];
  }
  if (typeof last === 'string') {
    if (inTarget && TARGET_NOUNS[last]) return TARGET_NOUNS[last];
    if (last === 'label' && path.includes('choices')) return ['le libellé du choix', false];
    if (last === 'title' && path[0] === 'sources') return ['le titre de la source', false];
    if (NOUNS[last]) return NOUNS[last];
    return [`le champ ${quote(last, 40)}`, false];
  }
  return ['la valeur', true];
}

function fieldKey(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? last : '';
}

function agree(noun: Noun, masculine: string, feminine: string): string {
  return noun[1] ? feminine : masculine;
}

function plural(count: number | bigint, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${Number(count) > 1 ? pluralForm : singular}`;
}

/** A primitive value as it would be written in the file, cut when long. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  return describeValue(value);
}

/** What kind of value this is, in words. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'rien';
  if (value === null) return 'null (aucune valeur)';
  if (Array.isArray(value)) return 'une liste';
  switch (typeof value) {
    case 'string':
      return 'un texte';
    case 'number':
    case 'bigint':
      return 'un nombre';
    case 'boolean':
      return 'une valeur vrai/faux';
    case 'object':
      return 'un objet';
    default:
      return 'une valeur qui n’existe pas en JSON';
  }
}

function received(value: unknown): string {
  // JSON reads 1e999 as Infinity: a number, but too large to be one.
  if (typeof value === 'number' && !Number.isFinite(value)) return 'un nombre trop grand pour être lu';
  const kind = describeValue(value);
  const primitive = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  return primitive ? `${kind} (${showValue(value)})` : kind;
}

const EXPECTED: Record<string, string> = {
  string: 'un texte entre guillemets',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  array: 'une liste [ … ]',
  object: 'un objet { … }',
  null: 'null',
};

/** What each constrained text looks like, for messages about a bad shape. */
function formatHint(path: readonly PropertyKey[], value: unknown): string {
  const key = fieldKey(path);
  const list = path[path.length - 2];
  if (typeof path[path.length - 1] === 'number' && list === 'sites') {
    if (value === '<all_urls>') {
      return 'viserait tous les sites ; un guide ne vise que les sites de sa démarche, par exemple « https://www.impots.gouv.fr/* ».';
    }
    return 'n’est pas un motif de site valide ; attendu : le protocole (https, http ou *), « :// », le nom du site, puis un chemin qui commence par « / », par exemple « https://www.impots.gouv.fr/* » ou « https://*.ameli.fr/* ».';
  }
  if (path.includes('target') && key === 'tag') {
    return 'n’est pas un nom de balise valide ; attendu : des minuscules, par exemple « input », « button » ou « a ».';
  }
  switch (key) {
    case 'id':
    case 'next':
      return 'n’est pas un identifiant valide ; attendu : des lettres minuscules sans accent, des chiffres et des tirets, sans espace, en commençant par une lettre ou un chiffre, par exemple « creer-un-compte ».';
    case 'page':
    case 'donePage':
      return typeof value === 'string' && /^[a-z]+:\/\//i.test(value)
        ? 'n’est pas un motif de page valide ; attendu : seulement le chemin de la page, sans « https:// » ni le nom du site (le site est déjà dans « sites »), par exemple « /espace-particulier/* ».'
        : 'n’est pas un motif de page valide ; attendu : un chemin qui commence par « / », par exemple « /espace-particulier/* ».';
    case 'version':
      return 'n’est pas une version valide ; attendu : trois nombres séparés par des points, par exemple « 1.0.0 ».';
    case 'lang':
      return 'n’est pas un code de langue valide ; attendu : par exemple « fr » ou « fr-FR ».';
    case 'on':
    case 'seen':
      return 'n’est pas une date valide ; attendu : une date réelle au format AAAA-MM-JJ, par exemple « 2026-11-23 ».';
    case 'url':
      return 'n’est pas une adresse de source valide ; attendu : une adresse complète qui commence par « https:// », par exemple « https://www.impots.gouv.fr/aide ».';
    default:
      return 'n’a pas la forme attendue.';
  }
}

const ENUM_NOUNS: Record<string, string> = {
  action: 'une action connue',
  doneWhen: 'une façon connue de terminer une étape',
  kind: 'un type d’élément connu',
  state: 'un état connu',
  theme: 'un thème connu',
};

const ALLOWED_KEYS = {
  guide: Object.keys(guideSchema.shape),
  step: Object.keys(actionStepSchema.shape),
  question: Object.keys(questionSchema.shape),
  end: Object.keys(endSchema.shape),
  choice: Object.keys(choiceSchema.shape),
  prepare: Object.keys(prepareItemSchema.shape),
  target: Object.keys(targetSchema.shape),
  guideItem: Object.keys(innerGuideStepSchema.shape),
  source: Object.keys(sourceSchema.shape),
  draft: ['state'],
  verified: ['state', 'against', 'on'],
  documented: ['state', 'on'],
} as const;

/** The fields an object at `path` may have, when the place tells it. */
function allowedKeys(root: unknown, path: readonly PropertyKey[]): readonly string[] | undefined {
  const [first, second, third, fourth] = path;
  if (path.length === 0) return ALLOWED_KEYS.guide;
  if (first === 'status' && path.length === 1) {
    const state = valueAt(root, ['status', 'state']);
    return state === 'draft' || state === 'verified' || state === 'documented' ? ALLOWED_KEYS[state] : undefined;
  }
  if (first === 'prepare' && path.length === 2) return ALLOWED_KEYS.prepare;
  if (first === 'sources' && path.length === 2) return ALLOWED_KEYS.source;
  if (first === 'steps' && typeof second === 'number') {
    if (path.length === 2) {
      const kind = valueAt(root, ['steps', second, 'kind']);
      if (kind === 'guide') return ALLOWED_KEYS.guideItem;
      return kind === 'step' || kind === 'question' || kind === 'end' ? ALLOWED_KEYS[kind] : undefined;
    }
    if (third === 'target' && path.length === 3) return ALLOWED_KEYS.target;
    if (third === 'choices' && typeof fourth === 'number' && path.length === 4) return ALLOWED_KEYS.choice;
  }
  return undefined;
}

function missing(path: readonly PropertyKey[], expected: string): string {
  const [noun] = nounOf(path);
  return `il manque ${noun} (champ obligatoire ${quote(fieldKey(path), 40)}) ; attendu : ${expected}.`;
}

function invalidType(issue: Extract<Issue, { code: 'invalid_type' }>, root: unknown): string {
  const path = issue.path;
  const expected = EXPECTED[issue.expected] ?? issue.expected;
  const value = valueAt(root, path);
  if (path.length === 0) {
    return `le fichier doit contenir un guide, c’est-à-dire un objet JSON qui commence par « { » ; reçu : ${describeValue(value)}.`;
  }
  if (isMissing(root, path)) return missing(path, expected);
  const noun = nounOf(path);
  let advice = '';
  if ((issue.expected === 'number' || issue.expected === 'int') && typeof value === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(value)) {
    advice = ' Écrivez le nombre sans guillemets.';
  } else if (issue.expected === 'boolean' && (value === 'true' || value === 'false')) {
    advice = ' Écrivez true ou false sans guillemets.';
  } else if (issue.expected === 'array' && typeof value === 'string') {
    advice = ' Mettez le texte entre crochets : [ "…" ].';
  }
  return `${noun[0]} n’a pas le bon type ; attendu : ${expected}, reçu : ${received(value)}.${advice}`;
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>, root: unknown): string {
  const noun = nounOf(issue.path);
  const value = issue.input !== undefined ? issue.input : valueAt(root, issue.path);
  const max = issue.maximum;
  switch (issue.origin) {
    case 'string': {
      const length = typeof value === 'string' ? value.length : undefined;
      const actual = length === undefined ? '' : `${plural(length, 'caractère')}, `;
      return `${noun[0]} est ${agree(noun, 'trop long', 'trop longue')} : ${actual}pour ${plural(max, 'caractère')} au plus. Raccourcissez le texte.`;
    }
    case 'array': {
      const count = Array.isArray(value) ? value.length : undefined;
      const actual = count === undefined ? 'trop d’éléments' : plural(count, 'élément');
      return `${noun[0]} contient ${actual}, pour ${max} au plus.`;
    }
    default:
      return `${noun[0]} vaut ${showValue(value)}, pour ${max} au plus.`;
  }
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>, root: unknown): string {
  const noun = nounOf(issue.path);
  const value = issue.input !== undefined ? issue.input : valueAt(root, issue.path);
  const min = issue.minimum;
  switch (issue.origin) {
    case 'string':
      if (Number(min) <= 1)
        return `${noun[0]} est vide ; attendu : un texte d’au moins 1 caractère (les espaces et les caractères invisibles seuls ne comptent pas).`;
      return `${noun[0]} est ${agree(noun, 'trop court', 'trop courte')} ; attendu : au moins ${plural(min, 'caractère')}.`;
    case 'array': {
      const count = Array.isArray(value) ? value.length : 0;
      if (count === 0) return `${noun[0]} est vide ; attendu : au moins ${plural(min, 'élément')}.`;
      return `${noun[0]} contient ${plural(count, 'élément')}, pour ${min} au moins.`;
    }
    default:
      return `${noun[0]} vaut ${showValue(value)}, pour ${min} au moins.`;
  }
}

function invalidValue(issue: Extract<Issue, { code: 'invalid_value' }>, root: unknown): string {
  const path = issue.path;
  const key = fieldKey(path);
  const allowed = issue.values.map((v) => String(v));
  const value = valueAt(root, path);
  if (isMissing(root, path)) return missing(path, orList(allowed));
  if (path.length === 1 && key === 'format') {
    if (typeof value === 'number') {
      return `ce guide est écrit au format ${value}, que cette version de Côte à côte ne sait pas lire ; attendu : ${orList(allowed)}. Demandez une version du guide au format ${allowed[allowed.length - 1]}, ou mettez l’extension à jour.`;
    }
    return `le numéro de format n’est pas bon ; attendu : le nombre ${orList(allowed)}, sans guillemets, reçu : ${received(value)}.`;
  }
  const what = ENUM_NOUNS[key] ?? 'une valeur permise';
  const shown = typeof value === 'string' ? quote(value) : showValue(value);
  const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
  const suggestion = guess ? ` Vouliez-vous dire « ${guess} » ?` : '';
  return `${shown} n’est pas ${what} ; attendu : ${allowed.join(', ')}.${suggestion}`;
}

function invalidUnion(issue: Extract<Issue, { code: 'invalid_union' }>, root: unknown): string {
  const { discriminator } = issue as { discriminator?: string };
  const options = ((issue as { options?: unknown[] }).options ?? []).map((o) => String(o));
  const path = issue.path;
  if (discriminator && fieldKey(path) === discriminator) {
    const container = valueAt(root, path.slice(0, -1));
    if (typeof container !== 'object' || container === null || Array.isArray(container)) {
      return `${nounOf(path.slice(0, -1))[0]} n’a pas le bon type ; attendu : un objet { … }, reçu : ${received(container)}.`;
    }
    const expected =
      discriminator === 'kind'
        ? 'step (une étape), question (une question), end (une fin) ou guide (une étape qui joue un autre guide, format 2)'
        : orList(options);
    if (isMissing(root, path)) return missing(path, expected);
    const value = valueAt(root, path);
    const what = ENUM_NOUNS[discriminator] ?? 'une valeur permise';
    const guess = typeof value === 'string' ? closest(value, options) : undefined;
    const suggestion = guess ? ` Vouliez-vous dire « ${guess} » ?` : '';
    return `${showValue(value)} n’est pas ${what} ; attendu : ${expected}.${suggestion}`;
  }
  return `${nounOf(path)[0]} ne correspond à aucune des formes permises.`;
}

/** French sentences for one zod issue (one per unknown field). */
export function issueToFrench(issue: Issue, root: unknown): GuideIssue[] {
  const path = issue.path;
  switch (issue.code) {
    case 'invalid_type':
      return [{ path, text: invalidType(issue, root) }];
    case 'too_big':
      return [{ path, text: tooBig(issue, root) }];
    case 'too_small':
      return [{ path, text: tooSmall(issue, root) }];
    case 'invalid_format':
      return [{ path, text: `${showValue(valueAt(root, path) ?? issue.input)} ${formatHint(path, valueAt(root, path))}` }];
    case 'invalid_value':
      return [{ path, text: invalidValue(issue, root) }];
    case 'invalid_union':
      return [{ path, text: invalidUnion(issue, root) }];
    case 'unrecognized_keys': {
      const allowed = allowedKeys(root, path);
      return issue.keys.map((key) => {
        const guess = allowed ? closest(key, allowed) : undefined;
        const expected = guess
          ? `vouliez-vous dire « ${guess} » ?`
          : allowed
            ? `les champs possibles ici sont : ${allowed.join(', ')}.`
            : 'retirez ce champ.';
        return { path: [...path, key], text: `champ inconnu ${quote(key, 40)} ; ${expected}` };
      });
    }
    case 'not_multiple_of':
      return [{ path, text: `${nounOf(path)[0]} doit être un multiple de ${issue.divisor}.` }];
    default:
      // Only refinements added to the schema land here; their message is written in French.
      return [{ path, text: `${nounOf(path)[0]} n’est pas valide : ${clip(issue.message, 200)}` }];
  }
}
