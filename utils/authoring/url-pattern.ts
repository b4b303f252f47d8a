/**
 * From a page address seen while recording to the patterns a guide stores:
 * the page pattern and the site match pattern (`https://www.impots.gouv.fr/*`).
 * Examples are in the tests (`tests/unit/authoring/url-pattern.test.ts`).
 *
 * A recorded address may carry what belongs to one person: a file number, a
 * token, a date, an e-mail. None of it is kept. The rules, in order:
 * - the fragment (`#…`) is dropped: it never changes the page, and guides refuse it;
 * - matrix parameters (`;jsessionid=…`) become `*`;
 * - a path segment that is, or a part of a segment (between `-`, `_`, `.`, `~`, `,`)
 *   that is a number of 3 digits or more, a date, a uuid, a long hexadecimal or
 *   base64-like token, or contains `@` becomes `*` (`/dossier/123456/pieces` keeps
 *   `/dossier/`, a star, then `/pieces`); 1- or 2-digit numbers stay
 *   (`/etape/2`, versions such as `/1.14.4/`), because they name a step, not a person;
 * - query values are dropped, and so are their keys, except a few routing keys
 *   (`step`, `etape`, `tab`, `onglet`, `mode`, `vue`, `view`, `section`, `action`, `page`)
 *   whose value is a short word or a 1- or 2-digit number: `?token=abc&step=2` → `?*step=2*`.
 *   A page pattern without `?` ignores the query (see `matchesPage`), so a page
 *   whose only query is a token or an id gets no query part at all.
 * Limit: `*` also matches `/`, and `?*step=2*` also matches `step=20`; the trainer
 * can tighten a pattern in the editor.
 */

import { LIMITS } from '../guide/limits';

const MAX_PAGE_PATTERN = 500;

/** Keys that route between screens of the same page rather than identify someone. */
const ROUTING_KEYS = new Set(['step', 'etape', 'tab', 'onglet', 'mode', 'vue', 'view', 'section', 'action', 'page']);
const ROUTING_VALUE = /^(?:[a-z][a-z_-]{0,23}|\d{1,2})$/i;

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const DATE = /^(?:\d{4}[-_.]?\d{2}[-_.]?\d{2}|\d{2}[-_.]\d{2}[-_.]\d{4})(?:t[\d:.]+z?)?$/i;
/** A date inside a segment, before it is split on its separators. */
const DATE_IN_SEGMENT = /(?<![0-9])(?:\d{4}-\d{2}-\d{2}|\d{2}[-.]\d{2}[-.]\d{4}|\d{4}\.\d{2}\.\d{2})(?![0-9])/g;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether a piece of a path looks like an identifier of a person, a file or a session. */
export function isVolatileToken(raw: string): boolean {
  const token = safeDecode(raw);
  if (token === '') return false;
  if (token.includes('@')) return true;
  if (/^\d{3,}$/.test(token)) return true;
  if (UUID.test(token) || DATE.test(token)) return true;
  // Hexadecimal hashes and object ids (`5f2c9e1b`, `a3f9…`): 8+ characters with a digit.
  if (token.length >= 8 && /^[0-9a-f]+$/i.test(token) && /\d/.test(token)) return true;
  const digits = token.match(/\d/g)?.length ?? 0;
  const letters = token.match(/[a-z]/gi)?.length ?? 0;
  // Mixed letters and digits, the way generated references look (`ab12cd34`, `x7k9p2`).
  if (token.length >= 6 && /^[A-Za-z0-9]+$/.test(token) && digits >= 2 && letters >= 1) return true;
  // base64 / base64url tokens (`eyJhbGciOi…`): long, with digits, `+ / =`, or case flipping
  // too often for a CamelCase page name (`ConsultationDossier`).
  if (token.length >= 16 && /^[A-Za-z0-9+/_=-]+$/.test(token)) {
    const flips = token.match(/[a-z][A-Z]/g)?.length ?? 0;
    if (digits > 0 || /[+/=]/.test(token) || flips >= 4) return true;
  }
  return false;
}

/** One path segment with its personal parts replaced by `*`. */
function generalizeSegment(segment: string): string {
  if (segment === '') return '';
  // `;jsessionid=…` and other matrix parameters: session data, never a page name.
  const semicolon = segment.indexOf(';');
  const core = semicolon >= 0 ? segment.slice(0, semicolon) : segment;
  const tail = semicolon >= 0 ? '*' : '';
  if (core === '') return tail || '*';
  if (isVolatileToken(core)) return '*';
  const dated = core.replace(DATE_IN_SEGMENT, '*');
  const parts = dated.split(/([-_.~,+])/);
  const out = parts.map((part, index) => (index % 2 === 1 || part === '*' ? part : isVolatileToken(part) ? '*' : part)).join('');
  return out.replace(/\*(?:[-_.~,+]?\*)+/g, '*') + tail;
}

