import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Editor } from '../../../components/editor/Editor';
import { fingerprint } from '../../../utils/editor';
import type { Guide } from '../../../utils/guide/schema';
import { editorIncomingItem } from '../../../utils/storage/schema-items';
import { bundledGuide, sampleGuide } from './fixtures';
import {
  buttonByText,
  choose,
  click,
  dragEvent,
  EditorBackground,
  fire,
  installFrench,
  key,
  mount,
  openAt,
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

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector);
const $$ = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)];

async function openHome() {
  container = await mount(<Editor />);
  await waitFor(() => $('main.home') && $('section.mine ul, section.mine .empty'), 'the opening screen');
}

/** Opens one of "my guides" in the editor. */
async function editMine(guide: Guide = sampleGuide) {
  await seedMyGuides(background, guide);
  await openHome();
  await click(await waitFor(() => $(`li[data-guide-id="${guide.id}"] .edit-mine`), 'my guide'));
  await waitFor(() => $('main.editor:not(.home) #f-title'), 'the form');
}

/** Waits (letting timers and promises run) until `check` gives something. */
async function until<T>(check: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const found = await check();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await settle();
  }
}

/** The working copy being edited, as stored. */
async function stored() {
  const [copy] = await storedWorking();
  return copy;
}

describe('opening', () => {
  it('lists my guides, the bundled ones, and opens a new guide saved at once', async () => {
    await seedMyGuides(background, sampleGuide);
    await openHome();
    expect($(`li[data-guide-id="${sampleGuide.id}"] h3`)?.textContent).toBe(sampleGuide.title);
    expect($(`section.bundled li[data-guide-id="${bundledGuide.id}"]`)).not.toBeNull();
    expect($('section.drafts .empty')).not.toBeNull();
    await click($('button.new-guide'));
    await waitFor(() => $('#f-title'), 'the form');
    const copy = await stored();
    expect(copy?.guide.id).toBe('nouveau-guide');
    expect(location.search).toBe(`?doc=${copy?.doc}`);
    // Problems of a new guide are shown next to their fields.
    expect($('#f-title-problems')?.textContent).toMatch(/Problème/);
    expect($('#f-title')?.getAttribute('aria-describedby')).toContain('f-title-problems');
    expect($('#f-title')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('renders the guide’s texts as text, in the guide’s language', async () => {
    await editMine();
    expect($('#f-title')).toHaveProperty('value', sampleGuide.title);
    expect($('h1 .guide-name')?.textContent).toBe(sampleGuide.title);
    expect($('h1 b')).toBeNull();
    expect($('#f-title')?.getAttribute('lang')).toBe('fr');
  });

  it('opens a bundled guide as a copy to save as one’s own', async () => {
    await openHome();
    await click($(`li[data-guide-id="${bundledGuide.id}"] .copy-bundled`));
    await waitFor(() => $('#f-title'), 'the form');
    expect($<HTMLInputElement>('#f-title')?.value).toBe('Obtenir une attestation (copie)');
    expect($<HTMLInputElement>('#f-id')?.value).toBe('attestation-copie');
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    await click($('button.save-mine'));
    await waitFor(() => $('.notice')?.textContent?.includes('est dans « Mes guides »'), 'saved');
    expect($('.mine-state')?.textContent).toContain('à jour');
    expect(Object.keys(await storedGuides())).toEqual(['attestation-copie']);
  });

  it('opens the recording left by the background, and removes it from where it waited', async () => {
    const draft = { ...sampleGuide, id: 'brouillon', status: { state: 'draft' as const } };
    await fakeBrowser.storage.local.set({ [editorIncomingItem.key]: { guide: draft, at: 42 } });
    openAt('?draft=1');
    container = await mount(<Editor />);
    await waitFor(() => $('#f-title'), 'the draft');
    expect($<HTMLInputElement>('#f-id')?.value).toBe('brouillon');
    expect((await fakeBrowser.storage.local.get(editorIncomingItem.key))[editorIncomingItem.key]).toBeUndefined();
    const copy = await stored();
    expect(copy?.origin).toBe('recorded');
    expect(copy?.guide.id).toBe('brouillon');
    expect(location.search).toBe(`?doc=${copy?.doc}`);
  });

  it('shows a waiting recording on the opening screen', async () => {
    await openHome();
    await fakeBrowser.storage.local.set({ [editorIncomingItem.key]: { guide: { ...sampleGuide, id: 'arrive' }, at: 1 } });
    await click(await waitFor(() => $('button.open-incoming'), 'the recording'));
    await waitFor(() => $<HTMLInputElement>('#f-id')?.value === 'arrive', 'the draft opened');
  });

  it('reopens the working copy of the address after a reload, and a guide of mine’s draft rather than a new one', async () => {
    await editMine();
    await typeInto($('#f-summary'), 'Un résumé changé.');
    const doc = (await until(async () => ((await stored())?.guide.summary === 'Un résumé changé.' ? stored() : null), 'the autosave'))?.doc;
    await unmount(container!);
    container = undefined;
    openAt(`?doc=${doc}`);
    container = await mount(<Editor />);
    await waitFor(() => $<HTMLTextAreaElement>('#f-summary')?.value === 'Un résumé changé.', 'the restored text');
    await click(buttonByText(document.body, 'Retour à la liste'));
    await click(await waitFor(() => $(`li[data-guide-id="${sampleGuide.id}"] .edit-mine`), 'my guide'));
    await waitFor(() => $<HTMLTextAreaElement>('#f-summary')?.value === 'Un résumé changé.', 'the same draft');
    expect(await storedWorking()).toHaveLength(1);
  });
});

describe('editing', () => {
  it('shows plain-language advice next to a text, tied to it, and never blocks saving', async () => {
    await editMine();
    const field = $('#f-steps-0-instruction')!;
    await typeInto(
      field,
      'Il faut cliquer sur le bouton et saisir votre RFR dans le champ prévu à cet effet sur la page suivante du site.',
    );
    const advice = await waitFor(() => $('#f-steps-0-instruction-advice'), 'the advice');
    const rules = [...advice.querySelectorAll('li')].map((li) => li.dataset.rule);
    expect(rules).toEqual(expect.arrayContaining(['long-sentence', 'impersonal', 'acronym']));
    expect(advice.textContent).toContain('Phrase longue');
    expect(field.getAttribute('aria-describedby')).toContain('f-steps-0-instruction-advice');
    // Advice only: no problem, and the guide can still be saved.
    expect($('#f-steps-0-instruction-problems')).toBeNull();
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    await click($('button.save-mine'));
    await waitFor(() => $('.notice')?.textContent?.includes('est dans « Mes guides »'), 'saved');
    const saved = (await storedGuides())[sampleGuide.id]?.guide;
    expect(saved?.steps[0]).toMatchObject({ instruction: expect.stringContaining('RFR') });
  });

  it('shows each problem next to its field, and the list at the top goes there', async () => {
    await editMine();
    await typeInto($('#f-steps-2-instruction'), '');
    const message = await waitFor(() => $('#f-steps-2-instruction-problems'), 'the problem');
    expect(message.textContent).toMatch(/^Problème :/);
    const field = $('#f-steps-2-instruction')!;
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain('f-steps-2-instruction-problems');
    expect($('li[data-key] .problem-badge')?.textContent).toBe('1 problème');
    expect($('#problems-title')?.textContent).toBe('À corriger (1 problème)');
    // Close the step, then go to the problem from the list: the step opens and the field has the focus.
    await click($('li[data-item-id="email"] .toggle'));
    expect($('#f-steps-2-instruction')).toBeNull();
    await click($('.problem-list button.go-to'));
    await waitFor(() => document.activeElement?.id === 'f-steps-2-instruction', 'the focus on the field');
  });

  it('saves every change within 300 ms, and at once when the page is hidden', async () => {
    await editMine();
    await typeInto($('#f-title'), 'Premier titre');
    await waitFor(() => $('.save-state')?.textContent === 'Enregistré', 'the save state');
    expect((await stored())?.guide.title).toBe('Premier titre');
    await typeInto($('#f-title'), 'Titre juste avant de fermer');
    expect((await stored())?.guide.title).toBe('Premier titre');
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect((await stored())?.guide.title).toBe('Titre juste avant de fermer');
  });

  it('undoes and redoes with the keyboard and the buttons, and says what', async () => {
    await editMine();
    await typeInto($('#f-title'), 'Nouveau titre');
    await key(document.body, { key: 'z', ctrlKey: true });
    expect($<HTMLInputElement>('#f-title')?.value).toBe(sampleGuide.title);
    expect($('.notice')?.textContent).toBe('Défait : Modifier « Titre ».');
    await key(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect($<HTMLInputElement>('#f-title')?.value).toBe('Nouveau titre');
    expect($('.notice')?.textContent).toBe('Refait : Modifier « Titre ».');
    await click($('button.undo'));
    expect($<HTMLInputElement>('#f-title')?.value).toBe(sampleGuide.title);
    await key(document.body, { key: 'y', ctrlKey: true });
    expect($<HTMLInputElement>('#f-title')?.value).toBe('Nouveau titre');
    expect($<HTMLButtonElement>('button.redo')?.disabled).toBe(true);
    // The undone state is what is kept, too.
    await click($('button.undo'));
    await until(async () => (await stored())?.guide.title === sampleGuide.title, 'the undone state saved');
  });
});

describe('steps', () => {
  const order = () => $$('li[data-item-id]').map((li) => li.dataset.itemId);

  it('moves a step with « Monter » / « Descendre » and Alt+arrows, keeping the focus on it', async () => {
    await editMine();
    await click($('li[data-item-id="email"] .move-up'));
    expect(order()).toEqual(['ouvrir', 'email', 'deja-client', 'fin']);
    expect(document.activeElement).toBe($('li[data-item-id="email"] .move-up'));
    expect($('.notice')?.textContent).toBe('L’étape 3 est maintenant l’étape 2.'.replace(/’/g, "'"));
    await key(document.activeElement!, { key: 'ArrowUp', altKey: true });
    expect(order()).toEqual(['email', 'ouvrir', 'deja-client', 'fin']);
    // First of the list: « Monter » is off, the focus goes to « Descendre ».
    expect(document.activeElement).toBe($('li[data-item-id="email"] .move-down'));
    await key(document.activeElement!, { key: 'ArrowDown', altKey: true });
    expect(order()).toEqual(['ouvrir', 'email', 'deja-client', 'fin']);
    await until(async () => (await stored())?.guide.steps[1]?.id === 'email', 'the move saved');
  });

  it('moves a step by dragging its handle', async () => {
    await editMine();
    await fire($('li[data-item-id="ouvrir"] .handle'), dragEvent('dragstart'));
    // happy-dom has no layout: the drop lands after the item dropped on.
    await fire($('li[data-item-id="email"]'), dragEvent('dragover'));
    expect($('li[data-item-id="email"]')?.classList.contains('drop-after')).toBe(true);
    await fire($('li[data-item-id="email"]'), dragEvent('drop'));
    expect(order()).toEqual(['deja-client', 'email', 'ouvrir', 'fin']);
    // A file dragged over the list is not a step.
    await fire($('li[data-item-id="fin"]'), dragEvent('drop', { files: [new File(['x'], 'x.json')] }));
    expect(order()).toEqual(['deja-client', 'email', 'ouvrir', 'fin']);
  });

  it('duplicates and deletes a step; undo brings the deleted step back', async () => {
    await editMine();
    await click($('li[data-item-id="email"] .duplicate'));
    expect(order()).toEqual(['ouvrir', 'deja-client', 'email', 'email-2', 'fin']);
    expect(document.activeElement).toBe($('li[data-item-id="email-2"] h3'));
    await click($('li[data-item-id="ouvrir"] .remove'));
    expect(order()).toEqual(['deja-client', 'email', 'email-2', 'fin']);
    expect($('.notice')?.textContent).toContain('supprimée');
    expect(document.activeElement).toBe($('li[data-item-id="deja-client"] h3'));
    await key(document.body, { key: 'z', ctrlKey: true });
    expect(order()).toEqual(['ouvrir', 'deja-client', 'email', 'email-2', 'fin']);
    expect($<HTMLTextAreaElement>('#f-steps-0-instruction')?.value).toBe('Cliquez sur « Créer un compte ».');
  });

  it('edits every field of a step, changes kinds, and adds choices that lead to a chosen step', async () => {
    await editMine();
    await choose($('#f-steps-2-action'), 'go-to-page');
    expect($('#f-steps-2-donePage')).not.toBeNull();
    await typeInto($('#f-steps-2-donePage'), '/mon-espace/*');
    await click($('#f-steps-2-sensitive'));
    await typeInto($('#f-steps-2-page'), '/inscription');
    await choose($('#f-steps-2-next'), 'fin');
    await choose($('#f-steps-0-kind'), 'question');
    expect($('li[data-item-id="ouvrir"] h3')?.textContent).toBe('Étape 1 — question');
    await click($('li[data-item-id="ouvrir"] .add-choice'));
    await typeInto($('#f-steps-0-choices-0-label'), 'Oui');
    await typeInto($('#f-steps-0-choices-1-label'), 'Non');
    await typeInto($('#f-steps-0-choices-2-label'), 'Je ne sais pas');
    await choose($('#f-steps-0-choices-2-next'), 'fin');
    await choose($('#f-steps-3-kind'), 'step');
    await typeInto($('#f-steps-3-instruction'), 'Fermez la page.');
    await click($('button.add-end'));
    const copy = await until(async () => {
      const c = await stored();
      return c?.guide.steps.length === 5 && c.guide.steps[0]?.kind === 'question' && c.guide.steps[3]?.kind === 'step' ? c : null;
    }, 'the changes saved');
    expect(copy.guide.steps[2]).toMatchObject({
      action: 'go-to-page',
      donePage: '/mon-espace/*',
      sensitive: true,
      page: '/inscription',
      next: 'fin',
    });
    expect(copy.guide.steps[0]).toMatchObject({
      kind: 'question',
      question: 'Cliquez sur « Créer un compte ».',
      choices: [{ label: 'Oui' }, { label: 'Non' }, { label: 'Je ne sais pas', next: 'fin' }],
    });
    expect(copy.guide.steps[4]).toMatchObject({ kind: 'end', id: 'fin-2' });
  });

  it('lists every fact of the target as text and tests it on the most recent tab of the site', async () => {
    // The fake browser has no current window: the window's tabs as a browser lists them.
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 7, url: 'https://exemple.gouv.fr/connexion', lastAccessed: 100 },
      { id: 8, url: `chrome-extension://${fakeBrowser.runtime.id}/editor.html`, lastAccessed: 300, active: true },
      { id: 9, url: 'https://exemple.gouv.fr/inscription', lastAccessed: 200 },
    ] as never);
    const site = { id: 9 };
    await editMine();
    const target = $('li[data-item-id="ouvrir"] .target')!;
    expect(target.querySelector('summary')?.textContent).toBe('Élément à montrer sur la page');
    const facts = Object.fromEntries(
      [...target.querySelectorAll('.review-facts li')].map((li) => [
        li.querySelector('.fact-name')?.textContent,
        li.querySelector('.fact-value')?.textContent,
      ]),
    );
    expect(facts).toEqual({ Libellé: 'Créer un compte', 'Nom accessible': 'Créer un compte', Rôle: 'link' });
    expect(target.querySelector('input, textarea, select')).toBeNull();
    const answers: [typeof background.testAnswer, RegExp][] = [
      [{ status: 'found' }, /^Trouvé/],
      [{ status: 'ambiguous' }, /^Plusieurs éléments se ressemblent/],
      [{ status: 'not-found' }, /^Introuvable/],
      [{ status: 'out-of-sight' }, /^Dans une partie fermée : l'élément est sans doute dans un onglet ou une rubrique fermée/],
      [{ status: 'unreachable', reason: 'no-answer' }, /^Test impossible : la page ne répond pas\. Rechargez-la, puis réessayez\.$/],
    ];
    for (const [answer, said] of answers) {
      background.testAnswer = answer;
      await click(target.querySelector('button.test-target'));
      await waitFor(() => said.test(target.querySelector('[role="status"]')?.textContent ?? ''), `the answer ${answer.status}`);
    }
    const tests = background.ofType('target:test');
    expect(tests).toHaveLength(5);
    expect(tests[0]).toEqual({
      type: 'target:test',
      tabId: site.id,
      target: { tag: 'a', role: 'link', name: 'Créer un compte', label: 'Créer un compte' },
      instruction: 'Cliquez sur « Créer un compte ».',
    });
  });

  it('says when there is no tab of a site to test on', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 8, url: `chrome-extension://${fakeBrowser.runtime.id}/editor.html` },
    ] as never);
    await editMine();
    const target = $('li[data-item-id="ouvrir"] .target')!;
    await click(target.querySelector('button.test-target'));
    await waitFor(() => target.querySelector('[role="status"]')?.textContent?.startsWith('Ouvrez d'), 'the answer');
    expect(background.ofType('target:test')).toEqual([]);
  });
});

