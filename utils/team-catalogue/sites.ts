import { matchGlob } from '../catalogue/glob';

/**
 * Whether the declared site pattern `outer` covers every address that the
 * guide's pattern `inner` covers: a catalogue's guide may only name sites that
 * the catalogue declares (and that the advisor saw and allowed).
 */
export function siteCovers(outer: string, inner: string): boolean {
  const parse = (pattern: string) => /^(\*|https?):\/\/(\*|\*\.[^/:]+|[^/:]+)(?::(\d+))?(\/.*)$/.exec(pattern);
  const o = parse(outer);
  const i = parse(inner);
  if (!o || !i) return false;
  const [, oScheme, oHost, oPort, oPath] = o as unknown as [string, string, string, string | undefined, string];
  const [, iScheme, iHost, iPort, iPath] = i as unknown as [string, string, string, string | undefined, string];
  if (oScheme !== '*' && oScheme !== iScheme) return false;
  if (oHost !== '*') {
    if (oHost.startsWith('*.')) {
      const domain = oHost.slice(2);
      const host = iHost.startsWith('*.') ? iHost.slice(2) : iHost;
      if (iHost === '*' || (host !== domain && !host.endsWith(`.${domain}`))) return false;
    } else if (iHost !== oHost) {
      return false;
    }
  }
  if (oPort !== undefined && oPort !== iPort) return false;
  // A `*` of the inner path is matched as a character by a `*` of the outer one only.
  return matchGlob(oPath, iPath) && (oPath.includes('*') || !iPath.includes('*'));
}

export function sitesCovered(declared: readonly string[], sites: readonly string[]): string | null {
  return sites.find((site) => !declared.some((outer) => siteCovers(outer, site))) ?? null;
}
