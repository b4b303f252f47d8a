import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCatalogueCommand } from '../../../scripts/catalogue';
import { parseGuide } from '../../../utils/guide/parse';
import { EXPORT_FOLDER, exportTeamCatalogue, type TeamExport } from '../../../utils/team-catalogue/export';
import { validGuide } from '../guide/fixtures';
import { useLocale } from '../i18n/locale';

/**
 * « Mes guides » exported for a team catalogue: the real export, unzipped
 * with fflate, is a folder the trainers' command builds and verifies as is.
 */
let dir: string;
let lines: { out: string[]; err: string[] };

const run = (...args: string[]) =>
  runCatalogueCommand(args, { out: (line) => lines.out.push(line), err: (line) => lines.err.push(line), today: () => '2026-12-06' });

/** The exported folder in `dir` signed with a new key (`keygen`, then `build` with `extra`): the command's exit code. */
async function signExported(...extra: string[]): Promise<number> {
  await run('keygen', '--secret', join(dir, 'secret.txt'));
  return run('build', join(dir, EXPORT_FOLDER), join(dir, 'publie'), '--key', join(dir, 'secret.txt'), ...extra);
}

/** An own guide as stored (a parsed guide), with `id` and a title of its own. */
function ownGuide(id: string, change: (guide: Record<string, any>) => void = () => {}) {
  const raw = validGuide();
  raw.id = id;
  raw.title = `Guide ${id}`;
  change(raw);
  const parsed = parseGuide(raw);
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  return parsed.guide;
}

function unzipTo(result: TeamExport, into: string): Record<string, Uint8Array> {
  if (!result.ok) throw new Error(`export refused: ${result.reason}`);
  const files = unzipSync(result.zip);
  for (const [path, bytes] of Object.entries(files)) {
    if (path.endsWith('/')) continue;
    mkdirSync(dirname(join(into, path)), { recursive: true });
    writeFileSync(join(into, path), bytes);
  }
  return files;
}

