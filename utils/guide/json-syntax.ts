/**
 * Finds the first JSON syntax error of a text and says it in plain French with
 * its line and column. Browsers word `JSON.parse` errors differently and in
 * English, and the usual slips of someone editing a file by hand (a comma too
 * many, apostrophes, curly quotes pasted from a word processor, comments) get a
 * hint of their own. Only called after `JSON.parse` has failed.
 *
 * Iterative, so that deeply nested input cannot overflow the stack.
 */
import { assertNever } from '../assert-never';

export interface JsonSyntaxError {
  /** 1-based line and column of the error. */
  line: number;
  column: number;
  /** What is wrong and what is expected, in French (no position in it). */
  text: string;
}

type Expect = 'value' | 'value-or-close' | 'key-or-close' | 'key' | 'colon' | 'comma-or-close' | 'done';

interface Open {
  char: '{' | '[';
  at: number;
}

const SMART_QUOTES = new Set(['“', '”', '„', '«', '»', '‘', '’']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_][\w-]*/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The token at `at` as the person sees it: a whole short string, or one character. */
function tokenAt(text: string, at: number): string {
  const char = text[at] ?? '';
  if (char === '"') {
    const end = text.indexOf('"', at + 1);
    if (end !== -1 && end - at <= 40 && !text.slice(at, end).includes('\n')) return `« ${text.slice(at, end + 1)} »`;
  }
  return shown(char);
}

function shown(char: string): string {
  if (char === '\n' || char === '\r') return 'un retour à la ligne';
  if (char === '\t') return 'une tabulation';
  return `« ${char} »`;
}

function closer(open: Open): '}' | ']' {
  return open.char === '{' ? '}' : ']';
}

