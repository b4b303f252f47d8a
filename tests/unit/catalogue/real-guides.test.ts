/**
 * The real catalogue (`guides/*.json` for real public sites): every guide is
 * valid, written in plain French without any advice of the plain-language
 * assistant, honest about where it comes from (`documented`, sources), with no
 * personal fact in a target and no target that cannot be told from the others;
 * the store manifest asks for exactly the catalogue's sites, never this
 * machine; and on each site the popup offers that site's guide first.
 */
import { describe, expect, it } from 'vitest';
import { checkGuide } from '../../../utils/authoring/plain-language';
import { personalFacts } from '../../../utils/authoring/review';
import { guidesForPage, isPracticeGuide } from '../../../utils/catalogue';
import { loadCatalogue, permissionsFor, readGuides } from '../../../utils/catalogue/build';
import type { Guide } from '../../../utils/guide/schema';
import { canLocate } from '../../../utils/locate/score';
import config from '../../../wxt.config';

const real = readGuides().filter((guide) => !isPracticeGuide(guide));
const byId = new Map(real.map((guide) => [guide.id, guide]));

/**
 * The hosts named by the research (/work/shared/research/procedures.md) for these procedures:
 * no guide may reach another. `*.franceconnect.gouv.fr` and `*.service-public.fr` are the
 * organisations' own domains (named there), whose exact hosts of the flows are not documented.
 */
const DOCUMENTED_SITES = new Set([
  'https://*.franceconnect.gouv.fr/*',
  'https://*.service-public.fr/*',
  'https://www.impots.gouv.fr/*',
  'https://www.ameli.fr/*',
  'https://assure.ameli.fr/*',
  'https://ameliconnect.ameli.fr/*',
  'https://www.caf.fr/*',
  'https://caf.fr/*',
  'https://wwwd.caf.fr/*',
  'https://connect.caf.fr/*',
  'https://www.francetravail.fr/*',
  'https://passeport.ants.gouv.fr/*',
  'https://rendezvouspasseport.ants.gouv.fr/*',
]);

const CATALOGUE = {
  'franceconnect-se-connecter': 'compte',
  'impots-creer-espace-finances-publiques': 'impots',
  'ameli-creer-compte': 'sante',
  'caf-declaration-trimestrielle': 'famille',
  'francetravail-actualisation': 'emploi',
  'ants-pre-demande-cni-passeport': 'identite',
  'service-public-creer-compte': 'compte',
} as const;

const itemsOf = (guide: Guide) => guide.steps;

