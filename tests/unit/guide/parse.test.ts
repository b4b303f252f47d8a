import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblems, MAX_GUIDE_BYTES, parseGuide, parseGuideText } from '../../../utils/guide';
import { duplicateKeys } from '../../../utils/guide/json-duplicates';
import { guideFiles, problemAt, problemsOf, readGuideFile, validGuide } from './fixtures';

const FILE = 'guides/essai.json';

/** Parses a guide after `breakIt` changed it. */
function broken(breakIt: (guide: Record<string, any>) => void) {
  const guide = validGuide();
  breakIt(guide);
  return parseGuide(guide, FILE);
}

describe('valid guides', () => {
  it('accepts the test fixture and fills in defaults', () => {
    const result = parseGuide(validGuide(), FILE);
    expect(result.ok ? result.guide.steps.length : formatProblems(result.problems)).toBe(5);
    if (!result.ok) return;
    const email = result.guide.steps[1];
    expect(email?.kind === 'step' && email.sensitive).toBe(false);
    expect(result.guide.prepare[0]?.sensitive).toBe(true);
  });

  it('finds at least the practice guide in guides/', () => {
    expect(guideFiles()).toContain('dsfr-creer-un-compte.json');
  });

  it.each(guideFiles())('guides/%s is valid', (name) => {
    const result = parseGuideText(readGuideFile(name), `guides/${name}`);
    expect(result.ok ? 'valide' : formatProblems(result.problems)).toBe('valide');
  });

  it('accepts a file that starts with a byte order mark', () => {
    const result = parseGuideText(`\uFEFF${JSON.stringify(validGuide())}`, FILE);
    expect(result.ok).toBe(true);
  });
});

