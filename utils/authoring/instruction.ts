/**
 * First drafts of steps while a trainer records a procedure: the action that
 * a trusted event stands for, and a first instruction in plain French built
 * from what the page calls the element (« Cliquez sur « Valider ». »).
 *
 * The recorder's DOM side reduces each event to a `RecordedEvent`: a kind, the
 * target's description, the page address. There is no field for a value, and
 * the description is rebuilt from the target schema's own keys, so nothing
 * typed by the person can travel through here into a guide.
 */
import { assertNever } from '../assert-never';
import { type Action, type ActionStep, LIMITS } from '../guide/schema';
import { type TargetDescription, targetSchema } from '../locate/target';
import { type Control, controlOf } from './control';
import { isSensitiveField } from './sensitive';
import { isChoiceList, isPersonalChoice, listNameOf, protectTarget, wildcardTyped } from './target-privacy';
import { clipWords, frQuote, normalizeWords, slugify, uniqueId } from './text';
import type { TypedMatcher } from './typed-values';
import { generalizeUrl } from './url-pattern';

/** Longest name quoted in a drafted instruction; the trainer can write more. */
const MAX_NAME = 80;
const MAX_CONTEXT = 100;

export { controlOf };

// ---------------------------------------------------------------------------
// Names

/** Hint texts glued after a label in an accessible name (DSFR `fr-hint-text` and the like). */
const HINT_MARKERS = [
  'format attendu',
  'format :',
  'exemple',
  'ex.',
  'ex :',
  'par exemple',
  'doit contenir',
  'il doit contenir',
  'votre mot de passe doit',
  'le mot de passe doit',
  'saisissez',
  'saisir ',
];

const REQUIRED_TAIL = /(?:\s*(?:\*+|\((?:obligatoire|requis|champ obligatoire|required)\)|[-–—]?\s*(?:champ\s+)?obligatoire|:))+\s*$/i;

/**
 * A page's name for an element, made fit to quote: hint text after the label
 * cut off, trailing asterisks, « (obligatoire) » and colons removed, long
 * names shortened at a word with « … ».
 */
export function cleanName(raw: string | undefined, max = MAX_NAME): string | undefined {
  if (!raw) return undefined;
  let text = raw.replace(/\s+/g, ' ').trim();
  const lower = text.toLowerCase();
  let cut = text.length;
  for (const marker of HINT_MARKERS) {
    const at = lower.indexOf(` ${marker}`);
    if (at > 0 && at < cut) cut = at;
  }
  text = text.slice(0, cut);
  // Parenthesised hints: « (format jj/mm/aaaa) », « (ex. : 06 12 34 56 78) ».
  text = text.replace(/\s*\((?:[^()]*?(?:format|ex\.|ex :|exemple|jj\/mm|aaaa)[^()]*)\)/gi, '');
  text = text.replace(/^\s*\*+\s*/, '');
  let previous: string;
  do {
    previous = text;
    text = text.replace(REQUIRED_TAIL, '').trim();
  } while (text !== previous);
  if (text === '') return undefined;
  return clipWords(text, max);
}

