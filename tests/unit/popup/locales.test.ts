import { describe, expect, it } from 'vitest';
import { messagesOf } from './harness';

/** The popup's and side panel's messages exist in French and in English alike, with the same `$n` parameters. */
describe('popup and side panel messages', () => {
  it('have the same keys and parameters in fr.yml and en.yml', async () => {
    const [fr, en] = await Promise.all([messagesOf('fr'), messagesOf('en')]);
    const ours = (messages: Record<string, { message: string }>) =>
      Object.fromEntries(
        Object.entries(messages)
          .filter(([key]) => key.startsWith('popup_') || key.startsWith('sidepanel_'))
          .map(([key, { message }]) => [key, [...message.matchAll(/\$\d/g)].map((m) => m[0]).sort()]),
      );
    expect(Object.keys(ours(fr)).length).toBeGreaterThan(50);
    expect(ours(en)).toEqual(ours(fr));
    for (const [key, { message }] of Object.entries(en)) if (key in ours(fr)) expect(message.trim(), key).not.toBe('');
  });
});
