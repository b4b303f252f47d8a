/**
 * The one matcher of guide patterns (page paths, the path part of site
 * patterns): `*` stands for any run of characters, everything else is literal.
 *
 * Guide files come from anywhere, so a pattern must never be able to freeze the
 * browser. No regular expression is built from guide data (a backtracking
 * `.*.*.*…zz` takes seconds on a 93-character path); this is the classic greedy
 * two-pointer walk, which only ever backtracks to the last `*` seen: at most
 * (pattern length + 1) × (subject length + 1) steps, and in practice about the
 * subject's length. Runs of `*` count as one.
 */

/** Collapses runs of `*` (`/a/**\/b` → `/a/*\/b`): same meaning, fewer steps. */
export function collapseStars(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c !== '*' || out[out.length - 1] !== '*') out += c;
  }
  return out;
}

/** Counts the steps of a match, for tests that prove the bound without a clock. */
export interface GlobStats {
  steps: number;
}

/** Whether `subject` matches `pattern` as a whole. */
export function matchGlob(pattern: string, subject: string, stats?: GlobStats): boolean {
  const p = collapseStars(pattern);
  let pi = 0;
  let si = 0;
  // Where the last `*` was, and where in the subject its run currently ends.
  let star = -1;
  let resume = 0;
  let steps = 0;
  while (si < subject.length) {
    steps++;
    if (pi < p.length && p[pi] !== '*' && p[pi] === subject[si]) {
      pi++;
      si++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = si;
    } else if (star >= 0) {
      // Let the last `*` swallow one more character and try again after it.
      pi = star + 1;
      si = ++resume;
    } else {
      if (stats) stats.steps += steps;
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  if (stats) stats.steps += steps;
  return pi === p.length;
}
