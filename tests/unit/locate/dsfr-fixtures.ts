import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The `<main>` of a DSFR example page, from node_modules. */
export function dsfrMain(path: string): string {
  const html = readFileSync(resolve(process.cwd(), 'node_modules', path), 'utf8');
  const m = /<main[\s\S]*?<\/main>/.exec(html);
  if (!m) throw new Error(`no <main> in ${path}`);
  return m[0];
}

/** The whole `<body>` of a DSFR example page, scripts removed. */
export function dsfrBody(path: string): string {
  const html = readFileSync(resolve(process.cwd(), 'node_modules', path), 'utf8');
  const m = /<body[^>]*>([\s\S]*)<\/body>/.exec(html);
  if (!m) throw new Error(`no <body> in ${path}`);
  return (m[1] ?? '').replace(/<script[\s\S]*?<\/script>/g, '');
}

export const PAGES = {
  identity: {
    '1.9.3': 'dsfr-1.9.3/example/page/account/register/2-steps/2b-identity/index.html',
    '1.12.1': 'dsfr-1.12.1/example/page/account/register/2-steps/2b-identity/index.html',
    '1.14.4': '@gouvfr/dsfr/example/layout/page/register/2-steps/2b-identity/index.html',
  },
  login: {
    '1.9.3': 'dsfr-1.9.3/example/page/account/login/1-default/index.html',
    '1.12.1': 'dsfr-1.12.1/example/page/account/login/1-default/index.html',
    '1.14.4': '@gouvfr/dsfr/example/layout/page/login/1-default/index.html',
  },
} as const;

/** Interactive elements a guide would point at. */
export const INTERACTIVE = 'a[href], button, input:not([type=hidden]), select, textarea';

/** `<main>` when the page has one (templates), else the body (pattern pages). */
export function dsfrContent(path: string): string {
  try {
    return dsfrMain(path);
  } catch {
    return dsfrBody(path);
  }
}
