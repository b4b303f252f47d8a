import { describe, expect, it } from 'vitest';
import { messagesOf } from '../popup/harness';

/** The editor's messages exist in French and in English alike, with the same `$n` parameters. */
describe('editor messages', () => {
  it('have the same keys and parameters in fr.yml and en.yml', async () => {
    const [fr, en] = await Promise.all([messagesOf('fr'), messagesOf('en')]);
    const ours = (messages: Record<string, { message: string }>) =>
      Object.fromEntries(
        Object.entries(messages)
          .filter(([key]) => key.startsWith('editor_'))
          .map(([key, { message }]) => [key, [...message.matchAll(/\$\d/g)].map((m) => m[0]).sort()]),
      );
    expect(Object.keys(ours(fr)).length).toBeGreaterThan(200);
    expect(ours(en)).toEqual(ours(fr));
    for (const [key, { message }] of Object.entries(en)) if (key in ours(fr)) expect(message.trim(), key).not.toBe('');
  });

  it('have three plural forms wherever French has them', async () => {
    const fr = await messagesOf('fr');
    const en = await messagesOf('en');
    for (const key of ['editor_problems_title', 'editor_import_stepCount', 'editor_item_problems', 'editor_advice_title']) {
      expect(fr[key]?.message.split(' | ')).toHaveLength(3);
      expect(en[key]?.message.split(' | ')).toHaveLength(3);
    }
  });
});
