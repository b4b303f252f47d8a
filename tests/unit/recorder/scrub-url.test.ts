import { describe, expect, it } from 'vitest';
import { generalizeSite, generalizeUrl, scrubUrl } from '../../../utils/authoring/url-pattern';

/** The address the recorder sends: what the patterns need, never the values a GET form left in it. */
describe('scrubUrl', () => {
  const sent = 'https://www.exemple.gouv.fr:8443/demarche/123456/etape?step=2&nom=Dupont&motdepasse=Secret1&token=a8f3e9#haut';

  it('keeps the origin, the path and the routing parameters only', () => {
    expect(scrubUrl(sent)).toBe('https://www.exemple.gouv.fr:8443/demarche/123456/etape?step=2');
    expect(scrubUrl('http://127.0.0.1:4321/1.14.4/example/layout/page/login/1-default/index.html?username=jeanne&password=x')).toBe(
      'http://127.0.0.1:4321/1.14.4/example/layout/page/login/1-default/index.html',
    );
  });

  it('gives the same patterns as the full address', () => {
    expect(generalizeUrl(scrubUrl(sent))).toBe(generalizeUrl(sent));
    expect(generalizeSite(scrubUrl(sent))).toBe(generalizeSite(sent));
  });

  it('gives nothing for an address that is not a web page', () => {
    expect(scrubUrl('about:blank')).toBe('');
    expect(scrubUrl('pas une adresse')).toBe('');
  });
});
