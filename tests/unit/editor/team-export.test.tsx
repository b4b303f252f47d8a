import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Editor } from '../../../components/editor/Editor';
import { EXPORT_FOLDER } from '../../../utils/team-catalogue/export';
import { bundledGuide, sampleGuide } from './fixtures';
import { click, EditorBackground, installFrench, mount, openAt, seedMyGuides, typeInto, unmount, waitFor } from './harness';

/**
 * « Exporter pour un catalogue d'équipe » on the editor's opening screen, over
 * the real background: the ticked guides of « Mes guides » go into the .zip
 * handed to the page's own download link, with what the trainer typed.
 */
let background: EditorBackground;
let container: HTMLElement | undefined;
const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector);

const other = { ...sampleGuide, id: 'autre-guide', title: 'Autre guide' };

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  background = new EditorBackground([bundledGuide]);
  background.install();
  openAt();
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

/** The file handed to the download link: its name and bytes. */
function catchDownload() {
  const caught: { name: string; blob?: Blob } = { name: '' };
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    caught.blob = blob as Blob;
    return 'blob:export';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    caught.name = this.download;
  });
  return caught;
}

async function openHome() {
  container = await mount(<Editor />);
  await waitFor(() => $('.team-export input[type=checkbox]'), 'the export of my guides');
}

describe('« Exporter pour un catalogue d’équipe »', () => {
  it('is not offered without own guides', async () => {
    container = await mount(<Editor />);
    await waitFor(() => $('section.mine .empty'), 'my guides, empty');
    expect($('.team-export')).toBeNull();
  });

  it('exports the ticked guides with the team’s name, and says where the file is', async () => {
    await seedMyGuides(background, sampleGuide, other);
    await openHome();
    const boxes = [...document.querySelectorAll<HTMLInputElement>('.team-export input[type=checkbox]')];
    expect(boxes.map((box) => [box.value, box.checked, box.labels?.[0]?.textContent])).toEqual([
      [other.id, true, other.title],
      [sampleGuide.id, true, sampleGuide.title],
    ]);
    await click($(`#team-export-${other.id}`));
    await typeInto($('#team-export-name'), 'France Services de Tulle');
    const caught = catchDownload();
    await click($('.team-export-button'));
    await waitFor(() => caught.blob && $('.team-export-status')?.textContent, 'the export');
    expect(caught.name).toMatch(/^guides-a-signer-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(caught.blob?.type).toBe('application/zip');
    expect($('.team-export-status')?.textContent).toBe(
      `1 guide est dans le fichier « ${caught.name} », dans vos téléchargements. Donnez ce fichier à la personne qui publie le catalogue de l'équipe.`,
    );
    const zip = unzipSync(new Uint8Array(await (caught.blob as Blob).arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual(
      [`${EXPORT_FOLDER}/LISEZMOI.txt`, `${EXPORT_FOLDER}/catalogue.json`, `${EXPORT_FOLDER}/${sampleGuide.id}.json`].sort(),
    );
    expect(strFromU8(zip[`${EXPORT_FOLDER}/${sampleGuide.id}.json`] as Uint8Array)).toBe(`${JSON.stringify(sampleGuide, null, 2)}\n`);
    expect(JSON.parse(strFromU8(zip[`${EXPORT_FOLDER}/catalogue.json`] as Uint8Array))).toEqual({ name: 'France Services de Tulle' });
  });

  it('says so when no guide is ticked, and downloads nothing', async () => {
    await seedMyGuides(background, sampleGuide);
    await openHome();
    await click($(`#team-export-${sampleGuide.id}`));
    const caught = catchDownload();
    await click($('.team-export-button'));
    await waitFor(() => $('.team-export-problem')?.textContent, 'the alert');
    expect($('.team-export-problem')?.getAttribute('role')).toBe('alert');
    expect($('.team-export-problem')?.textContent).toBe('Cochez au moins un guide à exporter.');
    expect(caught.blob).toBeUndefined();
  });
});
