// The extension's own texts, read from its locale files, to compare with what the browser shows.
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import type { Page } from 'puppeteer-core';
import { WAIT_MS } from './browsers';
import { ROOT } from './paths';

/** A message by key, with Chrome's `$1` substitutions and, given a `count`, @wxt-dev/i18n's plural forms (`a | b`). */
export type Translate = (key: string, substitutions?: string[], count?: number) => string;

/** The messages of `locales/<lang>.yml` (the browsers' UI is English here: no French locale pack). */
export async function messages(lang: string): Promise<Translate> {
  const file = resolve(ROOT, `locales/${lang}.yml`);
  const all = generateChromeMessages(await parseMessagesFile(file)) as Record<string, { message: string }>;
  return (key, substitutions = [], count) => {
    const message = all[key.replaceAll('.', '_')]?.message;
    if (message === undefined) throw new Error(`pas de message ${key} dans ${lang}.yml`);
    const text = message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    if (count === undefined) return text;
    const forms = text.split(' | ');
    return (forms.length === 3 ? forms[Math.min(count, 2)] : forms.length === 2 ? forms[count === 1 ? 0 : 1] : forms[0]) ?? text;
  };
}

/** The messages in the language an extension page shows, once it has set one (French or English). */
export async function messagesOf(page: Page): Promise<Translate> {
  const lang = await page.waitForFunction(() => document.documentElement.lang || null, { timeout: WAIT_MS }).then((h) => h.jsonValue());
  return messages(lang === 'fr' ? 'fr' : 'en');
}
