import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Editor } from '../../../components/editor/Editor';
import type { ActionStep, Guide } from '../../../utils/guide/schema';
import { bundledGuide, markedGuide } from './fixtures';
import {
  click,
  EditorBackground,
  installFrench,
  jsonFile,
  mount,
  openAt,
  pickFile,
  seedMyGuides,
  settle,
  storedGuides,
  storedWorking,
  typeInto,
  unmount,
  waitFor,
} from './harness';

let background: EditorBackground;
let container: HTMLElement | undefined;
let exported: Blob[];

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  background = new EditorBackground([bundledGuide]);
  background.install();
  openAt();
  exported = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    exported.push(blob as Blob);
    return 'blob:guide';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
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
  await waitFor(() => $('main.home') && $('section.mine ul, section.mine .empty'), 'the opening screen');
}

async function editMine(guide: Guide = markedGuide) {
  await seedMyGuides(background, guide);
  await openHome();
  await click(await waitFor(() => $(`li[data-guide-id="${guide.id}"] .edit-mine`), 'my guide'));
  await waitFor(() => $('main.editor:not(.home) #f-title'), 'the form');
}

/** The facts listed for a step: [name, value or note, mark]. */
function listed(stepId: string): [string, string, string][] {
  return [...document.querySelectorAll(`li[data-item-id="${stepId}"] .review-facts li`)].map((li) => [
    li.querySelector('.fact-name')?.textContent ?? '',
    li.querySelector('.fact-value, .fact-withheld')?.textContent ?? '',
    li.querySelector('.fact-mark')?.textContent?.replace('⚠', '').trim() ?? '',
  ]);
}

async function storedStep(index: number): Promise<ActionStep> {
  return (await storedWorking())[0]?.guide.steps[index] as ActionStep;
}

describe('the facts of every target', () => {
  it('lists every fact with its value, marks what looks personal, and says what was withheld', async () => {
    await editMine();
    expect(listed('modifier')).toEqual([
      ['Adresse de la page', '/espace/demande/recapitulatif', ''],
      ['Rôle', 'button', ''],
      ['Nom accessible', 'Modifier', ''],
      ['Titre ou légende au-dessus', 'Vos coordonnées', ''],
      ['Texte à côté', 'Née le 12/03/1980', 'Peut contenir une donnée personnelle : une date de naissance'],
      ['Texte visible', 'retiré : pouvait contenir des données personnelles', ''],
    ]);
    expect(listed('courriel')).toEqual([
      ['Libellé', 'Adresse e-mail', ''],
      ['Type', 'email', ''],
      ['Exemple écrit dans le champ', 'jeanne.martin@example.org', 'Peut contenir une donnée personnelle : une adresse e-mail'],
    ]);
    // A target with something to look at is open at once; a withheld fact has nothing to delete.
    expect($<HTMLDetailsElement>('li[data-item-id="modifier"] details')?.open).toBe(true);
    const withheld = $('li[data-item-id="modifier"] .review-facts li.withheld')!;
    expect(withheld.querySelector('button')).toBeNull();
    const buttons = $$('li[data-item-id="modifier"] .remove-fact').map((b) => b.getAttribute('aria-label'));
    expect(buttons).toContain('Supprimer « Texte à côté » (étape 1)');
    expect(buttons).toHaveLength(5);
  });

  it('deletes a fact as an edit: kept in storage, undone like the others, the focus on the next fact', async () => {
    await editMine();
    await click($('li[data-item-id="modifier"] li[data-fact="neighbourText"] .remove-fact'));
    expect(listed('modifier').map(([name]) => name)).not.toContain('Texte à côté');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Supprimer « Titre ou légende au-dessus » (étape 1)');
    expect($('li[data-item-id="modifier"] .fact-removed')?.textContent).toBe(
      '« Texte à côté » est supprimé (étape 1). Vous pouvez annuler.',
    );
    await waitFor(async () => !(await storedStep(0))?.target?.neighbourText, 'the autosave');
    await settle();
    await vi.waitFor(async () => expect((await storedStep(0)).target).not.toHaveProperty('neighbourText'));
    expect($('button.undo')?.getAttribute('title')).toContain('Défaire : Supprimer « Texte à côté » (étape 1)');
    await click($('button.undo'));
    expect(listed('modifier').map(([name]) => name)).toContain('Texte à côté');
  });

  it('deletes the page pattern too, and says when what is left can no longer find the element', async () => {
    await editMine();
    await click($('li[data-item-id="modifier"] li[data-fact="page"] .remove-fact'));
    expect($<HTMLInputElement>('#f-steps-0-page')?.value).toBe('');
    await click($('li[data-item-id="modifier"] li[data-fact="name"] .remove-fact'));
    expect($('li[data-item-id="modifier"] .fact-removed')?.textContent).toBe(
      "« Nom accessible » est supprimé (étape 1). Vous pouvez annuler. Avec ce qui reste, Côte à côte ne peut plus retrouver l'élément sur la page. Annulez la suppression, ou enregistrez cette étape à nouveau.",
    );
    // The tag stays: the guide is still valid.
    expect($('section.problems .note')?.textContent).toContain('Aucun problème');
  });
});

