/**
 * The practice site: DSFR example pages served over local HTTP, one package
 * tree per version under `/<version>/` (e.g. `/1.14.4/example/layout/page/…`).
 *
 * The example forms have no `action`, so "Valider" would reload the same page
 * with the typed values in the query string. To make the account-creation flow
 * a real multi-page procedure, a form submitted on one step is answered with a
 * redirect to the next step's page, query string dropped: no typed value stays
 * in a URL, a log or the history. Nothing is logged.
 */

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { FC_PAGES, FC_ROOT, franceConnectRoute } from './practice-franceconnect';
import { answerHostile } from './practice-hostile';
import { recapRoute, type Submitted } from './practice-recap';
import { SPA_PAGES, SPA_ROOT, spaPage } from './practice-spa';
import { TABS_PAGES, TABS_ROOT, tabsPage } from './practice-tabs';

const require = createRequire(import.meta.url);

/** The DSFR versions installed as dev dependencies, by the version's name. */
export const DSFR_PACKAGES: Record<string, string> = {
  '1.14.4': '@gouvfr/dsfr',
  '1.12.1': 'dsfr-1.12.1',
  '1.9.3': 'dsfr-1.9.3',
};

/** Folders of each version tree, by version name, from the dev dependencies. */
export function defaultTrees(): Record<string, string> {
  const trees: Record<string, string> = {};
  for (const [version, pkg] of Object.entries(DSFR_PACKAGES)) {
    trees[version] = dirname(require.resolve(`${pkg}/package.json`));
  }
  return trees;
}

/** Trees found in a root folder that holds one DSFR package tree per version. */
export function treesFromRoot(root: string): Record<string, string> {
  const trees: Record<string, string> = {};
  for (const version of Object.keys(DSFR_PACKAGES)) {
    const dir = join(root, version);
    if (existsSync(dir)) trees[version] = dir;
  }
  return trees;
}

/** Where a submitted form goes next: path suffix of the step → path suffix of the next page. */
const CHAIN: [string, string][] = [
  ['/register/2-steps/2a-login/', '/register/2-steps/2b-identity/'],
  ['/register/2-steps/2b-identity/', '/register/2-steps/2c-address/'],
  ['/register/2-steps/2c-address/', '/register/3-confirmation/3a-create/'],
  ['/register/1-single/', '/register/3-confirmation/3a-create/'],
  ['/login/1-default/', '/login/1-default/'],
  ['/login/2-error/', '/login/1-default/'],
  ['/login/3-recover/3a-form/', '/login/3-recover/3b-confirmation/'],
];

