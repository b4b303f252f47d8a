/**
 * What a recorded target may keep: facts that describe the site, never the
 * person. Two layers:
 * 1. per kind of element, the facts that are recorded at all (`KEPT_FACTS`):
 *    a choice keeps no neighbour text (its neighbours are the other items of
 *    the list), a button no link or value; the neighbour text of the others
 *    (on a recap page, the text beside « Modifier » is the person's data) is
 *    checked more strictly: no run of capitalised words, which may be a name;
 * 2. every text kept is then checked: a text shaped like personal data
 *    (`privacy.ts`) or showing what was typed earlier in the recording
 *    (`typed-values.ts`) is shortened to its interface part (names, labels,
 *    texts: « Modifier l’adresse 12 rue… » → « Modifier l’adresse ») or left out.
 * A choice among the person's own items (children, contracts, accounts: the
 * label, or a sibling's, looks personal) keeps no label, value or id at all,
 * only its place and its list. Whatever was left out or shortened by a check is
 * listed in `withheld`, so that the editor says it instead of staying silent.
 */
import type { TargetDescription, WithholdableFact } from '../locate/target';
import { controlOf } from './control';
import { interfacePart, mayHoldNames, personalSpans } from './privacy';
import type { TypedMatcher } from './typed-values';
import { generalizeHref, isVolatileToken } from './url-pattern';

