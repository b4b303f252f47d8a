/**
 * The side panel of a run inside a guide run by its guide: « Dans « … » :
 * étape x sur y » with the outer step it stands for, the inner steps marked
 * with their guide's title in the list, « … est fini » once back, and the
 * honest « documented » status. Through the real background, over fake storage.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '../../../components/sidepanel/SidePanel';
import { type Guide, guideSchema } from '../../../utils/guide/schema';
import { advance, playedGuide, type Run, startRun } from '../../../utils/run';
import { tabRuns } from '../../../utils/storage/items';
import { installFrench, mount, serveTab, TestBackground, unmount, waitFor } from '../popup/harness';

const base = { version: '1.0.0', lang: 'fr', summary: 'Pour les tests.', durationMinutes: 5, sites: ['https://exemple.gouv.fr/*'] };
const inner: Guide = guideSchema.parse({
  ...base,
  format: 2,
  id: 'franceconnect-se-connecter',
  title: 'Se connecter avec FranceConnect',
  status: { state: 'draft' },
  steps: [
    { kind: 'step', id: 'bouton', action: 'read', instruction: 'Cliquez sur FranceConnect.' },
    { kind: 'step', id: 'compte', action: 'read', instruction: 'Choisissez votre compte.' },
    { kind: 'end', id: 'fin' },
  ],
});
const outer: Guide = guideSchema.parse({
  ...base,
  format: 2,
  id: 'demarche',
  title: 'Une démarche',
  status: { state: 'documented', on: '2026-11-20' },
  steps: [
    { kind: 'guide', id: 'connexion', guide: inner.id, instruction: 'Connectez-vous avec FranceConnect.' },
    { kind: 'step', id: 'lire', action: 'read', instruction: 'Lisez la page.' },
    { kind: 'end', id: 'fin' },
  ],
});

let container: HTMLElement | undefined;
let tabId: number;

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  new TestBackground([outer, inner]).install();
  tabId = (await fakeBrowser.tabs.create({ url: 'https://exemple.gouv.fr/' })).id!;
  serveTab(tabId, 'sidepanel.html');
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

it('says where the person is inside the inner guide, marks its steps, then says the person is back', async () => {
  const played = playedGuide(outer, [outer, inner]);
  let run: Run = startRun(played, 'alone', 1);
  run = advance(played, run, { type: 'manual-done' }, 2);
  await tabRuns.of(tabId).set(run);
  container = await mount(<SidePanel />);
  const line = await waitFor(() => container?.querySelector('section.now .inner-guide'), 'the inner guide line');
  expect(text(line)).toBe(
    "Dans « Se connecter avec FranceConnect » : étape 2 sur 2 Pour l'étape « Connectez-vous avec FranceConnect. » de la démarche.",
  );
  expect(text(container?.querySelector('.documented.alone'))).toBe(
    "Écrit d'après l'aide officielle du 20 novembre 2026 ; pas encore vérifié sur le site",
  );
  const badges = [...(container?.querySelectorAll<HTMLElement>('ol.steps li.step') ?? [])].map((li) => [
    li.dataset.itemId,
    text(li.querySelector('.inner-guide-badge')),
  ]);
  expect(badges).toEqual([
    ['connexion/bouton', 'Se connecter avec FranceConnect'],
    ['connexion/compte', 'Se connecter avec FranceConnect'],
    // The inner guide's end is no line: the outer guide goes on.
    ['lire', ''],
    ['fin', ''],
  ]);

  await tabRuns.of(tabId).set(advance(played, run, { type: 'manual-done' }, 3));
  const back = await waitFor(() => container?.querySelector('section.now .came-back'), 'the back-in-the-procedure note');
  expect(text(back)).toBe('« Se connecter avec FranceConnect » est fini. Vous revenez à la démarche.');
  expect(container?.querySelector('section.now .inner-guide')).toBeNull();
});
