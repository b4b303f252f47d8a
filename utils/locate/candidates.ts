/**
 * Gathering and scoring the candidates: the elements of a compatible kind (tags and roles), scored
 * on cheap facts first; only the promising ones get the expensive facts (name, label, context,
 * neighbours) and a visibility check. What to do with the scores is decided by `./rules`.
 */
import {
  accessibleName,
  CHOICE_ROLES,
  CLICK_TAGS,
  cap,
  contextOf,
  ENTRY_ROLES,
  FIELD_TAGS,
  HEADING,
  hrefPath,
  INPUT_BUTTON,
  inputType,
  labelText,
  neighbourText,
  PRESS_ROLES,
  roleOf,
  stableClasses,
  testIdOf,
  visibleText,
} from './facts';
import { collectScopes, isVisible, type LocateRoot, scopeIndexOf } from './scopes';
import { type CandidateFacts, FOUND_THRESHOLD, MARGIN, scoreFacts, stem, WEIGHTS, wordsSimilarity } from './score';
import type { TargetDescription } from './target';

interface Group {
  tags: string[];
  roles: string[];
  /** Which inputs belong to the group (by type). */
  input?: RegExp;
}

const CLICK: Group = { tags: CLICK_TAGS, roles: PRESS_ROLES, input: INPUT_BUTTON };
const CHOICE: Group = { tags: ['input'], roles: CHOICE_ROLES, input: /^(radio|checkbox)$/ };
const FIELD: Group = { tags: FIELD_TAGS, roles: ENTRY_ROLES, input: /^(?!hidden$)/ };

const HEADINGS: Group = { tags: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], roles: ['heading'] };

/** The kinds of elements that could be the target today: `button` ↔ `input[type=submit]` ↔ `a.fr-btn`… */
export function candidateGroup(d: TargetDescription): Group {
  const { tag, role, type } = d;
  if ((tag !== 'input' && CLICK.tags.includes(tag)) || (role && CLICK.roles.includes(role))) return CLICK;
  if (tag === 'input' && type && CLICK.input?.test(type)) return CLICK;
  if ((tag === 'input' && (type === 'radio' || type === 'checkbox')) || (role && /^(radio|checkbox|switch)$/.test(role))) return CHOICE;
  if (FIELD.tags.includes(tag) || (role && FIELD.roles.includes(role))) return FIELD;
  if (HEADING.test(tag)) return HEADINGS;
  return { tags: [tag], roles: role ? [role] : [] };
}

/** Candidates of a group in one scope: live tag collections (fast) and elements with an explicit role. */
function gatherGroup(scope: LocateRoot, g: Group, out: Element[]): void {
  const byTag = (t: string): ArrayLike<Element> =>
    (scope as Document).getElementsByTagName ? (scope as Document).getElementsByTagName(t) : scope.querySelectorAll(t);
  for (const t of g.tags) {
    const list = byTag(t);
    for (let i = 0; i < list.length; i++) {
      const el = list[i] as Element;
      if (t === 'input' && g.input && !g.input.test((el as HTMLInputElement).type)) continue;
      if (!el.hasAttribute('role')) out.push(el);
    }
  }
  // Elements with an explicit role belong where their role says, whatever their tag.
  const withRole = scopeIndexOf(scope).roles;
  for (let i = 0; i < withRole.length; i++) if (inGroup(g, withRole[i] as Element)) out.push(withRole[i] as Element);
}

/** Whether an element belongs to a candidate group: by its explicit role, else by its tag (and input type). */
function inGroup(g: Group, el: Element): boolean {
  const r = roleOf(el);
  if (el.hasAttribute('role') && r && g.roles.includes(r)) return true;
  if (!g.tags.includes(el.localName) || (r && /^(none|presentation)$/.test(r))) return false;
  return !g.input || el.localName !== 'input' || g.input.test((el as HTMLInputElement).type);
}

