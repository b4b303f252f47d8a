import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanGuideText } from '../../../utils/guide/clean-text';

/** Every character the cleaning removes, by name. */
const REMOVED: Record<string, string> = {
  'soft hyphen': '\u00ad',
  'Arabic letter mark': '\u061c',
  'Mongolian vowel separator': '\u180e',
  'zero-width space': '\u200b',
  'left-to-right mark': '\u200e',
  'right-to-left mark': '\u200f',
  'left-to-right embedding': '\u202a',
  'right-to-left embedding': '\u202b',
  'pop directional formatting': '\u202c',
  'left-to-right override': '\u202d',
  'right-to-left override': '\u202e',
  'word joiner': '\u2060',
  'left-to-right isolate': '\u2066',
  'right-to-left isolate': '\u2067',
  'first strong isolate': '\u2068',
  'pop directional isolate': '\u2069',
  'byte-order mark': '\ufeff',
};

/** A control character that becomes a space: C0 (but tab and line breaks), DEL, C1. */
const control = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }))
  .filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d)
  .map((code) => String.fromCharCode(code));

/** Whether a text still holds something the cleaning takes out. */
const unclean = (text: string) =>
  [...text].some((ch) => {
    const code = ch.charCodeAt(0);
    const control = (code < 0x20 && !'\t\n\r'.includes(ch)) || (code >= 0x7f && code <= 0x9f);
    const lone = ch.length === 1 && code >= 0xd800 && code <= 0xdfff;
    return control || lone || Object.values(REMOVED).includes(ch);
  });

describe('cleanGuideText', () => {
  it('leaves a French text as it is: accents, quotes with non-breaking spaces, apostrophes, emoji, line breaks', () => {
    const text = 'Écrivez « votre numéro fiscal » : c’est l’identifiant.\u202fOK\u00a0!\n\tÀ bientôt 👩‍💻 👍🏽 🇫🇷';
    expect(cleanGuideText(text)).toBe(text);
  });

  it.each(Object.entries(REMOVED))('removes the %s', (_name, ch) => {
    expect(cleanGuideText(`Cliquez${ch} sur${ch}${ch} « Valider »${ch}`)).toBe('Cliquez sur « Valider »');
  });

  it('puts a space for each control character: a line break pasted from a word processor (U+000B), NUL, DEL, C1', () => {
    expect(cleanGuideText('Étape\u000bsuivante')).toBe('Étape suivante');
    expect(cleanGuideText('a\u0000b\u007fc\u0085d\u009fe')).toBe('a b c d e');
  });

  it('shows a half surrogate pair as « � », and keeps whole pairs', () => {
    expect(cleanGuideText('a\ud800b')).toBe('a\ufffdb');
    expect(cleanGuideText('a\udc00')).toBe('a\ufffd');
    expect(cleanGuideText('\ud83d')).toBe('\ufffd');
    expect(cleanGuideText('\ud83d\ude00\udc00\ud83d')).toBe('\ud83d\ude00\ufffd\ufffd');
  });

  it('shows the words of a right-to-left override in the file’s order', () => {
    // Displayed as « Cliquez sur confirmer » by the override; the file holds the letters reversed.
    expect(cleanGuideText('Cliquez sur \u202eremrifnoc\u202c')).toBe('Cliquez sur remrifnoc');
  });

  it('property: the result holds none of these characters, and cleaning it again changes nothing', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...Object.values(REMOVED)),
      control,
      fc.constantFrom('\ud800', '\udfff', '\ud83d\ude00', '\t', '\n'),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const cleaned = cleanGuideText(parts.join(''));
        expect(unclean(cleaned)).toBe(false);
        expect(cleanGuideText(cleaned)).toBe(cleaned);
      }),
    );
  });

  it('property: a text without them is returned unchanged, the very same string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((text) => !unclean(text)),
        (text) => {
          expect(cleanGuideText(text)).toBe(text);
        },
      ),
    );
  });
});
