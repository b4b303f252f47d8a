/**
 * Import of a Chrome DevTools Recorder recording (the `@puppeteer/replay`
 * user-flow JSON: `{ title, steps: [{ type, selectors, url, value… }] }`) as a
 * draft guide.
 *
 * - `navigate` steps give the guide's sites and each step's page; a navigation
 *   after the first action becomes a « go-to-page » step (the person goes there
 *   themselves). A click's asserted navigation moves the page on too.
 * - Each selector becomes target facts: `aria/Nom[role="button"]` → name and
 *   role, `#id` → id (and whether it looks generated), `text/…` → visible text,
 *   a CSS selector → `cssPath`, plus the tag, classes, `name`, `type`, test id
 *   and label attributes of its last compound; `xpath//*[@id="x"]` → id; other
 *   XPath selectors are not kept. A selector list (shadow DOM) is read by its
 *   last element.
 * - `click` → click (check or choose on a checkbox or radio); `change` → fill
 *   (choose on a select). A change's `value` is dropped, never copied: and as a
 *   guard, any fact or page pattern that contains a recorded value (3 characters
 *   or more) is removed too, as is a title that contains one.
 * - `keyDown`, `keyUp`, `setViewport`, `scroll`, `hover`, waits and others are
 *   dropped, and `dropped` says so in the interface's language (never quoting a value).
 */
import { i18n } from '#i18n';
import type { GuideProblem } from '../guide/problems';
import type { ActionStep, Guide } from '../guide/schema';
import { LIMITS } from '../guide/schema';
import { isGeneratedId, isStableClass } from '../locate/facts';
import type { TargetDescription } from '../locate/target';
import { buildDraftGuide, DEFAULT_IMPORT_TITLE, IMPORT_SUMMARY } from './draft-guide';
import { goToInstruction, type RecordedEvent, recordEvent } from './instruction';
import { uniqueId } from './text';
import { generalizeSite, generalizeUrl } from './url-pattern';

export type RecorderImportResult = { ok: true; guide: Guide; dropped: string[] } | { ok: false; problems: GuideProblem[] };

export { DEFAULT_IMPORT_TITLE } from './draft-guide';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(path: string, text: string): GuideProblem {
  return { path, message: path === '' ? text : `${path} : ${text}` };
}

// ---------------------------------------------------------------------------
// Selectors → facts

type Facts = Partial<TargetDescription>;

