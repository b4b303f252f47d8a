/**
 * `#i18n` inside the content scripts (alias in wxt.config.ts): the same `t` as @wxt-dev/i18n's
 * (`.wxt/i18n/index.ts`), for what our messages use — positional substitutions and plural forms
 * (`one | other`, `zero | one | other`) — without its named substitutions (no message of ours has
 * any: the generated types offer none), its argument checks and its warnings, which people's pages
 * would load for nothing. tests/unit/i18n/content-i18n.test.ts holds it to the original on every message.
 */
import type { createI18n } from '@wxt-dev/i18n';
import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '../../.wxt/i18n/structure';

function t(key: string, ...args: unknown[]): string {
  let subs: string[] | undefined;
  let count: number | undefined;
  for (const arg of args)
    if (typeof arg === 'number') count = arg;
    else if (Array.isArray(arg)) subs = arg.map(String);
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  const message = getMessage(key.replaceAll('.', '_'), subs ?? (count === undefined ? undefined : [String(count)]));
  if (count === undefined) return message;
  const forms = message.split(' | ');
  return (
    (forms.length === 3 ? forms[count === 0 || count === 1 ? count : 2] : forms.length === 2 ? forms[count === 1 ? 0 : 1] : message) ??
    message
  );
}

export const i18n = { t } as unknown as ReturnType<typeof createI18n<GeneratedI18nStructure>>;