/** Every element of the described kind under the root (shadow roots and frames included), each once. */
export function gatherCandidates(d: TargetDescription, root: LocateRoot, options: { shadow?: boolean; frames?: boolean }): Element[] {
  const group = candidateGroup(d);
  const gathered: Element[] = [];
  const seen = new Set<Element>();
  for (const scope of collectScopes(root, options)) {
    const list: Element[] = [];
    gatherGroup(scope.root, group, list);
    for (const el of list) {
      if (seen.has(el)) continue;
      seen.add(el);
      gathered.push(el);
    }
  }
  return gathered;
}

/** A leaf whose text is its `textContent` (native, fast): no child element, not a field, not editable. */
const isTextLeaf = (el: Element): boolean =>
  el.localName !== 'input' && !el.firstElementChild && !el.hasAttribute('contenteditable') && el.localName !== 'textarea';

/** Buttons and links without ARIA naming: their accessible name is their text. */
const namedByText = (el: Element, role: string | undefined): boolean =>
  !!role && (role === 'summary' || PRESS_ROLES.includes(role)) && !el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby');

/** Facts always read later, in this order. */
const LATER_FACTS = ['href', 'classes', 'label', 'context', 'neighbourText'] as const;

/**
 * Facts of a candidate that cost little: attributes and a short text walk,
 * only those the description has. `pending` lists the expensive facts left
 * for later. For buttons and links without ARIA naming, the accessible name
 * is their text: it is known now, which lets the first pass set aside the
 * thousands of links of a big page.
 */
export function cheapFacts(
  d: TargetDescription,
  el: Element,
  inFrame: boolean,
  pathMatch: Element | null,
): { facts: CandidateFacts; pending: string[] } {
  const tag = el.localName;
  const role = roleOf(el);
  const t = inputType(el);
  const c: CandidateFacts = { tag, role, type: t, inFrame, cssPathMatch: pathMatch === el };
  const attr = (n: string) => el.getAttribute(n) || undefined;
  if (d.nameAttr) c.nameAttr = attr('name');
  if (d.autocomplete) c.autocomplete = attr('autocomplete');
  if (d.placeholder) c.placeholder = attr('placeholder');
  if (d.choiceValue && (t === 'radio' || t === 'checkbox' || tag === 'option')) c.choiceValue = attr('value');
  if (d.testId) c.testId = testIdOf(el);
  if (d.controls) c.controls = attr('aria-controls');
  if (d.id) c.id = el.id || undefined;
  const pending: string[] = [];
  if (d.text || d.name) {
    // A leaf's text is its textContent (native, fast); otherwise a walk that skips controls, later.
    if (isTextLeaf(el)) c.text = cap(el.textContent);
    else pending.push('text');
  }
  if (d.name) {
    if (!pending.length && tag !== 'input' && c.text && namedByText(el, role)) c.name = c.text;
    else pending.push('name');
  }
  for (const f of LATER_FACTS) if (d[f]) pending.push(f);
  return { facts: c, pending };
}

/** Adds the facts still pending. */
export function addExpensiveFacts(el: Element, c: CandidateFacts, pending: readonly string[]): CandidateFacts {
  for (const f of pending) {
    if (f === 'text') c.text = visibleText(el);
    else if (f === 'name') c.name = accessibleName(el);
    else if (f === 'href') c.href = hrefPath(el);
    else if (f === 'classes') {
      const cl = stableClasses(el);
      if (cl.length) c.classes = cl;
    } else if (f === 'label') c.label = labelText(el);
    else if (f === 'context') c.context = contextOf(el);
    else if (f === 'neighbourText') c.neighbourText = neighbourText(el);
  }
  return c;
}

/**
 * The fastest test, for the thousands of links and buttons of a big page: a
 * leaf whose text (hence name) is another one loses more points than the
 * description can spare. No object is built for it.
 */
