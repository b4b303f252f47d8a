/**
 * Small text helpers shared by the authoring modules: folding for
 * accent- and case-insensitive matching, word normalisation of technical
 * names, slugs and unique ids, and French quotes.
 */

/** French opening and closing quotes, each with its non-breaking space. */
export const OPEN_QUOTE = '«\u00a0';
export const CLOSE_QUOTE = '\u00a0»';

/** `« texte »` with non-breaking spaces, so that a quote mark never sits alone at a line start. */
export function frQuote(text: string): string {
  return `${OPEN_QUOTE}${text}${CLOSE_QUOTE}`;
}

/**
 * Lower case, accents removed, typographic apostrophes and spaces made plain,
 * one UTF-16 unit for one: offsets in the folded text are offsets in the
 * original, so that advice can point at the original words.
 */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += ch.toLowerCase();
    } else if (code === 0x2019 || code === 0x2018 || code === 0x02bc) {
      out += "'";
    } else if (code === 0x00a0 || code === 0x202f || code === 0x2009) {
      out += ' ';
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += ch;
    } else {
      const base = ch.normalize('NFD').charAt(0).toLowerCase();
      out += base.length === 1 ? base : ch;
    }
  }
  return out;
}

/**
 * Words of a label or a technical name, folded and space-separated:
 * `numeroFiscal`, `numero_fiscal` and « Numéro fiscal » all give `numero fiscal`.
 */
export function normalizeWords(text: string): string {
  return fold(text.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A step or guide id from a text: `Nom de famille` → `nom-de-famille`. */
export function slugify(text: string, max = 40): string {
  const slug = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash >= max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/**
 * `base` if it is free, else `base-2`, `base-3`… The base is shortened when
 * needed so that the result stays within `max` characters.
 */
export function uniqueId(base: string, taken: ReadonlySet<string>, max = 80): string {
  const start = base.slice(0, max).replace(/-+$/, '') || 'etape';
  if (!taken.has(start)) return start;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${start.slice(0, max - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Cuts a text at a word boundary, with `…` when it was cut. */
export function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
