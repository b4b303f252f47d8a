/**
 * What a guide's texts may not carry: characters that show nothing and that
 * French and English do not need. A text pasted from a word processor brings
 * control characters (its line break is U+000B), zero-width spaces and soft
 * hyphens; a hostile file could bring the controls that reorder text on the
 * screen (bidi embeddings, overrides and isolates), so that the bubble would
 * show words in another order than the file's reviewer read them. The schema
 * cleans every text it reads (`schema.ts`): a text made of these characters
 * alone is then empty, and told so.
 *
 * Kept: tabs and line breaks (shown as spaces), the zero-width joiner and
 * non-joiner (emoji sequences and some scripts need them).
 */

/** Controls shown as nothing but a space: C0 but tab and line breaks, DEL, C1. */
const isControl = (code: number): boolean =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);

/** Invisible characters removed: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space,
 * left-to-right and right-to-left marks, bidi embeddings and overrides, word joiner, bidi isolates, byte-order mark. */
const isInvisible = (code: number): boolean =>
  code === 0xad ||
  code === 0x61c ||
  code === 0x180e ||
  code === 0x200b ||
  code === 0x200e ||
  code === 0x200f ||
  (code >= 0x202a && code <= 0x202e) ||
  code === 0x2060 ||
  (code >= 0x2066 && code <= 0x2069) ||
  code === 0xfeff;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * `text` without the characters above: controls become spaces, invisible characters go, and half
 * of a surrogate pair (no character at all, as a file cut in the middle of one leaves) becomes « � ».
 */
export function cleanGuideText(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    const replacement = isControl(code) ? ' ' : isInvisible(code) ? '' : isHighSurrogate(code) || isLowSurrogate(code) ? '\ufffd' : null;
    if (replacement === null) continue;
    out += text.slice(from, i) + replacement;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