/** The page that a form submitted on `pathname` leads to, or null when it is not a chained step. */
export function nextPageAfterSubmit(pathname: string): string | null {
  const dir = pathname.replace(/index\.html$/, '');
  for (const [from, to] of CHAIN) {
    if (dir.endsWith(from)) return `${dir.slice(0, -from.length)}${to}index.html`;
  }
  return null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export interface PracticeServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:8643`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface PracticeServerOptions {
  port?: number;
  host?: string;
  trees?: Record<string, string>;
}

export function startPracticeServer(options: PracticeServerOptions = {}): Promise<PracticeServer> {
  const trees = options.trees ?? defaultTrees();
  const host = options.host ?? '127.0.0.1';
  // The practice account's pages (practice-recap.ts): what its forms sent, in memory, for its recap page.
  const account = { sent: {} };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://practice.invalid');
    if (url.pathname.startsWith('/espace/')) {
      answerAccount(req, res, url.pathname, account);
      return;
    }
    if (url.pathname.startsWith(FC_ROOT)) {
      answerFranceConnect(req, res, url.pathname);
      return;
    }
    if (url.pathname.startsWith(TABS_ROOT)) {
      const page = tabsPage(url.pathname);
      if (!page) return notFound(res);
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    if (`${url.pathname}/`.startsWith(SPA_ROOT)) {
      answerSpa(res, url.pathname);
      return;
    }
    if (url.search) {
      const next = nextPageAfterSubmit(url.pathname);
      if (next) {
        res.writeHead(303, { location: next, 'cache-control': 'no-store' });
        res.end();
        return;
      }
    }
    if (answerHostile(url.pathname, trees, res)) return;
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(indexPage(Object.keys(trees)));
      return;
    }
    const [, version, ...rest] = url.pathname.split('/');
    const tree = version ? trees[decodeURIComponent(version)] : undefined;
    if (!tree) return notFound(res);
    const base = resolve(tree);
    let file = normalize(join(base, decodeURIComponent(rest.join('/'))));
    if (file !== base && !file.startsWith(base + sep)) return notFound(res);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/` });
        res.end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound(res);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolveStart({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A page of the practice account; a form's body is read first (a few hundred bytes at most). */
function answerAccount(
  req: import('node:http').IncomingMessage,
  res: import('node:http').ServerResponse,
  pathname: string,
  store: { sent: Submitted },
): void {
  const reply = (form: URLSearchParams | null) => {
    const answer = recapRoute(req.method ?? 'GET', pathname, form, store);
    if (!answer) {
      notFound(res);
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };
  if (req.method !== 'POST') {
    reply(null);
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    if (body.length < 10_000) body += chunk;
  });
  req.on('end', () => reply(new URLSearchParams(body)));
}

/**
 * A page of the FranceConnect practice pages (practice-franceconnect.ts). Of a form's
 * body, only the account choice's fixed provider name is read; anything typed is drained unread.
 */
function answerFranceConnect(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, pathname: string): void {
  const reply = (provider: string | null) => {
    const answer = franceConnectRoute(req.method ?? 'GET', pathname, provider);
    if (!answer) {
      notFound(res);
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };
  if (req.method !== 'POST') {
    reply(null);
    return;
  }
  const isChoice = pathname.replace(/index\.html$/, '').replace(/\/?$/, '/') === FC_PAGES.choice;
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    if (isChoice && body.length < 1_000) body += chunk;
  });
  req.on('end', () => reply(isChoice ? new URLSearchParams(body).get('providerUid') : null));
}

/** A screen of the single-page démarche (practice-spa.ts); its root without the slash leads to it. */
function answerSpa(res: import('node:http').ServerResponse, pathname: string): void {
  if (`${pathname}/` === SPA_ROOT) {
    res.writeHead(301, { location: SPA_ROOT });
    res.end();
    return;
  }
  const html = spaPage(pathname);
  if (!html) {
    notFound(res);
    return;
  }
  res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
  res.end(html);
}

function notFound(res: import('node:http').ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Page introuvable sur le site d’entraînement.');
}

function indexPage(versions: string[]): string {
  const links = versions
    .map((v) => {
      const path =
        v === '1.14.4'
          ? 'example/layout/page/register/2-steps/2a-login/index.html'
          : 'example/page/account/register/2-steps/2a-login/index.html';
      return `<li><a href="/${v}/${path}">Créer un compte — DSFR ${v}</a> · <a href="/${v}/example/">tous les exemples</a></li>`;
    })
    .concat('<li><a href="/espace/demande/identite/">Mon espace : une demande jusqu’au récapitulatif (données fictives)</a></li>')
    .concat(
      `<li><a href="${FC_PAGES.login}">Se connecter avec FranceConnect : la page d’un service, le choix du compte, le consentement</a></li>`,
    )
    .concat(`<li><a href="${SPA_PAGES.start}">Une démarche sur une seule page (l’adresse change sans rechargement)</a></li>`)
    .concat(
      `<li><a href="${TABS_PAGES.start}">Se connecter : un onglet par public, un lien « Se connecter » dans chacun, une rubrique « Mot de passe oublié ? » fermée</a></li>`,
    )
    .join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Site d’entraînement Côte à côte</title></head>
<body><main><h1>Site d’entraînement Côte à côte</h1>
<p>Les pages d’exemple du Système de design de l’État (DSFR), servies sur cet ordinateur.</p>
<ul>${links}</ul></main></body></html>`;
}

// `npx tsx scripts/practice-server.ts [--port N] [--host H]`: serve until stopped.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const server = await startPracticeServer({ port: Number(arg('--port') ?? 8643), host: arg('--host') });
  console.log(`Site d’entraînement : ${server.url}/`);
}
