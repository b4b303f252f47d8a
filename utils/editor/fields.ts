/**
 * From a problem's JSON path (`steps[2].choices[1].next`) to the field of the
 * editor's form that shows it, so that each message sits next to what it is
 * about. Paths below a field (a target's facts, a status's date) go up to the
 * nearest field the form has; a problem about the whole file has the field ''.
 */
import type { GuideProblem } from '../guide/problems';

export type PathPart = string | number;

/** `steps[2].choices[1].next` → `['steps', 2, 'choices', 1, 'next']`. Quoted keys (`["a b"]`) are read too. */
export function parsePath(path: string): PathPart[] {
  const parts: PathPart[] = [];
  const re = /\[(\d+)\]|\[("(?:\\.|[^"\\])*")\]|\.?([A-Za-z_$][\w$]*)/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m.index === re.lastIndex) break;
    if (m[1] !== undefined) parts.push(Number(m[1]));
    else if (m[2] !== undefined) {
      try {
        parts.push(JSON.parse(m[2]) as string);
      } catch {
        parts.push(m[2]);
      }
    } else if (m[3] !== undefined) parts.push(m[3]);
  }
  return parts;
}

/** `['steps', 2, 'instruction']` → `steps[2].instruction`. */
export function joinPath(parts: readonly PathPart[]): string {
  return parts.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

const HEADER_FIELDS = new Set(['id', 'version', 'lang', 'title', 'summary', 'durationMinutes']);
const STEP_FIELDS = new Set([
  'id',
  'kind',
  'page',
  'action',
  'target',
  'instruction',
  'why',
  'advisorTip',
  'sensitive',
  'doneWhen',
  'donePage',
  'next',
  'question',
  'choices',
  'message',
]);

/** The form field a problem is shown next to. */
export function fieldOf(path: string): string {
  const parts = parsePath(path);
  const [first, second, third, fourth, fifth] = parts;
  if (first === undefined) return '';
  if (typeof first === 'string' && HEADER_FIELDS.has(first)) return first;
  if (first === 'status') {
    if (second === 'against' || second === 'on') return `status.${second}`;
    return 'status';
  }
  if (first === 'sites') return typeof second === 'number' ? `sites[${second}]` : 'sites';
  if (first === 'prepare') {
    if (typeof second !== 'number') return 'prepare';
    return third === 'hint' || third === 'sensitive' ? `prepare[${second}].${third}` : `prepare[${second}].label`;
  }
  if (first === 'steps') {
    if (typeof second !== 'number') return 'steps';
    const step = `steps[${second}]`;
    if (typeof third !== 'string' || !STEP_FIELDS.has(third)) return step;
    if (third === 'choices' && typeof fourth === 'number') {
      return fifth === 'next' ? `${step}.choices[${fourth}].next` : `${step}.choices[${fourth}].label`;
    }
    return `${step}.${third}`;
  }
  // Keys a guide may not have (`$schema` aside): about the whole guide.
  return '';
}

/** Problems grouped by the field that shows them. */
export function problemsByField(problems: readonly GuideProblem[]): Map<string, GuideProblem[]> {
  const map = new Map<string, GuideProblem[]>();
  for (const problem of problems) {
    const field = fieldOf(problem.path);
    const list = map.get(field) ?? [];
    list.push(problem);
    map.set(field, list);
  }
  return map;
}

/**
 * The message without its locator, for next to the field (which already says
 * where): `étape 3 (steps[2].instruction) : il manque…` → `Il manque…`.
 */
export function shortMessage(problem: GuideProblem): string {
  const marker = problem.path === '' ? '' : `(${problem.path}) : `;
  const at = marker === '' ? -1 : problem.message.indexOf(marker);
  const text = at === -1 ? problem.message : problem.message.slice(at + marker.length);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Problems of one item (any of its fields), by index: for the step's header and counts. */
export function problemsOfItem(problems: readonly GuideProblem[], index: number): GuideProblem[] {
  return problems.filter((problem) => {
    const parts = parsePath(problem.path);
    return parts[0] === 'steps' && parts[1] === index;
  });
}

/** Problems per item of the list, by index: the count each item's header shows. */
export function problemsPerItem(problems: readonly GuideProblem[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const problem of problems) {
    const [first, second] = parsePath(problem.path);
    if (first === 'steps' && typeof second === 'number') counts.set(second, (counts.get(second) ?? 0) + 1);
  }
  return counts;
}

/** Lists whose problems are shown at the top of their section: going to them goes to its title. */
const SECTION_TITLES = new Map([
  ['steps', '#steps-title'],
  ['sites', '#sites-title'],
  ['prepare', '#prepare-title'],
]);

/**
 * Where a problem of the list at the top takes the focus: the selector of its
 * field (or of its section's title), and the item it is in, which must be open
 * for the field to be there.
 */
export function problemPlace(field: string): { selector: string; item?: number } {
  const [first, second] = parsePath(field);
  const selector = SECTION_TITLES.get(field) ?? `#${fieldDomId(field)}`;
  return first === 'steps' && typeof second === 'number' ? { selector, item: second } : { selector };
}

/** A DOM id for a field path: `steps[2].instruction` → `f-steps-2-instruction`. */
export function fieldDomId(field: string): string {
  return `f-${field.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '') || 'guide'}`;
}
