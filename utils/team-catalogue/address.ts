/** A catalogue's address and the host permission it needs: light, for the settings page too (no zod, no guide schema). */

/** The catalogue's address as a folder: `https://equipe.example/guides` → `https://equipe.example/guides/`. */
export function catalogueBase(address: string): URL | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  url.hash = '';
  url.search = '';
  if (url.pathname.endsWith('/index.json')) url.pathname = url.pathname.slice(0, -'index.json'.length);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The host permission a catalogue needs: its host only, every port (Firefox's patterns take none). */
export function hostPatternOf(base: URL): string {
  return `${base.protocol}//${base.hostname}/*`;
}
