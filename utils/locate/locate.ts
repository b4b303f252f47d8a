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
  EXPENSIVE_FACTS,
  expensiveWeight,
  FOUND_THRESHOLD,
  MARGIN,
  MIN_EVIDENCE,
  type Scored,
  scoreFacts,
} from './score';
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
  /** Most candidates that get the expensive facts (default 40). */
  maxFullChecks?: number;
}

const CLICK =
  'button,a,summary,input[type=submit],input[type=button],input[type=reset],input[type=image],[role=button],[role=link],[role=menuitem],[role=tab]';
const CHOICE = 'input[type=radio],input[type=checkbox],[role=radio],[role=checkbox],[role=switch],[role=menuitemradio],[role=menuitemcheckbox]';
const FIELD = 'input:not([type=hidden]),textarea,select,[role=textbox],[role=searchbox],[role=combobox],[role=spinbutton],[contenteditable]';

/** CSS selector of the elements that could be the target, today. */
export function candidateSelector(d: TargetDescription): string {
  const { tag, role, type } = d;
  if (tag === 'button' || tag === 'a' || tag === 'summary' || (role && /^(button|link|menuitem|tab)$/.test(role)))
    return CLICK;
  if (tag === 'input' && type && /^(submit|button|reset|image)$/.test(type)) return CLICK;
  if ((tag === 'input' && (type === 'radio' || type === 'checkbox')) || (role && /^(radio|checkbox|switch)$/.test(role)))
    return CHOICE;
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || (role && /^(textbox|searchbox|combobox|spinbutton)$/.test(role)))
    return FIELD;
  return role ? `${tag},[role="${role}"]` : tag;
}

interface Scope {
  root: LocateRoot;
  inFrame: boolean;
}

/** The root plus every open shadow root and same-origin frame document beneath it. */
export function collectScopes(root: LocateRoot, opts: { shadow?: boolean; frames?: boolean } = {}, inFrame = false): Scope[] {
  const out: Scope[] = [{ root, inFrame }];
  const add = (r: LocateRoot, f: boolean) => {
    for (const s of collectScopes(r, opts, f)) out.push(s);
  };
  if (opts.shadow !== false) {
    const all = root.getElementsByTagName ? root.getElementsByTagName('*') : root.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      const sr = (all[i] as Element).shadowRoot;
      if (sr) add(sr, inFrame);
    }
    if ((root as Element).shadowRoot) add((root as Element).shadowRoot as ShadowRoot, inFrame);
  }
  if (opts.frames !== false) {
    for (const f of Array.from(root.querySelectorAll('iframe,frame'))) {
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

/** Facts of a candidate that cost little: attributes and a short text walk. */
export function cheapFacts(el: Element, inFrame: boolean, pathMatch: Element | null): CandidateFacts {
  const tag = el.localName;
  const t = inputType(el);
  const isChoice = t === 'radio' || t === 'checkbox' || tag === 'option';
  const classes = stableClasses(el);
  return {
    tag,
    role: roleOf(el),
    type: t,
    nameAttr: el.getAttribute('name') || undefined,
    autocomplete: el.getAttribute('autocomplete') || undefined,
    placeholder: el.getAttribute('placeholder') || undefined,
    text: visibleText(el),
    href: hrefPath(el),
    choiceValue: isChoice ? el.getAttribute('value') || undefined : undefined,
    testId: testIdOf(el),
    id: el.id || undefined,
    classes: classes.length ? classes : undefined,
    cssPathMatch: pathMatch === el,
    inFrame,
  };
}

/** Adds the expensive facts that the description uses. */
export function addExpensiveFacts(d: TargetDescription, el: Element, c: CandidateFacts): CandidateFacts {
  if (d.name) c.name = accessibleName(el);
  if (d.label) c.label = labelText(el);
  if (d.context) c.context = contextOf(el);
  if (d.neighbourText) c.neighbourText = neighbourText(el);
  return c;
}

export function locate(d: TargetDescription, root: LocateRoot, options: LocateOptions = {}): LocateResult {
  const threshold = options.threshold ?? FOUND_THRESHOLD;
  const margin = options.margin ?? MARGIN;
  const maxFull = options.maxFullChecks ?? 40;
  const selector = candidateSelector(d);

  // 1. Gather and score on cheap facts.
  const cheap: { el: Element; facts: CandidateFacts; points: number }[] = [];
  let total = 0;
  const seen = new Set<Element>();
  for (const scope of collectScopes(root, options)) {
    let pathMatch: Element | null = null;
    if (d.cssPath) {
      try {
        pathMatch = scope.root.querySelector(d.cssPath);
      } catch {
        pathMatch = null;
      }
    }
    const list: Element[] = Array.from(scope.root.querySelectorAll(selector));
    if (pathMatch) list.push(pathMatch);
    if (d.id) {
      const byId = (scope.root as Document).getElementById?.(d.id);
      if (byId) list.push(byId);
    }
    for (const el of list) {
      if (seen.has(el)) continue;
      seen.add(el);
      const facts = cheapFacts(el, scope.inFrame, pathMatch);
      const s = scoreFacts(d, facts, { skip: EXPENSIVE_FACTS });
      total = s.total;
      cheap.push({ el, facts, points: s.points });
    }
  }
  if (!cheap.length) return { status: 'not-found' };
  total += expensiveWeight(d);
  const upperGain = expensiveWeight(d);
  cheap.sort((a, b) => b.points - a.points);

  // 2. Full facts, best first, until no remaining candidate could matter.
  const scored: Scored<Element>[] = [];
  let best = Number.NEGATIVE_INFINITY;
  let incomplete = false;
  for (const c of cheap) {
    const upper = (c.points + upperGain) / total;
    if (upper < Math.max(best - margin, threshold - margin)) break;
    if (scored.length >= maxFull) {
      incomplete = true;
      break;
    }
    if (!isVisible(c.el)) continue;
    const s = scoreFacts(d, addExpensiveFacts(d, c.el, c.facts));
    const score = s.points / s.total;
    scored.push({ item: c.el, score, evidence: s.evidence });
    if (score > best) best = score;
  }

  const decision = decide(scored, { threshold, margin, minEvidence: MIN_EVIDENCE, incomplete });
  if (decision.status === 'found') return { status: 'found', element: decision.item, confidence: decision.confidence };
  if (decision.status === 'ambiguous') return { status: 'ambiguous', candidates: decision.items };
  return { status: 'not-found' };
}
