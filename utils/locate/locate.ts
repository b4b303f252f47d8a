/**
 * Finds the element that a recorded description points at, on today's page.
 * Candidates are gathered cheaply (compatible tags and roles), scored on cheap
 * facts first, and only the promising ones get the expensive facts (name,
 * label, context, neighbours) and a visibility check. Rather silent than
 * wrong: below the threshold, or too close to a second candidate, the answer
 * is "not found" or "ambiguous", never a guess.
 */
import {
  accessibleName,
  aroundOf,
  cap,
  collapse,
  contextOf,
  hrefPath,
  inputType,
  labelText,
  neighbourText,
  roleOf,
  stableClasses,
  testIdOf,
  visibleText,
} from './facts';
import {
  type CandidateFacts,
  decide,
  FOUND_THRESHOLD,
  MARGIN,
  MIN_EVIDENCE,
  normalize,
  scoreFacts,
  textSimilarity,
  WEIGHTS,
  wordsSimilarity,
} from './score';
import { renamedHeading, slotter } from './section';
import type { TargetDescription } from './target';

export type LocateResult =
  | { status: 'found'; element: Element; confidence: number }
  | { status: 'ambiguous'; candidates: Element[] }
  | { status: 'not-found' };

export type LocateRoot = Document | ShadowRoot | Element;

export interface LocateOptions {
  threshold?: number;
  margin?: number;
  /** Look inside open shadow roots (default true). */
  shadow?: boolean;
  /** Look inside same-origin iframes (default true). */
  frames?: boolean;
  /** Most candidates that get the expensive facts (default 150). */
  maxFullChecks?: number;
  /** Tell twins apart by section, modifier classes or same-slot rewording (default true; `describe` counts twins without). */
  tieBreaks?: boolean;
}

interface Group {
  tags: string[];
  roles: string[];
  /** Which inputs belong to the group (by type). */
  input?: RegExp;
}

const CLICK: Group = {
  tags: ['button', 'a', 'summary', 'input'],
  roles: ['button', 'link', 'menuitem', 'tab'],
  input: /^(submit|button|reset|image)$/,
};
const CHOICE: Group = {
  tags: ['input'],
  roles: ['radio', 'checkbox', 'switch', 'menuitemradio', 'menuitemcheckbox'],
  input: /^(radio|checkbox)$/,
};
const FIELD: Group = {
  tags: ['input', 'textarea', 'select'],
  roles: ['textbox', 'searchbox', 'combobox', 'spinbutton'],
  input: /^(?!hidden$)/,
};

