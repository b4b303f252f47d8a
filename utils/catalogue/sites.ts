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