/** The index of the `n`-th `*` of a pattern (stars already collapsed). */
function nthStar(pattern: string, n: number): number {
  let index = -1;
  for (let seen = 0; seen < n; seen++) index = pattern.indexOf('*', index + 1);
  return index;
}

function toUrl(url: string | URL): URL | undefined {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    try {
      // A path alone (`/dossier/123`) is read against a placeholder origin.
      return url.startsWith('/') ? new URL(url, 'https://page.invalid') : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The query parameters that say which page or step this is (`step=2`), as `key=value`. */
function routingParams(parsed: URL): string[] {
  const routing: string[] = [];
  for (const [key, value] of parsed.searchParams) {
    if (ROUTING_KEYS.has(key.toLowerCase()) && ROUTING_VALUE.test(value) && !isVolatileToken(value)) {
      routing.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    }
  }
  return routing;
}

/**
 * A page address with only what the patterns are made from: the origin, the
 * path and the routing parameters. The rest of the query and the fragment go:
 * a form sent with GET leaves what the person typed there
 * (`?identifiant=…&motdepasse=…`), and the recorder must not carry it.
 * `generalizeUrl` and `generalizeSite` give the same result on it as on the
 * full address. An address that cannot be read gives `''`.
 */
export function scrubUrl(url: string | URL): string {
  const parsed = toUrl(url);
  if (!parsed || parsed.origin === 'null' || parsed.hostname === 'page.invalid') return '';
  const routing = routingParams(parsed);
  return `${parsed.origin}${parsed.pathname}${routing.length > 0 ? `?${routing.join('&')}` : ''}`;
}

/**
 * The page pattern of a recorded address, for a guide step's `page`:
 * `https://x.fr/dossier/123456/pieces?token=abc&step=2#haut` gives `/dossier/`, a star,
 * `/pieces?*step=2*`.
 * An address that cannot be read gives `/*` (any page of the guide's sites).
 */
export function generalizeUrl(url: string | URL): string {
  const parsed = toUrl(url);
  if (!parsed) return '/*';
  const path = parsed.pathname.replace(/^\/{2,}/, '/');
  const segments = path.split('/').map(generalizeSegment);
  let pattern = segments.join('/');
  if (!pattern.startsWith('/')) pattern = `/${pattern}`;
  // Spaces and `#` are refused in page patterns; the browser encodes them, this is a last guard.
  pattern = pattern.replace(/\s/g, '%20').replace(/#/g, '%23');

  const routing = routingParams(parsed);
  if (routing.length > 0) pattern += `?*${routing.join('*')}*`;

  if (pattern.length > MAX_PAGE_PATTERN) {
    const cut = pattern.slice(0, MAX_PAGE_PATTERN - 1);
    pattern = cut.endsWith('*') ? cut : `${cut}*`;
  }
  // Guides refuse more wildcards than that: everything after the last one allowed is covered by it.
  pattern = pattern.replace(/\*+/g, '*');
  if (pattern.split('*').length - 1 > LIMITS.wildcards) pattern = pattern.slice(0, nthStar(pattern, LIMITS.wildcards) + 1);
  return pattern;
}

/**
 * The site of a recorded address, as a WebExtension match pattern:
 * `https://www.impots.gouv.fr/espace/123` → `https://www.impots.gouv.fr/*`.
 * The port is left out (a pattern without a port covers every port), and so is
 * anything else but the scheme and the host. Undefined for an address that is
 * not on the web (`about:blank`, `file:`, `chrome:`…).
 */
export function generalizeSite(url: string | URL): string | undefined {
  const parsed = toUrl(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  if (parsed.hostname === '' || parsed.hostname === 'page.invalid') return undefined;
  return `${parsed.protocol}//${parsed.hostname.toLowerCase()}/*`;
}

/** The distinct sites of several addresses, in the order first seen. */
export function generalizeSites(urls: Iterable<string | URL>): string[] {
  const out: string[] = [];
  for (const url of urls) {
    const site = generalizeSite(url);
    if (site !== undefined && !out.includes(site)) out.push(site);
  }
  return out;
}

/**
 * A link's `href` fact (`hrefPath`: a path and its query keys, or a bare
 * `#fragment`) with its personal parts made wildcards, like a page pattern:
 * `/dossier/2850375123456/pieces?id` → `/dossier/*` + `/pieces?id`. A fragment
 * that carries data (a number, an e-mail, a token) is dropped: undefined.
 */
export function generalizeHref(href: string): string | undefined {
  if (href.startsWith('#')) return isVolatileToken(href.slice(1)) || /\d{3,}|@/.test(href) ? undefined : href;
  const at = href.indexOf('?');
  const path = at >= 0 ? href.slice(0, at) : href;
  const query = at >= 0 ? href.slice(at) : '';
  const keys = query
    .replace(/^\?/, '')
    .split('&')
    .filter((key) => key && !isVolatileToken(key) && !key.includes('@'));
  const generalized = path.split('/').map(generalizeSegment).join('/');
  return `${generalized}${keys.length > 0 ? `?${keys.join('&')}` : ''}` || undefined;
}
