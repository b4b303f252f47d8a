/**
 * The editor's working copy: the guide being edited, which may be unfinished
 * (empty texts, a dangling branch…) and so may not pass `parseGuide` yet, plus
 * what the page needs around it: one stable key per item (for lists, focus and
 * drag and drop while ids are being edited) and where it will be saved.
 *
 * Every operation is pure: it returns a new copy and never changes the one it
 * was given, so that undo and redo only keep references.
 */

import { slugify, uniqueId } from '../authoring/text';
import type { GuideOrigin } from '../authoring/user-guides';
import {
  type Action,
  type ActionStep,
  GUIDE_FORMAT,
  type Guide,
  type GuideItem,
  LIMITS,
  type PrepareItem,
  type Question,
} from '../guide/schema';

/**
 * The guide while it is edited: the schema's shape, except that the duration
 * may be missing while the trainer retypes it. Texts may be empty; `parseGuide`
 * says what is wrong, the editor shows it next to the field.
 */
export type WorkingGuide = Omit<Guide, 'durationMinutes'> & { durationMinutes: number | null };

export interface WorkingCopy {
  /** Identifies this working copy in storage (`editor:working:<doc>`), whatever the guide's id becomes. */
  doc: string;
  guide: WorkingGuide;
  /** One key per item of `guide.steps`, in the same order; never reused within a copy. */
  keys: string[];
  nextKey: number;
  /** How the guide is saved to "my guides". */
  origin: GuideOrigin;
  /** The id it has in "my guides", when it came from there or was saved there. */
  savedId?: string;
  /** Fingerprint of the guide as last saved to "my guides": equal to the current one when nothing is new. */
  savedPrint?: string;
  /** The bundled guide this copy was made from. */
  copiedFrom?: string;
}

export type ItemKind = GuideItem['kind'];
/**
 * The kinds the editor offers to write. A step that runs another guide
 * (`guide`) is kept and its texts edited, but not offered as a new kind.
 */
export const ITEM_KINDS: readonly ItemKind[] = ['step', 'question', 'end'];

/** Optional texts of an item: an empty field removes them. */
const OPTIONAL_ITEM_TEXTS = new Set(['why', 'advisorTip', 'message', 'page', 'donePage']);
/** Texts of an item the editor changes one keystroke at a time. */
export type ItemTextField = 'instruction' | 'question' | 'message' | 'why' | 'advisorTip' | 'page' | 'donePage';
export type GuideTextField = 'id' | 'title' | 'summary' | 'lang' | 'version';

function withKeys(copy: WorkingCopy, count: number): { keys: string[]; nextKey: number } {
  const keys: string[] = [];
  let next = copy.nextKey;
  for (let i = 0; i < count; i++) keys.push(`k${next++}`);
  return { keys, nextKey: next };
}

export interface CopyOptions {
  doc: string;
  origin: GuideOrigin;
  savedId?: string;
  savedPrint?: string;
  copiedFrom?: string;
}

/** A working copy around a guide (valid or not). */
export function fromGuide(guide: WorkingGuide | Guide, options: CopyOptions): WorkingCopy {
  const keys = guide.steps.map((_, i) => `k${i + 1}`);
  const copy: WorkingCopy = { doc: options.doc, guide: guide as WorkingGuide, keys, nextKey: keys.length + 1, origin: options.origin };
  if (options.savedId !== undefined) copy.savedId = options.savedId;
  if (options.savedPrint !== undefined) copy.savedPrint = options.savedPrint;
  if (options.copiedFrom !== undefined) copy.copiedFrom = options.copiedFrom;
  return copy;
}

/** A new guide to write from scratch: one step to fill and an end. */
export function newGuide(doc: string): WorkingCopy {
  const guide: WorkingGuide = {
    format: GUIDE_FORMAT,
    id: 'nouveau-guide',
    version: '0.1.0',
    lang: 'fr',
    title: '',
    summary: '',
    status: { state: 'draft' },
    sources: [],
    sites: [''],
    prepare: [],
    durationMinutes: 5,
    steps: [
      { kind: 'step', id: 'etape-1', action: 'read', instruction: '', sensitive: false },
      { kind: 'end', id: 'fin' },
    ],
  };
  return fromGuide(guide, { doc, origin: 'edited' });
}

