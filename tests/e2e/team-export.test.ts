import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCatalogueCommand } from '../../scripts/catalogue';
import { parseGuide } from '../../utils/guide/parse';
import type { Guide } from '../../utils/guide/schema';
import { EXPORT_FOLDER } from '../../utils/team-catalogue/export';
import { axeViolations, type BrowserKind, extensionSuite, messagesOf, practiceGuide, sendMessage, WAIT_MS, waitUntil } from './harness';

/**
 * « Mes guides » exported for a team catalogue, in real browsers: the trainer
 * ticks guides in the editor, types the team's name, and the browser saves a
 * real .zip (an <a download> of the editor page, no `downloads` permission).
 * The test unzips it and hands the folder, as is, to `npm run catalogue --
 * build` then `verify`. Only the ticked guides are in it, and only guides.
 */

const TEAM = 'France Services de Tulle';
const PUBLISHER = 'Marie Dupont, formatrice';

function ownGuide(id: string, title: string): Guide {
  const guide = structuredClone(practiceGuide());
  guide.id = id;
  guide.title = title;
  return guide;
}

const GUIDES = [
  ownGuide('equipe-compte', 'Créer un compte (équipe)'),
  ownGuide('equipe-autre', 'Un autre guide'),
  ownGuide('equipe-brouillon', 'Pas celui-ci'),
];

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: « Mes guides » exported for a team catalogue', (kind) => {
  const downloads = mkdtempSync(join(tmpdir(), 'cote-a-cote-team-export-'));
  const work = mkdtempSync(join(tmpdir(), 'cote-a-cote-team-build-'));
  const suite = extensionSuite(kind, { downloads });
  afterAll(() => {
    rmSync(downloads, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('exports the ticked guides as a zip that the command builds and verifies as is', async () => {
    // « Mes guides » as a trainer has them (saved through the background, as the editor's import does).
    const control = suite.track(await suite.ext.openExtensionPage('settings.html'));
    for (const guide of GUIDES)
      expect(await sendMessage(control, { type: 'userGuides:save', guide, origin: 'imported' })).toEqual({ ok: true, id: guide.id });
    const editor = suite.track(await suite.ext.openExtensionPage('editor.html'));
    await editor.waitForSelector('.team-export input[type=checkbox]', { timeout: WAIT_MS });
    const t = await messagesOf(editor);
    await waitUntil('every own guide offered, ticked', () =>
      editor.$$eval(
        '.team-export input[type=checkbox]',
        (boxes) => boxes.length === 3 && boxes.every((box) => (box as HTMLInputElement).checked),
      ),
    );
    expect(await axeViolations(editor)).toEqual([]);

    // The trainer unticks one guide and types the team's name and who publishes, with real clicks and keys.
    await editor.click('#team-export-equipe-brouillon');
    await editor.type('#team-export-name', TEAM);
    await editor.type('#team-export-publisher', PUBLISHER);
    await editor.click('.team-export-button');
    const fileName = await waitUntil('the export is said', () =>
      editor.$eval(
        '.team-export-status',
        (p) =>
          p.textContent
            ?.match(/« (guides-a-signer-[\d-]+\.zip) »|"(guides-a-signer-[\d-]+\.zip)"/)
            ?.slice(1)
            .find(Boolean) ?? null,
      ),
    );
    expect(await editor.$eval('.team-export-status', (p) => p.textContent)).toBe(t('editor.teamExport.done', ['2', fileName], 2));

    // The real download, once the browser has finished writing it (its temporary name gone).
    const zipPath = join(downloads, fileName);
    const zip = await waitUntil('the downloaded zip', async () => {
      if (!existsSync(zipPath) || readdirSync(downloads).some((name) => /\.(crdownload|part)$/.test(name))) return null;
      const bytes = new Uint8Array(readFileSync(zipPath));
      try {
        return unzipSync(bytes);
      } catch {
        return null; // still being written
      }
    });
    const names = Object.keys(zip).filter((name) => !name.endsWith('/'));
    const readme = names.find((name) => /\/(LISEZMOI|README)\.txt$/.test(name)) as string;
    expect(names.sort()).toEqual(
      [`${EXPORT_FOLDER}/catalogue.json`, `${EXPORT_FOLDER}/equipe-autre.json`, `${EXPORT_FOLDER}/equipe-compte.json`, readme].sort(),
    );
    expect(strFromU8(zip[readme] as Uint8Array)).toContain(`npm run catalogue -- build ${EXPORT_FOLDER}/`);
    for (const [name, bytes] of Object.entries(zip)) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(work, name)), { recursive: true });
      writeFileSync(join(work, name), bytes);
    }

    // Whoever publishes: the folder as unzipped, built and verified by the command.
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const secret = join(work, 'cle-secrete.txt');
    expect(await runCatalogueCommand(['keygen', '--secret', secret], io)).toBe(0);
    const publicKey = lines.find((line) => line.startsWith('cac-ed25519:')) as string;
    const out = join(work, 'publie');
    expect(await runCatalogueCommand(['build', join(work, EXPORT_FOLDER), out, '--key', secret], io), lines.join('\n')).toBe(0);
    expect(await runCatalogueCommand(['verify', out, '--key', publicKey], io), lines.join('\n')).toBe(0);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    expect(index).toMatchObject({ name: TEAM, publisher: PUBLISHER, version: 1 });
    expect(index.guides.map((entry: { id: string }) => entry.id)).toEqual(['equipe-autre', 'equipe-compte']);
    // The guides as saved in « Mes guides », nothing added.
    const saved = parseGuide(GUIDES[0]);
    expect(saved.ok && readFileSync(join(out, 'guides/equipe-compte.json'), 'utf8')).toBe(
      saved.ok && `${JSON.stringify(saved.guide, null, 2)}\n`,
    );
  });
});