beforeEach(async () => {
  await useLocale('fr');
  dir = mkdtempSync(join(tmpdir(), 'cac-export-'));
  lines = { out: [], err: [] };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('« Mes guides » as a team catalogue folder', () => {
  it('exports a zip that the command builds and verifies as is, name and publisher taken from the draft', async () => {
    const result = exportTeamCatalogue([ownGuide('impots'), ownGuide('caf')], {
      name: '  France Services de Tulle ',
      publisher: 'Marie Dupont, formatrice',
      today: '2026-12-06',
    });
    expect(result.ok && result.fileName).toBe(`${EXPORT_FOLDER}-2026-12-06.zip`);
    const files = unzipTo(result, dir);
    // Only guide files, the read-me and the draft: one folder, nothing else.
    expect(Object.keys(files).sort()).toEqual(
      [
        `${EXPORT_FOLDER}/LISEZMOI.txt`,
        `${EXPORT_FOLDER}/caf.json`,
        `${EXPORT_FOLDER}/catalogue.json`,
        `${EXPORT_FOLDER}/impots.json`,
      ].sort(),
    );
    expect(JSON.parse(strFromU8(files[`${EXPORT_FOLDER}/catalogue.json`] as Uint8Array))).toEqual({
      name: 'France Services de Tulle',
      publisher: 'Marie Dupont, formatrice',
    });
    const readme = strFromU8(files[`${EXPORT_FOLDER}/LISEZMOI.txt`] as Uint8Array);
    expect(readme).toContain(`npm run catalogue -- build ${EXPORT_FOLDER}/ publie/ --key cle-secrete-catalogue.txt`);
    expect(readme).toContain('- Guide caf (fichier caf.json)');
    expect(readme).toContain('exporté le 2026-12-06');

    const secret = join(dir, 'secret.txt');
    expect(await run('keygen', '--secret', secret)).toBe(0);
    const publicKey = lines.out.find((line) => line.startsWith('cac-ed25519:')) as string;
    const out = join(dir, 'publie');
    expect(await run('build', join(dir, EXPORT_FOLDER), out, '--key', secret), lines.err.join('\n')).toBe(0);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    expect(index).toMatchObject({ name: 'France Services de Tulle', publisher: 'Marie Dupont, formatrice', version: 1 });
    expect(index.guides.map((entry: { id: string }) => entry.id)).toEqual(['caf', 'impots']);
    // Neither the draft nor the read-me is published.
    expect(readdirSync(out).sort()).toEqual(['cle-publique.txt', 'guides', 'index.json', 'index.json.sig']);
    // The files as exported, byte for byte.
    expect(readFileSync(join(out, 'guides/caf.json'))).toEqual(Buffer.from(files[`${EXPORT_FOLDER}/caf.json`] as Uint8Array));
    lines = { out: [], err: [] };
    expect(await run('verify', out, '--key', publicKey), lines.err.join('\n')).toBe(0);
    expect(lines.out.join('\n')).toMatch(/« France Services de Tulle » \(Marie Dupont, formatrice\), version 1 .* 2 guide\(s\) valides/);
  });

  it('writes no draft when nothing was typed: the command then asks for --name and --publisher', async () => {
    const result = exportTeamCatalogue([ownGuide('impots')], { name: ' ', publisher: '', today: '2026-12-06' });
    expect(result.ok && result.draft).toBeNull();
    const files = unzipTo(result, dir);
    expect(Object.keys(files)).not.toContain(`${EXPORT_FOLDER}/catalogue.json`);
    expect(await signExported()).toBe(1);
    expect(lines.err.join('\n')).toContain('--name');
    expect(await signExported('--name', 'Équipe', '--publisher', 'Marie')).toBe(0);
  });

  it('leaves out a guide that would be refused, naming it and its field, and still exports the others', () => {
    const broken = { ...ownGuide('casse'), title: 'Guide cassé', steps: [] };
    const result = exportTeamCatalogue([ownGuide('impots'), broken], { today: '2026-12-06' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.exported).toEqual([{ id: 'impots', title: 'Guide impots' }]);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]).toMatchObject({ id: 'casse', title: 'Guide cassé' });
    expect(result.refused[0]?.problems).toContain(`${EXPORT_FOLDER}/casse.json`);
    expect(result.refused[0]?.problems).toContain('steps');
    expect(Object.keys(unzipSync(result.zip))).not.toContain(`${EXPORT_FOLDER}/casse.json`);
  });

  it('refuses a guide whose inner guide is not exported with it, and the guides that ran a refused one', async () => {
    const runs = (inner: string) => (guide: Record<string, any>) => {
      guide.format = 2;
      guide.steps.unshift({ kind: 'guide', id: 'avant', guide: inner, instruction: 'Faites d’abord ce guide.', next: 'compte' });
    };
    const alone = exportTeamCatalogue([ownGuide('impots', runs('connexion'))], { today: '2026-12-06' });
    expect(alone).toMatchObject({ ok: false, reason: 'none-valid' });
    if (alone.ok || alone.reason !== 'none-valid') return;
    expect(alone.refused[0]?.problems).toMatch(/connexion.*ajoutez ce guide au dossier/);

    // With its inner guide, both go, and the command accepts the folder.
    const both = exportTeamCatalogue([ownGuide('impots', runs('connexion')), ownGuide('connexion')], { today: '2026-12-06' });
    expect(both.ok && both.exported.map((guide) => guide.id)).toEqual(['connexion', 'impots']);
    unzipTo(both, dir);
    expect(await signExported('--name', 'É', '--publisher', 'M'), lines.err.join('\n')).toBe(0);

    // The inner guide refused: the guide that runs it goes too, each with its reason.
    const innerBroken = { ...ownGuide('connexion'), steps: [] };
    const chain = exportTeamCatalogue([ownGuide('impots', runs('connexion')), innerBroken, ownGuide('caf')], { today: '2026-12-06' });
    if (!chain.ok) throw new Error(chain.reason);
    expect(chain.exported.map((guide) => guide.id)).toEqual(['caf']);
    expect(chain.refused.map((refusal) => refusal.id).sort()).toEqual(['connexion', 'impots']);
  });

  it('exports a guide that runs a bundled guide (FranceConnect), which the command accepts without it', async () => {
    const runsFranceConnect = ownGuide('impots', (guide) => {
      guide.format = 2;
      guide.steps.unshift({
        kind: 'guide',
        id: 'connexion',
        guide: 'franceconnect-se-connecter',
        instruction: 'Connectez-vous.',
        next: 'compte',
      });
    });
    expect(exportTeamCatalogue([runsFranceConnect], { today: '2026-12-06' })).toMatchObject({ ok: false, reason: 'none-valid' });
    const result = exportTeamCatalogue([runsFranceConnect], { today: '2026-12-06', bundled: ['franceconnect-se-connecter'] });
    expect(result.ok && result.exported.map((guide) => guide.id)).toEqual(['impots']);
    const files = unzipTo(result, dir);
    expect(Object.keys(files)).not.toContain(`${EXPORT_FOLDER}/franceconnect-se-connecter.json`);
    expect(await signExported('--name', 'É', '--publisher', 'M'), lines.err.join('\n')).toBe(0);
  });

  it('refuses a name or a publisher longer than the index allows, before anything is written', () => {
    expect(exportTeamCatalogue([ownGuide('impots')], { name: 'x'.repeat(81), today: '2026-12-06' })).toEqual({
      ok: false,
      reason: 'draft',
      fields: ['name'],
    });
  });

  it('says in French what is wrong with a draft the command cannot read', async () => {
    unzipTo(exportTeamCatalogue([ownGuide('impots')], { name: 'Équipe', today: '2026-12-06' }), dir);
    writeFileSync(join(dir, EXPORT_FOLDER, 'catalogue.json'), '{"name": "Équipe", "version": 3}');
    await run('keygen', '--secret', join(dir, 'secret.txt'));
    expect(await run('build', join(dir, EXPORT_FOLDER), join(dir, 'publie'), '--key', join(dir, 'secret.txt'))).toBe(1);
    expect(lines.err.join('\n')).toMatch(/catalogue\.json n’est pas valide .*corrigez-le ou retirez-le du dossier/);
  });

  it('writes the read-me in the interface’s language', async () => {
    await useLocale('en');
    const files = unzipTo(exportTeamCatalogue([ownGuide('impots')], { today: '2026-12-06' }), dir);
    expect(strFromU8(files[`${EXPORT_FOLDER}/README.txt`] as Uint8Array)).toContain('Guides to sign');
  });
});
