/**
 * Format 2 (issue 13): theme, sources, the `documented` status and steps that
 * run another guide. Format-1 files parse as before and are told to declare
 * format 2 to use any of these; inner guides are checked among the known
 * guides (missing ones, circles), in French messages that name them.
 */
import { describe, expect, it } from 'vitest';
import { type Guide, innerGuideIds, innerGuideProblems, nextItemId, parseGuide, reachableIds, successorIds } from '../../../utils/guide';
import { validGuide } from './fixtures';

/** A format-2 guide: a step that runs `inner`, then a read step and an end. */
// biome-ignore lint/suspicious/noExplicitAny: a raw guide, broken on purpose field by field.
function caller(id: string, inner: string, extra: Record<string, unknown> = {}): Record<string, any> {
  return {
    ...validGuide(),
    format: 2,
    id,
    theme: 'sante',
    sources: [{ title: 'Aide officielle', url: 'https://www.exemple.gouv.fr/aide', seen: '2026-11-20' }],
    status: { state: 'documented', on: '2026-11-20' },
    steps: [
      { kind: 'guide', id: 'connexion', guide: inner, instruction: 'Connectez-vous avec FranceConnect.' },
      { kind: 'step', id: 'lire', action: 'read', instruction: 'Lisez la page.' },
      { kind: 'end', id: 'fin' },
    ],
    ...extra,
  };
}

function parsed(raw: unknown): Guide {
  const result = parseGuide(raw, 'guides/essai.json');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.guide;
}

function messages(raw: unknown): string[] {
  const result = parseGuide(raw, 'guides/essai.json');
  return result.ok ? [] : result.problems.map((p) => p.message);
}

describe('format 2', () => {
  it('reads theme, sources, the documented status and a step that runs another guide', () => {
    const guide = parsed(caller('essai', 'franceconnect-se-connecter'));
    expect(guide.format).toBe(2);
    expect(guide.theme).toBe('sante');
    expect(guide.sources).toEqual([{ title: 'Aide officielle', url: 'https://www.exemple.gouv.fr/aide', seen: '2026-11-20' }]);
    expect(guide.status).toEqual({ state: 'documented', on: '2026-11-20' });
    expect(guide.steps[0]).toMatchObject({ kind: 'guide', guide: 'franceconnect-se-connecter' });
  });

  it('keeps format 1 as it was: sources default to an empty list, no theme', () => {
    const guide = parsed(validGuide());
    expect(guide.format).toBe(1);
    expect(guide.sources).toEqual([]);
    expect(guide.theme).toBeUndefined();
  });

  it('a format-1 file that uses a format-2 field is told to declare format 2, at each field', () => {
    const found = messages(caller('essai', 'autre', { format: 1 }));
    expect(found).toHaveLength(4);
    expect(found.find((m) => m.includes('(theme)'))).toContain('le thème est un ajout du format 2 ; déclarez "format": 2');
    expect(found.find((m) => m.includes('(sources)'))).toContain('les sources sont un ajout du format 2');
    expect(found.find((m) => m.includes('(status.state)'))).toContain('l’état « documented » est un ajout du format 2');
    expect(found.find((m) => m.includes('(steps[0].kind)'))).toContain('une étape qui joue un autre guide');
  });

  it('refuses an unknown theme, a source that is not https or has no date, and too many sources', () => {
    expect(messages(caller('essai', 'autre', { theme: 'impot' })).join('\n')).toContain(
      '« impot » n’est pas un thème connu ; attendu : impots, sante, famille, emploi, identite, compte. Vouliez-vous dire « impots » ?',
    );
    const http = messages(
      caller('essai', 'autre', { sources: [{ title: 'Aide', url: 'http://www.exemple.gouv.fr/', seen: '2026-11-20' }] }),
    );
    expect(http.join('\n')).toContain('source 1 (sources[0].url) : « http://www.exemple.gouv.fr/ » n’est pas une adresse de source valide');
    const undated = messages(caller('essai', 'autre', { sources: [{ title: 'Aide', url: 'https://www.exemple.gouv.fr/' }] }));
    expect(undated.join('\n')).toContain('il manque la date de consultation (champ obligatoire « seen »)');
    const many = Array.from({ length: 11 }, (_, i) => ({ title: `Aide ${i}`, url: 'https://www.exemple.gouv.fr/', seen: '2026-11-20' }));
    expect(messages(caller('essai', 'autre', { sources: many })).join('\n')).toContain(
      'la liste des sources contient 11 éléments, pour 10 au plus.',
    );
  });

  it('names the fields a step that runs a guide may have', () => {
    const raw = caller('essai', 'autre');
    raw.steps[0].action = 'click';
    expect(messages(raw).join('\n')).toContain(
      'champ inconnu « action » ; les champs possibles ici sont : kind, id, guide, instruction, why, advisorTip, next.',
    );
    delete raw.steps[0].action;
    delete raw.steps[0].guide;
    expect(messages(raw).join('\n')).toContain('il manque l’identifiant du guide à jouer (champ obligatoire « guide »)');
  });

  it('refuses a guide that runs itself', () => {
    expect(messages(caller('essai', 'essai')).join('\n')).toContain(
      'guides/essai.json — étape 1 (steps[0].guide) : cette étape joue le guide « essai », c’est-à-dire ce guide lui-même',
    );
  });

  it('a step that runs a guide leads on like a step: next, dangling next, last item without next', () => {
    const guide = parsed(caller('essai', 'autre'));
    expect(nextItemId(guide, 'connexion')).toBe('lire');
    expect(successorIds(guide, 'connexion')).toEqual(['lire']);
    expect([...reachableIds(guide)].sort()).toEqual(['connexion', 'fin', 'lire']);
    expect(innerGuideIds(guide)).toEqual(['autre']);
    const jump = caller('essai', 'autre');
    jump.steps[0].next = 'fin';
    expect(messages(jump).join('\n')).toContain('cette étape n’est jamais atteinte');
    jump.steps[0].next = 'fim';
    expect(messages(jump).join('\n')).toContain('« fim » ne correspond à aucune étape, question ou fin de ce guide');
    const last = caller('essai', 'autre', { steps: [{ kind: 'guide', id: 'connexion', guide: 'autre', instruction: 'Connectez-vous.' }] });
    expect(messages(last).join('\n')).toContain('cette étape est la dernière de la liste et ne dit pas où aller ensuite');
  });
});