/**
 * A copy of a bundled guide, to save as one's own: a bundled guide's id is
 * reserved, so the copy gets a free one (`<id>-copie`, `-copie-2`…).
 */
export function copyOfBundled(guide: Guide, doc: string, takenIds: ReadonlySet<string>, title: string): WorkingCopy {
  const id = uniqueId(`${guide.id.slice(0, LIMITS.id - 7)}-copie`, takenIds, LIMITS.id);
  return fromGuide({ ...guide, id, title }, { doc, origin: 'edited', copiedFrom: guide.id });
}

/** A short, stable fingerprint of a guide's content (FNV-1a over its JSON). */
export function fingerprint(guide: WorkingGuide | Guide): string {
  const text = JSON.stringify(guide);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}-${text.length.toString(36)}`;
}

/** Whether "my guides" already holds exactly this content. */
export function isSavedInMyGuides(copy: WorkingCopy): boolean {
  return copy.savedPrint !== undefined && copy.savedId === copy.guide.id && copy.savedPrint === fingerprint(copy.guide);
}

// ---------------------------------------------------------------------------
// Small immutable helpers

function withGuide(copy: WorkingCopy, guide: WorkingGuide): WorkingCopy {
  return { ...copy, guide };
}

function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  const out = list.slice();
  out[index] = value;
  return out;
}

function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

function insertAt<T>(list: readonly T[], index: number, value: T): T[] {
  const out = list.slice();
  out.splice(index, 0, value);
  return out;
}

function moveIn<T>(list: readonly T[], from: number, to: number): T[] {
  const out = list.slice();
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved as T);
  return out;
}

const inRange = (list: readonly unknown[], index: number) => Number.isInteger(index) && index >= 0 && index < list.length;

function setItem(copy: WorkingCopy, index: number, item: GuideItem): WorkingCopy {
  if (!inRange(copy.guide.steps, index)) return copy;
  return withGuide(copy, { ...copy.guide, steps: replaceAt(copy.guide.steps, index, item) });
}

function updateStep(copy: WorkingCopy, index: number, change: (step: ActionStep) => ActionStep): WorkingCopy {
  const item = copy.guide.steps[index];
  return item?.kind === 'step' ? setItem(copy, index, change(item)) : copy;
}

function updateQuestion(copy: WorkingCopy, index: number, change: (question: Question) => Question): WorkingCopy {
  const item = copy.guide.steps[index];
  return item?.kind === 'question' ? setItem(copy, index, change(item)) : copy;
}

/** Sets or removes (`undefined`) a key, keeping the other keys in their order. */
function withKey<T extends object>(object: T, key: string, value: unknown): T {
  const out: Record<string, unknown> = { ...(object as Record<string, unknown>) };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out as T;
}

// ---------------------------------------------------------------------------
// The guide's header

export function setGuideText(copy: WorkingCopy, field: GuideTextField, value: string): WorkingCopy {
  return withGuide(copy, { ...copy.guide, [field]: value });
}

/** The duration in minutes; `null` while the field is empty or not a number. */
export function setDuration(copy: WorkingCopy, minutes: number | null): WorkingCopy {
  const value = minutes === null || !Number.isFinite(minutes) ? null : minutes;
  return withGuide(copy, { ...copy.guide, durationMinutes: value });
}

/** Draft, or verified: `against` and `on` are kept from an earlier verified status, `on` is today otherwise. */
export function setStatusState(copy: WorkingCopy, state: 'draft' | 'verified', today: string): WorkingCopy {
  const status = copy.guide.status;
  if (status.state === state) return copy;
  if (state === 'draft') return withGuide(copy, { ...copy.guide, status: { state: 'draft' } });
  return withGuide(copy, { ...copy.guide, status: { state: 'verified', against: '', on: today } });
}

export function setStatusField(copy: WorkingCopy, field: 'against' | 'on', value: string): WorkingCopy {
  const status = copy.guide.status;
  if (status.state !== 'verified') return copy;
  return withGuide(copy, { ...copy.guide, status: { ...status, [field]: value } });
}

export function setSite(copy: WorkingCopy, index: number, value: string): WorkingCopy {
  if (!inRange(copy.guide.sites, index)) return copy;
  return withGuide(copy, { ...copy.guide, sites: replaceAt(copy.guide.sites, index, value) });
}

export function addSite(copy: WorkingCopy, value = ''): WorkingCopy {
  if (copy.guide.sites.length >= LIMITS.sites) return copy;
  return withGuide(copy, { ...copy.guide, sites: [...copy.guide.sites, value] });
}

export function removeSite(copy: WorkingCopy, index: number): WorkingCopy {
  if (!inRange(copy.guide.sites, index)) return copy;
  return withGuide(copy, { ...copy.guide, sites: removeAt(copy.guide.sites, index) });
}

// ---------------------------------------------------------------------------
// "À avoir sous la main"

export function addPrepare(copy: WorkingCopy): WorkingCopy {
  if (copy.guide.prepare.length >= LIMITS.prepare) return copy;
  return withGuide(copy, { ...copy.guide, prepare: [...copy.guide.prepare, { label: '', sensitive: false }] });
}

export function removePrepare(copy: WorkingCopy, index: number): WorkingCopy {
  if (!inRange(copy.guide.prepare, index)) return copy;
  return withGuide(copy, { ...copy.guide, prepare: removeAt(copy.guide.prepare, index) });
}

export function movePrepare(copy: WorkingCopy, from: number, to: number): WorkingCopy {
  const list = copy.guide.prepare;
  if (!inRange(list, from) || !inRange(list, to) || from === to) return copy;
  return withGuide(copy, { ...copy.guide, prepare: moveIn(list, from, to) });
}

export function setPrepareText(copy: WorkingCopy, index: number, field: 'label' | 'hint', value: string): WorkingCopy {
  const item = copy.guide.prepare[index];
  if (!item) return copy;
  const next: PrepareItem = field === 'hint' ? withKey(item, 'hint', value === '' ? undefined : value) : { ...item, label: value };
  return withGuide(copy, { ...copy.guide, prepare: replaceAt(copy.guide.prepare, index, next) });
}

export function setPrepareSensitive(copy: WorkingCopy, index: number, sensitive: boolean): WorkingCopy {
  const item = copy.guide.prepare[index];
  if (!item) return copy;
  return withGuide(copy, { ...copy.guide, prepare: replaceAt(copy.guide.prepare, index, { ...item, sensitive }) });
}

// ---------------------------------------------------------------------------
// Items: texts and fields

/** A text of an item. Optional texts (why, tip, message, pages) are removed when emptied. */
export function setItemText(copy: WorkingCopy, index: number, field: ItemTextField, value: string): WorkingCopy {
  const item = copy.guide.steps[index];
  if (!item) return copy;
  const allowed: Record<ItemKind, readonly ItemTextField[]> = {
    step: ['instruction', 'why', 'advisorTip', 'page', 'donePage'],
    question: ['question', 'why', 'advisorTip'],
    end: ['message'],
    guide: ['instruction', 'why', 'advisorTip'],
  };
  if (!allowed[item.kind].includes(field)) return copy;
  const next = OPTIONAL_ITEM_TEXTS.has(field) && value === '' ? withKey(item, field, undefined) : withKey(item, field, value);
  return setItem(copy, index, next);
}

/**
 * Changes an item's id. Branches that led to the old id follow it, as long as
 * the old id was the item's alone and the new one is not another item's:
 * renaming must never merge two items' branches.
 */
export function setItemId(copy: WorkingCopy, index: number, id: string): WorkingCopy {
  const item = copy.guide.steps[index];
  if (!item || item.id === id) return copy;
  const old = item.id;
  const others = copy.guide.steps.filter((_, i) => i !== index).map((other) => other.id);
  const follow = old !== '' && !others.includes(old) && !others.includes(id) && id !== '';
  const steps = copy.guide.steps.map((other, i): GuideItem => {
    if (i === index) return { ...other, id } as GuideItem;
    if (!follow) return other;
    if ((other.kind === 'step' || other.kind === 'guide') && other.next === old) return { ...other, next: id };
    if (other.kind === 'question' && other.choices.some((choice) => choice.next === old)) {
      return { ...other, choices: other.choices.map((choice) => (choice.next === old ? { ...choice, next: id } : choice)) };
    }
    return other;
  });
  return withGuide(copy, { ...copy.guide, steps });
}

export function setAction(copy: WorkingCopy, index: number, action: Action): WorkingCopy {
  return updateStep(copy, index, (step) => ({ ...step, action }));
}

/** How the step counts as done; `undefined`: the default for its action. */
export function setDoneWhen(copy: WorkingCopy, index: number, doneWhen: ActionStep['doneWhen']): WorkingCopy {
  return updateStep(copy, index, (step) => withKey(step, 'doneWhen', doneWhen));
}

export function setSensitive(copy: WorkingCopy, index: number, sensitive: boolean): WorkingCopy {
  return updateStep(copy, index, (step) => ({ ...step, sensitive }));
}

/** Where a step (or a step that runs another guide) leads; `undefined`: the following item of the list. */
export function setNext(copy: WorkingCopy, index: number, next: string | undefined): WorkingCopy {
  const item = copy.guide.steps[index];
  if (item?.kind !== 'step' && item?.kind !== 'guide') return copy;
  return setItem(copy, index, withKey(item, 'next', next === '' ? undefined : next));
}

export function addChoice(copy: WorkingCopy, index: number): WorkingCopy {
  return updateQuestion(copy, index, (question) => {
    if (question.choices.length >= LIMITS.choices) return question;
    return { ...question, choices: [...question.choices, { label: '', next: defaultNext(copy.guide, index) }] };
  });
}

export function removeChoice(copy: WorkingCopy, index: number, choice: number): WorkingCopy {
  return updateQuestion(copy, index, (question) =>
    inRange(question.choices, choice) ? { ...question, choices: removeAt(question.choices, choice) } : question,
  );
}

export function setChoiceLabel(copy: WorkingCopy, index: number, choice: number, label: string): WorkingCopy {
  return updateQuestion(copy, index, (question) => {
    const current = question.choices[choice];
    return current ? { ...question, choices: replaceAt(question.choices, choice, { ...current, label }) } : question;
  });
}

export function setChoiceNext(copy: WorkingCopy, index: number, choice: number, next: string): WorkingCopy {
  return updateQuestion(copy, index, (question) => {
    const current = question.choices[choice];
    return current ? { ...question, choices: replaceAt(question.choices, choice, { ...current, next }) } : question;
  });
}

// ---------------------------------------------------------------------------
// Items: add, duplicate, delete, move, change kind

function takenIds(guide: WorkingGuide): Set<string> {
  return new Set(guide.steps.map((item) => item.id));
}

/** Where a new branch goes by default: the item after this one, else the first end, else this item's own id. */
function defaultNext(guide: WorkingGuide, index: number): string {
  return guide.steps[index + 1]?.id ?? guide.steps.find((item) => item.kind === 'end')?.id ?? guide.steps[index]?.id ?? '';
}

function blankItem(kind: ItemKind, id: string, next: string): GuideItem {
  if (kind === 'step') return { kind: 'step', id, action: 'read', instruction: '', sensitive: false };
  if (kind === 'guide') return { kind: 'guide', id, guide: '', instruction: '' };
  if (kind === 'question') {
    return {
      kind: 'question',
      id,
      question: '',
      choices: [
        { label: '', next },
        { label: '', next },
      ],
    };
  }
  return { kind: 'end', id };
}

/**
 * Adds an item. Without a position, a step or question goes before the final
 * end (so that the path still ends), an end goes last.
 */
export function addItem(copy: WorkingCopy, kind: ItemKind, at?: number): WorkingCopy {
  const steps = copy.guide.steps;
  if (steps.length >= LIMITS.steps) return copy;
  const last = steps[steps.length - 1];
  const position = at ?? (kind !== 'end' && last?.kind === 'end' ? steps.length - 1 : steps.length);
  const index = Math.max(0, Math.min(position, steps.length));
  const base = kind === 'question' ? 'question' : kind === 'end' ? 'fin' : `etape-${steps.filter((s) => s.kind === 'step').length + 1}`;
  const id = uniqueId(base, takenIds(copy.guide), LIMITS.id);
  const next = steps[index]?.id ?? steps.find((item) => item.kind === 'end')?.id ?? id;
  const { keys, nextKey } = withKeys(copy, 1);
  return {
    ...copy,
    guide: { ...copy.guide, steps: insertAt(steps, index, blankItem(kind, id, next)) },
    keys: insertAt(copy.keys, index, keys[0] as string),
    nextKey,
  };
}

/** A copy of the item right after it, with a free id (`<id>-2`…). Branches keep leading to the original. */
export function duplicateItem(copy: WorkingCopy, index: number): WorkingCopy {
  const item = copy.guide.steps[index];
  if (!item || copy.guide.steps.length >= LIMITS.steps) return copy;
  const id = uniqueId(slugify(item.id, LIMITS.id - 4) || 'etape', takenIds(copy.guide), LIMITS.id);
  const clone = structuredClone({ ...item, id }) as GuideItem;
  const { keys, nextKey } = withKeys(copy, 1);
  return {
    ...copy,
    guide: { ...copy.guide, steps: insertAt(copy.guide.steps, index + 1, clone) },
    keys: insertAt(copy.keys, index + 1, keys[0] as string),
    nextKey,
  };
}

/** Deletes an item. Branches that led to it are left as they are: the validation points at them (and undo brings it back). */
export function removeItem(copy: WorkingCopy, index: number): WorkingCopy {
  if (!inRange(copy.guide.steps, index)) return copy;
  return { ...copy, guide: { ...copy.guide, steps: removeAt(copy.guide.steps, index) }, keys: removeAt(copy.keys, index) };
}

export function moveItem(copy: WorkingCopy, from: number, to: number): WorkingCopy {
  const steps = copy.guide.steps;
  if (!inRange(steps, from) || !inRange(steps, to) || from === to) return copy;
  return { ...copy, guide: { ...copy.guide, steps: moveIn(steps, from, to) }, keys: moveIn(copy.keys, from, to) };
}

/** The main text of an item, whatever its kind. */
export function itemText(item: GuideItem): string {
  if (item.kind === 'step' || item.kind === 'guide') return item.instruction;
  if (item.kind === 'question') return item.question;
  return item.message ?? '';
}

/**
 * Turns an item into another kind, keeping its id, its main text and what the
 * new kind has in common with the old one (why, advisor's tip). A step from
 * another kind is a « read » step: it needs no target.
 */
export function changeKind(copy: WorkingCopy, index: number, kind: ItemKind): WorkingCopy {
  const item = copy.guide.steps[index];
  if (!item || item.kind === kind) return copy;
  const text = itemText(item);
  const extras: { why?: string; advisorTip?: string } = {};
  if (item.kind !== 'end') {
    if (item.why !== undefined) extras.why = item.why;
    if (item.advisorTip !== undefined) extras.advisorTip = item.advisorTip;
  }
  let next: GuideItem;
  if (kind === 'step') next = { kind: 'step', id: item.id, action: 'read', instruction: text, ...extras, sensitive: false };
  else if (kind === 'question') {
    const to = defaultNext(copy.guide, index);
    next = {
      kind: 'question',
      id: item.id,
      question: text,
      ...extras,
      choices: [
        { label: '', next: to },
        { label: '', next: to },
      ],
    };
  } else if (kind === 'guide') {
    next = { kind: 'guide', id: item.id, guide: item.kind === 'guide' ? item.guide : '', instruction: text, ...extras };
  } else next = text === '' ? { kind: 'end', id: item.id } : { kind: 'end', id: item.id, message: text };
  return setItem(copy, index, next);
}