describe('the real catalogue', () => {
  it('holds the seven guides of issue 13, each in its theme', () => {
    expect(Object.fromEntries(real.map((guide) => [guide.id, guide.theme]))).toEqual(CATALOGUE);
  });

  it.each(Object.keys(CATALOGUE))('%s: format 2, documented from dated sources, with what to prepare and a duration', (id) => {
    const guide = byId.get(id) as Guide;
    expect(guide.format).toBe(2);
    expect(guide.status.state).toBe('documented');
    expect(guide.sources.length).toBeGreaterThan(0);
    for (const source of guide.sources) expect(source.url).toMatch(/^https:\/\//);
    // The status is the date of one of its sources, never a date of nobody's page.
    expect(guide.sources.map((source) => source.seen)).toContain(guide.status.state === 'documented' ? guide.status.on : '');
    expect(guide.prepare.length).toBeGreaterThan(0);
    expect(guide.durationMinutes).toBeGreaterThan(0);
    expect(itemsOf(guide).some((item) => item.kind === 'question')).toBe(true);
  });

  it.each(Object.keys(CATALOGUE))('%s: no advice from the plain-language assistant', (id) => {
    expect(checkGuide(byId.get(id) as Guide)).toEqual([]);
  });

  it.each(Object.keys(CATALOGUE))('%s: targets made of documented facts only, each able to tell its element apart', (id) => {
    const guide = byId.get(id) as Guide;
    expect(personalFacts(guide)).toEqual([]);
    for (const item of itemsOf(guide)) {
      if (item.kind !== 'step') continue;
      // No documented address of these flows' pages: no page pattern, no page to wait for.
      expect(item.page, item.id).toBeUndefined();
      expect(item.donePage, item.id).toBeUndefined();
      if (!item.target) continue;
      expect(canLocate(item.target), item.id).toBe(true);
      // Never an invented id or CSS path.
      for (const invented of ['id', 'cssPath', 'testId', 'framePath'] as const) expect(item.target[invented], item.id).toBeUndefined();
    }
  });

  it.each(Object.keys(CATALOGUE))('%s: only hosts named by the research', (id) => {
    for (const site of (byId.get(id) as Guide).sites) expect(DOCUMENTED_SITES.has(site), site).toBe(true);
  });

  it('runs the FranceConnect guide wherever a procedure offers FranceConnect, and only that guide', () => {
    const callers = real.filter((guide) => itemsOf(guide).some((item) => item.kind === 'guide'));
    expect(callers.map((guide) => guide.id).sort()).toEqual([
      'ants-pre-demande-cni-passeport',
      'caf-declaration-trimestrielle',
      'francetravail-actualisation',
      'impots-creer-espace-finances-publiques',
    ]);
    for (const guide of callers) {
      for (const item of itemsOf(guide)) if (item.kind === 'guide') expect(item.guide).toBe('franceconnect-se-connecter');
    }
  });

  it('offers on FranceConnect today’s providers only: no Alicem, no « Mobile Connect et moi »', () => {
    const fc = byId.get('franceconnect-se-connecter') as Guide;
    const providers = itemsOf(fc).find((item) => item.id === 'quel-compte');
    expect(providers?.kind === 'question' && providers.choices.map((choice) => choice.label)).toEqual([
      'impots.gouv.fr',
      'Ameli.fr',
      'L’Identité Numérique La Poste',
      'MSA (Mutualité sociale agricole)',
      'France Identité',
      'Yris',
    ]);
    expect(JSON.stringify(real)).not.toMatch(/Alicem|Mobile Connect/i);
    // The Caf login is the numéro de sécurité sociale now, never the numéro allocataire.
    expect(JSON.stringify(byId.get('caf-declaration-trimestrielle'))).not.toMatch(/numéro allocataire/i);
  });
});

describe('the store build', () => {
  const store = loadCatalogue('production');
  const sites = [...new Set(real.flatMap((guide) => guide.sites))].sort();

  it('bundles the real guides, and no practice guide', () => {
    expect(store.map((guide) => guide.id).sort()).toEqual(real.map((guide) => guide.id).sort());
  });

  it('asks for exactly the catalogue’s sites, never this machine nor a public suffix', () => {
    const { hostPermissions } = permissionsFor(store);
    expect(hostPermissions).toEqual(sites);
    for (const site of sites) expect(site).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]|<all_urls>|:\/\/\*\.gouv\.fr|:\/\/\*\//);
  });

  it('writes them in the production manifest as host permissions, with no content script on any page (both browsers)', async () => {
    const manifestOf = config.manifest as (env: { browser: string; manifestVersion: 2 | 3; mode: string }) => Record<string, unknown>;
    const hooks = config.hooks as { 'build:manifestGenerated': (wxt: unknown, manifest: Record<string, unknown>) => void };
    for (const [browser, manifestVersion] of [
      ['chrome', 3],
      ['firefox', 2],
    ] as const) {
      const manifest: Record<string, unknown> = {
        ...manifestOf({ browser, manifestVersion, mode: 'production' }),
        content_scripts: [{ matches: ['<all_urls>'], js: ['content-scripts/content.js'] }],
        web_accessible_resources: [{ matches: ['<all_urls>'], resources: ['content-scripts/content.css'] }],
      };
      await hooks['build:manifestGenerated']({ config: { mode: 'production' } }, manifest);
      expect(manifest.host_permissions, browser).toEqual(sites);
      // A page of a guide's site gets nothing of ours until its tab has a run, and no file of ours is readable by pages.
      expect(manifest.content_scripts, browser).toBeUndefined();
      expect(manifest.web_accessible_resources, browser).toBeUndefined();
    }
  });
});

describe('the popup on the catalogue’s sites', () => {
  const store = loadCatalogue('production');
  const first = (url: string) => guidesForPage(store, new URL(url)).fitting.map((guide) => guide.id);

  it.each([
    ['https://www.impots.gouv.fr/accueil', 'impots-creer-espace-finances-publiques'],
    ['https://assure.ameli.fr/PortailAS/', 'ameli-creer-compte'],
    ['https://www.ameli.fr/', 'ameli-creer-compte'],
    ['https://www.caf.fr/allocataires/', 'caf-declaration-trimestrielle'],
    ['https://connect.caf.fr/', 'caf-declaration-trimestrielle'],
    ['https://www.francetravail.fr/accueil/', 'francetravail-actualisation'],
    ['https://passeport.ants.gouv.fr/', 'ants-pre-demande-cni-passeport'],
    ['https://rendezvouspasseport.ants.gouv.fr/', 'ants-pre-demande-cni-passeport'],
    ['https://www.service-public.fr/', 'service-public-creer-compte'],
    ['https://franceconnect.gouv.fr/', 'franceconnect-se-connecter'],
  ])('on %s offers %s first', (url, id) => {
    expect(first(url)[0]).toBe(id);
  });

  it('offers the FranceConnect guide too, after the site’s own, where the site has a FranceConnect button', () => {
    expect(first('https://www.impots.gouv.fr/accueil')).toEqual(['impots-creer-espace-finances-publiques', 'franceconnect-se-connecter']);
  });

  it('offers nothing first on a public site that no guide names', () => {
    expect(first('https://www.legifrance.gouv.fr/')).toEqual([]);
  });
});
