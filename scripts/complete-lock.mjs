/**
 * `node scripts/complete-lock.mjs`: adds to package-lock.json the other-platform
 * builds that our npm registry does not serve (optionalDependencies of biome and
 * rollup for darwin, win32, musl…). `npm install` leaves them out of the lock,
 * and then `npm ci` refuses the lock; npm skips them at install time anyway
 * (their os/cpu/libc do not match). Run it after every `npm install`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const path = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
const added = new Map();
const PLATFORM = /-(android|darwin|freebsd|linux|openbsd|openharmony|win32|netbsd|sunos|aix)-([a-z0-9]+)(?:-([a-z]+))?$/;

for (const entry of Object.values(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = PLATFORM.exec(name);
    if (key in packages || added.has(key) || !/^\d+\.\d+\.\d+$/.test(spec) || !platform) continue;
    const [, os, cpu, abi] = platform;
    const added_ = { version: spec, cpu: [cpu], ...(entry.dev ? { dev: true } : {}), optional: true, os: [os] };
    if (abi?.startsWith('gnu')) added_.libc = ['glibc'];
    if (abi?.startsWith('musl')) added_.libc = ['musl'];
    added.set(key, added_);
  }
}

// npm keeps the packages sorted by path; keep it so, so that diffs stay small.
const merged = { ...packages, ...Object.fromEntries(added) };
const [root, ...rest] = Object.keys(merged);
lock.packages = Object.fromEntries([root, ...rest.sort()].map((key) => [key, merged[key]]));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added.size} paquets d’autres plateformes ajoutés à ${path}`);