describe('inner guides among the known guides', () => {
  const fc = parsed({ ...validGuide(), id: 'franceconnect-se-connecter' });

  it('accepts an inner guide that is there', () => {
    expect(innerGuideProblems(parsed(caller('ameli', 'franceconnect-se-connecter')), [fc], 'installed')).toEqual([]);
  });

  it('names a missing inner guide, with where it was looked for and a guess', () => {
    const [problem] = innerGuideProblems(parsed(caller('ameli', 'franceconnect-se-conecter')), [fc], 'installed', 'ameli.json');
    expect(problem).toEqual({
      path: 'steps[0].guide',
      message:
        'ameli.json — étape 1 (steps[0].guide) : cette étape joue le guide « franceconnect-se-conecter », qui n’est pas parmi les guides fournis avec Côte à côte ni dans « Mes guides » ; importez d’abord ce guide dans « Mes guides », ou corrigez l’identifiant. Vouliez-vous dire « franceconnect-se-connecter » ?',
    });
    const [atBuild] = innerGuideProblems(parsed(caller('ameli', 'inconnu')), [fc], 'bundle');
    expect(atBuild?.message).toContain('qui n’est pas parmi les guides fournis (dossier « guides/ ») ; ajoutez ce guide au dossier');
  });

  it('refuses guides that run each other in a circle, naming the circle', () => {
    const a = parsed(caller('a', 'b'));
    const b = parsed(caller('b', 'c'));
    const c = parsed(caller('c', 'a'));
    const [problem] = innerGuideProblems(a, [b, c], 'bundle');
    expect(problem?.message).toContain('les guides se jouent l’un l’autre en rond (« a » → « b » → « c » → « a »)');
    // The guide being checked counts, not its former version among the others.
    const before = parsed(caller('c', 'franceconnect-se-connecter'));
    expect(innerGuideProblems(c, [a, b, before, fc], 'installed')[0]?.message).toContain('« c » → « a » → « b » → « c »');
    expect(innerGuideProblems(before, [a, b, c, fc], 'installed')).toEqual([]);
  });

  it('a chain without a circle is fine, and a circle among others is theirs to tell', () => {
    const a = parsed(caller('a', 'b'));
    const b = parsed(caller('b', 'franceconnect-se-connecter'));
    expect(innerGuideProblems(a, [b, fc], 'bundle')).toEqual([]);
    const x = parsed(caller('x', 'y'));
    const y = parsed(caller('y', 'x'));
    const d = parsed(caller('d', 'x'));
    expect(innerGuideProblems(d, [x, y], 'bundle')).toEqual([]);
  });
});
