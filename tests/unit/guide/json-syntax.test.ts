import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineColumn } from '../../../utils/guide/json-syntax';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{\n  "a": 1,\n}', 3, 1, 'virgule en trop avant « } »'],
    ['[1, 2,]', 1, 7, 'virgule en trop avant « ] »'],
    ['{"a": 1', 1, 8, 'l’accolade « { » ouverte ligne 1, colonne 1 n’est jamais fermée ; attendu : « } »'],
    ['[\n  1', 2, 4, 'le crochet « [ » ouvert ligne 1, colonne 1 n’est jamais fermé ; attendu : « ] »'],
    ["{'a': 1}", 1, 2, 'guillemets droits doubles ("), pas entre apostrophes'],
    ['{“a”: 1}', 1, 2, 'les guillemets « “ » ne conviennent pas'],
    ['// commentaire\n{}', 1, 1, 'les commentaires (// ou /* */) ne sont pas permis'],
    ['{"a" 1}', 1, 6, 'il manque « : » après le nom de champ « a »'],
    ['{"a": 1 "b": 2}', 1, 9, 'il manque une virgule avant « "b" »'],
    ['{"a": True}', 1, 7, '« True » n’est pas une valeur JSON'],
    ['{"a": 01}', 1, 7, 'nombre mal écrit « 01 »'],
    ['{"a": .5}', 1, 7, 'nombre mal écrit « .5 »'],
    ['{"a": }', 1, 7, 'il manque la valeur du champ « a » après « : »'],
    ['{a: 1}', 1, 2, 'le nom de champ « a » doit être entre guillemets doubles'],
    ['{"a": "x\ny"}', 1, 9, 'un texte ne peut pas aller à la ligne'],
    ['{"a": "\\x"}', 1, 8, 'la barre oblique inverse « \\ »'],
    ['{"a": "\\u12"}', 1, 8, '« \\u » doit être suivi de 4 chiffres hexadécimaux'],
    ['"pas fermé', 1, 1, 'ce texte n’est jamais fermé'],
    ['{} {}', 1, 4, 'du texte en trop après la fin du guide'],
    ['[}', 1, 2, '« } » ne ferme rien ici ; attendu : « ] »'],
    ['{"a": [1}', 1, 9, '« } » ne ferme rien ici ; attendu : « ] » pour fermer ce qui est ouvert ligne 1, colonne 7'],
  ])('%j → ligne %i, colonne %i : %s', (text, line, column, fragment) => {
    expect(() => JSON.parse(text)).toThrow();
    const found = findJsonSyntaxError(text);
    expect(found).toMatchObject({ line, column });
    expect(found?.text).toContain(fragment);
  });

  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' 1 ', '"a\\u00e9\\n"', '{"a":[1,-2.5e3,true,false,null,{"b":"c"}]}', '\t\r\n{ "x" : [ ] }\n']) {
      expect(findJsonSyntaxError(text)).toBeUndefined();
    }
  });

  it('does not overflow the stack on deep nesting', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(199_999)}`;
    expect(findJsonSyntaxError(deep)?.text).toContain('n’est jamais fermé');
  });

  it('agrees with JSON.parse on valid and broken JSON (property)', () => {
    const corrupted = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', "'", ':', 'x', '\n', '\\', '{', '['), fc.boolean())
      .map(([json, at, piece, remove]) => {
        const i = json.length === 0 ? 0 : at % json.length;
        return remove ? json.slice(0, i) + piece + json.slice(i + 1) : json.slice(0, i) + piece + json.slice(i);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), corrupted, fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const found = findJsonSyntaxError(text);
        expect(found === undefined).toBe(valid);
        if (found) {
          expect(found.line).toBeGreaterThanOrEqual(1);
          expect(found.column).toBeGreaterThanOrEqual(1);
          expect(found.text.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
