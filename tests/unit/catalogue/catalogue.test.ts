import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guidesForPage } from '../../../utils/catalogue';
import { CatalogueError, GUIDES_DIR, loadCatalogue, permissionsFor, readGuides } from '../../../utils/catalogue/build';
import type { Guide } from '../../../utils/guide/schema';

const practiceText = readFileSync(join(GUIDES_DIR, 'dsfr-creer-un-compte.json'), 'utf8');
const practice = JSON.parse(practiceText) as Guide;

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cac-guides-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function remoteGuide(id: string, sites: string[], page?: string): Guide {
  const guide = structuredClone(practice);
  guide.id = id;
  guide.title = `Guide ${id}`;
  guide.sites = sites;
  for (const item of guide.steps) if (item.kind === 'step') delete item.page;
  const first = guide.steps.find((item) => item.kind === 'step');
  if (page && first?.kind === 'step') first.page = page;
  return guide;
}

describe('the bundled catalogue', () => {
  it('holds the practice guide, valid', () => {
    const guides = readGuides();
    expect(guides.map((g) => g.id)).toContain('dsfr-creer-un-compte');
  });

  it('keeps practice guides and localhost out of the store build', () => {
    const store = loadCatalogue('production');
    expect(store.some((g) => g.id === 'dsfr-creer-un-compte')).toBe(false);
    const { hostPermissions } = permissionsFor(store);
    for (const site of hostPermissions) {
      expect(site).not.toMatch(/localhost|127\.0\.0\.1|<all_urls>/);
    }
    // The practice build: the store's sites, and this machine's for the practice guides.
    expect(permissionsFor(loadCatalogue('practice')).hostPermissions).toEqual(
      [...hostPermissions, 'http://127.0.0.1/*', 'http://localhost/*'].sort(),
    );
  });
});

describe('readGuides', () => {
  it('fails with a French message naming the file and the field when a guide is invalid', () => {
    const broken = { ...practice, id: 'casse', title: '' };
    const dir = dirWith({ 'ok.json': practiceText, 'casse.json': JSON.stringify(broken) });
    expect(() => readGuides(dir)).toThrow(CatalogueError);
    try {
      readGuides(dir);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('casse.json');
      expect(message).toContain('title');
      expect(message).not.toContain('ok.json');
    }
  });

  it('refuses two files with the same guide id', () => {
    const dir = dirWith({ 'a.json': practiceText, 'b.json': practiceText });
    expect(() => readGuides(dir)).toThrow(/b\.json.*« dsfr-creer-un-compte » est déjà celui du guide .*a\.json/);
  });

  it('reports a file that is not JSON instead of crashing', () => {
    const dir = dirWith({ 'texte.json': 'ceci n’est pas du JSON' });
    expect(() => readGuides(dir)).toThrow(/texte\.json/);
  });

  it('ignores the JSON Schema file', () => {
    const dir = dirWith({ 'guide.schema.json': '{"not":"a guide"}', 'ok.json': practiceText });
    expect(readGuides(dir)).toHaveLength(1);
  });
});

describe('guidesForPage', () => {
  const impots = remoteGuide('impots', ['https://www.impots.gouv.fr/*'], '/accueil/*');
  const ameli = remoteGuide('ameli', ['https://*.ameli.fr/*']);
  const guides = [impots, ameli, practice];

  it('puts the guides of this site first, the others after', () => {
    const { fitting, others } = guidesForPage(guides, new URL('https://assure.ameli.fr/PortailAS/'));
    expect(fitting.map((g) => g.id)).toEqual(['ameli']);
    expect(others.map((g) => g.id).sort()).toEqual(['dsfr-creer-un-compte', 'impots']);
  });

  it('uses the pages of the steps: a guide whose steps are elsewhere on the site does not fit', () => {
    expect(guidesForPage(guides, new URL('https://www.impots.gouv.fr/accueil/x')).fitting.map((g) => g.id)).toEqual(['impots']);
    expect(guidesForPage(guides, new URL('https://www.impots.gouv.fr/autre/')).fitting).toEqual([]);
  });

  it('finds the practice guide on any page of its flow, and on no other practice page', () => {
    const base = 'http://127.0.0.1:8643/1.14.4/example/layout/page/register';
    expect(guidesForPage(guides, new URL(`${base}/2-steps/2a-login/index.html`)).fitting.map((g) => g.id)).toEqual([
      'dsfr-creer-un-compte',
    ]);
    expect(guidesForPage(guides, new URL(`${base}/2-steps/2c-address/index.html`)).fitting).toHaveLength(1);
    expect(guidesForPage(guides, new URL('http://127.0.0.1:8643/1.14.4/example/component/button/index.html')).fitting).toEqual([]);
  });

  it('lists everything as others when the page is unknown', () => {
    const { fitting, others } = guidesForPage(guides, null);
    expect(fitting).toEqual([]);
    expect(others).toHaveLength(3);
  });
});

describe('guides that run other guides', () => {
  function callerOf(id: string, inner: string): string {
    const guide = { ...structuredClone(practice), format: 2, id } as Record<string, unknown>;
    guide.steps = [
      { kind: 'guide', id: 'connexion', guide: inner, instruction: 'Connectez-vous avec FranceConnect.' },
      { kind: 'end', id: 'fin' },
    ];
    return JSON.stringify(guide);
  }

  it('accepts a guide whose inner guide is in the folder', () => {
    const dir = dirWith({ 'practice.json': practiceText, 'appel.json': callerOf('appel', 'dsfr-creer-un-compte') });
    expect(readGuides(dir).map((g) => g.id)).toEqual(['appel', 'dsfr-creer-un-compte']);
  });

  it('refuses at build a guide whose inner guide is missing, naming the file and the guide', () => {
    const dir = dirWith({ 'practice.json': practiceText, 'appel.json': callerOf('appel', 'franceconnect-se-connecter') });
    expect(() => readGuides(dir)).toThrow(CatalogueError);
    expect(() => readGuides(dir)).toThrow(
      /appel\.json — étape 1 \(steps\[0\]\.guide\) : cette étape joue le guide « franceconnect-se-connecter », qui n’est pas parmi les guides fournis/,
    );
  });

  it('refuses at build guides that run each other in a circle', () => {
    const dir = dirWith({ 'a.json': callerOf('a', 'b'), 'b.json': callerOf('b', 'a') });
    expect(() => readGuides(dir)).toThrow(/a\.json.*en rond \(« a » → « b » → « a »\)[\s\S]*b\.json.*en rond \(« b » → « a » → « b »\)/);
  });

  it('refuses a store build where a real guide runs a practice guide, which that build leaves out', () => {
    const real = JSON.parse(callerOf('appel', 'dsfr-creer-un-compte')) as Guide;
    real.sites = ['https://www.exemple.gouv.fr/*'];
    const dir = dirWith({ 'practice.json': practiceText, 'appel.json': JSON.stringify(real) });
    expect(loadCatalogue('practice', dir)).toHaveLength(2);
    expect(() => loadCatalogue('production', dir)).toThrow(/version « production »[\s\S]*« dsfr-creer-un-compte »/);
  });
});
