/**
 * Reading a guide: a file's text or an already-parsed value → a valid guide,
 * or the list of its problems in plain French. Never throws, whatever the
 * input: a broken guide file gets a clear message, and nothing else is lost.
 */
import { type DuplicateKey, duplicateKeys } from './json-duplicates';
import { findJsonSyntaxError } from './json-syntax';
import { type GuideIssue, type GuideProblem, pathToString, quote, renderIssues } from './problems';
import { type Guide, guideSchema } from './schema';
import { structuralIssues } from './validate';
import { issueToFrench } from './zod-messages';

export { formatProblems, type GuideProblem } from './problems';

export type ParseResult = { ok: true; guide: Guide } | { ok: false; problems: GuideProblem[] };

/** Larger files are refused before `JSON.parse`: a guide is a few tens of kilobytes. */
export const MAX_GUIDE_BYTES = 1024 * 1024;

function fail(issues: readonly GuideIssue[], root: unknown, file?: string): ParseResult {
  return { ok: false, problems: renderIssues(issues, root, file) };
}

/** When one value breaks several rules, the shape is the least useful to tell. */
function dropRedundant(issues: GuideIssue[], codes: readonly string[]): GuideIssue[] {
  const seen = new Set<string>();
  const keep: GuideIssue[] = [];
  issues.forEach((issue, index) => {
    const key = pathToString(issue.path);
    if (codes[index] === 'invalid_format' && seen.has(key)) return;
    seen.add(key);
    keep.push(issue);
  });
  return keep;
}

function unexpected(error: unknown, root: unknown, file?: string): ParseResult {
  let detail = '';
  try {
    detail = error instanceof Error ? ` (${error.message.slice(0, 120)})` : '';
  } catch {
    detail = '';
  }
  return fail([{ path: [], text: `le guide n’a pas pu être lu à cause d’une erreur inattendue${detail}.` }], root, file);
}

/** Validates an already-parsed JSON value (file contents, storage, an import). */
export function parseGuide(input: unknown, file?: string): ParseResult {
  try {
    const result = guideSchema.safeParse(input, { reportInput: true });
    if (!result.success) {
      const issues: GuideIssue[] = [];
      const codes: string[] = [];
      for (const issue of result.error.issues) {
        for (const french of issueToFrench(issue, input)) {
          issues.push(french);
          codes.push(issue.code);
        }
      }
      // zod lists invalid_format after the other checks of the same value.
      return fail(dropRedundant(issues, codes), input, file);
    }
    const structural = structuralIssues(result.data);
    if (structural.length > 0) return fail(structural, input, file);
    return { ok: true, guide: result.data };
  } catch (error) {
    return unexpected(error, input, file);
  }
}

/** Size of a text in UTF-8 bytes, without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  const mb = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${String(mb).replace('.', ',')} Mo`;
}

/** A field written twice in one object: JSON keeps the last, and the other would be lost unseen. */
function duplicateIssue({ path, firstLine, line }: DuplicateKey): GuideIssue {
  const lines = firstLine === line ? `ligne ${line}` : `lignes ${firstLine} et ${line}`;
  return {
    path,
    text: `le champ ${quote(String(path[path.length - 1]), 40)} est écrit deux fois (${lines}) ; un seul serait lu, le dernier, et l’autre serait perdu. Gardez le bon et effacez l’autre.`,
  };
}

/** Validates the text of a guide file: empty, too large and not-JSON files get their own message. */
export function parseGuideText(text: string, file?: string): ParseResult {
  try {
    if (typeof text !== 'string') return parseGuide(text, file);
    // Counting is linear; a text this long is too large whatever its characters.
    const bytes = text.length > 8 * MAX_GUIDE_BYTES ? undefined : utf8Length(text);
    if (bytes === undefined || bytes > MAX_GUIDE_BYTES) {
      const size = bytes === undefined ? `plus de ${megabytes(text.length)}` : megabytes(bytes);
      return fail(
        [
          {
            path: [],
            text: `le fichier est trop gros (${size}) ; un guide fait au plus ${megabytes(MAX_GUIDE_BYTES)}, d’habitude quelques dizaines de Ko. Vérifiez qu’il s’agit bien d’un guide Côte à côte.`,
          },
        ],
        undefined,
        file,
      );
    }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '') {
      return fail(
        [{ path: [], text: 'le fichier est vide ; attendu : un guide au format JSON, un objet qui commence par « { ».' }],
        undefined,
        file,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      const found = findJsonSyntaxError(body);
      if (found) {
        return fail(
          [
            {
              path: [],
              where: `ligne ${found.line}, colonne ${found.column}`,
              text: `le fichier n’est pas du JSON valide : ${found.text}`,
            },
          ],
          undefined,
          file,
        );
      }
      const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
      return fail(
        [{ path: [], text: `le fichier n’est pas du JSON valide${position ? ` (vers le caractère ${Number(position) + 1})` : ''}.` }],
        undefined,
        file,
      );
    }
    const twice = duplicateKeys(body);
    if (twice.length > 0) return fail(twice.map(duplicateIssue), value, file);
    return parseGuide(value, file);
  } catch (error) {
    return unexpected(error, undefined, file);
  }
}
