import { describe, expect, it } from 'vitest';
import { messagesOf } from '../popup/harness';

/** The recorder's messages exist in French and in English alike, with the same `$n` parameters and plural forms. */
describe('recorder messages', () => {
  it('have the same keys, parameters and plural forms in fr.yml and en.yml', async () => {
    const [fr, en] = await Promise.all([messagesOf('fr'), messagesOf('en')]);
    const ours = (messages: Record<string, { message: string }>) =>
      Object.fromEntries(
        Object.entries(messages)
          .filter(([key]) => key.startsWith('recorder_'))
          .map(([key, { message }]) => [
            key,
            { params: [...message.matchAll(/\$\d/g)].map((m) => m[0]).sort(), forms: message.split(' | ').length },
          ]),
      );
    expect(Object.keys(ours(fr)).length).toBeGreaterThan(15);
    expect(ours(en)).toEqual(ours(fr));
    expect(ours(fr).recorder_bar_steps?.forms).toBe(3);
    for (const [key, { message }] of Object.entries(en)) if (key.startsWith('recorder_')) expect(message.trim(), key).not.toBe('');
  });
});
