/**
 * « Mes guides » as a team catalogue's folder, for a trainer without the
 * command line: a .zip holding one folder exactly as `npm run catalogue --
 * build` takes it — one JSON file per guide, a LISEZMOI.txt saying the next
 * steps, and, when the trainer typed them, the team's name and publisher in an
 * unsigned `catalogue.json`. Nothing is signed here: whoever publishes signs.
 *
 * Only guide files go in (no run, no progress, no setting). Each guide is
 * checked as the command will check its file; a guide that would be refused
 * is left out with its French problems, and the others are still exported.
 * Runs in the editor page only (fflate stays out of the background and of
 * every content script).
 */
import { strToU8, zipSync } from 'fflate';
import { i18n } from '#i18n';
import { exportFileName, guideFileText } from '../editor/export';
import { innerGuideProblems } from '../guide/inner-guides';
import { formatProblems, parseGuide, parseGuideText } from '../guide/parse';
import type { Guide } from '../guide/schema';
import { type CatalogueDraft, catalogueDraftSchema, DRAFT_FILE } from './format';

/** The folder inside the .zip, named in the read-me and in docs/catalogue.md. */
export const EXPORT_FOLDER = 'guides-a-signer';

export interface TeamExportOptions {
  /** The team's name, as the trainer typed it (may be empty). */
  name?: string;
  /** Who publishes, as the trainer typed it (may be empty). */
  publisher?: string;
  /** Today, `AAAA-MM-JJ`: in the file's name and the read-me. */
  today: string;
  /** Ids of the guides bundled with Côte à côte: a team's guide may run them without carrying them. */
  bundled?: readonly string[];
}

/** A guide left out of the export, with why (the validation's French messages, naming the file, step and field). */
export interface TeamExportRefusal {
  id: string;
  title: string;
  problems: string;
}

export type TeamExport =
  | {
      ok: true;
      /** The .zip's bytes. */
      zip: Uint8Array;
      fileName: string;
      exported: { id: string; title: string }[];
      refused: TeamExportRefusal[];
      /** The unsigned draft written, or null when the trainer typed neither name nor publisher. */
      draft: CatalogueDraft | null;
    }
  | { ok: false; reason: 'none-valid'; refused: TeamExportRefusal[] }
  | { ok: false; reason: 'draft'; fields: ('name' | 'publisher')[] };

const titleOf = (raw: unknown, fallback: string): string => {
  const title = (raw as { title?: unknown } | null)?.title;
  return typeof title === 'string' && title.trim() ? title : fallback;
};
const idOf = (raw: unknown, index: number): string => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id ? id : `guide-${index + 1}`;
};

/** The draft the trainer typed, or why not: blank fields are left out, too long ones are refused. */
function draftOf(options: TeamExportOptions): { ok: true; draft: CatalogueDraft | null } | { ok: false; fields: ('name' | 'publisher')[] } {
  const name = options.name?.trim() || undefined;
  const publisher = options.publisher?.trim() || undefined;
  if (!name && !publisher) return { ok: true, draft: null };
  const parsed = catalogueDraftSchema.safeParse({ name, publisher });
  if (parsed.success) return { ok: true, draft: parsed.data };
  const fields = new Set(parsed.error.issues.map((issue) => issue.path[0]).filter((key) => key === 'name' || key === 'publisher'));
  return { ok: false, fields: [...fields] };
}

/**
 * The .zip of `guides` (own guides, as stored) for a team catalogue. Each is
 * written as the editor's « Exporter le fichier » writes it, then read back
 * with `parseGuideText`, as the command reads the file; the inner guides of
 * each must be exported with it, or bundled with Côte à côte.
 */
export function exportTeamCatalogue(guides: readonly unknown[], options: TeamExportOptions): TeamExport {
  const draft = draftOf(options);
  if (!draft.ok) return { ok: false, reason: 'draft', fields: draft.fields };

  const refused: TeamExportRefusal[] = [];
  let files: { guide: Guide; file: string; text: string }[] = [];
  guides.forEach((raw, index) => {
    const id = idOf(raw, index);
    const file = `${EXPORT_FOLDER}/${exportFileName(id)}`;
    const parsed = parseGuide(raw, file);
    const reread = parsed.ok ? parseGuideText(guideFileText(parsed.guide), file) : parsed;
    if (!reread.ok) {
      refused.push({ id, title: titleOf(raw, id), problems: formatProblems(reread.problems) });
      return;
    }
    if (files.some((other) => other.guide.id === reread.guide.id)) return; // the same guide given twice: once is enough
    files.push({ guide: reread.guide, file, text: guideFileText(reread.guide) });
  });
  // A guide left out may be the inner guide of another: checked again until every one left has its inner guides.
  // Bundled guides run no own guide: their ids are enough (no circle can pass through them).
  const bundled = (options.bundled ?? []).map((id) => ({ id, steps: [] }));
  for (;;) {
    const left = [...bundled, ...files.map((entry) => entry.guide)];
    const broken = files.flatMap((entry) => {
      const problems = innerGuideProblems(entry.guide, left, 'bundle', entry.file);
      return problems.length > 0 ? [{ entry, problems }] : [];
    });
    if (broken.length === 0) break;
    for (const { entry, problems } of broken)
      refused.push({ id: entry.guide.id, title: entry.guide.title, problems: formatProblems(problems) });
    files = files.filter((entry) => !broken.some((b) => b.entry === entry));
  }
  if (files.length === 0) return { ok: false, reason: 'none-valid', refused };

  files.sort((a, b) => (a.guide.id < b.guide.id ? -1 : a.guide.id > b.guide.id ? 1 : 0));
  const content: Record<string, Uint8Array> = {};
  for (const entry of files) content[entry.file] = strToU8(entry.text);
  if (draft.draft) content[`${EXPORT_FOLDER}/${DRAFT_FILE}`] = strToU8(`${JSON.stringify(draft.draft, null, 2)}\n`);
  const list = files.map((entry) => i18n.t('editor.teamExport.readmeGuide', [entry.guide.title, exportFileName(entry.guide.id)]));
  const readme = i18n.t('editor.teamExport.readme', [EXPORT_FOLDER, options.today, list.join('\n'), DRAFT_FILE]);
  // Windows' Notepad and every other editor read CRLF; the read-me is for people, not for the command.
  content[`${EXPORT_FOLDER}/${i18n.t('editor.teamExport.readmeFile')}`] = strToU8(`${readme.trim().replace(/\r?\n/g, '\r\n')}\r\n`);
  return {
    ok: true,
    zip: zipSync(content, { level: 6 }),
    fileName: `${EXPORT_FOLDER}-${options.today}.zip`,
    exported: files.map((entry) => ({ id: entry.guide.id, title: entry.guide.title })),
    refused,
    draft: draft.draft,
  };
}
