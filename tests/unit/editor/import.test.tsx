import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Editor } from '../../../components/editor/Editor';
import type { Guide } from '../../../utils/guide/schema';
import { bundledGuide, RECORDED_EMAIL, RECORDED_PASSWORD, recorderFile, sampleGuide } from './fixtures';
import {
  click,
  dragEvent,
  EditorBackground,
  fire,
  installFrench,
  jsonFile,
  mount,
  openAt,
  pickFile,
  seedMyGuides,
  settle,
  storedGuides,
  storedWorking,
  unmount,
  waitFor,
} from './harness';

let background: EditorBackground;
let container: HTMLElement | undefined;
let request: ReturnType<typeof vi.fn>;
/** For each permission request, whether it came while the click was being handled (a user gesture). */
let askedDuringClick: boolean[];
let clicking = false;

/** Clicks, noting which permission requests happen within the click itself. */
async function clickAsking(element: Element | null | undefined) {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(() => {
    clicking = true;
    element.click();
    clicking = false;
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  background = new EditorBackground([bundledGuide]);
  background.install();
  askedDuringClick = [];
  request = vi.fn(async () => {
    askedDuringClick.push(clicking);
    return true;
  });
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(request as never);
  openAt();
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector);
const $$ = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];

async function openHome() {
  container = await mount(<Editor />);
  await waitFor(() => $('#import-file'), 'the import zone');
}

/** Everything in storage, to compare before and after a failed import. */
const everything = async () => structuredClone(await fakeBrowser.storage.local.get(null));

const older: Guide = { ...sampleGuide, title: 'Ma version à moi', version: '1.0.0' };

describe('import', () => {
  it('previews a valid file before saving it, saves it, then asks for its sites one at a time, each in words', async () => {
    await openHome();
    await pickFile($('#import-file'), jsonFile(sampleGuide, 'creer-mon-compte.json'));
    const preview = await waitFor(() => $('.preview'), 'the preview');
    expect(preview.querySelector('h3')?.textContent).toBe('Guide du fichier « creer-mon-compte.json »');
    expect(preview.querySelector('.preview-title')?.textContent).toBe(sampleGuide.title);
    expect(preview.querySelector('.preview-title')?.getAttribute('lang')).toBe('fr');
    expect(preview.querySelector('.preview-title b')).toBeNull();
    expect(preview.textContent).toContain(sampleGuide.summary);
    expect([...preview.querySelectorAll('.sites li')].map((li) => li.textContent)).toEqual([
      'le site exemple.gouv.fr, toutes ses pages https://exemple.gouv.fr/*',
    ]);
    expect(preview.querySelector('.preview-steps')?.textContent).toBe('4 étapes');
    expect(await storedGuides()).toEqual({});
    expect(request).not.toHaveBeenCalled();

    await clickAsking(preview.querySelector('.import-confirm'));
    await waitFor(() => $('.saved'), 'saved');
    // Saved first, nothing asked yet: each site is asked for by its own button.
    expect(request).not.toHaveBeenCalled();
    expect($('.saved')?.textContent).toContain('est ajouté à vos guides');
    expect((await storedGuides())[sampleGuide.id]).toMatchObject({ guide: sampleGuide, origin: 'imported' });
    const site = await waitFor(() => $('.site-access li[data-site="https://exemple.gouv.fr/*"]'), 'the site to allow');
    expect(site.querySelector('.site-words')?.textContent).toBe('le site exemple.gouv.fr, toutes ses pages');
    expect(site.querySelector('.allow-site')?.getAttribute('aria-label')).toBe('Autoriser Côte à côte sur exemple.gouv.fr');
    await clickAsking(site.querySelector('.allow-site'));
    expect(request).toHaveBeenCalledWith({ origins: ['https://exemple.gouv.fr/*'] });
    expect(askedDuringClick).toEqual([true]);
    await waitFor(() => site.querySelector('.site-state.allowed'), 'the site allowed');
    expect(site.querySelector('.allow-site')).toBeNull();
    // The new guide appears in "my guides", and opens in the editor.
    await waitFor(() => $(`section.mine li[data-guide-id="${sampleGuide.id}"]`), 'the list');
    await click($('.edit-imported'));
    await waitFor(() => $<HTMLInputElement>('#f-id')?.value === sampleGuide.id, 'the form');
  });

  it('imports a file dropped on the zone', async () => {
    await openHome();
    const zone = $('.dropzone')!;
    await fire(zone, dragEvent('dragover', { types: ['Files'] }));
    expect(zone.classList.contains('dragging')).toBe(true);
    await fire(zone, dragEvent('drop', { files: [jsonFile(sampleGuide)] }));
    await waitFor(() => $('.preview .import-confirm'), 'the preview');
  });

  it('asks for each site of a guide on its own, in words, and says where the guide will not show', async () => {
    const sites = ['https://www.exemple.gouv.fr/*', 'http://*.caf.exemple/espace/*'];
    const twoSites: Guide = { ...sampleGuide, id: 'deux-sites', sites };
    await openHome();
    await pickFile($('#import-file'), jsonFile(twoSites));
    await click(await waitFor(() => $('.import-confirm'), 'the preview'));
    await waitFor(() => $('.saved'), 'saved');
    expect(Object.keys(await storedGuides())).toEqual(['deux-sites']);
    const items = $$('.site-access li');
    expect(items.map((li) => li.querySelector('.site-words')?.textContent)).toEqual([
      'le site www.exemple.gouv.fr, toutes ses pages',
      "le site caf.exemple et tous les sites dont l'adresse finit par .caf.exemple, ses pages dont l'adresse commence par /espace/ — attention : des pages sans chiffrement (http)",
    ]);
    request.mockImplementationOnce(async () => {
      askedDuringClick.push(clicking);
      return false;
    });
    await clickAsking(items[1]?.querySelector('.allow-site'));
    expect(request).toHaveBeenLastCalledWith({ origins: ['http://*.caf.exemple/espace/*'] });
    await waitFor(() => items[1]?.querySelector('[role="alert"]'), 'the refusal');
    expect(items[1]?.textContent).toContain("le guide ne s'affichera pas dessus");
    expect(items[1]?.querySelector('.allow-site')).not.toBeNull();
    expect(items[0]?.querySelector('.site-state')?.textContent).toBe("Pas encore autorisé. Le guide ne s'affichera pas sur ce site.");
    await clickAsking(items[0]?.querySelector('.allow-site'));
    expect(request).toHaveBeenLastCalledWith({ origins: ['https://www.exemple.gouv.fr/*'] });
    expect(request).toHaveBeenCalledTimes(2);
    expect(askedDuringClick).toEqual([true, true]);
    await waitFor(() => items[0]?.querySelector('.site-state.allowed'), 'the first site allowed');
  });

  it('shows every problem of a file with errors, and saves nothing', async () => {
    await seedMyGuides(background, older);
    await openHome();
    const before = await everything();
    const broken = {
      ...sampleGuide,
      title: '',
      sites: ['exemple.gouv.fr'],
      steps: [{ ...sampleGuide.steps[0], action: 'clicker' }, ...sampleGuide.steps.slice(1)],
    };
    await pickFile($('#import-file'), jsonFile(broken, 'abime.json'));
    const preview = await waitFor(() => $('.preview.invalid'), 'the problems');
    const messages = $$('.import-problems li').map((li) => li.textContent ?? '');
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const path of ['(title)', '(sites[0])', '(steps[0].action)']) expect(messages.some((m) => m.includes(path))).toBe(true);
    expect(messages.every((m) => m.startsWith('abime.json'))).toBe(true);
    expect(preview.querySelector('[role="alert"]')?.textContent).toBe(`Ce fichier a ${messages.length} problèmes. Rien n'a été importé :`);
    expect(preview.querySelector('.import-confirm')).toBeNull();
    await settle();
    expect(await everything()).toEqual(before);
    expect(background.ofType('userGuides:save')).toEqual([]);
  });

  it('refuses a file with a field written twice, says where, and saves nothing', async () => {
    await seedMyGuides(background, older);
    await openHome();
    const before = await everything();
    // A trainer pasted the title twice: JSON would keep the last and drop the first without a word.
    const text = JSON.stringify(sampleGuide, null, 2).replace(/\n {2}"title": /, '\n  "title": "Un autre titre",\n  "title": ');
    await pickFile($('#import-file'), jsonFile(text, 'double.json'));
    await waitFor(() => $('.preview.invalid'), 'the problem');
    expect($$('.import-problems li').map((li) => li.textContent)).toEqual([
      expect.stringMatching(
        /^double\.json — en-tête du guide \(title\) : le champ « title » est écrit deux fois \(lignes \d+ et \d+\) ; un seul serait lu/,
      ),
    ]);
    await settle();
    expect(await everything()).toEqual(before);
    expect(background.ofType('userGuides:save')).toEqual([]);
  });

  it('says a non-JSON file is not a guide, and saves nothing', async () => {
    await seedMyGuides(background, older);
    await openHome();
    const before = await everything();
    await pickFile($('#import-file'), new File(['Madame, Monsieur,\nVeuillez trouver…'], 'lettre.txt', { type: 'text/plain' }));
    await waitFor(() => $('.preview.invalid'), 'the problem');
    expect($('.import-problems')?.textContent).toContain('n’est pas du JSON valide');
    expect(await everything()).toEqual(before);
  });

  it('refuses a 5 MB file without reading it, and saves nothing', async () => {
    await seedMyGuides(background, older);
    await openHome();
    const before = await everything();
    const big = new File(['x'.repeat(5 * 1024 * 1024)], 'enorme.json', { type: 'application/json' });
    const read = vi.spyOn(big, 'text');
    const readBuffer = vi.spyOn(big, 'arrayBuffer');
    await pickFile($('#import-file'), big);
    const alert = await waitFor(() => $('.import-result [role="alert"]'), 'the refusal');
    expect(alert.textContent).toBe("Le fichier « enorme.json » est trop gros (5 Mo). Un guide fait au plus 1 Mo. Rien n'a été importé.");
    expect(read).not.toHaveBeenCalled();
    expect(readBuffer).not.toHaveBeenCalled();
    expect(await everything()).toEqual(before);
  });

  it('reads a Chrome recording as a draft: no recorded value in the preview nor in storage', async () => {
    await openHome();
    await pickFile($('#import-file'), jsonFile(recorderFile(), 'connexion.json'));
    const preview = await waitFor(() => $('.preview .open-draft')?.closest('.preview'), 'the preview');
    expect(preview?.querySelector('h3')?.textContent).toBe('Enregistrement de Chrome du fichier « connexion.json »');
    expect(preview?.querySelector('.preview-title')?.textContent).toBe('Connexion au compte');
    expect(preview?.querySelector('.dropped')?.textContent).toContain('jamais gardées');
    expect(document.body.innerHTML).not.toContain(RECORDED_EMAIL);
    await click(preview?.querySelector('.open-draft'));
    await waitFor(() => $('#f-title'), 'the draft in the editor');
    const [copy] = await storedWorking();
    expect(copy?.origin).toBe('imported');
    expect(copy?.guide.status.state).toBe('draft');
    const all = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(all).not.toContain(RECORDED_EMAIL);
    expect(all).not.toContain(RECORDED_PASSWORD);
    expect(document.body.innerHTML).not.toContain(RECORDED_PASSWORD);
  });

  describe('a guide whose id is already one of mine', () => {
    async function importDuplicate() {
      await seedMyGuides(background, older);
      await openHome();
      await pickFile($('#import-file'), jsonFile(sampleGuide));
      await click(await waitFor(() => $('.import-confirm'), 'the preview'));
      const conflict = await waitFor(() => $('fieldset.conflict'), 'the question');
      expect(conflict.querySelector('legend')?.textContent).toBe(
        `Vous avez déjà un guide avec l'identifiant « ${sampleGuide.id} » (« Ma version à moi »). Que voulez-vous faire ?`,
      );
      expect(document.activeElement).toBe(conflict.querySelector('.conflict-replace'));
      expect(background.ofType('userGuides:save')).toEqual([]);
      return conflict;
    }

    it('replaces it when asked', async () => {
      const conflict = await importDuplicate();
      await click(conflict.querySelector('.conflict-replace'));
      await waitFor(() => $('.saved'), 'saved');
      expect($('.saved')?.textContent).toContain('a remplacé votre ancien guide');
      const guides = await storedGuides();
      expect(Object.keys(guides)).toEqual([sampleGuide.id]);
      expect(guides[sampleGuide.id]?.guide).toEqual(sampleGuide);
    });

    it('keeps both: the import gets another id, mine does not change', async () => {
      const conflict = await importDuplicate();
      await clickAsking(conflict.querySelector('.conflict-keep-both'));
      await waitFor(() => $('.saved'), 'saved');
      const guides = await storedGuides();
      expect(Object.keys(guides).sort()).toEqual([sampleGuide.id, `${sampleGuide.id}-2`]);
      expect(guides[sampleGuide.id]?.guide).toEqual(older);
      expect(guides[`${sampleGuide.id}-2`]?.guide).toMatchObject({ title: `${sampleGuide.title} (copie)`, steps: sampleGuide.steps });
      expect(request).not.toHaveBeenCalled();
    });

    it('cancels: nothing changes', async () => {
      const conflict = await importDuplicate();
      const before = await everything();
      await click(conflict.querySelector('.conflict-cancel'));
      await waitFor(() => $('.import-panel .status')?.textContent === "Import annulé. Rien n'a changé.", 'the message');
      await settle();
      expect(await everything()).toEqual(before);
      expect((await storedGuides())[sampleGuide.id]?.guide).toEqual(older);
      expect(background.ofType('userGuides:save')).toEqual([]);
      expect(request).not.toHaveBeenCalled();
    });
  });

  it('never replaces a bundled guide: keep both or cancel', async () => {
    await openHome();
    await pickFile($('#import-file'), jsonFile(bundledGuide));
    await click(await waitFor(() => $('.import-confirm'), 'the preview'));
    const conflict = await waitFor(() => $('fieldset.conflict'), 'the question');
    expect(conflict.querySelector('.conflict-replace')).toBeNull();
    await click(conflict.querySelector('.conflict-keep-both'));
    await waitFor(() => $('.saved'), 'saved');
    expect(Object.keys(await storedGuides())).toEqual(['attestation-2']);
  });

  it('keeps what is saved when the background refuses or fails', async () => {
    await seedMyGuides(background, older);
    await openHome();
    const before = await storedGuides();
    vi.spyOn(background.store, 'save').mockRejectedValueOnce(new Error('quota'));
    await pickFile($('#import-file'), jsonFile({ ...sampleGuide, id: 'nouveau' }));
    await click(await waitFor(() => $('.import-confirm'), 'the preview'));
    const alert = await waitFor(() => $('.import-result [role="alert"]'), 'the failure');
    expect(alert.textContent).toContain("Rien n'a changé dans vos guides");
    expect(await storedGuides()).toEqual(before);
  });
});
