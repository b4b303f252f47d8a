/**
 * What `locate` answers once the candidates are scored: the decision of the scores alone
 * (`decide`), unless one of the rules below, tried in order, answers otherwise. Each rule either
 * answers or passes (undefined). The first two weigh the lookalikes counted when recorded, the next
 * two doubt a found element, the next three break a tie between acceptable candidates, the next
 * recognises a label reworded in its very place, the last tells a target out of sight (in a closed
 * tab or section) from a missing one. Rather silent than wrong: a rule that picks an
 * element does so only under conditions no lookalike could meet by chance.
 */
import { type Checked, type Hidden, hiddenAbove } from './candidates';
import { doubtOf } from './doubt';
import type { LocateResult } from './locate';
import { anchored } from './lookalikes';
import { pickRewordedInSlot } from './rewording';
import { closedPart, openerOf } from './scopes';
import type { Decision } from './score';
import type { TargetDescription } from './target';
import { acceptableOf, pickByModifiers, pickInSection, pickTwin } from './twins';

/** What the rules read: the description, the search, the decision of the scores alone, the options. */
export interface Evidence {
  d: TargetDescription;
  /** Candidates fully checked, with their scores. */
  scored: readonly Checked[];
  /** Every candidate gathered, for counting lookalikes. */
  gathered: readonly Element[];
  /** Candidates that might have mattered but are hidden. */
  hidden: readonly Hidden[];
  decision: Decision<Element>;
  threshold: number;
  margin: number;
  /** Ties may be broken: every candidate that mattered was checked, and the caller did not turn them off. */
  tieBreaks: boolean;
  /** Lookalikes counted when recorded; undefined unless the whole page is searched (they were counted on it). */
  alike: number | undefined;
  /** Elements named exactly as recorded, counted once and only when a rule needs them (a walk of the page). */
  namesakes: () => Element[] | undefined;
}

export type Rule = (e: Evidence) => LocateResult | undefined;

/** A found answer; its confidence is the element's score unless given. */
const found = (e: Evidence, element: Element, confidence?: number): LocateResult => ({
  status: 'found',
  element,
  confidence: Math.round((confidence ?? e.scored.find((x) => x.item === element)?.score ?? e.threshold) * 1000) / 1000,
});

/**
 * Whether the count of lookalikes may overturn the decision: a target unique when recorded and not
 * found, or one of several lookalikes (found or not), or any ambiguity. Also weighed before twins are
 * told apart by their rank: a rank among fewer twins points at another one.
 */
const lookalikesWeigh = ({ alike, decision }: Evidence): boolean =>
  alike !== undefined && (decision.status === 'not-found' ? alike === 1 : alike >= 2 || decision.status === 'ambiguous');

/**
 * Fewer lookalikes than when recorded: the one that was meant may be the one that is gone, and those
 * left share its identity — ambiguous. Unless the recorded section is still there (its heading word
 * for word, or what it became), with as many elements of the kind, one of them named as recorded at
 * the recorded rank: then the ones that went were elsewhere.
 */
export const fewerLookalikes: Rule = (e) => {
  if (!lookalikesWeigh(e) || e.alike === undefined) return undefined;
  const n = e.namesakes();
  if (!n || n.length === 0 || n.length >= e.alike) return undefined;
  const { decision } = e;
  const pool = decision.status === 'found' ? [decision.item] : decision.status === 'ambiguous' ? acceptableOf(e, decision.items) : [];
  const kept = e.tieBreaks ? pickInSection(e, pool, true) : undefined;
  return kept ? found(e, kept) : { status: 'ambiguous', candidates: n };
};

/**
 * Unique when recorded, unique today, and the very same id (or test id): its surroundings were
 * reworded, it is still itself. Without such an anchor, a lone lookalike elsewhere may be a newcomer
 * while the target is gone.
 */
export const loneAnchoredLookalike: Rule = (e) => {
  if (!lookalikesWeigh(e) || e.alike !== 1) return undefined;
  const n = e.namesakes();
  const lone = n?.length === 1 ? n[0] : undefined;
  if (!lone || !anchored(e.d, lone)) return undefined;
  const top = e.decision.status === 'ambiguous' ? e.decision.items[0] : lone;
  return top === lone ? found(e, lone, 0.75) : undefined;
};

/**
 * A found element that its lookalikes make doubtful (`doubtOf`) is not returned: ambiguous — unless
 * the only doubt is the lone lookalike, unique when recorded, with the recorded id: that one.
 */
