import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { expect, it } from 'vitest';

it('fr.yml and en.yml have the same keys, with the same positional parameters', async () => {
  const [fr, en] = await Promise.all(['fr', 'en'].map((l) => parseMessagesFile(`locales/${l}.yml`)));
  const shape = (messages: typeof fr) => Object.fromEntries(messages!.map((m) => [m.key.join('.'), m.substitutions]));
  expect(shape(en)).toEqual(shape(fr));
  expect(Object.keys(shape(fr)).filter((k) => k.startsWith('overlay.')).length).toBeGreaterThan(20);
});
