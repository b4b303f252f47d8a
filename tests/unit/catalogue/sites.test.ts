import { describe, expect, it } from 'vitest';
import { guideFitsSite, isPracticeGuide, matchesPage, matchesSite, siteInWords, sitesToRelease } from '../../../utils/catalogue/sites';

describe('matchesSite (WebExtension match patterns)', () => {
  const cases: [string, string, boolean][] = [
    ['https://www.impots.gouv.fr/*', 'https://www.impots.gouv.fr/accueil/', true],
    ['https://www.impots.gouv.fr/*', 'http://www.impots.gouv.fr/accueil/', false],
    ['https://www.impots.gouv.fr/*', 'https://impots.gouv.fr/', false],
    ['*://*.ameli.fr/*', 'https://assure.ameli.fr/PortailAS/', true],
    ['*://*.ameli.fr/*', 'http://ameli.fr/', true],
    ['*://*.ameli.fr/*', 'https://ameli.fr.example.org/', false],
    ['*://*.ameli.fr/*', 'ftp://ameli.fr/', false],
    ['http://localhost/*', 'http://localhost:8643/1.14.4/', true],
    ['http://localhost:8643/*', 'http://localhost:9000/', false],
    ['http://127.0.0.1/*', 'http://127.0.0.2:8643/', false],
    ['https://www.caf.fr/allocataires/*', 'https://www.caf.fr/allocataires/mes-services', true],
    ['https://www.caf.fr/allocataires/*', 'https://www.caf.fr/partenaires/', false],
    ['not a pattern', 'https://www.caf.fr/', false],
  ];
  it.each(cases)('%s on %s → %s', (pattern, url, expected) => {
    expect(matchesSite(pattern, new URL(url))).toBe(expected);
  });
});

describe('matchesPage', () => {
  it('matches the path with * as any run of characters, ignoring the query unless the pattern has one', () => {
    const url = new URL('http://127.0.0.1:8643/1.14.4/example/layout/page/register/2-steps/2a-login/index.html?x=1');
    expect(matchesPage('/1.14.4/example/layout/page/register/2-steps/2a-login/*', url)).toBe(true);
    expect(matchesPage('/*/2b-identity/*', url)).toBe(false);
    expect(matchesPage('/*/index.html?x=1', url)).toBe(true);
    expect(matchesPage('/*/index.html?x=2', url)).toBe(false);
  });
  it('treats regular-expression characters literally', () => {
    expect(matchesPage('/a.b/(c)/*', new URL('https://x.fr/a.b/(c)/d'))).toBe(true);
    expect(matchesPage('/a.b/*', new URL('https://x.fr/aXb/d'))).toBe(false);
  });
});

describe('practice guides', () => {
  it('are the guides whose sites are all on this machine', () => {
    expect(isPracticeGuide({ sites: ['http://localhost/*', 'http://127.0.0.1/*'] })).toBe(true);
    expect(isPracticeGuide({ sites: ['http://localhost/*', 'https://www.impots.gouv.fr/*'] })).toBe(false);
    expect(isPracticeGuide({ sites: ['https://*.ameli.fr/*'] })).toBe(false);
  });
  it('a guide fits a site when one of its patterns matches', () => {
    const guide = { sites: ['https://www.impots.gouv.fr/*', 'https://app.franceconnect.gouv.fr/*'] };
    expect(guideFitsSite(guide, new URL('https://app.franceconnect.gouv.fr/api/v1/authorize'))).toBe(true);
    expect(guideFitsSite(guide, new URL('https://www.ameli.fr/'))).toBe(false);
  });
});

describe('sitesToRelease', () => {
  it('gives back only the sites that nothing still needed may cover', () => {
    expect(sitesToRelease(['https://www.caf.fr/*', 'https://www.ameli.fr/*'], ['https://www.ameli.fr/*'])).toEqual([
      'https://www.caf.fr/*',
    ]);
    // A wildcard still needed keeps every host it covers, and a needed host keeps the wildcard over it.
    expect(sitesToRelease(['https://www.caf.fr/*'], ['https://*.caf.fr/*'])).toEqual([]);
    expect(sitesToRelease(['https://*.caf.fr/*'], ['https://caf.fr/*'])).toEqual([]);
    expect(sitesToRelease(['https://*.caf.fr/*'], ['https://www.notcaf.fr/*'])).toEqual(['https://*.caf.fr/*']);
    expect(sitesToRelease(['http://localhost:5174/*', 'http://localhost:5174/*'], [])).toEqual(['http://localhost:5174/*']);
  });
});

describe('siteInWords', () => {
  it('reads a match pattern as host, subdomains, pages and encryption', () => {
    expect(siteInWords('https://www.impots.gouv.fr/*')).toEqual({
      host: 'www.impots.gouv.fr',
      subdomains: false,
      unencrypted: false,
      pages: null,
    });
    expect(siteInWords('*://*.ameli.fr/espace/*')).toEqual({ host: 'ameli.fr', subdomains: true, unencrypted: true, pages: '/espace/' });
    expect(siteInWords('http://localhost:5174/*')).toEqual({ host: 'localhost:5174', subdomains: false, unencrypted: true, pages: null });
    expect(siteInWords('<all_urls>')).toBeNull();
    expect(siteInWords('https://*/*')).toBeNull();
  });
});
