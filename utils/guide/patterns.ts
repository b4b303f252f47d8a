/**
 * What a guide file may claim about where it runs. A guide travels between
 * teams as a file: its site patterns decide where the extension shows itself
 * (and which sites an import asks for), its page patterns are matched on every
 * page of a run. The rules, documented in `docs/guide-format.md` (« Motifs de
 * sites et de pages : ce qui est refusé »):
 * - a pattern has at most `MAX_WILDCARDS` runs of `*` (`**` counts once);
 * - a site's host is a domain name (with at least one dot), `localhost` or
 *   `127.0.0.1` (the practice site); no other IP address, no IP range;
 * - `*.domaine` only over a registrable domain: the part after `*.` must keep
 *   at least one label in front of its public suffix (`*.ameli.fr`,
 *   `*.impots.gouv.fr`; not `*.fr`, `*.com`, `*.gouv.fr`), and never over
 *   loopback or numbers.
 * Pure; used by `validate.ts`, whose messages carry the field's path.
 */

import { LIMITS } from './schema';

/** Runs of `*` allowed in one page pattern or one site's path. */
export const MAX_WILDCARDS = LIMITS.wildcards;

/**
 * Public suffixes of more than one label that matter for French procedures:
 * a wildcard right over one of them would cover every site registered under
 * it (`*.gouv.fr` is every State site). Any single label (`fr`, `com`, `org`,
 * `net`, `eu`, `info`, every two-letter country code…) is a public suffix too.
 */
export const PUBLIC_SUFFIXES = new Set([
  'gouv.fr',
  'asso.fr',
  'com.fr',
  'nom.fr',
  'tm.fr',
  'presse.fr',
  'co.uk',
  'org.uk',
  'gov.uk',
  'ac.uk',
  'com.re',
  'asso.re',
  'nom.re',
]);

/** The only hosts of this machine a guide may name, exactly (the practice site). */
export const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Runs of `*` in a pattern (`**` counts once). */
export function wildcardCount(pattern: string): number {
  let runs = 0;
  for (let i = 0; i < pattern.length; i++) if (pattern[i] === '*' && pattern[i - 1] !== '*') runs++;
  return runs;
}

/** The problem of a pattern with too many wildcards, or undefined. */
export function wildcardProblem(pattern: string): string | undefined {
  const count = wildcardCount(pattern);
  if (count <= MAX_WILDCARDS) return undefined;
  return `ce motif contient ${count} « * » ; ${MAX_WILDCARDS} au plus sont acceptés. Un motif de page n’a besoin d’une « * » qu’à la place de ce qui change d’une personne à l’autre.`;
}

/** Whether `domain` (lower case, no `*.`) is a public suffix: one label, or a known suffix of two. */
function isPublicSuffix(domain: string): boolean {
  return !domain.includes('.') || PUBLIC_SUFFIXES.has(domain);
}

/** Problems of a site's host that the schema's shape lets through; `*` alone is checked by the caller. */
export function hostProblem(host: string): string | undefined {
  const lower = host.toLowerCase();
  const wildcard = lower.startsWith('*.');
  const domain = wildcard ? lower.slice(2) : lower;
  const labels = domain.split('.');
  const numeric = labels.every((label) => /^\d+$/.test(label));
  if (numeric || /^\d+$/.test(labels[labels.length - 1] ?? '')) {
    if (!wildcard && LOOPBACK_HOSTS.has(domain)) return undefined;
    return wildcard || !IPV4.test(domain)
      ? `« ${host} » désigne une plage d’adresses IP ; un guide nomme ses sites par leur nom de domaine, par exemple « https://www.impots.gouv.fr/* ».`
      : `« ${host} » est une adresse IP ; un guide nomme ses sites par leur nom de domaine (seule l’adresse de cet ordinateur, 127.0.0.1, est acceptée, pour le site d’entraînement).`;
  }
  if (!labels.every((label) => LABEL.test(label))) {
    return `« ${host} » n’est pas un nom de site valide ; attendu : des lettres, des chiffres et des tirets séparés par des points, par exemple « www.impots.gouv.fr ».`;
  }
  if (wildcard) {
    if (domain === 'localhost') {
      return `« ${host} » viserait tous les noms de cet ordinateur ; seul « localhost » exactement est accepté, pour le site d’entraînement.`;
    }
    if (isPublicSuffix(domain)) {
      return `« ${host} » viserait tous les sites en « .${domain} » ; « *. » doit être suivi du domaine d’un organisme, par exemple « *.ameli.fr » ou « *.impots.gouv.fr ».`;
    }
    return undefined;
  }
  if (labels.length === 1 && !LOOPBACK_HOSTS.has(domain)) {
    return `« ${host} » n’est pas un nom de site complet ; attendu : un nom avec son domaine, par exemple « www.impots.gouv.fr ».`;
  }
  return undefined;
}

/** The host and path of a site pattern the schema accepted (`https://*.ameli.fr/*` → `*.ameli.fr`, `/*`). */
export function siteParts(site: string): { host: string; path: string } | undefined {
  const m = /^(?:\*|https?):\/\/([^/:]+)(?::\d+)?(\/.*)$/.exec(site);
  return m ? { host: m[1] as string, path: m[2] as string } : undefined;
}
