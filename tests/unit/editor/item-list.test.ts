import { describe, expect, it } from 'vitest';
import {
  dropDestination,
  dropSide,
  exportDecision,
  fieldDomId,
  fromGuide,
  initiallyOpen,
  moveControlAfter,
  moveDestination,
  neighbourAfterRemove,
  OPEN_ALL_UP_TO,
  problemPlace,
  problemsPerItem,
  toggled,
} from '../../../utils/editor';
import { MAX_GUIDE_BYTES } from '../../../utils/guide/parse';
import { LIMITS } from '../../../utils/guide/schema';
import { sampleGuide } from './fixtures';

const problem = (path: string) => ({ path, message: `problème (${path})` });

describe('the item list', () => {
  it('opens every item of a short list, none of a long one', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
    expect([...initiallyOpen(keys(OPEN_ALL_UP_TO))]).toEqual(keys(OPEN_ALL_UP_TO));
    expect(initiallyOpen(keys(OPEN_ALL_UP_TO + 1)).size).toBe(0);
  });

  it('toggles an item without changing the set it was given', () => {
    const open = new Set(['a']);
    expect([...toggled(open, 'b')]).toEqual(['a', 'b']);
    expect([...toggled(open, 'a')]).toEqual([]);
    expect([...open]).toEqual(['a']);
  });

  it('moves up and down within the list, not past its ends', () => {
    expect(moveDestination('up', 2, 4)).toBe(1);
    expect(moveDestination('down', 2, 4)).toBe(3);
    expect(moveDestination('up', 0, 4)).toBeNull();
    expect(moveDestination('down', 3, 4)).toBeNull();
  });

  it('keeps the focus on the button used, unless the item reached that end', () => {
    expect(moveControlAfter('up', 1, 4)).toBe('up');
    expect(moveControlAfter('up', 0, 4)).toBe('down');
    expect(moveControlAfter('down', 2, 4)).toBe('down');
    expect(moveControlAfter('down', 3, 4)).toBe('up');
  });

  it('gives the focus to the next item after a deletion, else the one before, else none', () => {
    expect(neighbourAfterRemove(['a', 'b', 'c'], 1)).toBe('c');
    expect(neighbourAfterRemove(['a', 'b', 'c'], 2)).toBe('b');
    expect(neighbourAfterRemove(['a'], 0)).toBeUndefined();
  });

  it('drops before an item over its top half, after it over its bottom half', () => {
    expect(dropSide(100, 100, 40)).toBe('before');
    expect(dropSide(119, 100, 40)).toBe('before');
    expect(dropSide(120, 100, 40)).toBe('after');
  });

  it('lands a dropped item where the pointer shows, and not at all on its own place', () => {
    // Dragged down: its own place frees up, so « after item 2 » is index 2.
    expect(dropDestination(0, 2, 'after')).toBe(2);
    expect(dropDestination(0, 2, 'before')).toBe(1);
    expect(dropDestination(3, 1, 'before')).toBe(1);
    expect(dropDestination(3, 1, 'after')).toBe(2);
    expect(dropDestination(1, 1, 'before')).toBeNull();
    expect(dropDestination(1, 1, 'after')).toBeNull();
    expect(dropDestination(1, 0, 'after')).toBeNull();
  });
});

describe('problems in the list', () => {
  it('counts the problems of each item, whatever field they are in', () => {
    const counts = problemsPerItem([
      problem('steps[0].instruction'),
      problem('steps[0].target.name'),
      problem('steps[2]'),
      problem('title'),
      problem('steps'),
    ]);
    expect([...counts]).toEqual([
      [0, 2],
      [2, 1],
    ]);
  });

  it('goes to a field, to a list’s title, and says which item must be open', () => {
    expect(problemPlace('title')).toEqual({ selector: `#${fieldDomId('title')}` });
    expect(problemPlace('steps')).toEqual({ selector: '#steps-title' });
    expect(problemPlace('sites')).toEqual({ selector: '#sites-title' });
    expect(problemPlace('prepare')).toEqual({ selector: '#prepare-title' });
    expect(problemPlace('steps[3].instruction')).toEqual({ selector: '#f-steps-3-instruction', item: 3 });
  });
});

describe('exportDecision', () => {
  const copy = () => fromGuide(structuredClone(sampleGuide), { doc: 'd', origin: 'edited' });

  it('writes a valid guide as its file', () => {
    const decision = exportDecision(copy().guide);
    expect(decision).toMatchObject({ kind: 'file', fileName: 'creer-mon-compte.json' });
    expect(decision.kind === 'file' && JSON.parse(decision.text).id).toBe('creer-mon-compte');
  });

  it('refuses a guide with problems, and says whether it claims to be verified', () => {
    const guide = { ...copy().guide, title: '' };
    expect(exportDecision(guide)).toEqual({ kind: 'problems', count: 1, verified: true });
    expect(exportDecision({ ...guide, status: { state: 'draft' } })).toEqual({ kind: 'problems', count: 1, verified: false });
  });

  it('refuses a file too large to import, counted in bytes, not in characters', () => {
    // « € » is one character and three bytes: 200 steps of long texts are under a million characters, over a megabyte.
    const euros = (n: number) => '€'.repeat(n);
    const steps = Array.from({ length: LIMITS.steps - 1 }, (_, i) => ({
      kind: 'step' as const,
      id: `lire-${i}`,
      action: 'read' as const,
      sensitive: false,
      page: `/${euros(498)}`,
      instruction: euros(LIMITS.instruction),
      why: euros(LIMITS.why),
      advisorTip: euros(LIMITS.advisorTip),
    }));
    const guide = { ...copy().guide, steps: [...steps, { kind: 'end' as const, id: 'fin' }] };
    const text = JSON.stringify(guide, null, 2);
    expect(text.length).toBeLessThan(MAX_GUIDE_BYTES);
    expect(exportDecision(guide).kind).toBe('too-big');
    // The same guide with shorter pages fits.
    const smaller = { ...guide, steps: guide.steps.map((item) => ('page' in item ? { ...item, page: '/' } : item)) };
    expect(exportDecision(smaller).kind).toBe('file');
  });
});