describe('the confirmation before saving or exporting', () => {
  it('blocks the export until each marked fact is confirmed or deleted, then exports without the deleted one', async () => {
    await editMine();
    await click($('button.export'));
    const panel = await waitFor(() => $('section.review-confirm'), 'the question');
    expect(document.activeElement?.id).toBe('review-title');
    expect(exported).toEqual([]);
    const facts = [...panel.querySelectorAll('.review-fact')];
    expect(facts.map((li) => li.querySelector('legend')?.textContent)).toEqual([
      'Étape 1, « modifier » — Texte à côté',
      'Étape 2, « courriel » — Exemple écrit dans le champ',
    ]);
    expect(facts[0]?.querySelector('.fact-value')?.textContent).toBe('« Née le 12/03/1980 »');
    expect(facts[0]?.textContent).toContain('Peut contenir une donnée personnelle : une date de naissance');
    const box = facts[0]?.querySelector<HTMLInputElement>('input[type="checkbox"]');
    expect(document.querySelector(`label[for="${box?.id}"]`)?.textContent).toBe("Ce n'est pas une donnée personnelle");
    expect(
      box
        ?.getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toEqual(['« Née le 12/03/1980 »', '⚠ Peut contenir une donnée personnelle : une date de naissance']);

    // Nothing answered: refused, said, the focus on the first fact to answer.
    await click(panel.querySelector('.review-proceed'));
    expect(exported).toEqual([]);
    expect(panel.querySelector('.review-missing')?.textContent).toBe(
      'Il reste 2 informations à vérifier : cochez la case, ou supprimez le fait.',
    );
    expect(document.activeElement).toBe(box);

    await click(box);
    await click(panel.querySelector('.review-proceed'));
    expect(exported).toEqual([]);
    expect(panel.querySelector('.review-missing')?.textContent).toBe(
      'Il reste 1 information à vérifier : cochez la case, ou supprimez le fait.',
    );

    await click(facts[1]?.querySelector('.delete-fact'));
    expect(facts[1]?.querySelector('.will-delete')?.textContent).toBe('Ce fait sera supprimé.');
    expect(document.activeElement?.classList.contains('keep-fact')).toBe(true);
    await click(panel.querySelector('.review-proceed'));
    expect($('section.review-confirm')).toBeNull();
    expect(exported).toHaveLength(1);
    const file = JSON.parse(await exported[0]!.text()) as Guide;
    expect((file.steps[1] as ActionStep).target).toEqual({ tag: 'input', type: 'email', label: 'Adresse e-mail' });
    expect((file.steps[0] as ActionStep).target?.neighbourText).toBe('Née le 12/03/1980');
    // The deletion is an edit of the working copy; the confirmed fact is not asked about again.
    expect(listed('courriel').map(([name]) => name)).not.toContain('Exemple écrit dans le champ');
    await click($('button.export'));
    expect($('section.review-confirm')).toBeNull();
    expect(exported).toHaveLength(2);
  });

  it('cancelling changes nothing, saves nothing, and gives the focus back', async () => {
    await editMine();
    const before = await storedGuides();
    await click($('button.save-mine'));
    const panel = await waitFor(() => $('section.review-confirm'), 'the question');
    await click(panel.querySelector('.delete-fact'));
    await click(panel.querySelector('.review-cancel'));
    expect($('section.review-confirm')).toBeNull();
    expect($('.notice')?.textContent).toBe("Rien n'a changé. Le guide n'est ni enregistré, ni exporté.");
    await settle();
    expect(document.activeElement?.classList.contains('save-mine')).toBe(true);
    expect(listed('modifier').map(([name]) => name)).toContain('Texte à côté');
    expect(await storedGuides()).toEqual(before);
    expect(background.ofType('userGuides:save')).toEqual([]);
    // Escape cancels too.
    await click($('button.export'));
    const again = await waitFor(() => $('section.review-confirm'), 'the question');
    await act(() => {
      again.querySelector('input')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect($('section.review-confirm')).toBeNull();
    expect(exported).toEqual([]);
  });

  it('saves to « Mes guides » only once every fact is answered, without the deleted ones', async () => {
    await editMine();
    await click($('button.save-mine'));
    const panel = await waitFor(() => $('section.review-confirm'), 'the question');
    for (const button of panel.querySelectorAll('.delete-fact')) await click(button);
    await click(panel.querySelector('.review-proceed'));
    await waitFor(() => $('.notice')?.textContent?.includes('est dans « Mes guides »'), 'saved');
    const saved = (await storedGuides())[markedGuide.id]?.guide;
    expect(saved && (saved.steps[0] as ActionStep).target?.neighbourText).toBeUndefined();
    expect(saved && (saved.steps[1] as ActionStep).target?.placeholder).toBeUndefined();
    expect($('.mine-state')?.textContent).toContain('à jour');
  });

  it('asks about a fact that becomes personal by editing', async () => {
    await editMine({ ...markedGuide, steps: markedGuide.steps.filter((item) => item.id !== 'courriel') } as Guide);
    await click($('li[data-item-id="modifier"] li[data-fact="neighbourText"] .remove-fact'));
    await click($('button.export'));
    expect($('section.review-confirm')).toBeNull();
    expect(exported).toHaveLength(1);
    await typeInto($('#f-steps-0-page'), '/espace/demande/jeanne.martin@example.org');
    await click($('button.export'));
    const panel = await waitFor(() => $('section.review-confirm'), 'the question');
    expect(panel.querySelector('legend')?.textContent).toBe('Étape 1, « modifier » — Adresse de la page');
    expect(exported).toHaveLength(1);
  });
});

describe('import', () => {
  it('shows what the review found, and asks about each fact before saving', async () => {
    await openHome();
    await pickFile($('#import-file'), jsonFile(markedGuide, 'recap.json'));
    const preview = await waitFor(() => $('.preview'), 'the preview');
    expect(preview.querySelector('.review-found-count')?.textContent).toBe(
      '2 informations de ce guide ressemblent à des données personnelles. Vous devrez les vérifier avant d’enregistrer ou d’exporter le guide.'.replaceAll(
        '’',
        "'",
      ),
    );
    expect(
      [...preview.querySelectorAll('.review-found-list li')].map((li) => li.textContent?.replace('⚠', '').replace(/\s+/g, ' ')),
    ).toEqual([
      'Étape 1, « modifier » — Texte à côté : « Née le 12/03/1980 ». Peut contenir une donnée personnelle : une date de naissance',
      'Étape 2, « courriel » — Exemple écrit dans le champ : « jeanne.martin@example.org ». Peut contenir une donnée personnelle : une adresse e-mail',
    ]);
    expect(preview.querySelector('.review-found-withheld')?.textContent).toBe(
      "1 information a été retirée à l'enregistrement, car elle pouvait contenir des données personnelles.",
    );

    await click(preview.querySelector('.import-confirm'));
    const panel = await waitFor(() => $('section.review-confirm'), 'the question');
    await click(panel.querySelector('.review-proceed'));
    expect(await storedGuides()).toEqual({});
    const [birth, email] = [...panel.querySelectorAll<HTMLElement>('.review-fact')];
    await click(birth?.querySelector('input'));
    await click(email?.querySelector('.delete-fact'));
    await click(panel.querySelector('.review-proceed'));
    await waitFor(() => $('.saved'), 'saved');
    const saved = (await storedGuides())[markedGuide.id]?.guide;
    expect((saved!.steps[0] as ActionStep).target?.neighbourText).toBe('Née le 12/03/1980');
    expect((saved!.steps[1] as ActionStep).target).not.toHaveProperty('placeholder');
  });

  it('says when nothing looks personal, and saves without asking', async () => {
    await openHome();
    await pickFile($('#import-file'), jsonFile(bundledGuide, 'autre.json'));
    const preview = await waitFor(() => $('.preview'), 'the preview');
    expect(preview.querySelector('.review-found-count')?.textContent).toBe(
      'Aucune information de ce guide ne ressemble à une donnée personnelle.',
    );
    expect(preview.querySelector('.review-found-list')).toBeNull();
  });
});
