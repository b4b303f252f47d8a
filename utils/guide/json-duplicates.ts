/**
 * Keys written twice in one object of a JSON text. `JSON.parse` keeps the last
 * one and drops the other without a word: a trainer who pasted a step's
 * « why » twice, or edited a copy of a field, would lose text unseen. Only
 * called on a text that `JSON.parse` has read, so the scan can trust the
 * syntax. Iterative, so that deep nesting cannot overflow the stack.
 */
import { lineColumn } from './json-syntax';

export interface DuplicateKey {
  /** Where the object holding the key sits, then the key: `['steps', 1, 'instruction']`. */
  path: (string | number)[];
  /** 1-based lines of the first writing and of the one `JSON.parse` keeps. */
  firstLine: number;
  line: number;
}

type Container = { kind: 'object'; keys: Map<string, number>; key: string | null; expectKey: boolean } | { kind: 'array'; index: number };

/** The end (exclusive) of the JSON string that starts at `at` (a `"`). */
function stringEnd(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 92 /* \ */) i += 2;
    else if (code === 34 /* " */) return i + 1;
    else i++;
  }
  return i;
}

/** The path of the value being read: each object's current key, each array's current index. */
const pathOf = (stack: readonly Container[]): (string | number)[] => stack.map((c) => (c.kind === 'array' ? c.index : (c.key ?? '')));

/** Every key written a second (or third…) time in the same object, in the order of the text. */
export function duplicateKeys(text: string, limit = 50): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Container[] = [];
  for (let i = 0; i < text.length && found.length < limit; ) {
    const char = text[i];
    const top = stack[stack.length - 1];
    if (char === '"') {
      const end = stringEnd(text, i);
      if (top?.kind === 'object' && top.expectKey) {
        // Decoded, so that "a" and "\u0061" count as the same key, as JSON.parse counts them.
        const key = JSON.parse(text.slice(i, end)) as string;
        const first = top.keys.get(key);
        if (first !== undefined) {
          found.push({
            path: [...pathOf(stack.slice(0, -1)), key],
            firstLine: lineColumn(text, first).line,
            line: lineColumn(text, i).line,
          });
        } else top.keys.set(key, i);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
      continue;
    }
    if (char === '{') stack.push({ kind: 'object', keys: new Map(), key: null, expectKey: true });
    else if (char === '[') stack.push({ kind: 'array', index: 0 });
    else if (char === '}' || char === ']') stack.pop();
    else if (char === ',' && top) {
      if (top.kind === 'object') top.expectKey = true;
      else top.index++;
    }
    i++;
  }
  return found;
}
