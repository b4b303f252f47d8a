import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDraftGuide, DEFAULT_DRAFT_TITLE } from '../../../utils/authoring/draft-guide';
import { draftStep } from '../../../utils/authoring/instruction';

const URL_ = 'https://www.exemple.gouv.fr/compte/123456/identite';

describe('buildDraftGuide', () => {
  it('wraps recorded steps into a valid draft guide ending with an end', () => {
    const steps = [
      draftStep({ kind: 'input-left', facts: { tag: 'input', label: 'Nom', autocomplete: 'family-name' }, url: URL_ }),
      draftStep({ kind: 'click', facts: { tag: 'button', name: 'Valider' }, url: URL_ }, ['nom']),
    ];
    const result = buildDraftGuide({
      title: '  Créer   mon compte ',
      sites: ['https://www.exemple.gouv.fr/*', 'https://www.exemple.gouv.fr/*'],
      steps,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { guide } = result;
    expect(guide).toMatchObject({
      format: 2,
      id: 'creer-mon-compte',
      version: '0.1.0',
      lang: 'fr',
      title: 'Créer mon compte',
      status: { state: 'draft' },
    });
    expect(guide.sites).toEqual(['https://www.exemple.gouv.fr/*']);
    expect(guide.steps.map((s) => [s.kind, s.id])).toEqual([
      ['step', 'nom'],
      ['step', 'valider'],
      ['end', 'fin'],
    ]);
  });

  it('finds a free id for the end and falls back on a default title', () => {
    const steps = [draftStep({ kind: 'click', facts: { tag: 'button', name: 'Fin' }, url: URL_ })];
    const result = buildDraftGuide({ sites: ['https://www.exemple.gouv.fr/*'], steps });
    // No title given: the default one, with the site it was recorded on.
    expect(result.ok && result.guide.title).toBe(`${DEFAULT_DRAFT_TITLE} sur exemple.gouv.fr`);
    expect(result.ok && result.guide.steps.map((s) => s.id)).toEqual(['fin', 'fin-2']);
  });

  it('reports French problems when the draft cannot be a guide (no site)', () => {
    const result = buildDraftGuide({ title: 'Sans site', sites: [], steps: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.path).toBe('sites');
  });
});

describe('authoring modules', () => {
  const dir = join(import.meta.dirname, '../../../utils/authoring');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  // `#i18n` reads the locale files through `browser.i18n`, the same in the editor, the recorder and the background.
  const ALLOWED = new Set([
    '#i18n',
    '../assert-never',
    '../guide/schema',
    '../guide/limits',
    '../guide/parse',
    '../guide/problems',
    '../locate/target',
    '../locate/facts',
  ]);

  it('depend only on each other, the guide format and the pure locate facts (they go into the editor and the recorder)', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
        const spec = m[1] as string;
        expect(spec.startsWith('./') || ALLOWED.has(spec), `${file} imports ${spec}`).toBe(true);
      }
      expect(source, file).not.toMatch(/\b(fetch|XMLHttpRequest|chrome\.|browser\.|localStorage|document\.|window\.)/);
    }
    const facts = readFileSync(join(dir, '../locate/facts.ts'), 'utf8');
    expect(facts).not.toMatch(/^import\s/m);
  });
});