export const doubtOnFound: Rule = (e) => {
  if (e.decision.status !== 'found') return undefined;
  const { item } = e.decision;
  const doubt = doubtOf(e.d, item, e.namesakes, e.alike);
  if (!doubt) return undefined;
  const only = doubt.length === 1 ? doubt[0] : undefined;
  return only && e.alike === 1 && anchored(e.d, only)
    ? found(e, only, 0.75)
    : { status: 'ambiguous', candidates: [item, ...doubt.filter((x) => x !== item)] };
};

/**
 * Not found, out of sight, when a hidden candidate scores above `floor` in a closed part of the page
 * that a control shows (a tab panel, a folded section: `closedPart`), with the control that opens it.
 */
function outOfSight(e: Evidence, floor: number): LocateResult | undefined {
  for (const h of e.hidden) {
    const part = hiddenAbove(e.d, h, floor) ? closedPart(h.item) : null;
    if (part) return { status: 'not-found', outOfSight: true, opener: openerOf(part) ?? undefined };
  }
  return undefined;
}

/**
 * A found element that a hidden candidate outscores, in a closed part of the page: the one meant
 * is likely that one, out of sight, and what is seen a namesake elsewhere (the same link in another
 * tab) — not found, out of sight, until the person opens it. A copy hidden by the layout (a menu
 * for small screens) is no such doubt.
 */
export const hiddenOutscores: Rule = (e) => {
  if (e.decision.status !== 'found') return undefined;
  const { item } = e.decision;
  return outOfSight(e, e.scored.find((x) => x.item === item)?.score ?? 1);
};

/** A rule that breaks a tie, when ties may be broken: the element `pick` tells apart among the tied ones. */
const tieBreak =
  (pick: (e: Evidence, tied: Element[]) => Element | undefined): Rule =>
  (e) => {
    if (e.decision.status !== 'ambiguous' || !e.tieBreaks) return undefined;
    const picked = pick(e, e.decision.items);
    return picked ? found(e, picked) : undefined;
  };

/** Tied candidates told apart by the recorded section (`pickInSection`). */
export const tieBySection: Rule = tieBreak((e, tied) => pickInSection(e, acceptableOf(e, tied), false));

/** Tied identical twins told apart by their recorded rank (`pickTwin`). */
export const tieByTwinRank: Rule = tieBreak((e, tied) => (e.d.twin ? pickTwin(e, e.d.twin, tied) : undefined));

/** Tied candidates alike but for a modifier class, told apart by the recorded one (`pickByModifiers`). */
export const tieByModifier: Rule = tieBreak((e, tied) => pickByModifiers(e.d, tied, acceptableOf(e, tied)));

/** Nothing found: the element in the recorded slot of the recorded section, reworded (`pickRewordedInSlot`). */
export const rewordedInSlot: Rule = (e) => {
  if (e.decision.status !== 'not-found' || !e.d.section || !e.tieBreaks) return undefined;
  const picked = pickRewordedInSlot(e.d, e.gathered, e.threshold, e.namesakes);
  return picked ? found(e, picked, e.threshold) : undefined;
};

/**
 * Nothing in sight is the target, but a hidden candidate would be found (above the threshold) in a
 * closed part of the page (a link in a folded accordion, a field in another tab): out of sight, and
 * the control that opens it, rather than « not found ». Last: a label reworded in place comes first.
 */
export const hiddenOnly: Rule = (e) => (e.decision.status === 'not-found' ? outOfSight(e, e.threshold) : undefined);

/** The rules, in the order they are tried. */
export const RULES: readonly Rule[] = [
  fewerLookalikes,
  loneAnchoredLookalike,
  doubtOnFound,
  hiddenOutscores,
  tieBySection,
  tieByTwinRank,
  tieByModifier,
  rewordedInSlot,
  hiddenOnly,
];

/** The decision of the scores alone, as an answer. */
export function decided(e: Evidence): LocateResult {
  const { decision } = e;
  if (decision.status === 'found') return found(e, decision.item, decision.confidence);
  if (decision.status === 'ambiguous') return { status: 'ambiguous', candidates: decision.items };
  return { status: 'not-found' };
}

/** The answer of the first rule that answers, else the decision of the scores. */
export function answer(e: Evidence, rules: readonly Rule[] = RULES): LocateResult {
  for (const rule of rules) {
    const r = rule(e);
    if (r) return r;
  }
  return decided(e);
}
