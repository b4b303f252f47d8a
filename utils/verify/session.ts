/**
 * « Vérifier ce guide sur le site », as pure logic: a trainer walks the guide
 * on the live site, one item at a time along the path they take; each step
 * gets the locating engine's own outcome (found, several alike, not found),
 * or « not on this page » when its `page` does not match, or « text only »
 * when it has nothing to find. On a miss the trainer re-points the step (one
 * click on the site, captured like a recording) or rewrites its instruction.
 * At the end the guide is marked verified against the site's host, on the day,
 * with a new version: minor when a target or a text changed, patch otherwise.
 *
 * The guide itself lives in the editor's working copy (every fix is an edit
 * there, undone like the others); this state only says where the walk is,
 * what each step gave and what was fixed.
 */
import { itemById, itemIndex, nextItemId } from '../guide/graph';
import type { GuideProblem } from '../guide/parse';
import { parseGuide } from '../guide/parse';
import type { ActionStep, Guide, GuideItem } from '../guide/schema';
import type { TargetDescription } from '../locate/target';

/**
 * What the page said of a step. `out-of-sight`: not found in sight, but likely in a part of the page still closed
 * (a tab, a folded section) — opened, the step is checked again. `text-only`: the step has no target, its
 * instruction is all there is.
 */
export const OUTCOMES = ['found', 'ambiguous', 'not-found', 'out-of-sight', 'not-on-page', 'text-only'] as const;
export type VerifyOutcome = (typeof OUTCOMES)[number];

/** A fix made during the check: the step points at another element, or says something else. */
export const FIXES = ['repointed', 'rewritten'] as const;
export type StepFix = (typeof FIXES)[number];

/** The outcomes where the trainer is offered to fix the step (out of sight: the trainer opens the closed part first). */
export const isMiss = (outcome: VerifyOutcome | undefined): boolean => outcome === 'ambiguous' || outcome === 'not-found';

export interface StepCheck {
  /** The first outcome, before any fix: what the guide as it was gave on the site. */
  first: VerifyOutcome;
  /** The latest outcome (after a fix, or a check again). */
  last: VerifyOutcome;
}

/** The part of a guide the check reads; the editor's working guide fits (its duration may be empty). */
export type CheckedGuide = Pick<Guide, 'steps'>;

export interface VerifySession {
  /** The items walked, in order; the last one is the current item. */
  path: string[];
  checks: Record<string, StepCheck>;
  fixes: Record<string, StepFix[]>;
  /** The answer chosen at each question walked, by question id (its choice's index). */
  answers: Record<string, number>;
  /** The host of the site's page last checked (`www.impots.gouv.fr`): what the guide is verified against. */
  host?: string;
}

export function startVerification(guide: CheckedGuide): VerifySession | null {
  const first = guide.steps[0];
  return first ? { path: [first.id], checks: {}, fixes: {}, answers: {} } : null;
}

export function currentId(session: VerifySession): string {
  return session.path[session.path.length - 1] ?? '';
}

export function currentItem(guide: CheckedGuide, session: VerifySession): GuideItem | undefined {
  return itemById(guide, currentId(session));
}

/**
 * Notes what the page said of a step: the first outcome stays, the latest
 * replaces the one before. « Not on this page » says nothing of the step
 * once it was seen on its own page (the trainer has moved on, or a click
 * just left it); and the first outcome seen on its page replaces it.
 */
export function recordOutcome(session: VerifySession, stepId: string, outcome: VerifyOutcome, host?: string): VerifySession {
  const before = session.checks[stepId];
  if (before && outcome === 'not-on-page') return session;
  const first = !before || before.first === 'not-on-page' ? outcome : before.first;
  const check: StepCheck = { first, last: outcome };
  return { ...session, checks: { ...session.checks, [stepId]: check }, ...(host ? { host } : {}) };
}

function withFix(session: VerifySession, stepId: string, fix: StepFix): VerifySession {
  const fixes = session.fixes[stepId] ?? [];
  return fixes.includes(fix) ? session : { ...session, fixes: { ...session.fixes, [stepId]: [...fixes, fix] } };
}

