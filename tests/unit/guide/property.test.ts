import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guideSchema, type ParseResult, parseGuide, parseGuideText } from '../../../utils/guide';
import { readGuideFile, validGuide } from './fixtures';

const UNEXPECTED = 'erreur inattendue';

/** Either a guide, or a non-empty list of well-formed problems — and never the catch-all. */
function checkResult(result: ParseResult): void {
  if (result.ok) {
    expect(guideSchema.safeParse(result.guide).success).toBe(true);
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(typeof problem.path).toBe('string');
    expect(problem.message.length).toBeGreaterThan(10);
    expect(problem.message).not.toContain(UNEXPECTED);
    expect(problem.message).not.toMatch(/[\r\n]/);
    // Outside the quoted values and the JSON path (the file's own keys: a key may be "NaN"),
    // no trace of a JavaScript value leaking into the sentence.
    const words = problem.message
      .replace(/« [^»]* »/g, '« … »')
      .split(problem.path)
      .join('…');
    expect(words).not.toMatch(/undefined|NaN|\[object /);
  }
}

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, child] of entries) out.push(...pathsOf(child, [...prefix, key]));
  return out;
}

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown } | { kind: 'duplicate' };

function mutate(root: unknown, path: Path, mutation: Mutation): unknown {
  const copy = structuredClone(root);
  if (path.length === 0) return mutation.kind === 'set' ? mutation.value : copy;
  let parent: any = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  const key = path[path.length - 1] as string | number;
  if (mutation.kind === 'set') parent[key] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (mutation.kind === 'add') {
    const target = parent[key];
    if (target && typeof target === 'object' && !Array.isArray(target)) target[mutation.key] = mutation.value;
  } else if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
  return copy;
}

const bases = [validGuide(), JSON.parse(readGuideFile('dsfr-creer-un-compte.json'))];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({
    kind: fc.constant('set' as const),
    value: fc.constantFrom('', ' ', 'x'.repeat(600), 'Étape', 'inconnu', '/page/*', 0, -1, 1.5, 1e9, null, true, [], {}),
  }),
  fc.constant({ kind: 'delete' as const }),
  fc.constant({ kind: 'duplicate' as const }),
  fc.record({ kind: fc.constant('add' as const), key: fc.string({ maxLength: 12 }), value: fc.jsonValue({ maxDepth: 2 }) }),
);

const mutatedGuide = fc
  .tuple(fc.nat({ max: bases.length - 1 }), fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([b, seed, mutations]) => {
    let value: unknown = bases[b];
    mutations.forEach((m, i) => {
      const paths = pathsOf(value);
      value = mutate(value, paths[(seed + i * 7919) % paths.length] as Path, m);
    });
    return value;
  });

describe('parseGuide never throws (property)', () => {
  it('for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => checkResult(parseGuide(value, 'guides/x.json'))),
      { numRuns: 300 },
    );
  });

  it('for any object with guide-like keys', () => {
    const keys = [
      'format',
      'id',
      'version',
      'lang',
      'title',
      'summary',
      'status',
      'sites',
      'prepare',
      'durationMinutes',
      'steps',
      '__proto__',
      'constructor',
    ];
    const guideLike = fc.dictionary(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 }));
    fc.assert(
      fc.property(guideLike, (value) => checkResult(parseGuide(value))),
      { numRuns: 300 },
    );
  });

  it('for mutated valid guides', () => {
    fc.assert(
      fc.property(mutatedGuide, (value) => checkResult(parseGuide(value, 'guides/x.json'))),
      { numRuns: 600 },
    );
  });

  it('for values that are not JSON at all', () => {
    const cyclic: Record<string, unknown> = { ...validGuide() };
    cyclic.steps = [cyclic];
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('piège');
        },
        ownKeys() {
          throw new Error('piège');
        },
      },
    );
    const getter = Object.defineProperty({ ...validGuide() }, 'title', {
      enumerable: true,
      get() {
        throw new Error('piège');
      },
    });
    for (const value of [undefined, Symbol('s'), 10n, () => 1, cyclic, throwing, getter, new Date(), new Map(), Object.create(null)]) {
      const result = parseGuide(value, 'x.json');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
    }
  });
});

describe('parseGuideText never throws (property)', () => {
  it('for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => checkResult(parseGuideText(text, 'x.json'))),
      {
        numRuns: 300,
      },
    );
  });

  it('for any JSON text, and for mutated guide texts', () => {
    const texts = fc.oneof(
      fc.json(),
      mutatedGuide.map((value) => JSON.stringify(value, null, 2) ?? ''),
      fc.tuple(mutatedGuide, fc.nat(), fc.nat({ max: 5 })).map(([value, at, cut]) => {
        const text = JSON.stringify(value) ?? '';
        const i = at % Math.max(1, text.length);
        return text.slice(0, i) + text.slice(i + cut);
      }),
    );
    fc.assert(
      fc.property(texts, (text) => checkResult(parseGuideText(text, 'x.json'))),
      { numRuns: 400 },
    );
  });
});