function textRejects(d: TargetDescription, el: Element, spare: number): boolean {
  if ((!d.text && !d.name) || !isTextLeaf(el)) return false;
  const raw = el.textContent ?? '';
  // An empty text is a missing fact, not a contradiction: leave it to the scoring.
  if (!raw.trim()) return false;
  let loss = 0;
  if (d.text) loss += WEIGHTS.text * (1 - wordsSimilarity(d.text, raw));
  if (d.name && namedByText(el, roleOf(el))) loss += WEIGHTS.name * (1 - wordsSimilarity(d.name, raw));
  return loss > spare;
}

/** A name attribute that differs costs more than the description can spare. */
function nameAttrRejects(d: TargetDescription, el: Element, spare: number): boolean {
  if (!d.nameAttr) return false;
  const v = el.getAttribute('name');
  if (v === d.nameAttr || v === null) return false;
  const sim = stem(v) === stem(d.nameAttr) ? 0.7 : -0.25;
  return WEIGHTS.nameAttr * (1 - sim) > spare;
}

/** The order in which pending facts are read: attributes first, walks of the tree last. */
const COST_RANK: Record<string, number> = { classes: 0, href: 1, text: 2, name: 3, label: 4, context: 5, neighbourText: 6 };
const costRank = (f: string): number => COST_RANK[f] ?? 7;
/** From this rank on, facts walk the page: the visibility check comes first. */
const WALKS = 5;

/**
 * The most points a candidate can reach: those of the facts known, plus the full weight of those
 * still pending. Only the facts the description has can add points ('text' may be pending just to
 * derive the name).
 */
function upperBound(d: TargetDescription, facts: CandidateFacts, pending: readonly string[]): number {
  let upper = scoreFacts(d, facts, { skip: pending }).points;
  for (const f of pending) if (d[f as keyof TargetDescription] !== undefined) upper += WEIGHTS[f as keyof typeof WEIGHTS];
  return upper;
}

/** A candidate fully checked: visible, with all its facts scored. */
export interface Checked {
  item: Element;
  score: number;
  evidence: number;
}

export interface SearchOptions {
  threshold?: number;
  margin?: number;
  /** Look inside open shadow roots (default true). */
  shadow?: boolean;
  /** Look inside same-origin iframes (default true). */
  frames?: boolean;
  /** Most candidates that get the expensive facts (default 150). */
  maxFullChecks?: number;
}

/** A candidate set aside as hidden, with the facts read so far. */
export interface Hidden {
  item: Element;
  facts: CandidateFacts;
  pending: string[];
}

export interface Search {
  scored: Checked[];
  /** Candidates left unchecked that might have mattered. */
  incomplete: boolean;
  /** Every candidate gathered, for counting lookalikes. */
  gathered: Element[];
  /** Candidates that might have mattered but are hidden: the target may be one of them, out of sight. */
  hidden: Hidden[];
}

/**
 * Whether a hidden candidate scores above `floor` (normalised): its pending facts (walks of the page)
 * are read only when a rule asks, and only if they could still lift it there.
 */
export function hiddenAbove(d: TargetDescription, h: Hidden, floor: number): boolean {
  const total = scoreFacts(d, { tag: d.tag }).total;
  return (
    upperBound(d, h.facts, h.pending) / total > floor && scoreFacts(d, addExpensiveFacts(h.item, h.facts, h.pending)).points / total > floor
  );
}

