/**
 * The report of a check on the site, pure: every item of the guide in its
 * order, with what the page said of it (or that the walk did not pass by it),
 * the fixes made, the site and the date. Kept in storage for the printable
 * report page (`report.html?guide=<id>`); read back through `readReport`.
 * It holds the guide's texts and nothing of anybody's: no value, no address.
 */
import type { Guide } from '../guide/schema';
import { FIXES, OUTCOMES, type StepFix, type VerifyOutcome, type VerifySession } from './session';

export const REPORT_VERSION = 1;

export type ReportLine =
  | {
      kind: 'step';
      /** The item's number in the guide, from 1. */
      number: number;
      id: string;
      /** The instruction as the guide now says it. */
      text: string;
      /** The outcome before any fix; absent: the walk did not pass by this step. */
      outcome?: VerifyOutcome;
      /** The outcome after the fixes, when it differs from the first. */
      after?: VerifyOutcome;
      fixes: StepFix[];
      /** The instruction before it was rewritten. */
      before?: string;
    }
  | { kind: 'question'; number: number; id: string; text: string; answer?: string }
  | { kind: 'end'; number: number; id: string; text?: string; reached: boolean };

export interface VerifyReport {
  v: typeof REPORT_VERSION;
  guideId: string;
  title: string;
  lang: string;
  /** The version the guide got, and the one it had. */
  version: string;
  previousVersion: string;
  /** What the guide was checked against: the site's host. */
  site: string;
  /** `YYYY-MM-DD`. */
  on: string;
  lines: ReportLine[];
}

type ReportGuide = Pick<Guide, 'id' | 'title' | 'lang' | 'version' | 'steps'>;

/**
 * The report of a check: `before` is the guide as the check found it (for the
 * texts rewritten), `after` the verified guide.
 */
export function buildReport(
  before: Pick<Guide, 'steps' | 'version'>,
  after: ReportGuide,
  session: VerifySession,
  today: string,
): VerifyReport {
  const walked = new Set(session.path);
  const lines = after.steps.map((item, index): ReportLine => {
    const number = index + 1;
    if (item.kind === 'question') {
      const choice = session.answers[item.id];
      const answer = choice === undefined ? undefined : item.choices[choice]?.label;
      return { kind: 'question', number, id: item.id, text: item.question, ...(answer ? { answer } : {}) };
    }
    if (item.kind === 'end')
      return { kind: 'end', number, id: item.id, ...(item.message ? { text: item.message } : {}), reached: walked.has(item.id) };
    const check = session.checks[item.id];
    const fixes = session.fixes[item.id] ?? [];
    const old = before.steps.find((other) => other.id === item.id);
    const rewrittenFrom =
      fixes.includes('rewritten') && old?.kind === 'step' && old.instruction !== item.instruction ? old.instruction : undefined;
    return {
      kind: 'step',
      number,
      id: item.id,
      text: item.instruction,
      ...(check ? { outcome: check.first } : {}),
      ...(check && check.last !== check.first ? { after: check.last } : {}),
      fixes: [...fixes],
      ...(rewrittenFrom ? { before: rewrittenFrom } : {}),
    };
  });
  return {
    v: REPORT_VERSION,
    guideId: after.id,
    title: after.title,
    lang: after.lang,
    version: after.version,
    previousVersion: before.version,
    site: session.host ?? '',
    on: today,
    lines,
  };
}

/** How many steps each fix touched: the report's summary. */
export function fixCounts(report: VerifyReport): Record<StepFix, number> {
  const counts = { repointed: 0, rewritten: 0 } satisfies Record<StepFix, number>;
  for (const line of report.lines) if (line.kind === 'step') for (const fix of line.fixes) counts[fix]++;
  return counts;
}

// ---------------------------------------------------------------------------
// Reading a stored report: checked field by field, anything odd is damaged.

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max = 2000): value is string => typeof value === 'string' && value.length <= max;
const isOptionalText = (value: unknown) => value === undefined || isText(value);
const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isNumber = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value > 0;
const isOutcome = (value: unknown) => (OUTCOMES as readonly unknown[]).includes(value);

function isLine(value: unknown): value is ReportLine {
  if (!isRecord(value) || !isNumber(value.number) || !isText(value.id, 100)) return false;
  switch (value.kind) {
    case 'step':
      return (
        isText(value.text) &&
        (value.outcome === undefined || isOutcome(value.outcome)) &&
        (value.after === undefined || isOutcome(value.after)) &&
        Array.isArray(value.fixes) &&
        value.fixes.every((fix) => (FIXES as readonly unknown[]).includes(fix)) &&
        isOptionalText(value.before)
      );
    case 'question':
      return isText(value.text) && isOptionalText(value.answer);
    case 'end':
      return isOptionalText(value.text) && typeof value.reached === 'boolean';
    default:
      return false;
  }
}

export function isReport(value: unknown): value is VerifyReport {
  return (
    isRecord(value) &&
    value.v === REPORT_VERSION &&
    isText(value.guideId, 100) &&
    isText(value.title, 300) &&
    isText(value.lang, 20) &&
    isText(value.version, 40) &&
    isText(value.previousVersion, 40) &&
    isText(value.site, 300) &&
    isDay(value.on) &&
    Array.isArray(value.lines) &&
    value.lines.length <= 500 &&
    value.lines.every(isLine)
  );
}