describe('broken guides: one clear French message each, at the right path', () => {
  it('unknown action', () => {
    const result = broken((g) => {
      g.steps[2].action = 'clicker';
    });
    const problem = problemAt(result, 'steps[2].action');
    expect(problem.message).toContain(
      'guides/essai.json — étape 3 (steps[2].action) : « clicker » n’est pas une action connue ; attendu : click, fill, choose, check, pick-file, read, go-to-page.',
    );
    expect(problem.message).toContain('Vouliez-vous dire « click » ?');
  });

  it('duplicate step id', () => {
    const problem = problemAt(
      broken((g) => {
        g.steps[2].id = 'email';
      }),
      'steps[2].id',
    );
    expect(problem.message).toBe(
      'guides/essai.json — étape 3 (steps[2].id) : l’identifiant « email » est déjà celui de l’étape 2 ; chaque étape, question et fin doit avoir son propre identifiant.',
    );
  });

  it('dangling branch of a question', () => {
    const problem = problemAt(
      broken((g) => {
        g.steps[0].choices[1].next = 'emial';
      }),
      'steps[0].choices[1].next',
    );
    expect(problem.message).toMatch(
      /^guides\/essai\.json — choix 2 de l’étape 1 \(steps\[0\]\.choices\[1\]\.next\) : « emial » ne correspond à aucune étape, question ou fin de ce guide ; attendu : l’identifiant d’un élément de « steps »/,
    );
    expect(problem.message).toContain('Vouliez-vous dire « email » ?');
  });

  it('dangling next of a step', () => {
    const problem = problemAt(
      broken((g) => {
        g.steps[1].next = 'nulle-part';
      }),
      'steps[1].next',
    );
    expect(problem.message).toContain('« nulle-part » ne correspond à aucune étape, question ou fin');
  });

  it('unreachable step', () => {
    const result = broken((g) => {
      g.steps[1].next = 'fin';
    });
    const problem = problemAt(result, 'steps[2]');
    expect(problem.message).toBe(
      'guides/essai.json — étape 3 (steps[2]) : cette étape n’est jamais atteinte : aucune étape ni aucun choix n’y mène depuis le début du guide.',
    );
    expect(problemsOf(result)).toHaveLength(1);
  });

  it('no end reachable', () => {
    const problem = problemAt(
      broken((g) => {
        g.steps = [g.steps[1], { ...g.steps[2], next: 'email' }];
      }),
      'steps',
    );
    expect(problem.message).toContain('aucune fin n’est atteignable depuis le début du guide');
  });

  it('a loop with no way out, even though an end exists elsewhere', () => {
    const result = broken((g) => {
      g.steps[2].next = 'email';
    });
    expect(problemAt(result, 'steps[1]').message).toContain('aucun chemin ne mène à une fin');
    expect(problemAt(result, 'steps[2]').message).toContain('aucun chemin ne mène à une fin');
    // The end after the loop is unreachable too, and said so.
    expect(problemAt(result, 'steps[3]').message).toContain('cette fin n’est jamais atteinte');
  });

  it('empty title, and a text of spaces only', () => {
    const result = broken((g) => {
      g.title = '';
      g.steps[1].instruction = '   ';
    });
    expect(problemAt(result, 'title').message).toBe(
      'guides/essai.json — en-tête du guide (title) : le titre est vide ; attendu : un texte d’au moins 1 caractère (les espaces et les caractères invisibles seuls ne comptent pas).',
    );
    expect(problemAt(result, 'steps[1].instruction').message).toContain('la consigne est vide');
  });

  it('wrong types: a number in quotes, a number for a text, a text for a list', () => {
    const result = broken((g) => {
      g.durationMinutes = '5';
      g.steps[1].instruction = 42;
      g.sites = 'https://www.exemple.gouv.fr/*';
      g.steps[1].sensitive = 'true';
    });
    expect(problemAt(result, 'durationMinutes').message).toBe(
      'guides/essai.json — en-tête du guide (durationMinutes) : la durée estimée n’a pas le bon type ; attendu : un nombre, reçu : un texte (« 5 »). Écrivez le nombre sans guillemets.',
    );
    expect(problemAt(result, 'steps[1].instruction').message).toContain('attendu : un texte entre guillemets, reçu : un nombre (42).');
    expect(problemAt(result, 'sites').message).toContain('attendu : une liste [ … ], reçu : un texte');
    expect(problemAt(result, 'steps[1].sensitive').message).toContain('Écrivez true ou false sans guillemets.');
  });

  it('a number too large for JSON (1e999 is read as Infinity) is said so', () => {
    const text = JSON.stringify(validGuide()).replace('"durationMinutes":5', '"durationMinutes":1e999');
    expect(problemAt(parseGuideText(text, FILE), 'durationMinutes').message).toBe(
      'guides/essai.json — en-tête du guide (durationMinutes) : la durée estimée n’a pas le bon type ; attendu : un nombre, reçu : un nombre trop grand pour être lu.',
    );
  });

  it('a decimal where a whole number is expected', () => {
    expect(
      problemAt(
        broken((g) => {
          g.durationMinutes = 2.5;
        }),
        'durationMinutes',
      ).message,
    ).toContain('attendu : un nombre entier, reçu : un nombre (2.5)');
  });

  it('too long text says the limit and the actual length', () => {
    const problem = problemAt(
      broken((g) => {
        g.steps[1].instruction = 'a'.repeat(301);
      }),
      'steps[1].instruction',
    );
    expect(problem.message).toBe(
      'guides/essai.json — étape 2 (steps[1].instruction) : la consigne est trop longue : 301 caractères, pour 300 caractères au plus. Raccourcissez le texte.',
    );
  });

  it('too long summary (masculine agreement)', () => {
    expect(
      problemAt(
        broken((g) => {
          g.summary = 'b'.repeat(250);
        }),
        'summary',
      ).message,
    ).toContain('le résumé est trop long : 250 caractères, pour 200 caractères au plus.');
  });

  it('unknown fields, with a suggestion when one is close', () => {
    const result = broken((g) => {
      g.steps[1].foo = 1;
      g.titel = 'Faute de frappe';
    });
    expect(problemAt(result, 'steps[1].foo').message).toBe(
      'guides/essai.json — étape 2 (steps[1].foo) : champ inconnu « foo » ; les champs possibles ici sont : kind, id, page, action, target, instruction, why, advisorTip, sensitive, doneWhen, donePage, next.',
    );
    expect(problemAt(result, 'titel').message).toBe(
      'guides/essai.json — en-tête du guide (titel) : champ inconnu « titel » ; vouliez-vous dire « title » ?',
    );
  });

  it('unknown field in a target and in a choice', () => {
    const result = broken((g) => {
      g.steps[1].target.lable = 'Adresse';
      g.steps[0].choices[0].nxt = 'fin';
    });
    expect(problemAt(result, 'steps[1].target.lable').message).toContain(
      'cible de l’étape 2 (steps[1].target.lable) : champ inconnu « lable » ; vouliez-vous dire « label » ?',
    );
    expect(problemAt(result, 'steps[0].choices[0].nxt').message).toContain('choix 1 de l’étape 1');
  });

  it('bad site pattern, and a pattern for every site', () => {
    const bad = problemAt(
      broken((g) => {
        g.sites = ['www.exemple.gouv.fr'];
      }),
      'sites[0]',
    );
    expect(bad.message).toMatch(
      /^guides\/essai\.json — site 1 \(sites\[0\]\) : « www\.exemple\.gouv\.fr » n’est pas un motif de site valide ; attendu : /,
    );
    const all = problemAt(
      broken((g) => {
        g.sites = ['*://*/*'];
      }),
      'sites[0]',
    );
    expect(all.message).toContain('« *://*/* » viserait tous les sites');
  });

  it('bad id slug, version, language and date', () => {
    const result = broken((g) => {
      g.id = 'Mon Guide';
      g.version = '1.0';
      g.lang = 'français';
      g.status = { state: 'verified', against: 'le site', on: '2026-02-30' };
    });
    expect(problemAt(result, 'id').message).toContain(
      '« Mon Guide » n’est pas un identifiant valide ; attendu : des lettres minuscules sans accent',
    );
    expect(problemAt(result, 'version').message).toContain(
      '« 1.0 » n’est pas une version valide ; attendu : trois nombres séparés par des points',
    );
    expect(problemAt(result, 'lang').message).toContain('n’est pas un code de langue valide');
    expect(problemAt(result, 'status.on').message).toBe(
      'guides/essai.json — statut du guide (status.on) : « 2026-02-30 » n’est pas une date valide ; attendu : une date réelle au format AAAA-MM-JJ, par exemple « 2026-11-23 ».',
    );
  });

  it('an empty id is said once (empty), not twice (empty and malformed)', () => {
    const result = broken((g) => {
      g.steps[1].id = '';
    });
    const atId = problemsOf(result).filter((p) => p.path === 'steps[1].id');
    expect(atId.map((p) => p.message)).toEqual([expect.stringContaining('l’identifiant est vide')]);
  });

  it('page patterns: not a path, a full address, a space', () => {
    expect(
      problemAt(
        broken((g) => {
          g.steps[1].page = 'inscription';
        }),
        'steps[1].page',
      ).message,
    ).toContain('attendu : un chemin qui commence par « / »');
    expect(
      problemAt(
        broken((g) => {
          g.steps[1].page = 'https://www.exemple.gouv.fr/inscription';
        }),
        'steps[1].page',
      ).message,
    ).toContain('sans « https:// » ni le nom du site');
    expect(
      problemAt(
        broken((g) => {
          g.steps[1].page = '//www.exemple.gouv.fr/x';
        }),
        'steps[1].page',
      ).message,
    ).toContain('ressemble à une adresse complète');
    expect(
      problemAt(
        broken((g) => {
          g.steps[2].donePage = '/mon espace/*';
        }),
        'steps[2].donePage',
      ).message,
    ).toContain('contient une espace');
    expect(
      problemAt(
        broken((g) => {
          g.steps[2].donePage = '/fin#haut';
        }),
        'steps[2].donePage',
      ).message,
    ).toContain('contient « # »');
  });

  it('missing target on a click step', () => {
    const problem = problemAt(
      broken((g) => {
        delete g.steps[2].target;
      }),
      'steps[2].target',
    );
    expect(problem.message).toBe(
      'guides/essai.json — étape 3 (steps[2].target) : il manque la cible (champ « target ») ; une étape « click » doit dire quel élément de la page montrer.',
    );
  });

  it('donePage: required for go-to-page and doneWhen page, useless otherwise', () => {
    const goTo = problemAt(
      broken((g) => {
        g.steps[2] = { kind: 'step', id: 'valider', action: 'go-to-page', instruction: 'Allez sur votre espace.' };
      }),
      'steps[2].donePage',
    );
    expect(goTo.message).toContain('une étape « go-to-page » doit dire quelle page atteindre');
    const page = problemAt(
      broken((g) => {
        delete g.steps[2].donePage;
      }),
      'steps[2].donePage',
    );
    expect(page.message).toContain('(doneWhen « page ») doit dire laquelle');
    const useless = problemAt(
      broken((g) => {
        delete g.steps[2].doneWhen;
      }),
      'steps[2].donePage',
    );
    expect(useless.message).toContain('ajoutez "doneWhen": "page"');
  });

  it('doneWhen action without a target', () => {
    const problem = problemAt(
      broken((g) => {
        g.steps[1] = { kind: 'step', id: 'email', action: 'read', instruction: 'Lisez.', doneWhen: 'action' };
      }),
      'steps[1].doneWhen',
    );
    expect(problem.message).toContain('« action » demande une cible');
  });

  it('a last step without next', () => {
    const problem = problemAt(
      broken((g) => {
        g.steps.push({ kind: 'step', id: 'dernier', action: 'read', instruction: 'Lisez.' });
        g.steps[0].choices[0].next = 'dernier';
      }),
      'steps[5].next',
    );
    expect(problem.message).toBe(
      'guides/essai.json — étape 6 (steps[5].next) : cette étape est la dernière de la liste et ne dit pas où aller ensuite ; ajoutez une fin (« kind »: « end ») après elle, ou un champ « next ».',
    );
  });

  it('missing required fields', () => {
    const result = broken((g) => {
      delete g.steps[1].instruction;
      delete g.title;
    });
    expect(problemAt(result, 'steps[1].instruction').message).toBe(
      'guides/essai.json — étape 2 (steps[1].instruction) : il manque la consigne (champ obligatoire « instruction ») ; attendu : un texte entre guillemets.',
    );
    expect(problemAt(result, 'title').message).toContain('il manque le titre (champ obligatoire « title »)');
  });

  it('unknown or missing kind', () => {
    const result = broken((g) => {
      g.steps[1].kind = 'etape';
      delete g.steps[3].kind;
    });
    expect(problemAt(result, 'steps[1].kind').message).toContain(
      '« etape » n’est pas un type d’élément connu ; attendu : step (une étape), question (une question), end (une fin) ou guide (une étape qui joue un autre guide, format 2).',
    );
    expect(problemAt(result, 'steps[3].kind').message).toContain('il manque le type d’élément (champ obligatoire « kind »)');
  });

  it('array too short, too long, and empty', () => {
    const result = broken((g) => {
      g.steps[0].choices = [g.steps[0].choices[0]];
      g.prepare = Array.from({ length: 21 }, (_, i) => ({ label: `Papier ${i}` }));
    });
    expect(problemAt(result, 'steps[0].choices').message).toBe(
      'guides/essai.json — question « compte » (étape 1) (steps[0].choices) : la liste des choix contient 1 élément, pour 2 au moins.',
    );
    expect(problemAt(result, 'prepare').message).toContain('la liste des choses à préparer contient 21 éléments, pour 20 au plus.');
    expect(
      problemAt(
        broken((g) => {
          g.steps = [];
        }),
        'steps',
      ).message,
    ).toContain('la liste des étapes est vide ; attendu : au moins 1 élément.');
  });

  it('a step that is not an object, and a target with a bad tag', () => {
    const result = broken((g) => {
      g.steps[3] = 'fin';
      g.steps[1].target.tag = 'INPUT';
    });
    expect(problemAt(result, 'steps[3]').message).toContain('attendu : un objet { … }, reçu : un texte (« fin »)');
    expect(problemAt(result, 'steps[1].target.tag').message).toContain('« INPUT » n’est pas un nom de balise valide');
  });

  it('two choices with the same label', () => {
    const problem = problemAt(
      broken((g) => {
        g.steps[0].choices[1].label = 'oui';
      }),
      'steps[0].choices[1].label',
    );
    expect(problem.message).toContain('ce choix a le même libellé que le choix 1');
  });

  it('wrong format version', () => {
    const result = broken((g) => {
      g.format = 3;
    });
    expect(problemAt(result, 'format').message).toBe(
      'guides/essai.json — en-tête du guide (format) : ce guide est écrit au format 3, que cette version de Côte à côte ne sait pas lire ; attendu : 1 ou 2. Demandez une version du guide au format 2, ou mettez l’extension à jour.',
    );
    expect(
      problemAt(
        broken((g) => {
          g.format = '1';
        }),
        'format',
      ).message,
    ).toContain('attendu : le nombre 1 ou 2, sans guillemets');
    expect(
      problemAt(
        broken((g) => {
          delete g.format;
        }),
        'format',
      ).message,
    ).toContain('il manque le numéro de format (champ obligatoire « format ») ; attendu : 1 ou 2.');
  });

  it('top level is not an object', () => {
    for (const [value, kind] of [
      [[], 'une liste'],
      ['guide', 'un texte'],
      [null, 'null (aucune valeur)'],
      [3, 'un nombre'],
    ] as const) {
      const problems = problemsOf(parseGuide(value, FILE));
      expect(problems).toEqual([
        {
          path: '',
          message: `guides/essai.json : le fichier doit contenir un guide, c’est-à-dire un objet JSON qui commence par « { » ; reçu : ${kind}.`,
        },
      ]);
    }
  });

  it('without a file name, the sentence starts with the place', () => {
    const result = parseGuide({ ...validGuide(), title: '' });
    expect(problemAt(result, 'title').message).toBe(
      'en-tête du guide (title) : le titre est vide ; attendu : un texte d’au moins 1 caractère (les espaces et les caractères invisibles seuls ne comptent pas).',
    );
    expect(problemsOf(parseGuide([]))[0]?.message).toMatch(/^Le fichier doit contenir un guide/);
  });

  it('lists at most 50 problems and says how many more there are', () => {
    const problems = problemsOf(
      broken((g) => {
        g.steps = Array.from({ length: 120 }, () => ({ kind: 'step' }));
      }),
    );
    expect(problems).toHaveLength(51);
    expect(problems[50]?.message).toMatch(/^guides\/essai\.json : et \d+ autres problèmes ; corrigez d’abord ceux qui précèdent\.$/);
  });
});

