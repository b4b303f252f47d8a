import { describe, expect, it } from 'vitest';
import { generalizeSite, generalizeSites, generalizeUrl, isVolatileToken } from '../../../utils/authoring/url-pattern';
import { matchesPage, matchesSite } from '../../../utils/catalogue/sites';
import { pagePatternSchema, sitePatternSchema } from '../../../utils/guide/schema';

describe('generalizeUrl', () => {
  const cases: [string, string][] = [
    ['https://www.caf.fr/dossier/123456/pieces', '/dossier/*/pieces'],
    ['https://www.caf.fr/dossier/123456/', '/dossier/*/'],
    ['https://x.fr/a/3f2c9e1b-7d4a-4c1e-9f0b-0123456789ab/b', '/a/*/b'],
    ['https://x.fr/a/3f2c9e1b7d4a4c1e9f0b0123456789ab/b', '/a/*/b'],
    ['https://x.fr/objet/5f2c9e1bd3/voir', '/objet/*/voir'],
    ['https://x.fr/login?token=abc&step=2', '/login?*step=2*'],
    ['https://x.fr/login?token=abc', '/login'],
    ['https://x.fr/recherche?q=jean+dupont&page=2', '/recherche?*page=2*'],
    ['https://x.fr/form?etape=identite&id=998877', '/form?*etape=identite*'],
    ['https://x.fr/form?step=a1b2c3d4e5', '/form'],
    ['https://x.fr/rdv/2024-05-12/confirmer', '/rdv/*/confirmer'],
    ['https://x.fr/rdv/12-05-2024/confirmer', '/rdv/*/confirmer'],
    ['https://x.fr/rdv/20240512/confirmer', '/rdv/*/confirmer'],
    ['https://x.fr/compte/jean.dupont@example.org/', '/compte/*/'],
    ['https://x.fr/compte/jean.dupont%40example.org/', '/compte/*/'],
    ['https://x.fr/p;jsessionid=ABC123DEF?x=1#haut', '/p*'],
    ['https://x.fr/t/eyJhbGciOiJIUzI1NiJ9/suite', '/t/*/suite'],
    ['https://x.fr/facture-20240001.pdf', '/facture-*.pdf'],
    ['https://x.fr/ref/ab12cd34/', '/ref/*/'],
    ['https://x.fr/etape/2', '/etape/2'],
    ['https://x.fr/', '/'],
    ['https://x.fr', '/'],
    ['https://x.fr/#/dossier/123', '/'],
    [
      'http://localhost:8643/1.14.4/example/layout/page/register/2-steps/2a-login/index.html',
      '/1.14.4/example/layout/page/register/2-steps/2a-login/index.html',
    ],
    ['https://assure.ameli.fr/PortailAS/appmanager/PortailAS/assure', '/PortailAS/appmanager/PortailAS/assure'],
    ['https://x.fr/ConsultationDossierAllocataire/', '/ConsultationDossierAllocataire/'],
    ['https://www.impots.gouv.fr/mes-demarches-en-ligne/', '/mes-demarches-en-ligne/'],
    ['/dossier/778899/etat', '/dossier/*/etat'],
    ['pas une adresse', '/*'],
  ];
  it.each(cases)('%s → %s', (url, expected) => {
    expect(generalizeUrl(url)).toBe(expected);
  });

  it('accepts URL objects', () => {
    expect(generalizeUrl(new URL('https://x.fr/dossier/42424242/pieces'))).toBe('/dossier/*/pieces');
  });

  const samples = [
    'https://www.caf.fr/dossier/123456/pieces?token=zz9&step=2',
    'https://x.fr/compte/jean.dupont@example.org/adresse',
    'https://x.fr/rdv/2024-05-12/a3f9c2d1e8/confirmer?tab=recap#x',
    'https://x.fr/p;jsessionid=ABC123DEF/suite',
    'https://x.fr/t/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig/suite',
  ];

  it.each(samples)('gives a valid page pattern that still matches the recorded page: %s', (url) => {
    const pattern = generalizeUrl(url);
    expect(pagePatternSchema.safeParse(pattern).success).toBe(true);
    expect(pattern).not.toMatch(/\s|#/);
    expect(matchesPage(pattern, new URL(url))).toBe(true);
  });

  it('matches the same page for another person (other ids, other token)', () => {
    const pattern = generalizeUrl('https://www.caf.fr/dossier/123456/pieces/a3f9c2d1e8?token=zz9&step=2');
    expect(matchesPage(pattern, new URL('https://www.caf.fr/dossier/987654/pieces/77b2c0ffee?token=other&step=2'))).toBe(true);
    expect(matchesPage(pattern, new URL('https://www.caf.fr/dossier/987654/pieces/77b2c0ffee?step=3'))).toBe(false);
    expect(matchesPage(pattern, new URL('https://www.caf.fr/dossier/987654/courriers/77b2c0ffee?step=2'))).toBe(false);
  });

  it('never keeps a query value that is not a routing word', () => {
    const pattern = generalizeUrl('https://x.fr/a?email=jean%40x.fr&nir=180017512345678&nom=Dupont&code=ABC123&step=2');
    for (const secret of ['jean', '180017512345678', 'Dupont', 'ABC123', 'email', 'nir', 'nom', 'code'])
      expect(pattern).not.toContain(secret);
  });

  it('caps very long paths at the schema limit', () => {
    const pattern = generalizeUrl(`https://x.fr/${'segment/'.repeat(100)}fin`);
    expect(pattern.length).toBeLessThanOrEqual(500);
    expect(pattern.endsWith('*')).toBe(true);
    expect(pagePatternSchema.safeParse(pattern).success).toBe(true);
  });
});

describe('isVolatileToken', () => {
  it.each([
    '123',
    '180017512345678',
    '3f2c9e1b',
    'ab12cd34',
    'x7k9p2',
    '2024-05-12',
    'a@b.fr',
    'eyJhbGciOiJIUzI1NiJ9',
    'QUJDREVGR0hJSktMTU5PUA==',
  ])('%s is volatile', (token) => expect(isVolatileToken(token)).toBe(true));
  it.each(['2', '12', 'v2', '2a', 'login', 'index.html', 'PortailAS', 'ConsultationDossierAllocataire', 'mes-demarches-en-ligne', ''])(
    '%s is kept',
    (token) => expect(isVolatileToken(token)).toBe(false),
  );
});

describe('generalizeSite', () => {
  const cases: [string, string | undefined][] = [
    ['https://www.impots.gouv.fr/accueil/123?x=1', 'https://www.impots.gouv.fr/*'],
    ['https://WWW.Impots.Gouv.FR/', 'https://www.impots.gouv.fr/*'],
    ['http://localhost:8643/1.14.4/', 'http://localhost/*'],
    ['https://user:secret@assure.ameli.fr/PortailAS/', 'https://assure.ameli.fr/*'],
    ['http://127.0.0.1:5173/x', 'http://127.0.0.1/*'],
    ['about:blank', undefined],
    ['file:///home/moi/guide.html', undefined],
    ['chrome://extensions/', undefined],
    ['/chemin/seul', undefined],
    ['pas une adresse', undefined],
  ];
  it.each(cases)('%s → %s', (url, expected) => {
    expect(generalizeSite(url)).toBe(expected);
  });

  it('gives a valid site pattern that matches the recorded address', () => {
    for (const url of ['https://www.impots.gouv.fr/accueil/', 'http://localhost:8643/1.14.4/']) {
      const site = generalizeSite(url) as string;
      expect(sitePatternSchema.safeParse(site).success).toBe(true);
      expect(matchesSite(site, new URL(url))).toBe(true);
    }
  });

  it('lists distinct sites in the order first seen', () => {
    expect(
      generalizeSites(['https://a.fr/1', 'about:blank', 'https://b.fr/', 'https://a.fr/2', 'https://franceconnect.gouv.fr/x']),
    ).toEqual(['https://a.fr/*', 'https://b.fr/*', 'https://franceconnect.gouv.fr/*']);
  });
});