/** `"a"`, `'a'` or `a` → `a`, with backslash escapes undone. */
function unquote(raw: string): string {
  const trimmed = raw.trim();
  const inner = /^(["'])([\s\S]*)\1$/.exec(trimmed)?.[2] ?? trimmed;
  return inner.replace(/\\(.)/g, '$1');
}

/** CSS escapes in an identifier: `\31 23` → `123`, `\:` → `:`. */
function cssUnescape(ident: string): string {
  return ident
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/\\(.)/g, '$1');
}

/** `Nom[role="textbox"]` → name and role (Puppeteer's ARIA selector syntax). */
function parseAria(rest: string): Facts {
  let name = rest;
  const attrs: Record<string, string> = {};
  for (;;) {
    const m = /\[\s*(role|name)\s*=\s*("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|[^\]]*)\s*\]\s*$/.exec(name);
    if (!m) break;
    attrs[m[1] as string] = unquote(m[2] as string);
    name = name.slice(0, m.index);
  }
  const out: Facts = {};
  const accessible = (attrs.name ?? name).replace(/\s+/g, ' ').trim();
  if (accessible) out.name = accessible;
  if (attrs.role) out.role = attrs.role.toLowerCase();
  return out;
}

/** The last compound of a CSS selector: `form > div.x input[name="a b"]` → `input[name="a b"]`. */
function lastCompound(css: string): string {
  let depth = 0;
  let quote = '';
  for (let i = css.length - 1; i >= 0; i--) {
    const ch = css.charAt(i);
    if (quote) {
      if (ch === quote && css.charAt(i - 1) !== '\\') quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ']' || ch === ')') depth++;
    else if (ch === '[' || ch === '(') depth--;
    else if (depth === 0 && /[\s>+~]/.test(ch)) return css.slice(i + 1);
  }
  return css;
}

const LABEL_ATTRS: Record<string, keyof TargetDescription> = {
  name: 'nameAttr',
  type: 'type',
  'aria-label': 'name',
  placeholder: 'placeholder',
  autocomplete: 'autocomplete',
  role: 'role',
};
const TEST_ATTRS = new Set(['data-testid', 'data-test', 'data-test-id', 'data-cy', 'data-qa']);

function parseCss(css: string): Facts {
  const out: Facts = {};
  const trimmed = css.trim();
  const onlyId = /^#((?:\\[0-9a-f]{1,6}\s?|\\.|[\w-])+)$/i.exec(trimmed);
  if (onlyId) {
    out.id = cssUnescape(onlyId[1] as string);
    return out;
  }
  out.cssPath = trimmed;
  const compound = lastCompound(trimmed);
  const tag = /^([a-z][a-z0-9-]*)/i.exec(compound)?.[1];
  if (tag) out.tag = tag.toLowerCase();
  const id = /#((?:\\[0-9a-f]{1,6}\s?|\\.|[\w-])+)/i.exec(compound)?.[1];
  if (id) out.id = cssUnescape(id);
  const outside = compound.replace(/\[[^\]]*\]|\([^)]*\)/g, '');
  const classes = [...outside.matchAll(/\.((?:\\.|[\w-])+)/g)].map((m) => cssUnescape(m[1] as string)).filter(isStableClass);
  if (classes.length > 0) out.classes = classes.slice(0, 30);
  for (const m of compound.matchAll(/\[\s*([\w-]+)\s*(?:[~|^$*]?=\s*("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|[^\]\s]+))?\s*\]/g)) {
    const attr = (m[1] as string).toLowerCase();
    const raw = m[2];
    if (raw === undefined) continue;
    const value = unquote(raw);
    if (!value) continue;
    if (TEST_ATTRS.has(attr)) out.testId = `${attr}=${value}`;
    else if (attr === 'id') out.id = value;
    else {
      const key = LABEL_ATTRS[attr];
      if (key && out[key] === undefined)
        (out as Record<string, unknown>)[key] = key === 'type' || key === 'role' ? value.toLowerCase() : value;
    }
    // `value`, `href`, `src`… are left out: they may carry what was typed or a token.
  }
  return out;
}

export interface SelectorReading {
  facts: Facts;
  xpathDropped: boolean;
  usable: boolean;
}

/** Target facts from a step's `selectors` (and the recording's `selectorAttribute`). */
export function readSelectors(selectors: unknown, selectorAttribute?: string): SelectorReading {
  const facts: Facts = {};
  let xpathDropped = false;
  const merge = (more: Facts) => {
    for (const [key, value] of Object.entries(more)) {
      if (value !== undefined && (facts as Record<string, unknown>)[key] === undefined) (facts as Record<string, unknown>)[key] = value;
    }
  };
  if (!Array.isArray(selectors)) return { facts, xpathDropped, usable: false };
  for (const selector of selectors) {
    const part = typeof selector === 'string' ? selector : Array.isArray(selector) ? selector[selector.length - 1] : undefined;
    if (typeof part !== 'string' || part.trim() === '') continue;
    if (part.startsWith('aria/')) merge(parseAria(part.slice(5)));
    else if (part.startsWith('text/')) {
      const text = part.slice(5).replace(/\s+/g, ' ').trim();
      if (text) merge({ text });
    } else if (part.startsWith('xpath/')) {
      const id = /^\/*\*\[@id=(["'])([^"']+)\1\]$/.exec(part.slice(6).trim())?.[2];
      if (id) merge({ id });
      else xpathDropped = true;
    } else if (part.startsWith('pierce/')) {
      const css = parseCss(part.slice(7));
      // A pierce path crosses shadow roots: its id and tag are facts, not a document CSS path.
      delete css.cssPath;
      merge(css);
    } else merge(parseCss(part));
  }
  if (selectorAttribute && facts.testId === undefined && facts.cssPath) {
    const escaped = selectorAttribute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`\\[${escaped}=("(?:\\\\.|[^"\\\\])*"|'[^']*'|[^\\]]+)\\]`).exec(facts.cssPath);
    if (m) facts.testId = `${selectorAttribute}=${unquote(m[1] as string)}`;
  }
  const usable = ['name', 'text', 'id', 'cssPath', 'testId', 'nameAttr', 'placeholder'].some(
    (key) => (facts as Record<string, unknown>)[key] !== undefined,
  );
  return { facts, xpathDropped, usable };
}

const ROLE_TAG: Record<string, string> = {
  link: 'a',
  button: 'button',
  textbox: 'input',
  searchbox: 'input',
  spinbutton: 'input',
  checkbox: 'input',
  radio: 'input',
  listbox: 'select',
  combobox: 'select',
  option: 'option',
  heading: 'h2',
};

/** Completes facts into a description: a tag inferred from the role or the kind of step when no CSS told it. */
function toTarget(facts: Facts, usedForChange: boolean): TargetDescription {
  const out: Record<string, unknown> = { ...facts };
  if (out.tag === undefined) {
    const role = facts.role;
    out.tag = (role && ROLE_TAG[role]) ?? (usedForChange ? 'input' : 'button');
  }
  if (out.tag === 'input' && out.type === undefined && (facts.role === 'checkbox' || facts.role === 'radio')) out.type = facts.role;
  if (typeof out.id === 'string') out.idGenerated = isGeneratedId(out.id);
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === 'string') {
      const max = key === 'cssPath' ? 1000 : key === 'href' ? 500 : key === 'tag' || key === 'type' || key === 'role' ? 40 : 300;
      out[key] = value.slice(0, max);
    }
  }
  return out as TargetDescription;
}

// ---------------------------------------------------------------------------
// Values: dropped, and searched for as a guard

function containsValue(text: string, values: readonly string[]): boolean {
  const lower = text.toLowerCase();
  let decoded = lower;
  try {
    decoded = decodeURIComponent(lower);
  } catch {
    // keep the raw text
  }
  return values.some((v) => lower.includes(v) || decoded.includes(v) || lower.includes(encodeURIComponent(v).toLowerCase()));
}

function scrubTarget(target: TargetDescription, values: readonly string[]): TargetDescription {
  if (values.length === 0) return target;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    if (typeof value === 'string' && key !== 'tag' && containsValue(value, values)) continue;
    if (Array.isArray(value)) {
      const kept = value.filter((item) => typeof item !== 'string' || !containsValue(item, values));
      if (kept.length > 0) out[key] = kept;
      continue;
    }
    out[key] = value;
  }
  if (out.id === undefined) delete out.idGenerated;
  return out as TargetDescription;
}

function scrubPage(pattern: string, values: readonly string[]): string {
  if (!containsValue(pattern, values)) return pattern;
  return pattern
    .split('/')
    .map((segment) => (containsValue(segment, values) ? '*' : segment))
    .join('/');
}

// ---------------------------------------------------------------------------
// Dropped steps, told in the interface's language and grouped

class Dropped {
  private readonly counts = new Map<string, number>();
  private readonly texts = new Map<string, (n: number) => string>();
  add(key: string, text: (n: number) => string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.texts.set(key, text);
  }
  list(): string[] {
    return [...this.counts].map(([key, n]) => (this.texts.get(key) as (n: number) => string)(n));
  }
}

/** Recorder steps a guide has no use for, by type: what the import says about them. */
const IGNORED: Record<string, (n: number) => string> = {
  setViewport: (n) => i18n.t('editor.recordingImport.dropped.setViewport', n, [String(n)]),
  keyDown: (n) => i18n.t('editor.recordingImport.dropped.keys', n, [String(n)]),
  keyUp: (n) => i18n.t('editor.recordingImport.dropped.keys', n, [String(n)]),
  scroll: (n) => i18n.t('editor.recordingImport.dropped.scroll', n, [String(n)]),
  hover: (n) => i18n.t('editor.recordingImport.dropped.hover', n, [String(n)]),
  waitForElement: (n) => i18n.t('editor.recordingImport.dropped.waitForElement', n, [String(n)]),
  waitForExpression: (n) => i18n.t('editor.recordingImport.dropped.waitForExpression', n, [String(n)]),
  close: (n) => i18n.t('editor.recordingImport.dropped.notTaken', n, [String(n), 'close']),
  emulateNetworkConditions: (n) => i18n.t('editor.recordingImport.dropped.notTaken', n, [String(n), 'emulateNetworkConditions']),
  customStep: (n) => i18n.t('editor.recordingImport.dropped.notTaken', n, [String(n), 'customStep']),
};

// ---------------------------------------------------------------------------

interface PendingAction {
  index: number;
  type: 'click' | 'change';
  selectorsKey: string;
  facts: Facts;
  url: string | undefined;
  /** Where the page goes after this step (asserted navigation). */
  navigatesTo?: string;
}

function assertedNavigation(step: Record<string, unknown>): string | undefined {
  const events = step.assertedEvents;
  if (!Array.isArray(events)) return undefined;
  for (const event of events) {
    if (isRecord(event) && event.type === 'navigation' && typeof event.url === 'string' && event.url !== '') return event.url;
  }
  return undefined;
}

/** A recording already parsed from JSON → a draft guide, or the reasons it cannot be one. Never throws. */
export function importRecorderJson(value: unknown): RecorderImportResult {
  try {
    return importRecording(value);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message.slice(0, 120)})` : '';
    return { ok: false, problems: [problem('', i18n.t('editor.recordingImport.problem.unexpected', [detail]))] };
  }
}

/** The text of a recording file → a draft guide. */
export function importRecorderText(text: string): RecorderImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return {
      ok: false,
      problems: [problem('', i18n.t('editor.recordingImport.problem.notJson'))],
    };
  }
  return importRecorderJson(value);
}

function importRecording(value: unknown): RecorderImportResult {
  if (!isRecord(value)) {
    return {
      ok: false,
      problems: [problem('', i18n.t('editor.recordingImport.problem.notRecording'))],
    };
  }
  if (!Array.isArray(value.steps)) {
    return {
      ok: false,
      problems: [problem('steps', i18n.t('editor.recordingImport.problem.noSteps'))],
    };
  }
  const steps = value.steps as unknown[];
  const selectorAttribute = typeof value.selectorAttribute === 'string' ? value.selectorAttribute : undefined;
  const dropped = new Dropped();

  // Every recorded value, to drop and to search for. Only kept in this call.
  const values: string[] = [];
  for (const step of steps) {
    if (isRecord(step) && step.type === 'change' && typeof step.value === 'string') {
      const v = step.value.trim().toLowerCase();
      if (v.length >= 3 && !values.includes(v)) values.push(v);
    }
  }

  // First pass: actions and navigations in order, with the page each happens on.
  const sites: string[] = [];
  const items: ({ kind: 'action'; action: PendingAction } | { kind: 'navigate'; url: string; index: number })[] = [];
  let currentUrl: string | undefined;
  steps.forEach((step, index) => {
    if (!isRecord(step) || typeof step.type !== 'string') {
      dropped.add('malformed', (n) => i18n.t('editor.recordingImport.dropped.malformed', n, [String(n)]));
      return;
    }
    const type = step.type;
    if (type === 'navigate') {
      const url = typeof step.url === 'string' ? step.url : undefined;
      const site = url ? generalizeSite(url) : undefined;
      if (!url || !site) {
        dropped.add('navigate-off-web', (n) => i18n.t('editor.recordingImport.dropped.offWeb', n, [String(n)]));
        return;
      }
      if (!sites.includes(site)) sites.push(site);
      items.push({ kind: 'navigate', url, index });
      currentUrl = url;
      return;
    }
    if (type === 'click' || type === 'doubleClick' || type === 'change') {
      if (type === 'change' && 'value' in step) {
        dropped.add('values', (n) => i18n.t('editor.recordingImport.dropped.values', [String(n)]));
      }
      if (type === 'doubleClick') dropped.add('doubleClick', (n) => i18n.t('editor.recordingImport.dropped.doubleClick', [String(n)]));
      if (Array.isArray(step.frame) && step.frame.length > 0) {
        dropped.add('frame', (n) => i18n.t('editor.recordingImport.dropped.frame', [String(n)]));
      }
      const reading = readSelectors(step.selectors, selectorAttribute);
      if (reading.xpathDropped) dropped.add('xpath', (n) => i18n.t('editor.recordingImport.dropped.xpath', [String(n)]));
      if (!reading.usable) {
        dropped.add(`unusable-${type}`, (n) => i18n.t('editor.recordingImport.dropped.unusable', n, [String(n), type]));
        return;
      }
      const navigatesTo = assertedNavigation(step);
      items.push({
        kind: 'action',
        action: {
          index,
          type: type === 'change' ? 'change' : 'click',
          selectorsKey: JSON.stringify(step.selectors),
          facts: reading.facts,
          url: currentUrl,
          navigatesTo,
        },
      });
      if (navigatesTo && generalizeSite(navigatesTo)) {
        const site = generalizeSite(navigatesTo) as string;
        if (!sites.includes(site)) sites.push(site);
        currentUrl = navigatesTo;
      }
      return;
    }
    const ignored = IGNORED[type];
    if (ignored) dropped.add(type === 'keyUp' ? 'keyDown' : type, ignored);
    else dropped.add(`unknown-${type}`, (n) => i18n.t('editor.recordingImport.dropped.unknown', n, [String(n), type.slice(0, 40)]));
  });

  if (sites.length === 0) {
    return {
      ok: false,
      problems: [problem('steps', i18n.t('editor.recordingImport.problem.noSite'))],
    };
  }

  // Selectors used by a change are fields, whatever step used them.
  const fieldKeys = new Set(
    items.flatMap((item) => (item.kind === 'action' && item.action.type === 'change' ? [item.action.selectorsKey] : [])),
  );

  // Second pass: draft steps, merged the way the live recorder merges them.
  let draft: ActionStep[] = [];
  let lastHost: string | undefined;
  let sawAction = false;
  const room = LIMITS.steps - 1;
  for (const item of items) {
    if (draft.length >= room) {
      dropped.add('too-many', () => i18n.t('editor.recordingImport.dropped.tooMany', [String(room), String(LIMITS.steps)]));
      break;
    }
    if (item.kind === 'navigate') {
      const host = new URL(item.url).hostname;
      if (sawAction) {
        const pattern = scrubPage(generalizeUrl(item.url), values);
        const instruction = goToInstruction(host !== lastHost ? { site: host } : { page: pattern });
        draft = [
          ...draft,
          {
            kind: 'step',
            id: uniqueId('aller-sur-la-page', new Set(draft.map((step) => step.id))),
            action: 'go-to-page',
            donePage: pattern,
            instruction,
            sensitive: false,
          },
        ];
      }
      lastHost = host;
      continue;
    }
    const { action } = item;
    const target = scrubTarget(toTarget(action.facts, fieldKeys.has(action.selectorsKey)), values);
    const event: RecordedEvent = {
      kind: action.type === 'change' ? 'change' : 'click',
      facts: target,
      url: action.url ?? '',
    };
    const page = action.url === undefined ? null : scrubPage(generalizeUrl(action.url), values);
    const before = draft.length;
    const last = draft[draft.length - 1];
    draft = recordEvent(draft, event, { page });
    if (draft.length === before && last?.action === 'click' && action.type === 'change') {
      dropped.add('merged-click', (n) => i18n.t('editor.recordingImport.dropped.mergedClick', [String(n)]));
    }
    if (action.navigatesTo) lastHost = safeHost(action.navigatesTo) ?? lastHost;
    sawAction = true;
  }

  if (!draft.some((step) => step.action !== 'go-to-page')) {
    return {
      ok: false,
      problems: [problem('steps', i18n.t('editor.recordingImport.problem.noAction'))],
    };
  }

  const rawTitle = typeof value.title === 'string' ? value.title : '';
  const title = rawTitle.trim() !== '' && !containsValue(rawTitle, values) ? rawTitle : DEFAULT_IMPORT_TITLE;
  const built = buildDraftGuide({ title, sites, steps: draft, summary: IMPORT_SUMMARY });
  if (!built.ok) return built;
  return { ok: true, guide: built.guide, dropped: dropped.list() };
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
