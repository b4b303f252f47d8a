/**
 * `i18n.t` in unit tests: `browser.i18n.getMessage` answers from
 * `locales/<lang>.yml`, with Chrome's `$1` substitutions, as the browser would.
 * An unknown key throws, so that a typo fails its test.
 */
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string }>;
const cache = new Map<string, Promise<Messages>>();

function messagesOf(lang: 'fr' | 'en'): Promise<Messages> {
  let messages = cache.get(lang);
  if (!messages) {
    messages = parseMessagesFile(resolve(__dirname, `../../../locales/${lang}.yml`)).then(
      (parsed) => generateChromeMessages(parsed) as Messages,
    );
    cache.set(lang, messages);
  }
  return messages;
}

/** From now on (until mocks are restored), `i18n.t` speaks `lang`. */
export async function useLocale(lang: 'fr' | 'en' = 'fr'): Promise<void> {
  const messages = await messagesOf(lang);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string, substitutions?: string | (string | number)[]) => {
    const message = messages[name]?.message;
    if (message === undefined) throw new Error(`no message "${name}" in locales/${lang}.yml`);
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
  });
}