describe('broken files', () => {
  it('empty file', () => {
    for (const text of ['', '   \n\t', '\uFEFF']) {
      expect(problemsOf(parseGuideText(text, FILE))).toEqual([
        {
          path: '',
          message: 'guides/essai.json : le fichier est vide ; attendu : un guide au format JSON, un objet qui commence par « { ».',
        },
      ]);
    }
  });

  it('not JSON: line and column of the first error', () => {
    const text = '{\n  "format": 1,\n  "id": "essai",\n}\n';
    expect(problemsOf(parseGuideText(text, FILE))).toEqual([
      {
        path: '',
        message:
          'guides/essai.json — ligne 4, colonne 1 : le fichier n’est pas du JSON valide : virgule en trop avant « } » ; le dernier champ d’un objet n’est pas suivi d’une virgule.',
      },
    ]);
  });

  it('a 5 MB file is refused before being read', () => {
    const text = `{"title": "${'x'.repeat(5 * 1024 * 1024)}"}`;
    const problems = problemsOf(parseGuideText(text, FILE));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe(
      'guides/essai.json : le fichier est trop gros (5 Mo) ; un guide fait au plus 1 Mo, d’habitude quelques dizaines de Ko. Vérifiez qu’il s’agit bien d’un guide Côte à côte.',
    );
  });

  it('the limit counts UTF-8 bytes, not characters', () => {
    // 600 000 « é » are 1.2 MB in UTF-8 but 600 000 characters.
    const text = JSON.stringify({ ...validGuide(), summary: 'é'.repeat(600_000) });
    expect(text.length).toBeLessThan(MAX_GUIDE_BYTES);
    expect(problemsOf(parseGuideText(text, FILE))[0]?.message).toContain('le fichier est trop gros (1,1 Mo)');
  });

  it('a guide of exactly the limit is read; one byte more is refused', () => {
    const json = JSON.stringify(validGuide());
    const bytes = new TextEncoder().encode(json).length;
    const atLimit = json.padEnd(json.length + MAX_GUIDE_BYTES - bytes, ' ');
    expect(new TextEncoder().encode(atLimit).length).toBe(MAX_GUIDE_BYTES);
    expect(parseGuideText(atLimit, FILE).ok).toBe(true);
    expect(problemsOf(parseGuideText(`${atLimit} `, FILE))[0]?.message).toContain('le fichier est trop gros');
  });

  it('formatProblems gives one line per problem', () => {
    const problems = problemsOf(
      broken((g) => {
        g.title = '';
        g.summary = '';
      }),
    );
    const text = formatProblems(problems);
    expect(text.split('\n')).toEqual(problems.map((p) => p.message));
    expect(text.split('\n')).toHaveLength(2);
  });
});

