/** The browser's side of the team-catalogue service: downloads, and taking host permissions back. */
import { browser } from 'wxt/browser';
import { manifestOrigins } from '../catalogue/manifest-origins';
import { fetchSource } from './fetch';
import type { TeamCataloguePlatform } from './service';

export function browserTeamPlatform(): TeamCataloguePlatform {
  return {
    source: (base) => fetchSource(base),
    async removeOrigins(origins) {
      await browser.permissions.remove({ origins });
    },
    requiredOrigins: manifestOrigins,
  };
}