export const ELEMENT_KINDS = ['button', 'link', 'field', 'checkbox', 'choice', 'select', 'file', 'other'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

type Fact = keyof TargetDescription;

/** Facts about the element's kind and place: no text of the page in them, or only the page's markup. */
const PLACE: readonly Fact[] = [
  'tag',
  'role',
  'type',
  'id',
  'idGenerated',
  'nameAttr',
  'testId',
  'classes',
  'cssPath',
  'section',
  'twin',
  'alike',
  'around',
  'framePath',
];

/** Per kind of element, the facts a recorded target may keep (each text still checked). */
export const KEPT_FACTS = {
  button: [...PLACE, 'name', 'text', 'label', 'controls', 'context', 'neighbourText'],
  link: [...PLACE, 'name', 'text', 'href', 'controls', 'context', 'neighbourText'],
  field: [...PLACE, 'name', 'label', 'placeholder', 'autocomplete', 'controls', 'context', 'neighbourText'],
  checkbox: [...PLACE, 'name', 'label', 'text', 'choiceValue', 'context', 'neighbourText'],
  choice: [...PLACE, 'name', 'label', 'text', 'choiceValue', 'context'],
  select: [...PLACE, 'name', 'label', 'autocomplete', 'context', 'neighbourText'],
  file: [...PLACE, 'name', 'label', 'context', 'neighbourText'],
  other: [...PLACE, 'name', 'text', 'context', 'neighbourText'],
} as const satisfies Record<ElementKind, readonly Fact[]>;

/** Texts that may be shortened to their interface part rather than left out. */
const SHORTENED = new Set<Fact>(['name', 'label', 'text', 'placeholder']);
/** What a choice among the person's own items never keeps: what names the item. */
const ITEM_NAMING: readonly WithholdableFact[] = ['name', 'label', 'text', 'choiceValue', 'id', 'testId', 'controls', 'placeholder'];

export function kindOf(facts: Pick<TargetDescription, 'tag' | 'type' | 'role'>, inputType?: string): ElementKind {
  if (facts.tag === 'option' || facts.role === 'option') return 'choice';
  const control = controlOf(facts, inputType);
  if (control === 'radio') return 'choice';
  if (control === 'form') return 'other';
  return control;
}

export interface ProtectOptions {
  /** Where a text shows something typed earlier in the recording. */
  typed?: TypedMatcher;
  /** The element is an item of a list that comes from the person's account: nothing that names it is kept. */
  personalChoice?: boolean;
  /** The element is such a list itself: its visible text (the items) is not kept, its name (the legend) is checked. */
  ownList?: boolean;
  inputType?: string;
}

const noTyped: TypedMatcher = () => [];

/**
 * Whether a piece of markup (an id, a class, a CSS path) holds something personal: 5 digits in a
 * row (a generated id such as `range-1234-2` is no number of a person), an e-mail, a bank
 * identifier, or what was typed.
 */
function markupIsPersonal(text: string, typed: TypedMatcher): boolean {
  return (
    /\d{5,}|@/.test(text) ||
    personalSpans(text).some((span) => span.shape === 'iban' || span.shape === 'bic' || span.shape === 'encoded') ||
    typed(text.replace(/[-_.]/g, ' ')).length > 0
  );
}

/** A text fact checked: itself, its interface part, or nothing. */
function checkText(text: string, typed: TypedMatcher, shorten: boolean): string | undefined {
  const spans = [...personalSpans(text), ...typed(text)];
  if (spans.length === 0) return text;
  return shorten ? interfacePart(text, spans) : undefined;
}

/**
 * A path or page pattern whose segments showing something typed earlier become wildcards
 * (`/beneficiaire/jeanne-martin/` → `/beneficiaire/*`); the query part is left as it is.
 */
export function wildcardTyped(pattern: string, typed: TypedMatcher): string {
  const at = pattern.indexOf('?');
  const path = at >= 0 ? pattern.slice(0, at) : pattern;
  const segments = path.split('/').map((segment) => (segment && typed(segment.replace(/[-_.~,+]/g, ' ')).length > 0 ? '*' : segment));
  return segments.join('/').replace(/\*(?:\/\*)+/g, '*') + (at >= 0 ? pattern.slice(at) : '');
}

/** The link's address generalised like a page pattern, without what was typed. */
function checkHref(href: string, typed: TypedMatcher): string | undefined {
  const generalized = generalizeHref(href);
  return generalized === undefined ? undefined : wildcardTyped(generalized, typed);
}

/**
 * The target as a guide may keep it: only the facts its kind may keep, each
 * checked; `withheld` lists what a check left out or shortened. Running it
 * again on its own result changes nothing.
 */
export function protectTarget(facts: TargetDescription, options: ProtectOptions = {}): TargetDescription {
  const typed = options.typed ?? noTyped;
  const kind = kindOf(facts, options.inputType);
  const allowed = new Set<Fact>(KEPT_FACTS[kind]);
  const withheld = new Set<WithholdableFact>(facts.withheld ?? []);
  const out: Record<string, unknown> = { tag: facts.tag };
  const source = facts as Record<string, unknown>;
  const naming = new Set<string>(options.personalChoice ? ITEM_NAMING : options.ownList ? ['text'] : []);

  for (const key of Object.keys(facts) as Fact[]) {
    const value = source[key];
    if (key === 'tag' || key === 'withheld' || value === undefined) continue;
    if (!allowed.has(key)) continue;
    const fact = key as WithholdableFact;
    if (naming.has(key)) {
      withheld.add(fact);
      continue;
    }
    let kept: unknown = value;
    if (key === 'href' && typeof value === 'string') {
      kept = checkHref(value, typed);
    } else if (typeof value === 'string') {
      kept =
        key === 'id' || key === 'nameAttr' || key === 'testId' || key === 'controls' || key === 'cssPath' || key === 'choiceValue'
          ? markupIsPersonal(value, typed) || (key === 'choiceValue' && isVolatileToken(value))
            ? undefined
            : value
          : key === 'neighbourText' && mayHoldNames(value)
            ? undefined
            : checkText(value, typed, SHORTENED.has(key));
    } else if (key === 'section') {
      const section = value as NonNullable<TargetDescription['section']>;
      kept = checkText(section.heading, typed, false) === undefined ? undefined : section;
    } else if (Array.isArray(value)) {
      // Classes, modifier classes, frame paths: all or nothing.
      kept = value.some((item) => typeof item === 'string' && markupIsPersonal(item, typed)) ? undefined : value;
    }
    if (kept !== value) withheld.add(fact);
    if (kept !== undefined && kept !== '') out[key] = kept;
  }
  // The items of a list of the person's own: said even when its kind keeps no text at all.
  if (options.ownList) withheld.add('text');
  if (out.id === undefined) delete out.idGenerated;
  if (withheld.size > 0) out.withheld = [...withheld].sort();
  return out as TargetDescription;
}

/** A list to choose in as a whole (a group of radios, a list box): the target of a choice among the person's own items. */
export function isChoiceList(facts: Pick<TargetDescription, 'tag' | 'role'>): boolean {
  return facts.tag === 'fieldset' || facts.role === 'radiogroup' || facts.role === 'listbox' || facts.role === 'group';
}

/**
 * Whether a target was recorded as a choice among the person's own items: the list itself, or
 * (when no list holds the items) an item that kept no name.
 */
export function isPersonalChoice(facts: TargetDescription): boolean {
  if (isChoiceList(facts)) return (facts.withheld ?? []).includes('text');
  return (
    kindOf(facts) === 'choice' &&
    (facts.withheld ?? []).some((key) => key === 'label' || key === 'name' || key === 'text') &&
    !facts.label &&
    !facts.name &&
    !facts.text
  );
}

/** The words that name the list of a choice among the person's own items (its legend). */
export function listNameOf(facts: TargetDescription): string | undefined {
  return isChoiceList(facts) ? (facts.name ?? facts.label ?? facts.context) : facts.context;
}
