/**
 * The FranceConnect practice pages (scripts/practice-franceconnect.ts): the
 * chain from the service's login page to « Continuer sur … », served by the
 * practice server, and the bundled FranceConnect guide's targets found on
 * them, each on its own page only. The run itself is tried in real browsers
 * (tests/e2e/franceconnect.test.ts).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FC_PAGES, FC_PROVIDERS, FC_SERVICE, franceConnectRoute } from '../../scripts/practice-franceconnect';
import { type PracticeServer, startPracticeServer } from '../../scripts/practice-server';
import { readGuides } from '../../utils/catalogue/build';
import type { ActionStep } from '../../utils/guide/schema';
import { locate } from '../../utils/locate/locate';

const guide = readGuides().find((candidate) => candidate.id === 'franceconnect-se-connecter');
if (!guide) throw new Error('the FranceConnect guide is not bundled');

function step(id: string): ActionStep {
  const item = guide?.steps.find((candidate) => candidate.id === id);
  if (item?.kind !== 'step' || !item.target) throw new Error(`no step with a target: ${id}`);
  return item;
}

/** The page of `path` in this test's document: its body without its scripts, as served. */
function pageAt(path: string): Document {
  const answer = franceConnectRoute('GET', path);
  if (!answer?.body) throw new Error(`no page for ${path}`);
  const html = answer.body;
  document.title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>')).replace(/<script[\s\S]*?<\/script>/g, '');
  return document;
}

const found = (id: string, path: string) => {
  const result = locate(step(id).target as NonNullable<ActionStep['target']>, pageAt(path));
  return result.status === 'found' ? result.element : null;
};

function send(url: string, method: string, body = ''): Promise<{ status: number; location?: string; text: string }> {
  return new Promise((done, fail) => {
    const req = request(url, { method, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (answer) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => {
        text += chunk;
      });
      answer.on('end', () => done({ status: answer.statusCode ?? 0, location: answer.headers.location, text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

describe('the FranceConnect practice pages', () => {
  let server: PracticeServer;
  beforeAll(async () => {
    server = await startPracticeServer({ port: 0 });
  });
  afterAll(() => server.close());

  it('chain the service, the account choice, the provider and the consent, each form answered with the next page', async () => {
    const login = await send(`${server.url}${FC_PAGES.login}`, 'GET');
    expect(login.status).toBe(200);
    expect(login.text).toContain('class="fr-connect"');
    expect(await send(`${server.url}/franceconnect/service/franceconnect/`, 'POST')).toMatchObject({
      status: 303,
      location: FC_PAGES.choice,
    });
    const chosen = await send(`${server.url}${FC_PAGES.choice}`, 'POST', 'providerUid=ameli');
    expect(chosen).toMatchObject({ status: 303, location: FC_PAGES.provider('ameli') });
    expect((await send(`${server.url}${FC_PAGES.provider('ameli')}`, 'GET')).text).toContain('Connexion à Ameli.fr');
    // What is typed on the provider's page is never read: the answer is the same redirect, with no value in it.
    const typed = await send(`${server.url}/franceconnect/fournisseur/`, 'POST', 'username=jeanne%40exemple.fr&password=secret-123');
    expect(typed).toMatchObject({ status: 303, location: FC_PAGES.consent });
    expect(JSON.stringify(typed)).not.toMatch(/jeanne|secret/);
    expect(await send(`${server.url}${FC_PAGES.consent}`, 'POST', 'consent=on')).toMatchObject({
      status: 303,
      location: FC_PAGES.loggedIn,
    });
    expect((await send(`${server.url}${FC_PAGES.loggedIn}`, 'GET')).text).toContain('Vous êtes connecté');
  });

  it('go back to the choice for a provider it does not know, and answer 404 elsewhere', async () => {
    expect(await send(`${server.url}${FC_PAGES.choice}`, 'POST', 'providerUid=alicem')).toMatchObject({ location: FC_PAGES.choice });
    expect((await send(`${server.url}/franceconnect/ailleurs/`, 'GET')).status).toBe(404);
  });

  it('show the account choice with the wordings FranceConnect uses, and today’s providers only', () => {
    const choice = pageAt(FC_PAGES.choice);
    expect(choice.title).toBe('Connexion - Choix du compte - FranceConnect');
    expect(choice.querySelector('h1')?.textContent).toBe(`Connexion en cours sur ${FC_SERVICE}`);
    expect(choice.querySelector('h2')?.textContent).toBe('Choisissez un compte pour vous connecter :');
    const tiles = [...choice.querySelectorAll('button.fc-btn--provider')].map((tile) => tile.textContent?.trim());
    expect(tiles).toEqual(FC_PROVIDERS.map((provider) => provider.name));
    expect(tiles.join(' ')).not.toMatch(/Alicem|Mobile Connect/);
  });
});

describe('the FranceConnect guide’s targets on the practice pages', () => {
  it('finds the FranceConnect button on the service’s login page only', () => {
    expect(found('bouton-franceconnect', FC_PAGES.login)?.className).toBe('fr-connect');
    expect(found('bouton-franceconnect', FC_PAGES.choice)).toBeNull();
    expect(found('bouton-franceconnect', FC_PAGES.consent)).toBeNull();
  });

  it('finds each provider’s tile on the account choice, and not another one', () => {
    const ids: Record<string, string> = {
      impots: 'choisir-impots',
      ameli: 'choisir-ameli',
      laposte: 'choisir-laposte',
      msa: 'choisir-msa',
      yris: 'choisir-yris',
      'france-identite': 'choisir-france-identite',
    };
    for (const provider of FC_PROVIDERS) {
      const tile = found(ids[provider.uid] as string, FC_PAGES.choice);
      expect(tile?.getAttribute('value'), provider.uid).toBe(provider.uid);
    }
    expect(found('choisir-msa', FC_PAGES.login)).toBeNull();
  });

  it('finds the name to check, the consent box and « Continuer sur … » on the consent page only', () => {
    expect(found('verifier-nom', FC_PAGES.consent)?.textContent).toBe('Vous allez vous connecter en tant que :');
    expect(found('accepter', FC_PAGES.consent)?.id).toBe('consent');
    expect(found('continuer', FC_PAGES.consent)?.textContent).toBe(`Continuer sur ${FC_SERVICE}`);
    for (const id of ['verifier-nom', 'accepter', 'continuer']) expect(found(id, FC_PAGES.login), id).toBeNull();
  });
});
