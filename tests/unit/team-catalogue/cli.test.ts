import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCatalogueCommand } from '../../../scripts/catalogue';
import { guideFile } from './fixtures';

let dir: string;
let lines: { out: string[]; err: string[] };

async function run(...args: string[]): Promise<number> {
  return runCatalogueCommand(args, {
    out: (line) => lines.out.push(line),
    err: (line) => lines.err.push(line),
    today: () => '2026-12-05',
  });
}

function writeGuides(folder: string, ...files: ReturnType<typeof guideFile>[]) {
  mkdirSync(folder, { recursive: true });
  for (const file of files) writeFileSync(join(folder, `${file.id}.json`), file.bytes);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cac-catalogue-'));
  lines = { out: [], err: [] };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run catalogue', () => {
  it('keygen writes the secret key for the trainer only and prints the public key', async () => {
    const secret = join(dir, 'secret.txt');
    expect(await run('keygen', '--secret', secret)).toBe(0);
    expect(readFileSync(secret, 'utf8')).toMatch(/^cac-ed25519-secret:[A-Za-z0-9_-]+\n$/);
    expect(lines.out).toContainEqual(expect.stringMatching(/^cac-ed25519:[A-Za-z0-9_-]{43}$/));
    expect(lines.out.join('\n')).not.toContain('cac-ed25519-secret');
    // Never replaced: a lost key would orphan every advisor's catalogue.
    expect(await run('keygen', '--secret', secret)).toBe(1);
    expect(lines.err.join('\n')).toMatch(/existe déjà/);
  });

  it('build writes a signed folder that verify accepts, and the next build a greater version', async () => {
    const secret = join(dir, 'secret.txt');
    await run('keygen', '--secret', secret);
    const publicKey = lines.out.find((line) => line.startsWith('cac-ed25519:')) as string;
    writeGuides(join(dir, 'guides'), guideFile('essai'), guideFile('autre'));
    const out = join(dir, 'publie');
    expect(
      await run('build', join(dir, 'guides'), out, '--key', secret, '--name', 'France Services de Tulle', '--publisher', 'Marie'),
    ).toBe(0);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    expect(index).toMatchObject({ format: 1, name: 'France Services de Tulle', version: 1, publishedAt: '2026-12-05' });
    expect(index.guides.map((entry: { file: string }) => entry.file)).toEqual(['guides/autre.json', 'guides/essai.json']);
    // Byte for byte the trainer's files.
    expect(readFileSync(join(out, 'guides/essai.json'))).toEqual(readFileSync(join(dir, 'guides/essai.json')));

    lines = { out: [], err: [] };
    expect(await run('verify', out, '--key', publicKey)).toBe(0);
    expect(lines.out.join('\n')).toMatch(/version 1 du 2026-12-05 : signature, empreintes et 2 guide\(s\) valides/);

    expect(await run('build', join(dir, 'guides'), out, '--key', secret)).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')).version).toBe(2);
    expect(await run('build', join(dir, 'guides'), out, '--key', secret, '--version', '2')).toBe(1);
    expect(lines.err.join('\n')).toMatch(/doit être plus grande que la version publiée \(2\)/);
  });

  it('build refuses a folder with an invalid guide, naming the file and the problem in French', async () => {
    const secret = join(dir, 'secret.txt');
    await run('keygen', '--secret', secret);
    writeGuides(
      join(dir, 'guides'),
      guideFile('essai'),
      guideFile('casse', (g) => delete g.steps),
    );
    expect(await run('build', join(dir, 'guides'), join(dir, 'publie'), '--key', secret, '--name', 'Équipe', '--publisher', 'Marie')).toBe(
      1,
    );
    expect(lines.err.join('\n')).toMatch(/casse\.json/);
    expect(lines.err.join('\n')).toMatch(/steps/);
  });

  it('build refuses a guide for a site outside the declared sites, and a build without key', async () => {
    const secret = join(dir, 'secret.txt');
    await run('keygen', '--secret', secret);
    writeGuides(join(dir, 'guides'), guideFile('essai'));
    const args = ['build', join(dir, 'guides'), join(dir, 'publie'), '--name', 'Équipe', '--publisher', 'Marie'];
    expect(await run(...args, '--key', secret, '--sites', 'https://www.impots.gouv.fr/*')).toBe(1);
    expect(lines.err.join('\n')).toMatch(/nomme le site « https:\/\/www\.exemple\.gouv\.fr\/\* »/);
    expect(await run(...args)).toBe(1);
    expect(lines.err.join('\n')).toMatch(/Indiquez la clé secrète/);
  });

  it('verify refuses a tampered folder, a wrong key and a missing file, in French', async () => {
    const secret = join(dir, 'secret.txt');
    await run('keygen', '--secret', secret);
    const publicKey = lines.out.find((line) => line.startsWith('cac-ed25519:')) as string;
    writeGuides(join(dir, 'guides'), guideFile('essai'));
    const out = join(dir, 'publie');
    await run('build', join(dir, 'guides'), out, '--key', secret, '--name', 'Équipe', '--publisher', 'Marie');
    const guidePath = join(out, 'guides/essai.json');
    const good = readFileSync(guidePath, 'utf8');

    writeFileSync(guidePath, good.replace('Guide essai', 'Guide essaI'));
    expect(await run('verify', out, '--key', publicKey)).toBe(1);
    expect(lines.err.at(-1)).toMatch(/guides\/essai\.json ne correspond pas à son empreinte/);

    writeFileSync(guidePath, good);
    const other = join(dir, 'autre.txt');
    await run('keygen', '--secret', other);
    const otherKey = lines.out.filter((line) => line.startsWith('cac-ed25519:')).at(-1) as string;
    expect(await run('verify', out, '--key', otherKey)).toBe(1);
    expect(lines.err.at(-1)).toMatch(/la signature ne correspond pas/);

    rmSync(guidePath);
    expect(await run('verify', out, '--key', publicKey)).toBe(1);
    expect(lines.err.at(-1)).toMatch(/guides\/essai\.json est absent/);
  });

  it('says how to use it when the command is wrong', async () => {
    expect(await run('publier')).toBe(2);
    expect(lines.err.join('\n')).toMatch(/Utilisation/);
  });
});