const HEADINGS: Group = { tags: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'], roles: ['heading'] };

/** The kinds of elements that could be the target today: `button` ↔ `input[type=submit]` ↔ `a.fr-btn`… */
export function candidateGroup(d: TargetDescription): Group {
  const { tag, role, type } = d;
  if (/^(button|a|summary)$/.test(tag) || (role && /^(button|link|menuitem|tab)$/.test(role))) return CLICK;
  if (tag === 'input' && type && CLICK.input?.test(type)) return CLICK;
  if ((tag === 'input' && (type === 'radio' || type === 'checkbox')) || (role && /^(radio|checkbox|switch)$/.test(role))) return CHOICE;
  if (/^(input|textarea|select)$/.test(tag) || (role && /^(textbox|searchbox|combobox|spinbutton)$/.test(role))) return FIELD;
  if (/^h[1-6]$/.test(tag)) return HEADINGS;
  return { tags: [tag], roles: role ? [role] : [] };
}

/** Candidates of a group in one scope: live tag collections (fast) and elements with an explicit role. */
function gather(scope: LocateRoot, g: Group, out: Element[]): void {
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
  const withRole = indexOf(scope).roles;
  for (let i = 0; i < withRole.length; i++) {
    const el = withRole[i] as Element;
    const r = roleOf(el);
    if (r && g.roles.includes(r)) out.push(el);
    else if (
      g.tags.includes(el.localName) &&
      !(r && /^(none|presentation)$/.test(r)) &&
      (!g.input || el.localName !== 'input' || g.input.test((el as HTMLInputElement).type))
    )
      out.push(el);
  }
}

interface Scope {
  root: LocateRoot;
  inFrame: boolean;
}

/**
 * What every search of a root needs and a full walk gives: shadow hosts, elements with an explicit
 * role, frames. Kept between searches while nothing changed: a MutationObserver marks it stale (its
 * pending records are read synchronously, so a change made just before a search counts), and it is
 * rebuilt at least every second anyway (a shadow root attached later to an element already in place
 * makes no mutation record).
 */
interface ScopeIndex {
  hosts: Element[];
  roles: ArrayLike<Element>;
  frames: Element[];
  at: number;
  stale: boolean;
  observer?: MutationObserver;
}
const indexes = new WeakMap<Node, ScopeIndex>();
const INDEX_TTL_MS = 1000;

function indexOf(root: LocateRoot): ScopeIndex {
  const now = Date.now();
  const ix = indexes.get(root);
  if (ix && !ix.stale && !ix.observer?.takeRecords().length && now - ix.at < INDEX_TTL_MS && ix.observer) return ix;
  const hosts: Element[] = [];
  const all: ArrayLike<Element> = 'getElementsByTagName' in root ? root.getElementsByTagName('*') : root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) if ((all[i] as Element).shadowRoot) hosts.push(all[i] as Element);
  const fresh: ScopeIndex = {
    hosts,
    roles: root.querySelectorAll('[role]'),
    frames: Array.from(root.querySelectorAll('iframe,frame')),
    at: now,
    stale: false,
    observer: ix?.observer,
  };
  if (!fresh.observer) {
    const doc = (root as Node).ownerDocument ?? (root as Document);
    const MO = doc.defaultView?.MutationObserver;
    if (MO) {
      fresh.observer = new MO(() => {
        const cur = indexes.get(root);
        if (cur) cur.stale = true;
      });
      fresh.observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['role'] });
    }
  }
  indexes.set(root, fresh);
  return fresh;
}

/** The root plus every open shadow root and same-origin frame document beneath it. */
export function collectScopes(root: LocateRoot, opts: { shadow?: boolean; frames?: boolean } = {}, inFrame = false): Scope[] {
  const out: Scope[] = [{ root, inFrame }];
  const add = (r: LocateRoot, f: boolean) => {
    for (const s of collectScopes(r, opts, f)) out.push(s);
  };
  const ix = indexOf(root);
  if (opts.shadow !== false) {
    for (const h of ix.hosts) {
      const sr = h.shadowRoot;
      if (sr) add(sr, inFrame);
    }
    if ((root as Element).shadowRoot) add((root as Element).shadowRoot as ShadowRoot, inFrame);
  }
  if (opts.frames !== false) {
    for (const f of ix.frames) {
      let doc: Document | null = null;
      try {
        doc = (f as HTMLIFrameElement).contentDocument; // null or throws when cross-origin
      } catch {
        doc = null;
      }
      if (doc?.documentElement) add(doc, true);
    }
  }
  return out;
}

/** Hidden by attribute, by style, or cut off from assistive technologies. Works without layout (happy-dom). */
export function isVisible(el: Element): boolean {
  if (el.closest('[hidden],[aria-hidden="true"],[inert]')) return false;
  if (el.localName === 'input' && (el as HTMLInputElement).type === 'hidden') return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') {
    try {
      return check.call(el, { visibilityProperty: true });
    } catch {
      /* fall through to styles */
    }
  }
  const win = el.ownerDocument.defaultView;
  if (!win) return true;
  for (let n: Element | null = el; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null)) {
    const cs = win.getComputedStyle(n);
    if (cs.display === 'none' || (n === el && cs.visibility === 'hidden')) return false;
  }
  return true;
}