/** The step's target replaced by the element the trainer pointed at. */
export function repointStep<G extends CheckedGuide>(guide: G, stepId: string, target: TargetDescription): G {
  return mapStep(guide, stepId, (step) => ({ ...step, target }));
}

/** The step's instruction replaced by the trainer's text. */
export function rewriteStep<G extends CheckedGuide>(guide: G, stepId: string, instruction: string): G {
  return mapStep(guide, stepId, (step) => ({ ...step, instruction }));
}

function mapStep<G extends CheckedGuide>(guide: G, stepId: string, change: (step: ActionStep) => ActionStep): G {
  const steps = guide.steps.map((item) => (item.kind === 'step' && item.id === stepId ? change(item) : item));
  return { ...guide, steps };
}

export const noteRepointed = (session: VerifySession, stepId: string) => withFix(session, stepId, 'repointed');
export const noteRewritten = (session: VerifySession, stepId: string) => withFix(session, stepId, 'rewritten');

/**
 * The problems of a rewritten instruction, as the editor finds them: the guide
 * is validated with the new text, and the problems of that field are kept.
 * Empty: the text may replace the instruction.
 */
export function instructionProblems(guide: unknown, stepId: string, instruction: string): GuideProblem[] {
  const steps = (guide as CheckedGuide).steps;
  const index = itemIndex({ steps }, stepId);
  if (index < 0) return [];
  const parsed = parseGuide(rewriteStep(guide as CheckedGuide, stepId, instruction));
  if (parsed.ok) return [];
  const path = `steps[${index}].instruction`;
  return parsed.problems.filter((problem) => problem.path === path);
}

/**
 * Moves on from the current item: a step to its next, a question to the item
 * its chosen answer leads to. Null at an end, or when the guide leads nowhere.
 */
export function moveOn(guide: CheckedGuide, session: VerifySession, choice?: number): VerifySession | null {
  const item = currentItem(guide, session);
  if (!item || item.kind === 'end') return null;
  let next: string | undefined;
  let answers = session.answers;
  if (item.kind === 'question') {
    const chosen = choice === undefined ? undefined : item.choices[choice];
    if (!chosen || choice === undefined) return null;
    next = chosen.next;
    answers = { ...answers, [item.id]: choice };
  } else next = nextItemId(guide, item.id);
  if (next === undefined || !itemById(guide, next)) return null;
  return { ...session, path: [...session.path, next], answers };
}

/** Back one item along the path walked; null on the first. */
export function moveBack(session: VerifySession): VerifySession | null {
  return session.path.length <= 1 ? null : { ...session, path: session.path.slice(0, -1) };
}

/** Whether the walk has reached an end of the guide: it may be closed as verified. */
export function atEnd(guide: CheckedGuide, session: VerifySession): boolean {
  return currentItem(guide, session)?.kind === 'end';
}

/** Whether anything of the guide changed during the check (a target or a text). */
export function changedSomething(session: VerifySession): boolean {
  return Object.values(session.fixes).some((fixes) => fixes.length > 0);
}

/**
 * The next version: `MINOR` + 1 (patch back to 0) when targets or texts
 * changed, `PATCH` + 1 otherwise (the guide is the same, only now checked).
 * A version that is not `MAJOR.MINOR.PATCH` starts again at `1.0.0`.
 */
export function bumpVersion(version: string, kind: 'minor' | 'patch'): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  if (!match) return '1.0.0';
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return kind === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
}

/** The guide as the check leaves it: verified against the host, on the day, with its new version. */
export function verifiedGuide<G extends CheckedGuide & Pick<Guide, 'version' | 'status'>>(
  guide: G,
  session: VerifySession,
  today: string,
): G {
  const against = session.host ?? '';
  return {
    ...guide,
    version: bumpVersion(guide.version, changedSomething(session) ? 'minor' : 'patch'),
    status: { state: 'verified', against, on: today },
  };
}
