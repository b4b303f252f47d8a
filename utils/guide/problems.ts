/**
 * How a problem in a guide file is told: the file, where in the guide (in
 * words a trainer uses: "étape 3", "question « compte »"), the JSON path, and
 * one plain French sentence that says what is wrong and what is expected.
 *
 * `guides/impots.json — étape 3 (steps[2].action) : « clicker » n’est pas une action connue ; attendu : click, fill…`
 */

export interface GuideProblem {
  /** JSON path such as `steps[2].action`, or `''` when the problem is about the whole file. */
  path: string;
  /** The full French sentence, with the file (when known), the place and the path. */
  message: string;
}

/** A problem before it is told: a path and the sentence about it. */
export interface GuideIssue {
  path: readonly PropertyKey[];
  text: string;
  /** Replaces the place computed from the path (e.g. "ligne 3, colonne 5" for a JSON syntax error). */
  where?: string;
}

/** At most this many problems are listed: past that, fixing the first ones comes first. */
export const MAX_PROBLEMS = 50;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `['steps', 2, 'action']` → `steps[2].action`. */
export function pathToString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(clip(String(key), 60))}]`;
  }
  return out;
}

/** Cuts a text for a message, on one line. */
export function clip(text: string, max = 60): string {
  const oneLine = text.replace(/[\r\n\t]+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** `« texte »`, cut when long. */
export function quote(text: string, max = 60): string {
  return `« ${clip(text, max)} »`;
}

/** A list in French: `a, b ou c`. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

/** Edit distance, bounded: enough to suggest "title" for "titel". */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 3;
}

/** The closest of `candidates` to `word` (case-insensitive, at most 2 edits), if any. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > 100) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance && d < Math.max(2, candidate.length / 2)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` in the raw input, or undefined. Never throws on odd inputs. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current) && typeof key === 'string' && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

/** Whether the object at `path` minus its last key lacks that key (a missing field, not a wrong one). */
export function isMissing(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return root === undefined;
  const parent = valueAt(root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (isRecord(parent) && typeof key === 'string') return !Object.hasOwn(parent, key) || parent[key] === undefined;
  return false;
}

function itemLabel(root: unknown, index: number): string {
  const item = valueAt(root, ['steps', index]);
  const position = `étape ${index + 1}`;
  if (!isRecord(item)) return position;
  const id = typeof item.id === 'string' && item.id.trim() !== '' ? quote(item.id, 40) : '';
  if (item.kind === 'question') return id ? `question ${id} (${position})` : `question (${position})`;
  if (item.kind === 'end') return id ? `fin ${id} (${position})` : `fin (${position})`;
  return position;
}

/** Where a path is, in a trainer's words: "étape 3", "choix 2 de l’étape 4", "cible de l’étape 1"… */
export function describeWhere(root: unknown, path: readonly PropertyKey[]): string {
  const [first, second, third, fourth] = path;
  if (path.length === 0) return '';
  if (first === 'steps' && typeof second === 'number') {
    if (third === 'choices' && typeof fourth === 'number') return `choix ${fourth + 1} de l’étape ${second + 1}`;
    if (third === 'target' && path.length > 3) return `cible de l’étape ${second + 1}`;
    return itemLabel(root, second);
  }
  if (first === 'prepare' && typeof second === 'number') return `élément à préparer ${second + 1}`;
  if (first === 'sites' && typeof second === 'number') return `site ${second + 1}`;
  if (first === 'sources' && typeof second === 'number') return `source ${second + 1}`;
  if (first === 'status') return 'statut du guide';
  return 'en-tête du guide';
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One issue as a full sentence: `file — where (path) : text`. */
export function renderIssue(issue: GuideIssue, root: unknown, file?: string): GuideProblem {
  const path = pathToString(issue.path);
  const where = issue.where ?? describeWhere(root, issue.path);
  const place = [file, where].filter((part) => part !== undefined && part !== '').join(' — ');
  const locator = path === '' ? place : place === '' ? `(${path})` : `${place} (${path})`;
  return { path, message: locator === '' ? capitalize(issue.text) : `${locator} : ${issue.text}` };
}

/** Renders issues, keeping at most `MAX_PROBLEMS` and saying how many were left out. */
export function renderIssues(issues: readonly GuideIssue[], root: unknown, file?: string): GuideProblem[] {
  const shown = issues.slice(0, MAX_PROBLEMS).map((issue) => renderIssue(issue, root, file));
  const left = issues.length - shown.length;
  if (left > 0) {
    shown.push(
      renderIssue(
        {
          path: [],
          text: `et ${left} autre${left > 1 ? 's' : ''} problème${left > 1 ? 's' : ''} ; corrigez d’abord ceux qui précèdent.`,
        },
        root,
        file,
      ),
    );
  }
  return shown;
}

/** One line per problem, for build logs and consoles. */
export function formatProblems(problems: readonly GuideProblem[]): string {
  return problems.map((problem) => problem.message.replace(/[\r\n]+/g, ' ')).join('\n');
}
