/**
 * Exporting the working guide as a `.json` file: only a guide that passes
 * `parseGuide` is written (a file with errors would be refused by whoever
 * imports it), and never as `verified` with problems. Marking a guide verified
 * is refused while it has problems, for the same reason.
 */
import { type GuideProblem, parseGuide } from '../guide/parse';
import type { Guide } from '../guide/schema';
import { isTooBig } from './import';
import type { WorkingGuide } from './model';

export type ExportResult =
  | { ok: true; guide: Guide; text: string; fileName: string }
  | { ok: false; problems: GuideProblem[]; verified: boolean };

/** The file's name: the guide's id (a slug, safe as a file name). */
export function exportFileName(id: string): string {
  const safe = id.replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'guide'}.json`;
}

/** The JSON text of a guide file: two-space indent, one final newline. */
export function guideFileText(guide: Guide): string {
  return `${JSON.stringify(guide, null, 2)}\n`;
}

export function exportGuide(guide: WorkingGuide): ExportResult {
  const parsed = parseGuide(guide);
  if (!parsed.ok) return { ok: false, problems: parsed.problems, verified: guide.status.state === 'verified' };
  return { ok: true, guide: parsed.guide, text: guideFileText(parsed.guide), fileName: exportFileName(parsed.guide.id) };
}

/** What « Exporter » does: write the file, or say why not (its problems, or a size no import would read). */
export type ExportDecision =
  | { kind: 'file'; text: string; fileName: string }
  | { kind: 'problems'; count: number; verified: boolean }
  | { kind: 'too-big' };

export function exportDecision(guide: WorkingGuide): ExportDecision {
  const result = exportGuide(guide);
  if (!result.ok) return { kind: 'problems', count: result.problems.length, verified: result.verified };
  if (isTooBig(new TextEncoder().encode(result.text).length)) return { kind: 'too-big' };
  return { kind: 'file', text: result.text, fileName: result.fileName };
}

/**
 * The problems that stop the guide from being marked verified: every problem
 * of the guide as it would be with a draft status (the verification's own
 * fields, who checked and when, are filled after switching).
 */
export function problemsBeforeVerifying(guide: WorkingGuide): GuideProblem[] {
  const parsed = parseGuide({ ...guide, status: { state: 'draft' } });
  return parsed.ok ? [] : parsed.problems;
}

/** Today as `YYYY-MM-DD` in local time, for the verification date. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