/** The search itself: gathers candidates, scores them cheaply, then fully the promising ones. */
export function search(d: TargetDescription, root: LocateRoot, options: SearchOptions): Search {
  const threshold = options.threshold ?? FOUND_THRESHOLD;
  const margin = options.margin ?? MARGIN;
  const maxFull = options.maxFullChecks ?? 150;
  const group = candidateGroup(d);
  // The total weight depends on the description only; below this, a candidate can matter to no decision.
  const total = scoreFacts(d, { tag: d.tag }).total;
  const cutoff = (threshold - margin) * total;

  const scored: Checked[] = [];
  const hidden: Hidden[] = [];
  const done = new Set<Element>();
  let best = Number.NEGATIVE_INFINITY;
  let checks = 0;
  // Below this normalised score a candidate can change no decision (the same bar as the loop of step 3).
  const bar = () => Math.max(best - margin, threshold - margin);
  const score = (el: Element, facts: CandidateFacts, pending: string[]): void => {
    done.add(el);
    checks++;
    // The expensive facts one by one, the costliest walks last, and the visibility check before them:
    // a candidate stops as soon as what is still unknown can no longer lift it to the bar.
    const left = [...pending].sort((a, b) => costRank(a) - costRank(b));
    let visible = false;
    while (true) {
      if (!visible && (left.length === 0 || costRank(left[0] as string) >= WALKS)) {
        // Hidden: not a candidate at all, and no full check counted against `maxFullChecks`; kept
        // aside for the rules that ask whether the target is out of sight (`hiddenOutscores`, `hiddenOnly`).
        if (!isVisible(el)) {
          checks--;
          hidden.push({ item: el, facts, pending: left });
          return;
        }
        visible = true;
      }
      const f = left.shift();
      if (f === undefined) break;
      addExpensiveFacts(el, facts, [f]);
      if (!left.length) continue;
      if (upperBound(d, facts, left) / total < bar()) return;
    }
    const s = scoreFacts(d, facts);
    const v = s.points / s.total;
    scored.push({ item: el, score: v, evidence: s.evidence });
    if (v > best) best = v;
  };
  // Points a candidate may lose and still matter: shrinks once a strong candidate is known.
  const spare = () => total - Math.max(cutoff, (best - margin) * total);

  // 1. Direct hits first (recorded CSS path, id, name attribute): a strong one lets the gathering below
  // set aside, on one attribute or a leaf's text, the thousands of candidates of a big page.
  // 2. Gather; score on cheap facts, the others counting at their best for now. Most candidates stop here.
  const cheap: { el: Element; facts: CandidateFacts; pending: string[]; upper: number }[] = [];
  const seen = new Set<Element>();
  const gathered: Element[] = [];
  for (const scope of collectScopes(root, options)) {
    let pathMatch: Element | null = null;
    if (d.cssPath) {
      try {
        pathMatch = scope.root.querySelector(d.cssPath);
      } catch {
        pathMatch = null;
      }
    }
    const byId = d.id ? (scope.root as Document).getElementById?.(d.id) : null;
    const direct: Element[] = [];
    if (pathMatch) direct.push(pathMatch);
    if (byId) direct.push(byId);
    if (d.nameAttr && scope.root.nodeType === 9) {
      const byName = (scope.root as Document).getElementsByName(d.nameAttr);
      for (let n = 0; n < byName.length && n < 10; n++) direct.push(byName[n] as Element);
    }
    for (const el of direct) {
      if (done.has(el) || !inGroup(group, el)) continue;
      const { facts, pending } = cheapFacts(d, el, scope.inFrame, pathMatch);
      score(el, facts, pending);
    }
    const list: Element[] = [];
    gatherGroup(scope.root, group, list);
    if (pathMatch) list.push(pathMatch);
    if (byId) list.push(byId);
    for (const el of list) {
      if (seen.has(el)) continue;
      seen.add(el);
      gathered.push(el);
      if (done.has(el)) continue;
      const room = spare();
      if (nameAttrRejects(d, el, room) || textRejects(d, el, room)) continue;
      const { facts, pending } = cheapFacts(d, el, scope.inFrame, pathMatch);
      const upper = upperBound(d, facts, pending);
      if (upper >= total - room) cheap.push({ el, facts, pending, upper });
    }
  }
  cheap.sort((a, b) => b.upper - a.upper);

  // 3. Full facts, best bound first, until no remaining candidate could matter.
  let incomplete = false;
  for (const c of cheap) {
    if (c.upper / total < bar()) break;
    if (checks >= maxFull) {
      incomplete = true;
      break;
    }
    score(c.el, c.facts, c.pending);
  }
  return { scored, incomplete, gathered, hidden };
}