describe('status, export and my guides', () => {
  it('refuses to mark the guide verified while it has problems, and says why', async () => {
    const draft = { ...sampleGuide, status: { state: 'draft' as const } };
    await editMine(draft);
    await typeInto($('#f-steps-0-instruction'), '');
    await click($('#status-verified'));
    expect($('#status-refusal')?.textContent).toBe(
      "Le guide ne peut pas être marqué « Vérifié » tant qu'il a 1 problème. Corrigez-le d'abord (voir « À corriger »).",
    );
    expect($<HTMLInputElement>('#status-verified')?.checked).toBe(false);
    expect($<HTMLInputElement>('#f-status')?.checked).toBe(true);
    await typeInto($('#f-steps-0-instruction'), 'Cliquez sur « Créer un compte ».');
    await click($('#status-verified'));
    expect($('#status-refusal')).toBeNull();
    expect($<HTMLInputElement>('#status-verified')?.checked).toBe(true);
    expect(document.activeElement?.id).toBe('f-status-against');
  });

  it('refuses to export a verified guide with errors, with a message', async () => {
    await editMine();
    const createUrl = vi.spyOn(URL, 'createObjectURL');
    await typeInto($('#f-steps-0-instruction'), '');
    await click($('button.export'));
    expect($('[role="alert"]')?.textContent).toBe(
      'Un guide vérifié ne peut pas avoir de problème. Corrigez le problème signalé, ou repassez le guide en brouillon.',
    );
    expect(createUrl).not.toHaveBeenCalled();
  });

  it('exports a valid guide as <id>.json, pretty-printed', async () => {
    await editMine();
    await typeInto($('#f-summary'), 'Créer votre compte, étape par étape.');
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:guide';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    let name = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      name = this.download;
    });
    await click($('button.export'));
    expect(name).toBe('creer-mon-compte.json');
    const text = await blob!.text();
    expect(text).toBe(`${JSON.stringify({ ...sampleGuide, summary: 'Créer votre compte, étape par étape.' }, null, 2)}\n`);
    expect($('.notice')?.textContent).toBe('Le fichier « creer-mon-compte.json » est enregistré dans vos téléchargements.');
  });

  it('asks before replacing another of my guides with the same id, and can keep both', async () => {
    const other = { ...sampleGuide, id: 'autre', title: 'Autre guide' };
    await seedMyGuides(background, other);
    await editMine();
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    await typeInto($('#f-id'), 'autre');
    await click($('button.save-mine'));
    const conflict = await waitFor(() => $('fieldset.conflict'), 'the question');
    expect(conflict.querySelector('legend')?.textContent).toContain('« autre » (« Autre guide »)');
    expect(request).not.toHaveBeenCalled();
    await click(conflict.querySelector('.conflict-keep-both'));
    await waitFor(() => $('.notice')?.textContent?.includes('est dans « Mes guides »'), 'saved');
    expect(request).toHaveBeenCalledWith({ origins: ['https://exemple.gouv.fr/*'] });
    expect($('.notice')?.textContent).toContain('ne s’affichera pas'.replace('’', "'"));
    const guides = await storedGuides();
    expect(Object.keys(guides).sort()).toEqual(['autre', 'autre-2', sampleGuide.id]);
    expect(guides.autre?.guide.title).toBe('Autre guide');
    expect($<HTMLInputElement>('#f-id')?.value).toBe('autre-2');
    expect($('.mine-state')?.textContent).toContain('à jour');
  });

  it('cancelling the question saves nothing', async () => {
    const other = { ...sampleGuide, id: 'autre', title: 'Autre guide' };
    await seedMyGuides(background, other);
    await editMine();
    const before = await storedGuides();
    await typeInto($('#f-id'), 'autre');
    await click($('button.save-mine'));
    await click(await waitFor(() => $('fieldset.conflict .conflict-cancel'), 'the question'));
    expect($('fieldset.conflict')).toBeNull();
    expect(await storedGuides()).toEqual(before);
    expect(background.ofType('userGuides:save')).toEqual([]);
  });

  it('keeps a guide of mine up to date under its own id without asking', async () => {
    await editMine();
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    expect($('.mine-state')?.textContent).toContain('à jour');
    await typeInto($('#f-title'), 'Créer mon compte');
    expect($('.mine-state')?.textContent).toContain('pas encore');
    await click($('button.save-mine'));
    await waitFor(() => $('.notice')?.textContent?.includes('est dans « Mes guides »'), 'saved');
    expect($('fieldset.conflict')).toBeNull();
    expect((await storedGuides())[sampleGuide.id]?.guide.title).toBe('Créer mon compte');
    expect(fingerprint((await stored())!.guide)).toBe((await stored())?.savedPrint);
  });
});

