import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuide, parseGuideText } from '../../../utils/guide';
import { MAX_WILDCARDS } from '../../../utils/guide/patterns';
import { problemAt, ROOT, validGuide } from '../guide/fixtures';

/** The valid fixture with its sites replaced. */
const withSites = (...sites: string[]) => parseGuide({ ...validGuide(), sites }, 'essai.json');

describe('hostile guide files: patterns that would freeze', () => {
  it('refuses a page pattern with 30 wildcards, naming the field, in French', () => {
    const guide = validGuide();
    guide.steps[1].page = `/${'*a'.repeat(30)}`;
    const problem = problemAt(parseGuide(guide, 'essai.json'), 'steps[1].page');
    expect(problem.message).toContain('steps[1].page');
    expect(problem.message).toContain(`ce motif contient 30 « * » ; ${MAX_WILDCARDS} au plus sont acceptés`);
  });

  it('counts a run of stars once, and accepts the limit exactly', () => {
    const guide = validGuide();
    guide.steps[1].page = `/${'***a'.repeat(MAX_WILDCARDS)}`;
    expect(parseGuide(guide).ok).toBe(true);
    guide.steps[1].page = `/${'*a'.repeat(MAX_WILDCARDS + 1)}`;
    expect(parseGuide(guide).ok).toBe(false);
  });

  it('refuses too many wildcards in the path of a site too', () => {
    const problem = problemAt(withSites(`https://www.exemple.gouv.fr/${'*/'.repeat(11)}`), 'sites[0]');
    expect(problem.message).toContain('ce motif contient 11 « * »');
  });

  it('refuses a page pattern longer than 500 characters', () => {
    const guide = validGuide();
    guide.steps[1].page = `/${'a'.repeat(500)}`;
    expect(problemAt(parseGuide(guide, 'essai.json'), 'steps[1].page').message).toMatch(/500/);
  });
});

describe('hostile guide files: sites that would widen', () => {
  it.each([
    ['https://*.fr/*', 'viserait tous les sites en « .fr »'],
    ['*://*.com/*', 'viserait tous les sites en « .com »'],
    ['*://*.gouv.fr/*', 'viserait tous les sites en « .gouv.fr »'],
    ['https://*.eu/*', 'viserait tous les sites en « .eu »'],
    ['https://*.info/*', 'viserait tous les sites en « .info »'],
    ['https://*.de/*', 'viserait tous les sites en « .de »'],
    ['https://*.co.uk/*', 'viserait tous les sites en « .co.uk »'],
    ['*://*/*', 'viserait tous les sites'],
    ['<all_urls>', 'viserait tous les sites'],
    ['http://192.168.1.1/*', 'est une adresse IP'],
    ['http://10.0.0.0/8', 'est une adresse IP'],
    ['http://*.0.0.1/*', 'plage d’adresses IP'],
    ['http://*.localhost/*', 'tous les noms de cet ordinateur'],
    ['https://intranet/*', 'n’est pas un nom de site complet'],
    ['https://exemple..fr/*', 'n’est pas un nom de site valide'],
  ])('%s → %s', (site, words) => {
    const result = withSites(site);
    if (words === undefined) {
      expect(result.ok).toBe(true);
      return;
    }
    const problem = problemAt(result, 'sites[0]');
    expect(problem.message).toContain('site 1 (sites[0])');
    expect(problem.message).toContain(words);
  });

  it('refuses IP ranges that the site shape cannot even write', () => {
    for (const site of ['http://192.168.*/*', 'http://[::1]/*', 'http://[fe80::1]/*']) {
      expect(withSites(site).ok, site).toBe(false);
    }
  });

  it.each([
    'https://*.ameli.fr/*',
    '*://*.impots.gouv.fr/*',
    'https://www.impots.gouv.fr/*',
    'https://gouv.fr/*',
    'https://www.service-public.fr/particuliers/*',
    'http://localhost/*',
    'http://127.0.0.1/*',
    'http://127.0.0.1:8643/*',
  ])('accepts %s', (site) => {
    expect(withSites(site).ok).toBe(true);
  });

  it('keeps the practice guide valid (localhost and 127.0.0.1, exactly)', () => {
    const text = readFileSync(join(ROOT, 'guides/dsfr-creer-un-compte.json'), 'utf8');
    expect(parseGuideText(text).ok).toBe(true);
  });
});

describe('recorded addresses give patterns that guides accept', () => {
  it('cuts a generalized page after the last wildcard allowed', async () => {
    const { generalizeUrl } = await import('../../../utils/authoring/url-pattern');
    const url = `https://www.exemple.gouv.fr/${Array.from({ length: 15 }, (_, i) => `d${i}/1234567${i}`).join('/')}/fin`;
    const pattern = generalizeUrl(url);
    expect(pattern.split('*').length - 1).toBe(MAX_WILDCARDS);
    expect(pattern.endsWith('*')).toBe(true);
    const guide = validGuide();
    guide.steps[1].page = pattern;
    expect(parseGuide(guide).ok).toBe(true);
  });
});
