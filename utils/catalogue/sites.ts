import type { Guide } from '../guide/schema';
import { matchGlob } from './glob';

/**
 * Pure helpers on sites and pages, shared by the build, the background and the
 * content script. Match patterns follow the WebExtension rules: scheme `*`
 * means http or https, host `*.example.org` covers subdomains, and a pattern
 * without a port matches every port.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A practice guide runs only on this machine (the DSFR example pages): never in the store packages. */
export function isPracticeGuide(guide: Pick<Guide, 'sites'>): boolean {
  return guide.sites.every((site) => {
    const host = /^[^:]+:\/\/([^/:]+)/.exec(site)?.[1];
    return host !== undefined && LOOPBACK_HOSTS.has(host);
  });
}

/** Whether a URL is covered by a WebExtension match pattern. */
export function matchesSite(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/:]+|[^/:]+)(?::(\d+))?(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, port, path] = m as unknown as [string, string, string, string | undefined, string];
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const domain = host.slice(2);
      if (url.hostname !== domain && !url.hostname.endsWith(`.${domain}`)) return false;
    } else if (url.hostname !== host) {
      return false;
    }
  }
  if (port !== undefined && url.port !== port) return false;
  return matchGlob(path, url.pathname + url.search);
}

/** Whether a URL is on one of the guide's sites. */
export function guideFitsSite(guide: Pick<Guide, 'sites'>, url: URL): boolean {
  return guide.sites.some((pattern) => matchesSite(pattern, url));
}

/**
 * Whether a URL is the page of a step: the pattern is matched against the path
 * and query (`/compte/*`); a pattern without `?` ignores the query.
 */
export function matchesPage(pattern: string, url: URL): boolean {
  const subject = pattern.includes('?') ? url.pathname + url.search : url.pathname;
  return matchGlob(pattern, subject);
}

/** The host part of a match pattern (`*`, `*.example.org` or `example.org`), or undefined when it is not one. */
function patternHost(pattern: string): string | undefined {
  return /^(?:\*|https?):\/\/(\*\.[^/:]+|\*|[^/:]+)(?=[:/])/.exec(pattern)?.[1];
}

/** Whether two match patterns may cover one same address (same host, or one's wildcard covers the other's host). */
function sitesOverlap(a: string, b: string): boolean {
  const hostA = patternHost(a);
  const hostB = patternHost(b);
  if (hostA === undefined || hostB === undefined) return a === b;
  if (hostA === '*' || hostB === '*' || hostA === hostB) return true;
  const covers = (wild: string, host: string) => wild.startsWith('*.') && (host === wild.slice(2) || host.endsWith(wild.slice(1)));
  return covers(hostA, hostB) || covers(hostB, hostA);
}

/**
 * The sites whose permission can be taken back once these `released` sites are no longer needed:
 * those that no `stillNeeded` site overlaps (another guide, the manifest, a recording under way).
 * Overlap, not equality: taking back `https://www.x.fr/*` could narrow a granted `https://*.x.fr/*`.
 */
export function sitesToRelease(released: readonly string[], stillNeeded: readonly string[]): string[] {
  return [...new Set(released)].filter((site) => !stillNeeded.some((needed) => sitesOverlap(site, needed)));
}

/** A match pattern as the person reads it: which host, whether its subdomains too, which pages, whether unencrypted. */
export interface SiteWords {
  host: string;
  /** `*.ameli.fr`: ameli.fr and every address ending in .ameli.fr. */
  subdomains: boolean;
  /** `http` or `*` scheme: pages may come unencrypted. */
  unencrypted: boolean;
  /** The path the pattern is limited to (`/espace/*` → `/espace/`), or null for every page. */
  pages: string | null;
}

export function siteInWords(pattern: string): SiteWords | null {
  const m = /^(\*|https?):\/\/(\*\.[^/:]+|[^/:*]+)(?::(\d+))?(\/.*)$/.exec(pattern);
  if (!m) return null;
  const [, scheme, host, port, path] = m as unknown as [string, string, string, string | undefined, string];
  const subdomains = host.startsWith('*.');
  const bare = subdomains ? host.slice(2) : host;
  const prefix = path.replace(/\*.*$/, '');
  return {
    host: port ? `${bare}:${port}` : bare,
    subdomains,
    unencrypted: scheme !== 'https',
    pages: prefix === '/' ? null : prefix,
  };
}