describe('texts the person reads: what shows nothing is taken out', () => {
  it('bidi overrides, zero-width spaces, soft hyphens and control characters are gone from every text of the guide', () => {
    const guide = validGuide();
    guide.title = 'Guide\u00ad d’essai\u200b';
    guide.prepare[0].hint = 'Sur \u202evotre avis\u202c d’impôt';
    guide.steps[0].choices[0].label = '\u2066Oui\u2069';
    guide.steps[1].instruction = 'Écrivez\u000bvotre adresse\u0000 e-mail.';
    guide.steps[3].message = '\ufeffVotre compte est créé.\u200e';
    const result = parseGuide(guide, FILE);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    const { title, prepare, steps } = result.guide;
    const [question, email, , end] = steps;
    expect(title).toBe('Guide d’essai');
    expect(prepare[0]?.hint).toBe('Sur votre avis d’impôt');
    expect(question?.kind === 'question' && question.choices[0]?.label).toBe('Oui');
    expect(email?.kind === 'step' && email.instruction).toBe('Écrivez votre adresse  e-mail.');
    expect(end?.kind === 'end' && end.message).toBe('Votre compte est créé.');
  });

  it('a text of invisible characters only is empty, and told so at its place', () => {
    const result = broken((g) => {
      g.steps[1].why = '\u200b\u200b \u2060\u00ad';
    });
    expect(problemAt(result, 'steps[1].why').message).toMatch(
      /^guides\/essai\.json — étape 2 \(steps\[1\]\.why\) : .* est vide ; attendu : un texte d’au moins 1 caractère \(les espaces et les caractères invisibles seuls ne comptent pas\)\.$/,
    );
  });

  it('what the recorder keeps of a page is not changed: a target’s facts keep their characters', () => {
    const guide = validGuide();
    guide.steps[1].target.label = 'Adresse\u200b e-mail';
    const result = parseGuide(guide, FILE);
    expect(result.ok && result.guide.steps[1]?.kind === 'step' && result.guide.steps[1].target?.label).toBe('Adresse\u200b e-mail');
  });
});