const NAME_FROM_TEXT = /^(button|link|menuitem|tab|summary)$/;

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
    if (tag !== 'input' && !el.firstElementChild && !isEditableHost(el)) c.text = cap(el.textContent ?? '', 300);
    else pending.push('text');
  }
  if (d.name) {
    if (
      !pending.length &&
      tag !== 'input' &&
      role &&
      NAME_FROM_TEXT.test(role) &&
      c.text &&
      !el.hasAttribute('aria-label') &&
      !el.hasAttribute('aria-labelledby')
    )
      c.name = c.text;
    else pending.push('name');
  }
  if (d.href) pending.push('href');
  if (d.classes) pending.push('classes');
  if (d.label) pending.push('label');
  if (d.context) pending.push('context');
  if (d.neighbourText) pending.push('neighbourText');
  return { facts: c, pending };
}

/**
 * The fastest test, for the thousands of links and buttons of a big page: a
 * leaf whose text (hence name) is another one loses more points than the
 * description can spare. No object is built for it.
 */
function textRejects(d: TargetDescription, el: Element, spare: number): boolean {
  if (!d.text && !d.name) return false;
  const tag = el.localName;
  if (tag === 'input' || el.firstElementChild || isEditableHost(el)) return false;
  const raw = el.textContent ?? '';
  // An empty text is a missing fact, not a contradiction: leave it to the scoring.
  if (!raw.trim()) return false;
  let loss = 0;
  if (d.text) loss += WEIGHTS.text * (1 - wordsSimilarity(d.text, raw));
  const role = roleOf(el);
  if (d.name && role && NAME_FROM_TEXT.test(role) && !el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby'))
    loss += WEIGHTS.name * (1 - wordsSimilarity(d.name, raw));
  return loss > spare;
}

/** A name attribute that differs costs more than the description can spare. */
function nameAttrRejects(d: TargetDescription, el: Element, spare: number): boolean {
  if (!d.nameAttr) return false;
  const v = el.getAttribute('name');
  if (v === d.nameAttr || v === null) return false;
  const sim = v.replace(/\d+/g, '#').toLowerCase() === d.nameAttr.replace(/\d+/g, '#').toLowerCase() ? 0.7 : -0.25;
  return WEIGHTS.nameAttr * (1 - sim) > spare;
}

/** Whether an element belongs to a candidate group (direct hits are checked against it). */
function inGroup(g: Group, el: Element): boolean {
  const r = roleOf(el);
  if (el.hasAttribute('role') && r && g.roles.includes(r)) return true;
  if (!g.tags.includes(el.localName) || (r && /^(none|presentation)$/.test(r))) return false;
  return !g.input || el.localName !== 'input' || g.input.test((el as HTMLInputElement).type);
}

const isEditableHost = (el: Element) => el.hasAttribute('contenteditable') || el.localName === 'textarea';

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

interface Checked {
  item: Element;
  score: number;
  evidence: number;
}

interface Run {
  scored: Checked[];
  /** Candidates left unchecked that might have mattered. */
  incomplete: boolean;
  /** Every candidate gathered, for counting lookalikes. */
  gathered: Element[];
}

/** The search itself: gathers candidates, scores them cheaply, then fully the promising ones. */
function run(d: TargetDescription, root: LocateRoot, options: LocateOptions): Run {
  const threshold = options.threshold ?? FOUND_THRESHOLD;
  const margin = options.margin ?? MARGIN;
  const maxFull = options.maxFullChecks ?? 150;
  const group = candidateGroup(d);
  // The total weight depends on the description only; below this, a candidate can matter to no decision.
  const total = scoreFacts(d, { tag: d.tag }).total;
  const cutoff = (threshold - margin) * total;

  const scored: Checked[] = [];
  const done = new Set<Element>();
  let best = Number.NEGATIVE_INFINITY;
  const score = (el: Element, facts: CandidateFacts, pending: string[]): void => {
    done.add(el);
    if (!isVisible(el)) return;
    const s = scoreFacts(d, addExpensiveFacts(el, facts, pending));
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
    const direct: Element[] = [];
    if (pathMatch) direct.push(pathMatch);
    const doc = scope.root.nodeType === 9 ? (scope.root as Document) : undefined;
    if (d.id) {
      const byId = (scope.root as Document).getElementById?.(d.id);
      if (byId) direct.push(byId);
    }
    if (d.nameAttr && doc) {
      const byName = doc.getElementsByName(d.nameAttr);
      for (let n = 0; n < byName.length && n < 10; n++) direct.push(byName[n] as Element);
    }
    for (const el of direct) {
      if (done.has(el) || !inGroup(group, el)) continue;
      const { facts, pending } = cheapFacts(d, el, scope.inFrame, pathMatch);
      score(el, facts, pending);
    }
    const list: Element[] = [];
    gather(scope.root, group, list);
    if (pathMatch) list.push(pathMatch);
    if (d.id) {
      const byId = (scope.root as Document).getElementById?.(d.id);
      if (byId) list.push(byId);
    }
    for (const el of list) {
      if (seen.has(el)) continue;
      seen.add(el);
      gathered.push(el);
      if (done.has(el)) continue;
      const room = spare();
      if (nameAttrRejects(d, el, room) || textRejects(d, el, room)) continue;
      const { facts, pending } = cheapFacts(d, el, scope.inFrame, pathMatch);
      const s = scoreFacts(d, facts, { skip: pending });
      let upper = s.points;
      // Only the facts the description has can add points ('text' may be pending just to derive the name).
      for (const f of pending) if (d[f as keyof TargetDescription] !== undefined) upper += WEIGHTS[f as keyof typeof WEIGHTS];
      if (upper >= total - room) cheap.push({ el, facts, pending, upper });
    }
  }
  cheap.sort((a, b) => b.upper - a.upper);

  // 3. Full facts, best bound first, until no remaining candidate could matter.
  let incomplete = false;
  for (const c of cheap) {
    if (c.upper / total < Math.max(best - margin, threshold - margin)) break;
    if (scored.length >= maxFull) {
      incomplete = true;
      break;
    }
    score(c.el, c.facts, c.pending);
  }
  return { scored, incomplete, gathered };
}

/**
 * Lookalikes: visible elements of the same tag, role and type with the same
 * name (or label, or text), whatever their place — what a person would take
 * for the same thing. Undefined when the description has no name to compare.
 */
function lookalikes(d: TargetDescription, gathered: readonly Element[]): Element[] | undefined {
  const want = d.name ?? d.label ?? d.text;
  if (!want) return undefined;
  const key = normalize(want);
  const out: Element[] = [];
  for (const el of gathered) {
    if (!sameKind(d, el)) continue;
    const name = d.name ? accessibleName(el) : d.label ? labelText(el) : visibleText(el);
    if (name && normalize(name) === key && isVisible(el)) out.push(el);
  }
  return out;
}

/** How many elements of the page look like the described one (`alike`), or undefined. */
export function countLookalikes(d: TargetDescription, root: LocateRoot, options: LocateOptions = {}): number | undefined {
  const group = candidateGroup(d);
  const gathered: Element[] = [];
  const seen = new Set<Element>();
  for (const scope of collectScopes(root, options)) {
    const list: Element[] = [];
    gather(scope.root, group, list);
    for (const el of list) {
      if (seen.has(el)) continue;
      seen.add(el);
      gathered.push(el);
    }
  }
  return lookalikes(d, gathered)?.length;
}

export function locate(d: TargetDescription, root: LocateRoot, options: LocateOptions = {}): LocateResult {
  const threshold = options.threshold ?? FOUND_THRESHOLD;
  const margin = options.margin ?? MARGIN;
  const { scored, incomplete, gathered } = run(d, root, options);
  const decision = decide(scored, { threshold, margin, minEvidence: MIN_EVIDENCE, incomplete });
  const ties = !incomplete && options.tieBreaks !== false;
  const found = (element: Element, confidence?: number): LocateResult => ({
    status: 'found',
    element,
    confidence: Math.round((confidence ?? scored.find((x) => x.item === element)?.score ?? threshold) * 1000) / 1000,
  });
  // Elements named exactly as recorded, counted once and only when a rule needs them (a walk of the page).
  let namesake: Element[] | undefined | null = null;
  const now = () => {
    if (namesake === null) namesake = lookalikes(d, gathered);
    return namesake;
  };
  // Lookalikes were counted on the whole page: compare only when the whole page is searched.
  const alike = root.nodeType === 9 ? d.alike : undefined;
  // (Also before twins are told apart by their rank: a rank among fewer twins points at another one.)
  if (alike !== undefined && (decision.status === 'not-found' ? alike === 1 : alike >= 2 || decision.status === 'ambiguous')) {
    const n = now();
    // Fewer lookalikes than when recorded: the one that was meant may be the one that is gone, and
    // those left share its identity. Rather silent than wrong — unless the recorded section is still
    // there (its heading word for word, or what it became), with as many elements of the kind, one of
    // them named as recorded at the recorded rank: then the ones that went were elsewhere.
    if (n && n.length > 0 && n.length < alike) {
      const pool =
        decision.status === 'found'
          ? [decision.item]
          : decision.status === 'ambiguous'
            ? acceptableOf(decision.items, scored, threshold)
            : [];
      const kept = ties ? pickInSection(d, pool, scored, threshold, margin, true) : undefined;
      return kept ? found(kept) : { status: 'ambiguous', candidates: n };
    }
    // Unique when recorded, unique today, and the very same id (or test id): its surroundings were
    // reworded, it is still itself. Without such an anchor, a lone lookalike elsewhere may be a newcomer
    // while the target is gone.
    const lone = n?.length === 1 ? n[0] : undefined;
    if (alike === 1 && lone && anchored(d, lone)) {
      const top = decision.status === 'ambiguous' ? decision.items[0] : lone;
      if (top === lone) return found(lone, 0.75);
    }
  }
  if (decision.status === 'found') {
    const doubt = doubtOf(d, decision.item, now, alike);
    if (!doubt) return found(decision.item, decision.confidence);
    return doubt.length === 1 && alike === 1 && anchored(d, doubt[0] as Element)
      ? found(doubt[0] as Element, 0.75)
      : { status: 'ambiguous', candidates: [decision.item, ...doubt.filter((x) => x !== decision.item)] };
  }
  if (decision.status === 'ambiguous') {
    if (ties) {
      const acceptable = acceptableOf(decision.items, scored, threshold);
      const picked =
        pickInSection(d, acceptable, scored, threshold, margin, false) ??
        (d.twin ? pickTwin(d.twin, decision.items, scored, threshold) : undefined) ??
        pickByModifiers(d, decision.items, acceptable);
      if (picked) return found(picked);
    }
    return { status: 'ambiguous', candidates: decision.items };
  }
  const slot = d.section && ties ? sameSlot(d, gathered, threshold, now) : undefined;
  if (slot) return found(slot, threshold);
  return { status: 'not-found' };
}

/** Facts that say what an element is, whatever its place. */
const IDENTITY = ['testId', 'controls', 'id', 'nameAttr', 'label', 'text', 'placeholder', 'autocomplete', 'choiceValue', 'href'];

/** The recorded name (or label, or text) as lookalikes are compared, and the same for a candidate. */
const wantedName = (d: TargetDescription): string | undefined => {
  const want = d.name ?? d.label ?? d.text;
  return want ? normalize(want) : undefined;
};
const nameOf = (d: TargetDescription, el: Element): string =>
  normalize((d.name ? accessibleName(el) : d.label ? labelText(el) : visibleText(el)) ?? '');

/**
 * Why a found element may not be the one meant, as the elements that make it doubtful (none: it is not).
 * - It is not named as recorded, while another element of its kind is: that one may be the target
 *   whose surroundings changed ("FranceConnect+" found for "FranceConnect").
 * - It is named as recorded among several such lookalikes: recorded then as one of identical twins,
 *   it must still hold the recorded rank among them; and unless what it is (link target, name
 *   attribute, value, id…) or its unchanged id sets it apart, its place must be the recorded one word
 *   for word (legend or heading, or section with as many elements of the kind), a place no other
 *   lookalike shares. A merely similar place is how variants of one example get mixed up; a CSS path
 *   or a neighbour's text moves with any wrapper.
 */
function doubtOf(d: TargetDescription, el: Element, now: () => Element[] | undefined, alike: number | undefined): Element[] | undefined {
  const want = wantedName(d);
  if (!want) return undefined;
  if (nameOf(d, el) !== want) {
    const n = now();
    return n?.length ? n : undefined;
  }
  if (alike === 1) return undefined;
  const n = now();
  if (!n || n.length < 2 || !n.includes(el)) return undefined;
  // Recorded as one of identical twins, told apart then by rank only: if the rank now points at
  // another one, what tells them apart today (a wrapper, a rewording) appeared since.
  if (d.twin && d.twin.count === n.length) {
    const ordered = [...n].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    if (ordered[d.twin.index] !== el) return n;
  }
  // Told apart by what it is (link target, name attribute, value, id…), not by where it sits.
  const identity = (x: Element) => {
    const { facts, pending } = cheapFacts(d, x, false, null);
    return scoreFacts(d, addExpensiveFacts(x, facts, pending), { only: IDENTITY }).points;
  };
  const mine = identity(el);
  if (n.every((x) => x === el || identity(x) < mine - 0.25)) return undefined;
  if (anchored(d, el)) return undefined;
  // The recorded place, word for word, and only this lookalike there: legend or heading, or section
  // (with as many elements of the kind). A place several lookalikes share tells nothing.
  const slotOf = slotter(isVisible);
  const places = (x: Element): string[] => {
    const slot = d.section && slotOf(x);
    return [normalize(contextOf(x) ?? ''), slot && slot.count === d.section?.count ? `\u0000${normalize(slot.heading)}` : ''];
  };
  const recorded = [normalize(d.context ?? ''), d.section ? `\u0000${normalize(d.section.heading)}` : ''];
  const others = n.filter((x) => x !== el).map(places);
  if (places(el).some((p, k) => p && p === recorded[k] && others.every((o) => o[k] !== p))) return undefined;
  return n;
}

/** Candidates that would be returned on their own: above the threshold, with evidence. */
function acceptableOf(items: readonly Element[], scored: readonly Checked[], threshold: number): Element[] {
  return items.filter((el) => {
    const s = scored.find((x) => x.item === el);
    return !!s && s.score >= threshold && s.evidence >= MIN_EVIDENCE;
  });
}

/**
 * What tells two elements apart without their position, read on the page (the label's hint text
 * included): twins with the same key can be told apart by their rank only, and swapping them would
 * change nothing anyone could see.
 */
function identityKey(el: Element): string {
  const labels = (el as HTMLInputElement).labels;
  const text = labels?.length
    ? Array.from(labels, (l) => l.textContent).join(' ')
    : /^(input|select|textarea)$/.test(el.localName)
      ? ''
      : el.textContent;
  const attr = (n: string) => el.getAttribute(n) ?? '';
  // The value of a choice or a button is the page's; that of a field may be the person's, never recorded.
  const value = el.localName !== 'input' || /^(radio|checkbox|submit|button|reset|image)$/.test(inputType(el) ?? '') ? attr('value') : '';
  return [el.localName, attr('type'), attr('name'), value, roleOf(el), collapse(text), stableClasses(el).sort().join(' ')].join('|');
}

/**
 * Lookalikes of different examples or twins of one, told apart by the recorded section: among the
 * acceptable candidates named exactly as recorded under the very same heading (word for word), the
 * only one; or the one that clearly scores best there; or, when they are identical twins (same
 * identity, hint texts included) and the section holds as many elements of the kind as recorded, the
 * one at the recorded rank — twins cannot have been visibly reordered. The section must hold as many
 * elements of the kind as recorded. `intact` (some lookalikes are gone): the one picked must also sit
 * at the recorded rank; its heading may be the one the recorded heading became
 * (`renamedHeading`), in the same variant of the component (`around`).
 */
function pickInSection(
  d: TargetDescription,
  acceptable: readonly Element[],
  scored: readonly Checked[],
  threshold: number,
  margin: number,
  intact: boolean,
): Element | undefined {
  const want = d.section;
  const name = wantedName(d);
  const first = acceptable[0];
  if (!want || !name || !first) return undefined;
  const slotOf = slotter(isVisible);
  const renamed = intact ? renamedHeading(want.heading, first.getRootNode() as Document) : undefined;
  const here: { el: Element; index: number; count: number }[] = [];
  for (const el of acceptable) {
    const slot = slotOf(el);
    // As many elements of the kind as recorded: else wrappers or changes may have moved the section's bounds.
    if (!slot || slot.count !== want.count || !underHeading(d, el, slot.heading, renamed) || nameOf(d, el) !== name) continue;
    here.push({ el, ...slot });
  }
  let pick = here[0];
  if (here.length > 1) {
    const els = here.map((h) => h.el);
    const within = decide(
      scored.filter((x) => els.includes(x.item)),
      { threshold, margin, minEvidence: MIN_EVIDENCE },
    );
    const key = identityKey(els[0] as Element);
    let el: Element | undefined;
    if (within.status === 'found') el = within.item;
    else if (els.every((x) => identityKey(x) === key)) {
      const at = here.filter((h) => h.count === want.count && h.index === want.index);
      el = at.length === 1 ? at[0]?.el : undefined;
    } else el = pickByModifiers(d, els, els);
    pick = here.find((h) => h.el === el);
  }
  return pick && (!intact || pick.index === want.index) ? pick.el : undefined;
}

/**
 * Whether an element's section heading is the recorded one, word for word — or the one it became
 * (`renamed`), when the element is in the same variant of its component (same modifier classes around).
 */
function underHeading(d: TargetDescription, el: Element, heading: string, renamed: string | undefined): boolean {
  const now = normalize(heading);
  if (now === normalize(d.section?.heading ?? '')) return true;
  return !!renamed && now === renamed && (d.around ?? []).join(' ') === (aroundOf(el) ?? []).join(' ');
}

/** Modifier classes (`fr-connect--plus`, `fr-btn--sm`): BEM modifiers, kept when stable. */
const modifiers = (classes: readonly string[] | undefined): string =>
  (classes ?? [])
    .filter((c) => c.includes('--'))
    .sort()
    .join(' ');

/**
 * Candidates alike but for a modifier class (FranceConnect and FranceConnect+): the only one with
 * exactly the recorded modifiers, when all the others have other ones.
 */
function pickByModifiers(d: TargetDescription, all: Element[], acceptable: Element[]): Element | undefined {
  if (!d.classes?.length || all.length < 2) return undefined;
  const want = modifiers(d.classes);
  const hits = all.filter((el) => modifiers(stableClasses(el)) === want);
  const hit = hits.length === 1 ? hits[0] : undefined;
  if (!hit || !acceptable.includes(hit)) return undefined;
  // The modifier must be the only difference: every candidate bears the same name.
  const nameOf = (el: Element) => normalize(accessibleName(el) ?? visibleText(el) ?? '');
  const name = nameOf(hit);
  return name && all.every((el) => nameOf(el) === name) ? hit : undefined;
}

const SLOT_SKIP = ['name', 'label', 'text', 'context', 'neighbourText', 'cssPath', 'classes'] as const;

const wordSet = (s: string | undefined): Set<string> => new Set(s ? normalize(s).split(' ').filter(Boolean) : []);

/**
 * A rewording is consistent when the words it swapped in the element's name were swapped the same way
 * in its neighbour's text ("Label lien 5" → "Libellé lien 5", "Label lien 4" → "Libellé lien 4"), and a
 * neighbour without those words did not change: a site relabelling its controls, not another control.
 */
export function consistentRewording(said: string, now: string, saidNext: string, nowNext: string): boolean {
  const a = wordSet(said);
  const b = wordSet(now);
  const gone = [...a].filter((w) => !b.has(w));
  const came = [...b].filter((w) => !a.has(w));
  const next = wordSet(saidNext);
  const touched = gone.some((w) => next.has(w));
  const expected = new Set([...next].filter((w) => !gone.includes(w)));
  if (touched) for (const w of came) expected.add(w);
  const got = wordSet(nowNext);
  return expected.size === got.size && [...expected].every((w) => got.has(w));
}

/**
 * A label reworded in the very same place ("Label bouton" → "Libellé bouton"): accepted only when
 * nothing on the page is named as recorded any more, for the one element of the same tag, role, type
 * and classes at the recorded rank of the recorded section (same heading word for word, as many
 * elements of the kind), whose name shares words with the recorded one, whose other facts (name
 * attribute, link target, stable id…) agree, and — among several of its kind — whose neighbour was
 * reworded the same way.
 */
function sameSlot(
  d: TargetDescription,
  gathered: readonly Element[],
  threshold: number,
  now: () => Element[] | undefined,
): Element | undefined {
  const want = d.section;
  if (!want || now()?.length) return undefined;
  const classes = [...(d.classes ?? [])].sort().join(' ');
  const slotOf = slotter(isVisible);
  let renamed: string | undefined | null = null;
  let el: Element | undefined;
  for (const c of gathered) {
    if (!sameKind(d, c) || [...stableClasses(c)].sort().join(' ') !== classes) continue;
    const slot = slotOf(c);
    if (!slot || slot.count !== want.count || slot.index !== want.index) continue;
    // A heading merely shortened ("… + label à gauche" → "…") may name another variant: only the one
    // the recorded heading became, in the same variant of the component.
    if (renamed === null) renamed = renamedHeading(want.heading, c.getRootNode() as Document);
    if (!underHeading(d, c, slot.heading, renamed)) continue;
    if (el) return undefined;
    el = c;
  }
  if (!el || !isVisible(el)) return undefined;
  if (d.context) {
    const context = normalize(contextOf(el) ?? '');
    const heading = normalize(want.heading);
    // The context is often the section heading itself: then it may have been renamed the same way.
    if (context !== normalize(d.context) && !(renamed && context === renamed && normalize(d.context) === heading)) return undefined;
  }
  const said = d.name ?? d.label ?? d.text;
  const name = d.name ? accessibleName(el) : d.label ? labelText(el) : visibleText(el);
  if (said && (!name || textSimilarity(said, name) < 0.2)) return undefined;
  if (want.count > 1) {
    const next = neighbourText(el);
    if (!d.neighbourText || !next) return undefined;
    if (said && name ? !consistentRewording(said, name, d.neighbourText, next) : normalize(d.neighbourText) !== normalize(next))
      return undefined;
  }
  const facts = addExpensiveFacts(el, cheapFacts(d, el, false, null).facts, ['href']);
  const s = scoreFacts(d, facts, { skip: SLOT_SKIP });
  return s.total > 0 && s.points / s.total >= threshold ? el : undefined;
}

/** The recorded id or test id, unchanged. */
function anchored(d: TargetDescription, el: Element): boolean {
  return (d.id !== undefined && el.id === d.id) || (d.testId !== undefined && testIdOf(el) === d.testId);
}

/** Same tag, role and type as recorded. */
function sameKind(d: TargetDescription, el: Element): boolean {
  return el.localName === d.tag && roleOf(el) === d.role && (d.type === undefined || inputType(el) === d.type);
}

/**
 * Identical twins (same facts) are told apart by their order, only if there
 * are still as many of them as when recorded, each one acceptable on its own,
 * all in the same tree, and truly identical (hint texts included): twins that
 * differ in something a person sees may have been reordered.
 */
function pickTwin(
  twin: { index: number; count: number },
  items: Element[],
  scored: { item: Element; score: number; evidence: number }[],
  threshold: number,
): Element | undefined {
  if (items.length !== twin.count) return undefined;
  const root = items[0]?.getRootNode();
  const key = items[0] ? identityKey(items[0]) : '';
  for (const el of items) {
    const s = scored.find((x) => x.item === el);
    if (!s || s.score < threshold || s.evidence < MIN_EVIDENCE || el.getRootNode() !== root || identityKey(el) !== key) return undefined;
  }
  const ordered = [...items].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return ordered[twin.index];
}
