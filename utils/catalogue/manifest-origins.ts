import { browser } from 'wxt/browser';

/** The sites the manifest asks for at install (the bundled guides'): never taken back at run time. */
export function manifestOrigins(): string[] {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
  // MV3 lists hosts apart; MV2 mixes them with the API permissions.
  return [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? []).filter((entry) => entry.includes('://'))];
}
