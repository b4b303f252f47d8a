import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { GuideProblem, ParseResult } from '../../../utils/guide';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const GUIDES_DIR = join(ROOT, 'guides');

/** A small valid guide with every kind of item: a fresh copy each time, to be broken by a test. */
export function validGuide(): Record<string, any> {
  return {
    format: 1,
    id: 'essai',
    version: '1.0.0',
    lang: 'fr',
    title: 'Guide d’essai',
    summary: 'Un guide pour les tests.',
    status: { state: 'draft' },
    sites: ['https://www.exemple.gouv.fr/*'],
    prepare: [{ label: 'Votre numéro fiscal', sensitive: true }],
    durationMinutes: 5,
    steps: [
      {
        kind: 'question',
        id: 'compte',
        question: 'Avez-vous déjà un compte ?',
        choices: [
          { label: 'Oui', next: 'fin-connexion' },
          { label: 'Non', next: 'email' },
        ],
      },
      {
        kind: 'step',
        id: 'email',
        page: '/inscription/*',
        action: 'fill',
        target: { tag: 'input', type: 'email', label: 'Adresse e-mail' },
        instruction: 'Écrivez votre adresse e-mail.',
      },
      {
        kind: 'step',
        id: 'valider',
        page: '/inscription/*',
        action: 'click',
        target: { tag: 'button', text: 'Valider' },
        instruction: 'Cliquez sur « Valider ».',
        doneWhen: 'page',
        donePage: '/inscription/fin*',
      },
      { kind: 'end', id: 'fin', message: 'Votre compte est créé.' },
      { kind: 'end', id: 'fin-connexion' },
    ],
  };
}

/** The guide files of `guides/` (the JSON Schema aside). */
export function guideFiles(): string[] {
  return readdirSync(GUIDES_DIR)
    .filter((name) => name.endsWith('.json') && name !== 'guide.schema.json')
    .sort();
}

export function readGuideFile(name: string): string {
  return readFileSync(join(GUIDES_DIR, name), 'utf8');
}

/** The problems of a result that must have failed. */
export function problemsOf(result: ParseResult): GuideProblem[] {
  if (result.ok) throw new Error('le guide aurait dû être refusé');
  return result.problems;
}

/** The one problem at `path`; fails the test when there is none. */
export function problemAt(result: ParseResult, path: string): GuideProblem {
  const problems = problemsOf(result);
  const found = problems.find((problem) => problem.path === path);
  expect(found, `aucun problème à « ${path} » parmi :\n${problems.map((p) => p.message).join('\n')}`).toBeDefined();
  return found as GuideProblem;
}