/** The name to quote for this action: labels for fields, visible names for buttons and links. */
function nameFor(control: Control, facts: TargetDescription): string | undefined {
  const ordered =
    control === 'field' || control === 'select' || control === 'file' || control === 'checkbox' || control === 'radio'
      ? [facts.label, facts.name, facts.text, facts.placeholder]
      : [facts.name, facts.text, facts.label];
  for (const candidate of ordered) {
    const name = cleanName(candidate);
    if (name) return name;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// What a field asks for

const AUTOCOMPLETE_OBJECT: Record<string, string> = {
  'family-name': 'votre nom de famille',
  'given-name': 'votre prénom',
  'additional-name': 'vos autres prénoms',
  name: 'votre prénom et votre nom',
  email: 'votre adresse e-mail',
  username: 'votre identifiant',
  tel: 'votre numéro de téléphone',
  'tel-national': 'votre numéro de téléphone',
  'street-address': 'votre adresse',
  'address-line1': 'votre adresse (numéro et rue)',
  'address-line2': 'le complément d’adresse',
  'address-line3': 'le complément d’adresse',
  'postal-code': 'votre code postal',
  'address-level2': 'votre ville',
  'country-name': 'votre pays',
  bday: 'votre date de naissance',
  'bday-day': 'votre jour de naissance',
  'bday-month': 'votre mois de naissance',
  'bday-year': 'votre année de naissance',
  organization: 'le nom de votre organisme',
  'current-password': 'votre mot de passe',
  'new-password': 'votre nouveau mot de passe',
  'one-time-code': 'le code reçu',
  'cc-number': 'le numéro de votre carte bancaire',
  'cc-name': 'le nom écrit sur votre carte bancaire',
  'cc-exp': 'la date de fin de validité de votre carte',
  'cc-csc': 'le code à 3 chiffres au dos de votre carte',
};

/** Known labels (normalised words, whole label), most specific first. */
const LABEL_OBJECT: [RegExp, string][] = [
  [
    /^(?:confirm\w*|repet\w*|retap\w*|ressaisi\w*|saisi\w* a nouveau|verification)(?: (?:de |du |votre |le |la ))*(?:nouveau )?mot de passe$/,
    'encore une fois votre mot de passe',
  ],
  [/^(?:nouveau|choisi\w*(?: (?:un|votre))?) mot de passe$/, 'votre nouveau mot de passe'],
  [/^(?:votre )?mot de passe(?: actuel)?$/, 'votre mot de passe'],
  [/^nom de naissance$/, 'votre nom de naissance'],
  [/^nom d usage$/, 'votre nom d’usage'],
  [/^(?:votre )?nom(?: de famille)?$/, 'votre nom de famille'],
  [/^(?:votre )?prenoms?(?: s)?$/, 'votre prénom'],
  [/^(?:votre )?(?:adresse )?(?:e ?mail|courriel|electronique|mail)$/, 'votre adresse e-mail'],
  [/^(?:votre )?(?:numero de )?(?:telephone|portable)(?: (?:mobile|portable|fixe))?$/, 'votre numéro de téléphone'],
  [/^code postal$/, 'votre code postal'],
  [/^(?:ville|commune)(?: de residence)?$/, 'votre ville'],
  [/^(?:votre )?adresse(?: postale)?$|^numero et (?:libelle de la )?(?:voie|rue)$/, 'votre adresse'],
  [/^complement d adresse$/, 'le complément d’adresse'],
  [/^pays(?: de residence)?$/, 'votre pays'],
  [/^date de naissance$/, 'votre date de naissance'],
  [/^(?:lieu|ville|commune) de naissance$/, 'votre lieu de naissance'],
  [/^(?:votre )?identifiant$/, 'votre identifiant'],
  [/^(?:votre )?(?:numero fiscal|identifiant fiscal|numero d identification fiscale?)$/, 'votre numéro fiscal'],
  [/^(?:votre )?(?:numero de securite sociale|nir)$/, 'votre numéro de sécurité sociale'],
  [/^numero d acces en ligne$/, 'votre numéro d’accès en ligne'],
  [/^revenu fiscal de reference$/, 'votre revenu fiscal de référence'],
  [/^iban$/, 'votre IBAN'],
  [
    /^code (?:de (?:confirmation|verification|validation)|a usage unique)(?: recu(?: par (?:sms|e ?mail|courriel))?)?$|^code recu par (?:sms|e ?mail|courriel)$/,
    'le code reçu',
  ],
];

/** What the field asks for, when its label or autocomplete says: « votre nom de famille ». */
export function fieldObject(facts: TargetDescription): string | undefined {
  const label = cleanName(facts.label) ?? cleanName(facts.name);
  if (label) {
    const words = normalizeWords(label);
    for (const [pattern, object] of LABEL_OBJECT) if (pattern.test(words)) return object;
  }
  const tokens = (facts.autocomplete ?? '').toLowerCase().split(/\s+/);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const object = AUTOCOMPLETE_OBJECT[tokens[i] ?? ''];
    if (object) return object;
  }
  return undefined;
}

const SECRET_OBJECT = /mot de passe|code reçu|code à 3 chiffres|carte bancaire/;

// ---------------------------------------------------------------------------
// Instructions

function withinLimit(make: (max: number) => string): string {
  for (const max of [MAX_NAME, 40, 20]) {
    const sentence = make(max);
    if (sentence.length <= LIMITS.instruction) return sentence;
  }
  return clipWords(make(20), LIMITS.instruction);
}

function fillSentence(facts: TargetDescription, name: string | undefined): string {
  const object = fieldObject(facts);
  const isPassword = (facts.type ?? '').toLowerCase() === 'password';
  const what = object ?? (isPassword ? 'votre mot de passe' : undefined);
  if (what) {
    const verb = isPassword || SECRET_OBJECT.test(what) ? 'Tapez' : 'Écrivez';
    return name ? `${verb} ${what} dans ${frQuote(name)}.` : `${verb} ${what} dans le champ indiqué.`;
  }
  return name ? `Remplissez le champ ${frQuote(name)}.` : 'Remplissez le champ indiqué.';
}

function chooseSentence(facts: TargetDescription, name: string | undefined, max: number): string {
  const pick = name ? `choisissez ${frQuote(name)}.` : 'choisissez une des réponses proposées.';
  const context = cleanName(facts.context, Math.min(MAX_CONTEXT, max + 20));
  if (context && (!name || normalizeWords(context) !== normalizeWords(name))) {
    return context.endsWith('?') ? `À la question ${frQuote(context)}, ${pick}` : `Pour ${frQuote(context)}, ${pick}`;
  }
  return pick.charAt(0).toUpperCase() + pick.slice(1);
}

/**
 * A first instruction for an action on a target, in plain French, from what
 * the page calls it. Quotes are French quotes with non-breaking spaces. Without
 * a usable name, a safe generic sentence (« Cliquez sur le bouton indiqué. »):
 * during the session, the highlight shows which one.
 */
export function draftInstruction(action: Action, facts: TargetDescription, inputType?: string): string {
  const control = controlOf(facts, inputType);
  if (isPersonalChoice(facts)) return withinLimit((max) => ownItemSentence(facts, max));
  return withinLimit((max) => {
    const rawName = nameFor(control, facts);
    const name = rawName === undefined ? undefined : cleanName(rawName, max);
    switch (action) {
      case 'fill':
        if (control === 'select') return name ? `Choisissez dans la liste ${frQuote(name)}.` : 'Choisissez dans la liste indiquée.';
        return fillSentence(facts, name);
      case 'choose':
        if (control === 'select') return name ? `Choisissez dans la liste ${frQuote(name)}.` : 'Choisissez dans la liste indiquée.';
        return chooseSentence(facts, name, max);
      case 'check':
        return name ? `Cochez la case ${frQuote(name)}.` : 'Cochez la case indiquée.';
      case 'pick-file':
        return name ? `Choisissez le fichier à envoyer pour ${frQuote(name)}.` : 'Choisissez le fichier à envoyer.';
      case 'read':
        return name ? `Lisez ${frQuote(name)}.` : 'Lisez le texte indiqué.';
      case 'go-to-page':
        return name ? `Ouvrez la page ${frQuote(name)}.` : 'Allez sur la page indiquée.';
      case 'click':
        if (control === 'checkbox') return name ? `Cochez la case ${frQuote(name)}.` : 'Cochez la case indiquée.';
        if (control === 'radio') return chooseSentence(facts, name, max);
        if (control === 'field' || control === 'select')
          return name ? `Cliquez dans le champ ${frQuote(name)}.` : 'Cliquez dans le champ indiqué.';
        if (control === 'form') return 'Envoyez le formulaire.';
        if (name) return `Cliquez sur ${frQuote(name)}.`;
        if (control === 'link') return 'Cliquez sur le lien indiqué.';
        if (control === 'button') return 'Cliquez sur le bouton indiqué.';
        return 'Cliquez sur l’élément indiqué.';
      default:
        return assertNever(action);
    }
  });
}

/** The instruction of a `go-to-page` step drafted from a navigation: another site, or another page of the same site. */
export function goToInstruction(to: { site: string } | { page: string }): string {
  return 'site' in to ? `Allez sur le site ${frQuote(to.site)}.` : `Allez sur la page ${frQuote(to.page)} du site.`;
}

/** « l’enfant concerné » out of a legend such as « Enfant concerné » or « Choisissez le contrat concerné ». */
function concernedItem(legend: string | undefined): string | undefined {
  if (!legend) return undefined;
  const match =
    /(?:^|\s)(?:(?:l['’]|le |la |un |une |votre )\s*)?([\p{L}-]{3,30})\s+(concerné|concernée|concernés|concernées)(?![\p{L}])/iu.exec(
      legend,
    );
  if (!match?.[1] || !match[2]) return undefined;
  const noun = match[1].toLowerCase();
  const adjective = match[2].toLowerCase();
  if (adjective.endsWith('s')) return `les ${noun} ${adjective}`;
  const article = /^[aeiouyéèêh]/i.test(noun) ? 'l’' : adjective.endsWith('e') ? 'la ' : 'le ';
  return `${article}${noun} ${adjective}`;
}

/**
 * A choice among the person's own items (a child, a contract, an account): said in
 * general words, never by its label, which was not kept.
 */
function ownItemSentence(facts: TargetDescription, max: number): string {
  const legend = cleanName(listNameOf(facts), Math.min(MAX_CONTEXT, max + 20));
  const item = concernedItem(legend) ?? 'l’élément concerné';
  return legend ? `Choisissez ${item} dans la liste ${frQuote(legend)}.` : `Choisissez ${item} dans la liste.`;
}

// ---------------------------------------------------------------------------
// Draft steps

export type RecordedEventKind = 'click' | 'change' | 'input-left' | 'submit' | 'file';

/**
 * One trusted event as the recorder keeps it. There is deliberately no field
 * for a value: what the person typed or chose never enters this record.
 */
export interface RecordedEvent {
  kind: RecordedEventKind;
  /** The target, as `describe()` captured it. */
  facts: TargetDescription;
  /** The page address when the event happened; only its generalised pattern is kept. */
  url: string | URL;
  /** The control's `type` (`checkbox`, `file`…) when the description lacks it. Never a value. */
  inputType?: string;
  /**
   * For a typed field left filled: keyed hashes of what was typed (`typed-values.ts`), so that a
   * later page showing it back is recognised. Never the value; never stored.
   */
  typed?: readonly string[];
}

/** The action a recorded event stands for. */
export function actionFor(event: Pick<RecordedEvent, 'kind' | 'facts' | 'inputType'>): Action {
  // The list of a choice among the person's own items, recorded instead of the item chosen.
  if (isChoiceList(event.facts) && event.kind !== 'submit') return 'choose';
  const control = controlOf(event.facts, event.inputType);
  switch (event.kind) {
    case 'file':
      return 'pick-file';
    case 'submit':
      return 'click';
    case 'click':
      if (control === 'checkbox') return 'check';
      if (control === 'radio') return 'choose';
      return 'click';
    case 'change':
    case 'input-left':
      if (control === 'checkbox') return 'check';
      if (control === 'radio' || control === 'select') return 'choose';
      if (control === 'file') return 'pick-file';
      return 'fill';
    default:
      return assertNever(event.kind);
  }
}

const TARGET_KEYS = Object.keys(targetSchema.shape) as (keyof TargetDescription)[];

/**
 * A copy of a description with only the target schema's keys, each checked:
 * an unknown key (a `value` slipped in by mistake) or an invalid fact is left out.
 */
export function sanitizeTarget(facts: TargetDescription, inputType?: string): TargetDescription {
  const copy: Record<string, unknown> = {};
  const source = facts as unknown as Record<string, unknown>;
  for (const key of TARGET_KEYS) if (source[key] !== undefined) copy[key] = source[key];
  if (copy.type === undefined && inputType && /^[a-z-]{1,40}$/i.test(inputType)) copy.type = inputType.toLowerCase();
  for (let attempt = 0; attempt < TARGET_KEYS.length; attempt++) {
    const result = targetSchema.safeParse(copy);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      if (key === 'tag') copy.tag = 'unknown';
      else if (typeof key === 'string') delete copy[key];
    }
  }
  return { tag: 'unknown' };
}

const ID_FALLBACK = {
  click: 'clic',
  fill: 'champ',
  choose: 'choix',
  check: 'case',
  'pick-file': 'fichier',
  read: 'lecture',
  'go-to-page': 'page',
} satisfies Record<Action, string>;

export interface DraftOptions {
  /**
   * The step's page pattern when the caller already has it (an import that
   * scrubs patterns); `null` for no page. Default: `generalizeUrl(event.url)`.
   */
  page?: string | null;
  /** Where a text shows something typed earlier in the recording: such facts are not kept. */
  typed?: TypedMatcher;
}

/**
 * A draft step from one recorded event: id from the element's name (unique
 * among `takenIds`), action, target, page pattern, first instruction, and
 * `sensitive` for passwords, codes, bank and tax identifiers.
 */
export function draftStep(event: RecordedEvent, takenIds: Iterable<string> = [], options: DraftOptions = {}): ActionStep {
  // Only what survives the privacy checks goes on: the id and the instruction are made from it.
  const target = sanitizeTarget(
    protectTarget(sanitizeTarget(event.facts, event.inputType), { typed: options.typed, inputType: event.inputType }),
  );
  const action = actionFor({ kind: event.kind, facts: target, inputType: event.inputType });
  const control = controlOf(target, event.inputType);
  const name = isPersonalChoice(target) ? cleanName(listNameOf(target)) : nameFor(control, target);
  const base = slugify(name ?? '', 40) || ID_FALLBACK[action];
  const id = uniqueId(base, new Set(takenIds), LIMITS.id);
  const page = options.page === undefined ? wildcardTyped(generalizeUrl(event.url), options.typed ?? (() => [])) : options.page;
  return {
    kind: 'step',
    id,
    ...(page === null ? {} : { page }),
    action,
    target,
    instruction: draftInstruction(action, target, event.inputType),
    sensitive: isSensitiveField(target).sensitive,
  };
}

const IDENTITY_KEYS = ['tag', 'id', 'nameAttr', 'label', 'name', 'type', 'testId', 'choiceValue', 'cssPath'] as const;

/** Whether two steps act on the same element (the facts that identify it agree). */
export function sameTarget(a: TargetDescription | undefined, b: TargetDescription | undefined): boolean {
  if (!a || !b) return false;
  return IDENTITY_KEYS.every((key) => a[key] === b[key]);
}

function sameRadioGroup(a: ActionStep, b: ActionStep): boolean {
  return (
    a.action === 'choose' &&
    b.action === 'choose' &&
    controlOf(a.target ?? { tag: 'unknown' }) === 'radio' &&
    controlOf(b.target ?? { tag: 'unknown' }) === 'radio' &&
    a.target?.nameAttr !== undefined &&
    a.target.nameAttr === b.target?.nameAttr &&
    a.target.context === b.target?.context
  );
}

/**
 * Adds a recorded event to a draft, the way a trainer expects: a click into a
 * field followed by filling it gives one « fill » step; a field filled again,
 * a box ticked again or another radio of the same group replaces the previous
 * step; the submit that follows a click on the submit button adds nothing.
 * Returns a new array; the draft given is not changed.
 */
export function recordEvent(draft: readonly ActionStep[], event: RecordedEvent, options: DraftOptions = {}): ActionStep[] {
  const last = draft[draft.length - 1];
  const step = draftStep(
    event,
    draft.map((item) => item.id),
    options,
  );
  if (last && last.page === step.page) {
    if (event.kind === 'submit' && last.action === 'click' && (sameTarget(last.target, step.target) || step.target?.tag === 'form')) {
      return [...draft];
    }
    const sameElement = sameTarget(last.target, step.target);
    const refines = sameElement && last.action === 'click' && step.action !== 'click';
    const redone = (sameElement && last.action === step.action && step.action !== 'click') || sameRadioGroup(last, step);
    if (refines || redone) {
      const rest = draft.slice(0, -1);
      return [
        ...rest,
        draftStep(
          event,
          rest.map((item) => item.id),
          options,
        ),
      ];
    }
  }
  return [...draft, step];
}
