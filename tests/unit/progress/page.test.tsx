import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProgressPage } from '../../../components/progress/ProgressPage';
import { emptyProgress, exportFile, type Progress, readFile, recordFinishedRun } from '../../../utils/progress';
import { progressItem } from '../../../utils/storage/schema-items';
import { buttonByText, click, installFrench, mount, settle, TestBackground, unmount, waitFor } from '../popup/harness';
import { guide, type Play, play, T0 } from './fixtures';

const DAY = 86_400_000;
let container: HTMLElement | undefined;

function progressOf(...runs: Play[]): Progress {
  return runs.reduce((progress, options) => {
    const run = play(options);
    return recordFinishedRun(progress, guide, run, run.updatedAt);
  }, emptyProgress());
}

const stored = async () => (await fakeBrowser.storage.local.get(progressItem.key))[progressItem.key] as Progress | undefined;
const report = () => container?.querySelector<HTMLElement>(`li.guide-progress[data-guide-id="${guide.id}"]`);

async function open(progress?: unknown) {
  if (progress !== undefined) await fakeBrowser.storage.local.set({ [progressItem.key]: progress });
  container = await mount(<ProgressPage now={() => T0 + 10 * DAY} />);
  await waitFor(() => !container?.textContent?.includes('Chargement'), 'the progress');
  return container;
}

/** Chooses a file in the import field, as the person would. */
async function choose(text: string, name = 'progres.json') {
  const input = container?.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true })); // test-only: the person choosing a file
  await settle();
}

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  // The page writes through the real background (its one writer of progress).
  new TestBackground([guide]).install();
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

