import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GuideList } from '../../../components/shared/GuideList';
import type { GuideSummary } from '../../../utils/catalogue';
import { stepIdSchema } from '../../../utils/guide/schema';
import type { Run } from '../../../utils/run';
import { installFrench, mount, unmount } from '../popup/harness';

const summary = (id: string): GuideSummary => ({
  id,
  title: `Guide ${id}`,
  summary: 'Un guide.',
  durationMinutes: 5,
  lang: 'fr',
  verified: false,
  own: { origin: 'recorded', savedAt: '2026-12-05T10:00:00.000Z' },
  sources: [],
});

describe('a guide id is never read through Object.prototype', () => {
  let container: HTMLElement | undefined;
  beforeEach(installFrench);
  afterEach(async () => {
    if (container) await unmount(container);
  });

  it('ids like constructor, toString and hasOwnProperty are valid and can be started, not resumed', async () => {
    const ids = ['constructor', 'tostring', 'hasownproperty', 'valueof', 'isprototypeof'];
    for (const id of ids) expect(stepIdSchema.safeParse(id).success, id).toBe(true);
    // `__proto__` and camel-case names are refused by the id schema (lower-case slugs only).
    expect(stepIdSchema.safeParse('__proto__').success).toBe(false);
    expect(stepIdSchema.safeParse('toString').success).toBe(false);

    // The paused runs arrive as a plain object (structured clone), with Object.prototype.
    const paused: Record<string, Run> = {};
    container = await mount(
      <GuideList
        guides={['constructor', 'essai'].map(summary)}
        empty=""
        paused={paused}
        onStart={() => {}}
        onResume={() => {}}
        onRestart={() => {}}
      />,
    );
    for (const id of ['constructor', 'essai']) {
      const item = container.querySelector(`[data-guide-id="${id}"]`) as HTMLElement;
      expect(item.querySelector('button.resume'), id).toBeNull();
      expect(item.querySelectorAll('button').length, id).toBeGreaterThan(0);
    }
  });
});