describe('quick access (RGAA 12.7)', () => {
  it('starts the page with links past the toolbar to the content and to the steps, whose targets take the focus', async () => {
    await editMine();
    const links = $$('main.editor .skip-links a');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Aller au contenu', '#problems-title'],
      ['Aller aux étapes', '#steps-title'],
    ]);
    // First in the tab order: before the toolbar's « Retour à la liste ».
    const focusable = $$(
      'main.editor a[href], main.editor button:not([disabled]), main.editor input, main.editor select, main.editor textarea',
    );
    expect(focusable.slice(0, 3)).toEqual([...links, $('.toolbar .back')]);
    for (const link of links) {
      const target = $(link.getAttribute('href') ?? '#none');
      expect(target?.localName).toBe('h2');
      // A heading with tabindex=-1: following the link moves the keyboard there.
      expect(target?.getAttribute('tabindex')).toBe('-1');
    }
  });
});

describe('removing one of my guides', () => {
  /** A guide of mine that plays `sampleGuide` at its first step. */
  const caller: Guide = {
    ...sampleGuide,
    format: 2,
    id: 'demarche-complete',
    title: 'Ma démarche complète',
    steps: [
      { kind: 'guide', id: 'compte', guide: sampleGuide.id, instruction: 'Créez d’abord votre compte.' },
      { kind: 'end', id: 'fin' },
    ],
  } as Guide;

  async function askToRemove(guide: Guide) {
    await click(await waitFor(() => $(`li[data-guide-id="${guide.id}"] .remove-mine`), 'the remove button'));
    return waitFor(() => $(`li[data-guide-id="${guide.id}"] fieldset.confirm`), 'the question');
  }

  it('asks first, then removes it, gives back its site, says so, and puts the focus on the list’s heading', async () => {
    background.platform.granted.add('https://exemple.gouv.fr/*');
    await seedMyGuides(background, sampleGuide);
    await openHome();
    const button = $(`li[data-guide-id="${sampleGuide.id}"] .remove-mine`);
    expect(button?.getAttribute('aria-label')).toBe(`Supprimer le guide « ${sampleGuide.title} »`);
    const question = await askToRemove(sampleGuide);
    expect(question.querySelector('legend')?.textContent).toBe(
      `Supprimer le guide « ${sampleGuide.title} » de « Mes guides » ? Vous ne pourrez plus le lancer sur cet ordinateur. Cela ne peut pas être annulé.`,
    );
    // Nothing is removed while it asks.
    expect(Object.keys(await storedGuides())).toEqual([sampleGuide.id]);
    await click(question.querySelector('.confirm-yes'));
    await waitFor(() => !$(`li[data-guide-id="${sampleGuide.id}"]`), 'the guide gone from the list');
    expect(await storedGuides()).toEqual({});
    expect(background.ofType('userGuides:remove')).toEqual([{ type: 'userGuides:remove', guideId: sampleGuide.id }]);
    expect(background.platform.released).toEqual(['https://exemple.gouv.fr/*']);
    expect($('section.mine .empty')?.textContent).toBe(
      "Vous n'avez pas encore de guide. Enregistrez une démarche, écrivez un nouveau guide ou importez un fichier.",
    );
    expect($('header .status')?.textContent).toBe(`Le guide « ${sampleGuide.title} » est supprimé de « Mes guides ».`);
    expect(document.activeElement?.id).toBe('mine-title');
  });

  it('« Non, garder » keeps it, and the focus comes back to its button', async () => {
    await seedMyGuides(background, sampleGuide);
    await openHome();
    const question = await askToRemove(sampleGuide);
    await click(question.querySelector('.confirm-no'));
    await settle();
    expect(Object.keys(await storedGuides())).toEqual([sampleGuide.id]);
    expect(background.ofType('userGuides:remove')).toEqual([]);
    expect(document.activeElement?.classList.contains('remove-mine')).toBe(true);
  });

  it('says which guides play it, whose step will then only show its instruction', async () => {
    await seedMyGuides(background, sampleGuide, caller);
    await openHome();
    const question = await askToRemove(sampleGuide);
    expect(question.querySelector('legend')?.textContent).toBe(
      `Supprimer le guide « ${sampleGuide.title} » de « Mes guides » ? Vous ne pourrez plus le lancer sur cet ordinateur. Ces guides le lancent à une de leurs étapes : « Ma démarche complète ». Cette étape ne montrera plus que sa consigne. Cela ne peut pas être annulé.`,
    );
    // The guide that plays it has no such warning: nothing plays it.
    await click(question.querySelector('.confirm-no'));
    expect((await askToRemove(caller)).querySelector('legend')?.textContent).not.toContain('Ces guides');
  });

  it('says when the background could not remove it, and keeps it in the list', async () => {
    await seedMyGuides(background, sampleGuide);
    await openHome();
    const question = await askToRemove(sampleGuide);
    background.failing = true;
    await click(question.querySelector('.confirm-yes'));
    await waitFor(() => $('header .status')?.textContent, 'the message');
    expect($('header .status')?.textContent).toBe(`Le guide « ${sampleGuide.title} » n'a pas pu être supprimé. Réessayez.`);
    expect($(`li[data-guide-id="${sampleGuide.id}"] .remove-mine`)).not.toBeNull();
    background.failing = false;
    expect(Object.keys(await storedGuides())).toEqual([sampleGuide.id]);
  });
});
