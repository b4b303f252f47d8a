/**
 * Format 2 in the popup: the honest « documented » status and the sources in
 * a guide's details and on the start screen (with the sources of the guide it
 * runs), themes grouping the other guides, and a search box once there are
 * more than 5 guides, its count of results announced.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../components/popup/Popup';
import { type Guide, guideSchema } from '../../../utils/guide/schema';
import { playedGuide, startRun } from '../../../utils/run';
import { accountGuide } from './fixtures';
import { buttonByText, click, installFrench, mount, serveTab, settle, TestBackground, unmount, waitFor } from './harness';

function themed(id: string, theme: string | undefined, title: string, extra: Record<string, unknown> = {}): Guide {
  return guideSchema.parse({
    format: 2,
    id,
    version: '1.0.0',
    lang: 'fr',
    title,
    summary: `Le guide ${title}.`,
    status: { state: 'documented', on: '2026-11-20' },
    ...(theme ? { theme } : {}),
    sites: [`https://${id}.gouv.fr/*`],
    durationMinutes: 5,
    steps: [
      { kind: 'step', id: 'lire', action: 'read', instruction: 'Lisez la page.' },
      { kind: 'end', id: 'fin' },
    ],
    ...extra,
  });
}

const fc = themed('franceconnect-se-connecter', 'compte', 'Se connecter avec FranceConnect', {
  sources: [{ title: 'Aide FranceConnect', url: 'https://franceconnect.gouv.fr/aide', seen: '2026-11-20' }],
});
const ameli = themed('ameli', 'sante', 'Créer son compte ameli', {
  sources: [{ title: 'Aide ameli', url: 'https://www.ameli.fr/aide', seen: '2026-11-18' }],
  steps: [
    { kind: 'guide', id: 'connexion', guide: 'franceconnect-se-connecter', instruction: 'Connectez-vous avec FranceConnect.' },
    { kind: 'end', id: 'fin' },
  ],
});
const guides = [
  accountGuide,
  fc,
  ameli,
  themed('impots', 'impots', 'Créer son espace impots.gouv.fr'),
  themed('caf', 'famille', 'Déclarer ses ressources à la CAF'),
  themed('travail', 'emploi', 'S’actualiser chaque mois'),
];

let container: HTMLElement | undefined;
let background: TestBackground;
let tabId: number;

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  background = new TestBackground(guides);
  background.install();
  tabId = (await fakeBrowser.tabs.create({ url: 'https://exemple.gouv.fr/connexion' })).id!;
  serveTab(tabId);
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

const guideItem = (id: string) => container?.querySelector<HTMLElement>(`li.guide[data-guide-id="${id}"]`);
const shownIds = () => [...(container?.querySelectorAll<HTMLElement>('li.guide') ?? [])].map((li) => li.dataset.guideId);

async function openPopup() {
  container = await mount(<Popup />);
  await waitFor(() => guideItem(ameli.id), 'the guide list');
}

async function search(text: string) {
  const input = container?.querySelector<HTMLInputElement>('input#guide-search');
  if (!input) throw new Error('no search box');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

describe('format 2 in the popup', () => {
  it('says plainly that a guide is written from the official help and not yet checked, and lists its sources', async () => {
    await openPopup();
    const item = guideItem(ameli.id);
    expect(item?.querySelector('.documented')?.textContent).toBe(
      'Écrit d’après l’aide officielle du 20 novembre 2026 ; pas encore vérifié sur le site'.replaceAll('’', "'"),
    );
    const link = item?.querySelector<HTMLAnchorElement>('.guide-sources a');
    expect(link?.getAttribute('href')).toBe('https://www.ameli.fr/aide');
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toContain('noopener');
    expect(link?.getAttribute('aria-label')).toBe("Aide ameli, lue le 18 novembre 2026 (s'ouvre dans un nouvel onglet)");
    expect(guideItem(accountGuide.id)?.querySelector('.documented, .guide-sources')).toBeNull();
  });

  it('groups the other guides by theme, in the themes’ order, guides without one last', async () => {
    await openPopup();
    const others = container?.querySelector('section[aria-labelledby="others"]');
    const themes = [...(others?.querySelectorAll<HTMLElement>('section.theme') ?? [])].map((s) => [
      s.querySelector('h3')?.textContent,
      [...s.querySelectorAll<HTMLElement>('li.guide')].map((li) => li.dataset.guideId),
    ]);
    expect(themes).toEqual([
      ['Impôts', ['impots']],
      ['Santé', ['ameli']],
      ['Famille et solidarité', ['caf']],
      ['Emploi', ['travail']],
      ['Compte et connexion', ['franceconnect-se-connecter']],
    ]);
    expect(others?.querySelector('section.theme li.guide h4')).not.toBeNull();
  });

  it('offers a labelled search box past 5 guides, filters without accents, and announces the count', async () => {
    await openPopup();
    const input = container?.querySelector<HTMLInputElement>('input#guide-search');
    expect(container?.querySelector('label[for="guide-search"]')?.textContent).toBe('Chercher un guide');
    expect(input?.getAttribute('aria-describedby')).toBe('guide-search-hint');
    const status = container?.querySelector('.search-count[role="status"]');
    expect(status?.textContent).toBe('');
    await search('impots');
    expect(shownIds()).toEqual(['impots']);
    expect(status?.textContent).toBe('1 guide correspond.');
    await search('  COMPTE ');
    expect(shownIds().sort()).toEqual(['ameli', 'creer-un-compte', 'franceconnect-se-connecter']);
    expect(status?.textContent).toBe('3 guides correspondent.');
    await search('santé');
    expect(shownIds()).toEqual(['ameli']);
    await search('rien de tel');
    expect(shownIds()).toEqual([]);
    expect(status?.textContent).toBe('Aucun guide ne correspond.');
  });

  it('has no search box with 5 guides or fewer', async () => {
    fakeBrowser.reset();
    await installFrench();
    new TestBackground(guides.slice(0, 5)).install();
    serveTab((await fakeBrowser.tabs.create({ url: 'https://exemple.gouv.fr/connexion' })).id!);
    container = await mount(<Popup />);
    await waitFor(() => guideItem(ameli.id), 'the guide list');
    expect(container.querySelector('input#guide-search')).toBeNull();
  });

  it('shows on the start screen the documented status and the sources, those of the guide it runs too', async () => {
    await openPopup();
    await click(buttonByText(guideItem(ameli.id)!, 'Commencer'));
    const screen = await waitFor(() => container?.querySelector('.start-screen .sources'), 'the sources on the start screen');
    expect(container?.querySelector('.start-screen .documented')).not.toBeNull();
    expect([...screen.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://www.ameli.fr/aide',
      'https://franceconnect.gouv.fr/aide',
    ]);
  });

  it('shows the guide running on the tab inside the guide it runs, with that guide’s figures', async () => {
    await background.setRun(tabId, startRun(playedGuide(ameli, guides), 'advisor', 1));
    container = await mount(<Popup />);
    const current = await waitFor(() => container?.querySelector('.current-run .inner-guide'), 'the inner guide in the current run');
    expect(current.textContent).toBe('Dans « Se connecter avec FranceConnect » : étape 1 sur 1');
  });
});
