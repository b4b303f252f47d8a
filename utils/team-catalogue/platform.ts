/** The browser's side of the team-catalogue service: downloads, and taking host permissions back. */
import { browser } from 'wxt/browser';
import { fetchSource } from './fetch';
import type { TeamCataloguePlatform } from './service';

export function browserTeamPlatform(): TeamCataloguePlatform {
  return {
    source: (base) => fetchSource(base),
    async removeOrigins(origins) {
      await browser.permissions.remove({ origins });
    },
    requiredOrigins() {
      const manifest = browser.runtime.getManifest() as { host_permissions?: string[]; permissions?: string[] };
      // MV3 lists hosts apart; MV2 mixes them with the API permissions.
      return [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? []).filter((entry) => entry.includes('://'))];
    },
  };
}