/** The first syntax error of `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  const stack: Open[] = [];
  let expect = 'value' as Expect;
  let afterComma = false;
  let afterColon = false;
  let lastKey = '';
  let i = 0;

  const fail = (at: number, message: string): JsonSyntaxError => ({ ...lineColumn(text, at), text: message });
  const where = (at: number) => {
    const { line, column } = lineColumn(text, at);
    return `ligne ${line}, colonne ${column}`;
  };
  const afterValue = () => {
    expect = stack.length > 0 ? 'comma-or-close' : 'done';
    afterComma = false;
    afterColon = false;
  };

  /** Scans a string starting at the quote `i`; returns its end (after the closing quote) or an error. */
  const scanString = (start: number): number | JsonSyntaxError => {
    let j = start + 1;
    while (j < n) {
      const code = text.charCodeAt(j);
      if (code === 34) return j + 1;
      if (code === 92) {
        const next = text[j + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
            return fail(j, '« \\u » doit être suivi de 4 chiffres hexadécimaux, par exemple « \\u00e9 ».');
          }
          j += 6;
          continue;
        }
        if (next === undefined || !ESCAPES.has(next)) {
          return fail(
            j,
            `la barre oblique inverse « \\ » n’est permise dans un texte que devant " \\ / b f n r t ou u ; pour écrire « \\ » lui-même, doublez-la : « \\\\ ».`,
          );
        }
        j += 2;
        continue;
      }
      if (code === 10 || code === 13) {
        return fail(
          j,
          `un texte ne peut pas aller à la ligne ; fermez les guillemets sur la même ligne (le texte commence ${where(start)}), ou écrivez \\n pour un retour à la ligne.`,
        );
      }
      if (code < 32) return fail(j, 'un texte contient un caractère de contrôle invisible ; retirez-le.');
      j++;
    }
    return fail(start, 'ce texte n’est jamais fermé ; il manque le guillemet " de fin.');
  };

  const badStart = (at: number, char: string, context: 'value' | 'key'): JsonSyntaxError => {
    if (char === "'") {
      return fail(at, 'les textes et les noms de champ s’écrivent entre guillemets droits doubles ("), pas entre apostrophes.');
    }
    if (SMART_QUOTES.has(char)) {
      return fail(
        at,
        `les guillemets ${shown(char)} ne conviennent pas ; utilisez des guillemets droits doubles ("), souvent remplacés par un traitement de texte.`,
      );
    }
    if (char === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) {
      return fail(at, 'les commentaires (// ou /* */) ne sont pas permis en JSON ; retirez-les.');
    }
    if (context === 'key') {
      WORD.lastIndex = at;
      const word = WORD.exec(text)?.[0];
      if (word) return fail(at, `le nom de champ « ${word.slice(0, 40)} » doit être entre guillemets doubles : "${word.slice(0, 40)}".`);
      return fail(at, `attendu : un nom de champ entre guillemets doubles, trouvé ${shown(char)}.`);
    }
    return fail(
      at,
      `${shown(char)} ne peut pas commencer une valeur ; attendu : un texte entre guillemets, un nombre, true, false, null, un objet { … } ou une liste [ … ].`,
    );
  };

  while (true) {
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code !== 32 && code !== 9 && code !== 10 && code !== 13) break;
      i++;
    }
    if (i >= n) {
      if (expect === 'done') return undefined;
      const open = stack[stack.length - 1];
      if (open) {
        const name = open.char === '{' ? 'l’accolade « { »' : 'le crochet « [ »';
        return fail(
          n,
          `le texte s’arrête avant la fin ; ${name} ouvert${open.char === '{' ? 'e' : ''} ${where(open.at)} n’est jamais fermé${open.char === '{' ? 'e' : ''} ; attendu : « ${closer(open)} ».`,
        );
      }
      return fail(n, 'le fichier ne contient aucune valeur JSON.');
    }
    const char = text[i] as string;
    const top = stack[stack.length - 1];

    switch (expect) {
      case 'done':
        return fail(
          i,
          `du texte en trop après la fin du guide, à partir de ${shown(char)} ; un fichier de guide contient un seul objet { … }.`,
        );

      case 'value':
      case 'value-or-close': {
        if (char === ']' && expect === 'value-or-close') {
          stack.pop();
          i++;
          afterValue();
          break;
        }
        if (char === '}' && expect === 'value-or-close' && top) {
          return fail(i, `« } » ne ferme rien ici ; attendu : « ] » pour fermer la liste ouverte ${where(top.at)}.`);
        }
        if ((char === ']' || char === '}') && afterComma) {
          return fail(i, `virgule en trop avant ${shown(char)} ; le dernier élément n’est pas suivi d’une virgule.`);
        }
        if ((char === '}' || char === ',') && afterColon) {
          return fail(i, `il manque la valeur du champ « ${lastKey.slice(0, 40)} » après « : ».`);
        }
        if (char === '{' || char === '[') {
          stack.push({ char, at: i });
          i++;
          expect = char === '{' ? 'key-or-close' : 'value-or-close';
          afterComma = false;
          afterColon = false;
          break;
        }
        if (char === '"') {
          const end = scanString(i);
          if (typeof end !== 'number') return end;
          i = end;
          afterValue();
          break;
        }
        if (char === '-' || (char >= '0' && char <= '9') || char === '+' || char === '.') {
          NUMBER.lastIndex = i;
          const match = NUMBER.exec(text);
          const end = match ? i + match[0].length : i;
          if (!match || /[\w.+-]/.test(text[end] ?? '')) {
            const token = /^[\w.+-]*/.exec(text.slice(i, i + 40))?.[0] ?? char;
            return fail(
              i,
              `nombre mal écrit « ${token} » ; attendu : par exemple 5, 12 ou 3.5 (un point pour les décimales, pas de zéro au début ni de signe +).`,
            );
          }
          i = end;
          afterValue();
          break;
        }
        WORD.lastIndex = i;
        const word = WORD.exec(text)?.[0];
        if (word) {
          if (word === 'true' || word === 'false' || word === 'null') {
            i += word.length;
            afterValue();
            break;
          }
          return fail(
            i,
            `« ${word.slice(0, 40)} » n’est pas une valeur JSON ; attendu : un texte entre guillemets doubles, un nombre, true, false ou null (en minuscules).`,
          );
        }
        return badStart(i, char, 'value');
      }

      case 'key-or-close':
      case 'key': {
        if (char === '}') {
          if (expect === 'key') return fail(i, 'virgule en trop avant « } » ; le dernier champ d’un objet n’est pas suivi d’une virgule.');
          stack.pop();
          i++;
          afterValue();
          break;
        }
        if (char === '"') {
          const end = scanString(i);
          if (typeof end !== 'number') return end;
          lastKey = text.slice(i + 1, end - 1);
          i = end;
          expect = 'colon';
          break;
        }
        return badStart(i, char, 'key');
      }

      case 'colon':
        if (char !== ':') return fail(i, `il manque « : » après le nom de champ « ${lastKey.slice(0, 40)} ».`);
        i++;
        expect = 'value';
        afterColon = true;
        afterComma = false;
        break;

      case 'comma-or-close': {
        if (!top) return fail(i, 'erreur de structure.');
        if (char === ',') {
          i++;
          expect = top.char === '{' ? 'key' : 'value';
          afterComma = true;
          afterColon = false;
          break;
        }
        if (char === '}' || char === ']') {
          if (char !== closer(top)) {
            return fail(
              i,
              `${shown(char)} ne ferme rien ici ; attendu : « ${closer(top)} » pour fermer ce qui est ouvert ${where(top.at)}, ou une virgule.`,
            );
          }
          stack.pop();
          i++;
          afterValue();
          break;
        }
        return fail(
          i,
          `il manque une virgule avant ${tokenAt(text, i)} ; attendu : « , » entre deux ${top.char === '{' ? 'champs' : 'éléments'}, ou « ${closer(top)} » pour fermer ce qui est ouvert ${where(top.at)}.`,
        );
      }
      default:
        return assertNever(expect);
    }
  }
}
