import axe from 'axe-core';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Editor } from '../../../components/editor/Editor';
import { bundledGuide, markedGuide, sampleGuide } from './fixtures';
import {
  click,
  EditorBackground,
  installFrench,
  jsonFile,
  mount,
  openAt,
  pickFile,
  seedMyGuides,
  typeInto,
  unmount,
  waitFor,
} from './harness';

/**
 * axe-core on the editor page. happy-dom has no layout, so contrast is left to
 * the real-browser tests; structure, names, labels, ids and ARIA are checked here.
 */
let background: EditorBackground;
let container: HTMLElement | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  background = new EditorBackground([bundledGuide]);
  background.install();
  vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
  openAt();
  document.title = 'Éditeur de guides — Côte à côte';
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

async function violations(): Promise<string[]> {
  const results = await axe.run(document, {
    // Visible text inside the accessible name (an experimental rule, off by default): on.
    rules: { 'color-contrast': { enabled: false }, 'label-content-name-mismatch': { enabled: true } },
  });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector);

it('the opening screen, an import with problems, and a conflict have no axe violation', async () => {
  await seedMyGuides(background, sampleGuide);
  container = await mount(<Editor />);
  await waitFor(() => $(`li[data-guide-id="${sampleGuide.id}"]`) && $('#import-file'), 'the opening screen');
  expect(await violations()).toEqual([]);
  await pickFile($('#import-file'), jsonFile({ ...sampleGuide, title: '', steps: [] }, 'abime.json'));
  await waitFor(() => $('.preview.invalid'), 'the problems');
  expect(await violations()).toEqual([]);
  await pickFile($('#import-file'), jsonFile(sampleGuide));
  await click(await waitFor(() => $('.import-confirm'), 'the preview'));
  await waitFor(() => $('fieldset.conflict'), 'the question');
  expect(await violations()).toEqual([]);
}, 30_000);

it('the editing form, with problems, advice, a question and a tested target, has no axe violation', async () => {
  await seedMyGuides(background, sampleGuide);
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3, url: 'https://exemple.gouv.fr/', lastAccessed: 1 }] as never);
  container = await mount(<Editor />);
  await click(await waitFor(() => $(`li[data-guide-id="${sampleGuide.id}"] .edit-mine`), 'my guide'));
  await waitFor(() => $('#f-title'), 'the form');
  expect(await violations()).toEqual([]);
  await typeInto($('#f-steps-0-instruction'), 'Il faut cliquer sur le lien et saisir le RFR qui est demandé sur la page suivante du site.');
  await typeInto($('#f-steps-2-instruction'), '');
  await typeInto($('#f-lang'), 'f');
  await click($('li[data-item-id="ouvrir"] .target summary'));
  await click($('li[data-item-id="ouvrir"] .test-target'));
  await waitFor(() => $('li[data-item-id="ouvrir"] .test-result')?.textContent, 'the test');
  await click($('#f-status'));
  await click($('#status-verified'));
  await waitFor(
    () => $('#f-steps-0-instruction-advice') && $('#f-steps-2-instruction-problems') && $('#status-refusal'),
    'advice and problems',
  );
  await click($('button.export'));
  await waitFor(() => $('.editor-header [role="alert"]'), 'the refusal');
  expect(await violations()).toEqual([]);
}, 30_000);

it('the review of targets, its confirmation and an import that found personal facts have no axe violation', async () => {
  await seedMyGuides(background, markedGuide);
  container = await mount(<Editor />);
  await pickFile(await waitFor(() => $('#import-file'), 'the import zone'), jsonFile(markedGuide, 'recap.json'));
  await waitFor(() => $('.review-found-list'), 'what the review found');
  expect(await violations()).toEqual([]);
  await click(await waitFor(() => $(`li[data-guide-id="${markedGuide.id}"] .edit-mine`), 'my guide'));
  await waitFor(() => $('li[data-item-id="modifier"] .review-facts'), 'the facts');
  await click($('li[data-item-id="modifier"] li[data-fact="page"] .remove-fact'));
  await click($('button.export'));
  await waitFor(() => $('section.review-confirm'), 'the question');
  await click($('section.review-confirm .delete-fact'));
  await click($('section.review-confirm .review-proceed'));
  await waitFor(() => $('section.review-confirm .review-missing'), 'what is missing');
  expect(await violations()).toEqual([]);
}, 30_000);