describe('« Mes progrès »', () => {
  it('says when there is nothing yet', async () => {
    await open();
    expect(container?.querySelector('h1')?.textContent).toBe('Mes progrès');
    expect(container?.querySelector('.empty')?.textContent).toBe("Vous n'avez encore terminé aucun guide. Vos progrès s'afficheront ici.");
    expect(buttonByText(container!, 'Exporter mes progrès')?.disabled).toBe(true);
  });

  it('shows per guide how often, at which level, when, and the steps that needed help — as text', async () => {
    await open(
      progressOf(
        { startedAt: T0, help: ['mot-de-passe'], manual: ['telecharger'] },
        { startedAt: T0 + DAY, help: ['mot-de-passe'] },
        { startedAt: T0 + 2 * DAY, level: 'on-demand' },
      ),
    );
    const item = report()!;
    const title = item.querySelector('h2')!;
    expect(title.textContent).toBe(guide.title);
    expect(title.querySelector('b')).toBeNull();
    expect(title.getAttribute('lang')).toBe('fr');
    expect(item.querySelector('.completed')?.textContent).toBe('Terminé 3 fois');
    expect([...item.querySelectorAll('.levels li')].map((li) => li.textContent)).toEqual([
      'Avec guidage : 2 fois',
      'Autonome avec guidage en cas de besoin : 1 fois',
    ]);
    expect(item.querySelector('.last')?.textContent).toBe('Dernière fois : le 14 mars 2026, en autonomie, avec guidage en cas de besoin');
    const lists = [...item.querySelectorAll('.tallies')].map((list) => [...list.querySelectorAll('li')].map((li) => li.textContent));
    expect(lists).toEqual([['Tapez votre mot de passe. (2 fois)'], ['Cliquez sur « Télécharger l’attestation ». (1 fois)']]);
    expect(item.querySelector('.suggestion')).toBeNull();
  });

  it('suggests less help after two times without help', async () => {
    await open(progressOf({ startedAt: T0, help: ['connexion'] }, { startedAt: T0 + DAY }, { startedAt: T0 + 2 * DAY }));
    expect(report()?.querySelector('.suggestion')?.textContent).toBe(
      "Vous avez réussi 2 fois avec guidage, sans aide. Essayer avec moins d'aide, le niveau « Autonome avec guidage en cas de besoin » ?",
    );
    expect(report()?.querySelector('.no-help')).toBeNull();
  });

  it('deletes a guide’s progress only once confirmed', async () => {
    await open(progressOf({ startedAt: T0 }));
    await click(buttonByText(report()!, 'Supprimer'));
    expect(await stored()).toBeDefined();
    await click(buttonByText(report()!, 'Non, garder'));
    expect(report()).toBeTruthy();
    await click(buttonByText(report()!, 'Supprimer'));
    await click(buttonByText(report()!, 'Oui, supprimer'));
    await waitFor(() => !report(), 'the guide to go');
    expect((await stored())?.guides).toEqual({});
    expect(container?.querySelector('.status')?.textContent).toBe(`Les progrès du guide « ${guide.title} » sont supprimés.`);
  });

  it('deletes everything once confirmed', async () => {
    await open(progressOf({ startedAt: T0 }));
    await click(buttonByText(container!, 'Supprimer tous mes progrès'));
    expect(container?.querySelector('.confirm legend')?.textContent).toContain('Cela ne peut pas être annulé.');
    await click(buttonByText(container!, 'Oui, supprimer'));
    await waitFor(() => container?.querySelector('.empty'), 'the empty page');
    expect(await stored()).toBeUndefined();
  });

  it('exports a file that reads back to the same progress', async () => {
    const progress = progressOf({ startedAt: T0, help: ['connexion'] });
    await open(progress);
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
      blob = object as Blob;
      return 'blob:chrome-extension://cote-a-cote/1';
    });
    const downloads: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ href: this.href, download: this.download });
    });
    await click(buttonByText(container!, 'Exporter mes progrès'));
    expect(downloads).toEqual([{ href: 'blob:chrome-extension://cote-a-cote/1', download: 'cote-a-cote-progres-2026-03-22.json' }]);
    expect(readFile(await blob!.text())).toEqual({ ok: true, progress });
    expect(container?.querySelector('.status')?.textContent).toBe(
      'Le fichier « cote-a-cote-progres-2026-03-22.json » est enregistré dans vos téléchargements.',
    );
  });

  it('imports a file into what is there', async () => {
    await open(progressOf({ startedAt: T0 }));
    await choose(exportFile(progressOf({ startedAt: T0 }, { startedAt: T0 + DAY }, { startedAt: T0 + 2 * DAY }), T0));
    await waitFor(() => report()?.querySelector('.completed')?.textContent === 'Terminé 3 fois', 'the imported runs');
    expect(container?.querySelector('.status')?.textContent).toBe('Import terminé. 2 guides terminés en plus.');
  });

  it.each([
    [
      'not JSON',
      'ceci n’est pas un fichier',
      "Ce fichier n'est pas lisible. Choisissez le fichier .json exporté depuis « Mes progrès ». Rien n'a changé.",
    ],
    ['a guide', JSON.stringify({ ...guide, format: 1 }), "Ce fichier est un guide, pas un fichier de progrès. Rien n'a changé."],
    ['something else', '{"nom": "Dupont"}', "Ce fichier n'est pas un fichier de progrès de Côte à côte. Rien n'a changé."],
    [
      'damaged',
      JSON.stringify({ type: 'cote-a-cote/progres', v: 1, guides: { x: { title: 1 } } }),
      "Ce fichier de progrès est abîmé. Rien n'a changé.",
    ],
    [
      'from a newer version',
      JSON.stringify({ type: 'cote-a-cote/progres', v: 9, guides: {} }),
      "Ce fichier vient d'une version plus récente de Côte à côte. Mettez l'extension à jour, puis réessayez. Rien n'a changé.",
    ],
  ])('refuses a bad file (%s) in French, and keeps the progress there', async (_, text, message) => {
    const progress = progressOf({ startedAt: T0 });
    await open(progress);
    await choose(text);
    const alert = await waitFor(() => container?.querySelector('[role=alert]'), 'an alert');
    expect(alert.textContent).toBe(message);
    expect(await stored()).toEqual(progress);
    expect(report()?.querySelector('.completed')?.textContent).toBe('Terminé 1 fois');
  });

  it('says so, and keeps it, when the progress comes from a newer version', async () => {
    await open({ v: 3, guides: {} });
    expect(container?.querySelector('.newer')?.textContent).toContain('version plus récente');
    expect(buttonByText(container!, 'Exporter mes progrès')?.disabled).toBe(true);
    expect(buttonByText(container!, 'Supprimer tous mes progrès')).toBeTruthy();
  });

  it('follows a run finished while the page is open', async () => {
    await open(progressOf({ startedAt: T0 }));
    await fakeBrowser.storage.local.set({ [progressItem.key]: progressOf({ startedAt: T0 }, { startedAt: T0 + DAY }) });
    await waitFor(() => report()?.querySelector('.completed')?.textContent === 'Terminé 2 fois', 'the new count');
  });
});
