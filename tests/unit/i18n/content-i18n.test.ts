/**
 * The content scripts' `i18n.t` (components/page/i18n.ts, put in place of @wxt-dev/i18n's by the
 * build) says exactly what the original says, on every message of both locales: without
 * substitutions, with them, and with every count a plural form depends on.
 */
import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n as original } from '#i18n';
import { i18n as content } from '../../../components/page/i18n';
import { useLocale } from './locale';

type Translate = (key: string, ...args: unknown[]) => string;

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(['fr', 'en'] as const)('%s', (lang) => {
  it('gives the same text as @wxt-dev/i18n for every message, substitution and count', async () => {
    await useLocale(lang);
    const messages = await parseMessagesFile(resolve(__dirname, `../../../locales/${lang}.yml`));
    let plurals = 0;
    // The browser's own messages (`@@ui_locale`…) are not in the locale files.
    for (const m of messages.filter((m) => m.type !== 'chrome')) {
      const key = m.key.join('.');
      const subs = Array.from({ length: m.substitutions }, (_, i) => `«${i + 1}»`);
      const argsList: unknown[][] = m.type === 'plural' ? [0, 1, 2, 7].flatMap((n) => [[n], [n, subs]]) : [[], [subs]];
      if (m.type === 'plural') plurals++;
      for (const args of argsList) {
        const expected = (original.t as Translate)(key, ...args);
        expect((content.t as Translate)(key, ...args), `${key} ${JSON.stringify(args)}`).toBe(expected);
      }
    }
    // The locales do have plural forms: the comparison covers them.
    expect(plurals).toBeGreaterThan(0);
  });
});
