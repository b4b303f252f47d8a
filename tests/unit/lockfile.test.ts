import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// `npm ci` (CI's install) refuses a lock that lacks an optional dependency, even one
// for another platform; `npm install` here leaves those out (see scripts/complete-lock.mjs).
it('package-lock.json lists every optional dependency, so that `npm ci` accepts it', () => {
  const lock = JSON.parse(readFileSync(join(import.meta.dirname, '../../package-lock.json'), 'utf8'));
  const packages: Record<string, { optionalDependencies?: Record<string, string> }> = lock.packages;
  const missing = Object.values(packages).flatMap((entry) =>
    Object.keys(entry.optionalDependencies ?? {}).filter((name) => !(`node_modules/${name}` in packages)),
  );
  expect(missing, 'run `node scripts/complete-lock.mjs` after `npm install`').toEqual([]);
});
