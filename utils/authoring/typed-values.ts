/**
 * Recognising, in a later page's text, what the person typed earlier in the
 * same recording (a recap page shows back the name typed two pages before),
 * without keeping what they typed.
 *
 * The design: the background makes a random key when a recording starts and
 * keeps it in memory only. The recorder script in each page asks for it; when
 * a typed field is left, it sends keyed hashes of the field's value (the
 * whole value, folded, and each of its distinctive words), never the value.
 * The background keeps those hashes in memory only, gives them to the
 * recorder of each new page, and forgets key and hashes when the recording
 * stops. Nothing of it is ever written to storage. A text fact is then
 * checked by hashing its word sequences with the same key: a match means the
 * text shows something that was typed. Without the key, a hash says nothing;
 * with it, only a guess can be confirmed, and the key dies with the recording.
 *
 * The hash is a keyed 64-bit mix (two 32-bit lanes seeded by the key), not a
 * cryptographic MAC: it only has to be synchronous (scripts check facts while
 * describing a clicked element) and to say nothing without its key.
 */
import { normalizeWords } from './text';

/** The longest run of words compared: a full name, an address line. */
const MAX_GRAM = 8;
/** Words too common to say anything about a person on their own. */
const COMMON_WORDS = new Set(
  'les des une dans pour par sur avec sans aux rue avenue boulevard chemin allee impasse place route quai bis ter cedex france oui non mon mes ton vos votre nos notre madame monsieur mme the and'.split(
    ' ',
  ),
);

/** A fresh recording key: 128 random bits, as hexadecimal. */
export function newRecordingKey(): string {
  const bytes = new Uint32Array(4);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (n) => n.toString(16).padStart(8, '0')).join('');
}

function keyWords(key: string): [number, number, number, number] {
  const words = [0, 0, 0, 0].map((_, i) => Number.parseInt(key.slice(i * 8, i * 8 + 8), 16) >>> 0);
  return words as [number, number, number, number];
}

/** A keyed hash of a text: 16 hexadecimal digits. */
export function keyedHash(key: string, text: string): string {
  const [k0, k1, k2, k3] = keyWords(key);
  let h1 = 0xdeadbeef ^ k0;
  let h2 = 0x41c6ce57 ^ k1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch ^ k2, 2654435761);
    h2 = Math.imul(h2 ^ ch ^ k3, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  h1 ^= k2;
  h2 ^= k3;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Folded words of a text, digits groups joined (`06 12 34` and `061234` give the same words). */
function wordsOf(text: string): string[] {
  return normalizeWords(text.replace(/(\d)[\s.\-/]+(?=\d)/g, '$1'))
    .split(' ')
    .filter(Boolean);
}

const distinctive = (word: string) => (/^\d+$/.test(word) ? word.length >= 4 : word.length >= 3 && !COMMON_WORDS.has(word));

/**
 * The keyed hashes of a typed value: the whole value (its words), and each
 * distinctive word of it (a first name typed with the last name shows up
 * alone in « Bonjour Jeanne »). An empty or one-letter value gives none.
 */
export function typedValueHashes(key: string, value: string): string[] {
  const words = wordsOf(value);
  if (words.join('').length < 2) return [];
  const out = new Set<string>([keyedHash(key, words.join(' '))]);
  for (const word of words) if (distinctive(word)) out.add(keyedHash(key, word));
  return [...out];
}

/** Where a text shows a typed value: the spans of the original text whose words hash to a typed one. */
export type TypedMatcher = (text: string) => { start: number; end: number }[];

/** A matcher over the hashes of the values typed so far; none when there is no key or no hash. */
export function typedMatcher(key: string | null | undefined, hashes: ReadonlySet<string>): TypedMatcher {
  if (!key || hashes.size === 0) return () => [];
  return (text) => {
    // Word positions in the original text, so that a match can cut the text there.
    const words: { word: string; start: number; end: number }[] = [];
    let previous: { raw: string; start: number; end: number } | undefined;
    const tokens: { raw: string; start: number; end: number }[] = [];
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const token = { raw: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
      // Digit groups join, as in `wordsOf`: « 06 12 34 » is one word.
      if (previous && /^\d+$/.test(previous.raw) && /^\d+$/.test(token.raw) && /^[\s.\-/]+$/.test(text.slice(previous.end, token.start))) {
        previous.raw += token.raw;
        previous.end = token.end;
        continue;
      }
      tokens.push(token);
      previous = token;
    }
    for (const token of tokens) for (const word of wordsOf(token.raw)) words.push({ word, start: token.start, end: token.end });
    const out: { start: number; end: number }[] = [];
    for (let i = 0; i < words.length; i++) {
      let gram = '';
      for (let n = 0; n < MAX_GRAM && i + n < words.length; n++) {
        gram = n === 0 ? (words[i]?.word ?? '') : `${gram} ${words[i + n]?.word}`;
        if (hashes.has(keyedHash(key, gram))) out.push({ start: words[i]?.start ?? 0, end: words[i + n]?.end ?? 0 });
      }
    }
    return out;
  };
}