describe('a field written twice in a file: JSON would keep the last one and lose the other unseen', () => {
  /** The fixture as a trainer's file: one field per line. */
  const fileText = () => JSON.stringify(validGuide(), null, 2);

  it('in a step: the step, the field and both lines', () => {
    const text = fileText().replace(
      '"instruction": "Écrivez votre adresse e-mail."',
      '"instruction": "Écrivez votre e-mail.",\n"instruction": "Écrivez votre adresse e-mail."',
    );
    expect(text).toContain('"Écrivez votre e-mail."');
    const lines = text.split('\n');
    const first = lines.findIndex((line) => line.includes('"Écrivez votre e-mail."')) + 1;
    expect(problemsOf(parseGuideText(text, FILE))).toEqual([
      {
        path: 'steps[1].instruction',
        message: `guides/essai.json — étape 2 (steps[1].instruction) : le champ « instruction » est écrit deux fois (lignes ${first} et ${first + 1}) ; un seul serait lu, le dernier, et l’autre serait perdu. Gardez le bon et effacez l’autre.`,
      },
    ]);
  });

  it('in the header, in a choice, and a key written with an escape counts as the same key', () => {
    const text = fileText()
      .replace('"id": "essai",', '"id": "essai",\n"\\u0069d": "essai-2",')
      .replace('"label": "Non",', '"label": "Non",\n"label": "Non merci",');
    const problems = problemsOf(parseGuideText(text, FILE));
    expect(problems.map((problem) => problem.path)).toEqual(['id', 'steps[0].choices[1].label']);
    expect(problems[0]?.message).toMatch(
      /^guides\/essai\.json — en-tête du guide \(id\) : le champ « id » est écrit deux fois \(lignes \d+ et \d+\)/,
    );
    expect(problems[1]?.message).toMatch(/^guides\/essai\.json — choix 2 de l’étape 1 \(steps\[0\]\.choices\[1\]\.label\) : /);
  });

  it('on one line, said with that line', () => {
    const text = JSON.stringify(validGuide()).replace('"format":1,', '"format":1,"format":2,');
    expect(problemAt(parseGuideText(text, FILE), 'format').message).toContain('le champ « format » est écrit deux fois (ligne 1)');
  });

  it('the same key in different objects, in nested lists, or as a text value is no duplicate', () => {
    const guide = validGuide();
    guide.steps[1].why = '"instruction": "id"';
    const result = parseGuideText(JSON.stringify(guide, null, 2), FILE);
    expect(result.ok ? 'valide' : formatProblems(result.problems)).toBe('valide');
  });

  it('property: a key written again in any object of any JSON text is found at its path; JSON.stringify never writes one', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), tie('list'), tie('object')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(json.object, fc.nat(), (root, pick) => {
        const text = JSON.stringify(root, null, 1);
        expect(duplicateKeys(text)).toEqual([]);
        // Every object of the text with at least one key, with its path.
        const objects: { path: (string | number)[]; value: Record<string, unknown> }[] = [];
        const walk = (value: unknown, path: (string | number)[]) => {
          if (Array.isArray(value)) {
            for (const [index, item] of value.entries()) walk(item, [...path, index]);
          } else if (value && typeof value === 'object') {
            if (Object.keys(value).length > 0) objects.push({ path, value: value as Record<string, unknown> });
            for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
          }
        };
        walk(root, []);
        const target = objects[pick % Math.max(1, objects.length)];
        if (!target) return;
        const key = Object.keys(target.value)[0] as string;
        // The same object written with its first key once more, at its end.
        const doubled = JSON.stringify({ ...target.value, [`${key}\u0000marker`]: 0 }, null, 1).replace(
          JSON.stringify(`${key}\u0000marker`),
          // A function, so that a key such as « $& » is not read as a replacement pattern.
          () => JSON.stringify(key),
        );
        const whole = replaceAt(root, target.path, '\u0000here');
        const withDuplicate = JSON.stringify(whole, null, 1).replace(JSON.stringify('\u0000here'), () => doubled);
        expect(duplicateKeys(withDuplicate).map((d) => d.path)).toEqual([[...target.path, key]]);
      }),
    );
  });
});

/** `root` with the value at `path` replaced by `value`. */
function replaceAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((item, index) => (index === head ? replaceAt(item, rest, value) : item));
  const object = root as Record<string, unknown>;
  return { ...object, [head as string]: replaceAt(object[head as string], rest, value) };
}
