// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import { describe, expect, it } from 'vitest';
import { matchesPage } from '../../../utils/catalogue/sites';
import { type ActionStep, doneWhenOf, type Guide, parseGuideText, reachableIds, type TargetDescription } from '../../../utils/guide';
import { readGuideFile } from './fixtures';

/**
 * The practice guide describes the real DSFR 1.14.4 pages: every target fact
 * is checked against the HTML shipped in the package, so that the guide only
 * names fields and buttons that exist, with the facts they really have.
 */

const DSFR = dirname(createRequire(import.meta.url).resolve('@gouvfr/dsfr/package.json'));
const PREFIX = '/1.14.4/';

function loadGuide(): Guide {
  const result = parseGuideText(readGuideFile('dsfr-creer-un-compte.json'), 'guides/dsfr-creer-un-compte.json');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.guide;
}

const guide = loadGuide();
const steps = guide.steps.filter((item): item is ActionStep => item.kind === 'step');

/** The DSFR page of a step's page pattern, parsed without its scripts. */
function pageOf(pattern: string): Document {
  expect(pattern.startsWith(PREFIX) && pattern.endsWith('/*')).toBe(true);
  const file = join(DSFR, pattern.slice(PREFIX.length, -1), 'index.html');
  // Without scripts, styles and images: only the markup is checked, and nothing is fetched.
  const html = readFileSync(file, 'utf8')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<link[^>]*>/g, '')
    .replace(/<img[^>]*>/g, '');
  return new DOMParser().parseFromString(html, 'text/html');
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Label text without its hint, as the target description keeps it. */
function labelText(element: Element): string | undefined {
  const label = (element as HTMLInputElement).labels?.[0];
  if (!label) return undefined;
  const copy = label.cloneNode(true) as HTMLElement;
  for (const hint of copy.querySelectorAll('.fr-hint-text')) hint.remove();
  return clean(copy.textContent);
}

/** Nearest legend of an enclosing fieldset (for a fieldset, of the one around it). */
function contextOf(element: Element): string | undefined {
  const start = element.localName === 'fieldset' ? element.parentElement : element;
  const fieldset = start?.closest('fieldset');
  return fieldset ? clean(fieldset.querySelector(':scope > legend')?.textContent) : undefined;
}

/** Elements of the page that have the facts of the description that tell elements apart by content. */
function lookalikes(doc: Document, target: TargetDescription): Element[] {
  return [...doc.querySelectorAll('main *')].filter(
    (el) =>
      el.localName === target.tag &&
      (target.type === undefined || el.getAttribute('type') === target.type) &&
      (target.nameAttr === undefined || el.getAttribute('name') === target.nameAttr) &&
      (target.label === undefined || labelText(el) === target.label) &&
      (target.text === undefined || clean(el.textContent) === target.text) &&
      (target.context === undefined || contextOf(el) === target.context) &&
      (target.name === undefined || clean(computeAccessibleName(el)) === target.name),
  );
}

/** The look-alikes that also have the id and CSS path written. */
function candidates(doc: Document, target: TargetDescription): Element[] {
  return lookalikes(doc, target).filter(
    (el) => (target.cssPath === undefined || el.matches(target.cssPath)) && (target.id === undefined || el.id === target.id),
  );
}

describe('guides/dsfr-creer-un-compte.json', () => {
  it('runs on the local practice server only, and is verified against DSFR 1.14.4', () => {
    expect(guide.sites).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
    expect(guide.status).toEqual({ state: 'verified', against: expect.stringContaining('DSFR 1.14.4'), on: '2026-11-23' });
  });

  it('walks the account-creation pages in order, each step on a page the practice server chains to', () => {
    const pages = [...new Set(steps.map((step) => step.page))];
    expect(pages).toEqual([
      '/1.14.4/example/layout/page/register/2-steps/2a-login/*',
      '/1.14.4/example/layout/page/register/2-steps/2b-identity/*',
      '/1.14.4/example/layout/page/register/2-steps/2c-address/*',
      '/1.14.4/example/layout/page/register/3-confirmation/3a-create/*',
    ]);
    // Each "Valider" ends when the next page of the flow is reached.
    const submits = steps.filter((step) => step.target?.type === 'submit');
    expect(submits.map((step) => step.donePage)).toEqual(pages.slice(1));
    for (const step of submits) expect(doneWhenOf(step)).toBe('page');
    const url = new URL('http://127.0.0.1:8643/1.14.4/example/layout/page/register/2-steps/2b-identity/index.html');
    expect(matchesPage(submits[0]?.donePage as string, url)).toBe(true);
  });

  it('asks whether the person already has an account, and the yes branch ends at once', () => {
    const question = guide.steps[0];
    expect(question?.kind).toBe('question');
    if (question?.kind !== 'question') return;
    const ends = question.choices.map((choice) => guide.steps.find((item) => item.id === choice.next)?.kind);
    expect(ends).toContain('end');
    expect(ends).toContain('step');
    expect(reachableIds(guide).size).toBe(guide.steps.length);
  });

  it('marks the password step sensitive, and it alone', () => {
    const sensitive = steps.filter((step) => step.sensitive).map((step) => step.target?.type);
    expect(sensitive).toEqual(['password']);
    expect(guide.prepare.some((item) => item.sensitive)).toBe(true);
  });

  it.each(steps.filter((step) => step.target).map((step) => [step.id, step] as const))(
    'the target of « %s » exists on its page with exactly the facts written',
    (_id, step) => {
      const target = step.target as TargetDescription;
      const doc = pageOf(step.page as string);
      const found = candidates(doc, target);
      expect(found).toHaveLength(1);
      const element = found[0] as HTMLElement;
      if (target.role !== undefined) expect(getRole(element)).toBe(target.role);
      else expect(getRole(element) ?? undefined).toBeUndefined();
      if (target.name !== undefined) expect(clean(computeAccessibleName(element))).toBe(target.name);
      if (target.label !== undefined) expect(labelText(element)).toBe(target.label);
      if (target.autocomplete !== undefined) expect(element.getAttribute('autocomplete')).toBe(target.autocomplete);
      for (const name of target.classes ?? []) expect(element.classList.contains(name)).toBe(true);
      if (target.idGenerated) expect(target.id).toMatch(/-\d{3,}(-[a-z]+)?$/);
      if (target.cssPath !== undefined) expect(doc.querySelectorAll(target.cssPath)).toHaveLength(1);
      // Identical-looking elements are told apart by their position among them, and only then.
      const twins = lookalikes(doc, target);
      if (target.twin) {
        expect(twins).toHaveLength(target.twin.count);
        expect(twins[target.twin.index]).toBe(element);
      } else {
        expect(twins).toEqual([element]);
      }
    },
  );

  it('writes instructions as short sentences', () => {
    for (const step of steps) {
      for (const sentence of step.instruction.split(/(?<=[.!?])\s+/)) expect(sentence.split(/\s+/).length).toBeLessThanOrEqual(16);
    }
  });
});
