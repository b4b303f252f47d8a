import { describe, expect, it } from 'vitest';
import { doneWhenOf, type Guide, itemIndex, nextItemId, parseGuide, reachableIds, successorIds } from '../../../utils/guide';
import { validGuide } from './fixtures';

function guide(): Guide {
  const result = parseGuide(validGuide());
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.guide;
}

describe('graph helpers', () => {
  it('itemIndex finds items by id, -1 otherwise', () => {
    const g = guide();
    expect(itemIndex(g, 'compte')).toBe(0);
    expect(itemIndex(g, 'fin-connexion')).toBe(4);
    expect(itemIndex(g, 'absent')).toBe(-1);
  });

  it('nextItemId: explicit next, else the following item; nothing for questions, ends and the unknown', () => {
    const g = guide();
    expect(nextItemId(g, 'email')).toBe('valider');
    expect(nextItemId(g, 'valider')).toBe('fin');
    const withNext = { ...g, steps: g.steps.map((item) => (item.id === 'email' ? { ...item, next: 'fin' } : item)) };
    expect(nextItemId(withNext, 'email')).toBe('fin');
    expect(nextItemId(g, 'compte')).toBeUndefined();
    expect(nextItemId(g, 'fin')).toBeUndefined();
    expect(nextItemId(g, 'absent')).toBeUndefined();
  });

  it('successorIds follows each choice of a question, once each', () => {
    const g = guide();
    expect(successorIds(g, 'compte')).toEqual(['fin-connexion', 'email']);
    expect(successorIds(g, 'fin')).toEqual([]);
  });

  it('reachableIds walks every branch from the first item', () => {
    expect([...reachableIds(guide())].sort()).toEqual(['compte', 'email', 'fin', 'fin-connexion', 'valider']);
  });

  it('doneWhenOf applies the documented defaults', () => {
    const target = { tag: 'button' };
    expect(doneWhenOf({ action: 'click', target })).toBe('action');
    expect(doneWhenOf({ action: 'read' })).toBe('manual');
    expect(doneWhenOf({ action: 'read', target })).toBe('manual');
    expect(doneWhenOf({ action: 'go-to-page' })).toBe('page');
    expect(doneWhenOf({ action: 'click', target, doneWhen: 'page' })).toBe('page');
    expect(doneWhenOf({ action: 'click' })).toBe('manual');
  });
});
