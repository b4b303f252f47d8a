import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../components/popup/Popup';
import { startRun } from '../../../utils/run';
import { settingsItem } from '../../../utils/storage/items';
import { accountGuide, otherGuide } from './fixtures';
import { buttonByText, click, installFrench, mount, serveTab, settle, TestBackground, unmount, waitFor } from './harness';

let background: TestBackground;
let tabId: number;
let container: HTMLElement | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  background = new TestBackground([accountGuide, otherGuide]);
  background.install();
  tabId = (await fakeBrowser.tabs.create({ url: 'https://exemple.gouv.fr/connexion' })).id!;
  serveTab(tabId);
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
  delete (fakeBrowser as { sidePanel?: unknown }).sidePanel;
  delete (fakeBrowser as { sidebarAction?: unknown }).sidebarAction;
});

const guideItem = (id: string) => container?.querySelector<HTMLElement>(`li.guide[data-guide-id="${id}"]`);
const section = (headingId: string) => container?.querySelector<HTMLElement>(`section[aria-labelledby="${headingId}"]`);

async function openPopup() {
  container = await mount(<Popup />);
  await waitFor(() => guideItem(accountGuide.id), 'the guide list');
  return container;
}

describe('the guide lists', () => {
  it('never shows one of the person’s own guides as verified, whatever its file says', async () => {
    const claimed = { ...accountGuide, id: 'copie-du-compte', title: 'Ma copie' };
    expect(claimed.status.state).toBe('verified');
    expect(await fakeBrowser.runtime.sendMessage({ type: 'userGuides:save', guide: claimed, origin: 'imported' })).toMatchObject({
      ok: true,
    });
    await openPopup();
    const mine = await waitFor(() => guideItem(claimed.id), 'the own guide');
    expect(mine.querySelector('.meta')?.textContent).toMatch(
      /^Environ 10 min · Importé d'un fichier le \d{1,2} \S+ \d{4} \(pas vérifié par Côte à côte\)$/,
    );
    expect(guideItem(accountGuide.id)?.querySelector('.meta')?.textContent).toBe('Environ 10 min · Vérifié');
  });

  it('lists the guides for this page, then the others, with title, summary and duration', async () => {
    await openPopup();
    expect(background.ofType('catalogue:forPage')).toEqual([{ type: 'catalogue:forPage', url: 'https://exemple.gouv.fr/connexion' }]);
    expect(section('for-this-page')?.querySelector('h2')?.textContent).toBe('Guides pour cette page');
    expect(section('others')?.querySelector('h2')?.textContent).toBe('Autres guides');
    const ids = (headingId: string) =>
      [...(section(headingId)?.querySelectorAll<HTMLElement>('li.guide') ?? [])].map((li) => li.dataset.guideId);
    expect(ids('for-this-page')).toEqual([accountGuide.id]);
    expect(ids('others')).toEqual([otherGuide.id]);

    const item = guideItem(accountGuide.id)!;
    expect(item.querySelector('h3')?.textContent).toBe(accountGuide.title);
    expect(item.querySelector('h3')?.getAttribute('lang')).toBe('fr');
    expect(item.textContent).toContain('Créer votre compte sur le site, pas à pas.');
    expect(item.textContent).toContain('Environ 10 min');
    expect(item.textContent).toContain('Vérifié');
    expect(guideItem(otherGuide.id)?.textContent).not.toContain('Vérifié');
    expect(buttonByText(item, 'Commencer')?.getAttribute('aria-label')).toBe(`Commencer le guide « ${accountGuide.title} »`);
  });

  it('shows guide texts as text, never as HTML', async () => {
    await openPopup();
    const title = guideItem(accountGuide.id)!.querySelector('h3')!;
    expect(title.textContent).toBe('Créer un compte <b>en ligne</b>');
    expect(title.querySelector('b')).toBeNull();
  });

  it('says so when the background does not answer', async () => {
    background.failing = true;
    container = await mount(<Popup />);
    const alert = await waitFor(() => container?.querySelector('[role=alert]'), 'an alert');
    expect(alert.textContent).toBe('Côte à côte ne répond pas. Fermez puis rouvrez cette fenêtre.');
  });
});

describe('the start screen', () => {
  async function openStartScreen() {
    await openPopup();
    await click(buttonByText(guideItem(accountGuide.id)!, 'Commencer'));
    return waitFor(() => container?.querySelector<HTMLElement>('.start-screen'), 'the start screen');
  }

  it('asks once whether the computer is shared, keeps the answer, and does not ask again', async () => {
    const screen = await openStartScreen();
    const question = await waitFor(() => screen.querySelector<HTMLElement>('fieldset.shared-question'), 'the question');
    expect(question.querySelector('legend')?.textContent).toBe("Cet ordinateur est-il partagé avec d'autres personnes ?");
    await click(buttonByText(question, 'Oui, il est partagé'));
    const said = await waitFor(() => screen.querySelector<HTMLElement>('.shared-answer'), 'the answer said');
    expect(said.textContent).toBe("C'est noté : rien ne sera gardé après le parcours.");
    expect(document.activeElement).toBe(said);
    await waitFor(async () => (await settingsItem.get()).sharedComputer === true, 'the saved answer');
    await unmount(container!);
    const again = await openStartScreen();
    await waitFor(() => again.querySelector('.prepare'), 'the prepare list');
    await settle();
    expect(again.querySelector('fieldset.shared-question')).toBeNull();
  });

  it('shows what to have at hand as a checklist, sensitive items marked', async () => {
    const screen = await openStartScreen();
    expect(screen.querySelector('h2')?.textContent).toBe(accountGuide.title);
    expect(document.activeElement).toBe(screen.querySelector('h2'));
    await waitFor(() => screen.querySelector('.prepare'), 'the prepare list');
    expect(background.ofType('guide:get')).toContainEqual({ type: 'guide:get', guideId: accountGuide.id, played: true });
    const items = [...screen.querySelectorAll<HTMLLIElement>('.prepare li')];
    expect(items.map((li) => li.querySelector('label span')?.textContent)).toEqual(['Une adresse e-mail', 'Votre numéro fiscal']);
    expect(items.map((li) => li.querySelector('input')?.type)).toEqual(['checkbox', 'checkbox']);
    // Each checkbox has its label.
    for (const li of items) expect(li.querySelector('label')?.htmlFor).toBe(li.querySelector('input')?.id);
    expect(items[0]?.querySelector('.sensitive-badge')).toBeNull();
    expect(items[1]?.querySelector('.sensitive-badge')?.textContent).toBe('Information personnelle');
    expect(items[0]?.querySelector('.hint')?.textContent).toBe('Celle que vous consultez.');
    expect(items[0]?.querySelector('input')?.getAttribute('aria-describedby')).toBe(items[0]?.querySelector('.hint')?.id);
  });

  it('offers the mode and the level of help as radio groups, with a guided advisor session by default', async () => {
    const screen = await openStartScreen();
    const [mode, level] = [...screen.querySelectorAll('fieldset')];
    expect(mode?.querySelector('legend')?.textContent).toBe("Qui est devant l'écran ?");
    expect([...mode!.querySelectorAll('label')].map((label) => label.textContent)).toEqual(['Avec un conseiller', 'Seul·e']);
    expect(level?.querySelector('legend')?.textContent).toBe("Niveau d'aide");
    expect([...level!.querySelectorAll('label')].map((label) => label.textContent)).toEqual([
      'Avec guidage',
      'Autonome avec guidage en cas de besoin',
      'Autonome',
    ]);
    const checked = (fieldset: Element) =>
      [...fieldset.querySelectorAll<HTMLInputElement>('input[type=radio]')].filter((r) => r.checked).map((r) => r.value);
    expect(checked(mode!)).toEqual(['advisor']);
    expect(checked(level!)).toEqual(['guided']);
  });

  it('starts the chosen mode and level on this tab, with nothing ticked, then says to look at the page', async () => {
    const screen = await openStartScreen();
    await click(screen.querySelector('input[value=alone]'));
    await click(screen.querySelector('input[value=autonomous]'));
    await click(buttonByText(screen, "C'est parti"));
    const started = await waitFor(() => container?.querySelector<HTMLElement>('.started'), 'the confirmation');
    expect(background.ofType('run:start')).toEqual([
      { type: 'run:start', tabId, guideId: accountGuide.id, mode: 'alone', level: 'autonomous' },
    ]);
    expect(started.querySelector('h2')?.textContent).toBe('Le guide a commencé. Regardez la page.');
    expect(document.activeElement).toBe(started.querySelector('h2'));
    expect((await background.runOf(tabId))?.level).toBe('autonomous');
  });

  it('goes back to the list without starting anything', async () => {
    const screen = await openStartScreen();
    await click(buttonByText(screen, 'Retour à la liste'));
    await waitFor(() => guideItem(accountGuide.id), 'the list again');
    await settle();
    expect(background.ofType('run:start')).toEqual([]);
    expect(document.activeElement).toBe(buttonByText(guideItem(accountGuide.id)!, 'Commencer'));
  });

  it('warns that a guide already running on the tab will be replaced', async () => {
    await background.setRun(tabId, startRun(otherGuide, 'advisor', 1));
    const screen = await openStartScreen();
    expect(screen.textContent).toContain('Le guide en cours sur cette page sera remplacé.');
  });
});

describe('a guide running on this tab', () => {
  beforeEach(async () => {
    await background.setRun(tabId, startRun(accountGuide, 'advisor', 1));
  });

  async function currentRun() {
    await openPopup();
    return waitFor(() => container?.querySelector<HTMLElement>('.current-run'), 'the running guide');
  }

  it('shows it at the top, with its step', async () => {
    const block = await currentRun();
    expect(container?.querySelector('main > :not(header)')).toBe(block);
    expect(block.querySelector('h2')?.textContent).toBe('Guide en cours');
    expect(block.querySelector('.current-title')?.textContent).toBe(accountGuide.title);
    await waitFor(() => block.textContent?.includes('Étape 1 sur 4'), 'the step');
  });

  it('"Reprendre" only says to look at the page: the run is already there', async () => {
    const block = await currentRun();
    const before = background.requests.length;
    await click(buttonByText(block, 'Reprendre'));
    expect(container?.querySelector('.status')?.textContent).toBe('Le guide est sur la page. Regardez la page.');
    expect(background.requests.slice(before).filter((r) => r.type.startsWith('run:'))).toEqual([]);
  });

  it('"Recommencer" sends a restart for this tab', async () => {
    const block = await currentRun();
    await click(buttonByText(block, 'Recommencer'));
    await waitFor(() => background.ofType('run:event').length > 0, 'the event');
    expect(background.ofType('run:event')).toEqual([{ type: 'run:event', tabId, event: { type: 'restart' } }]);
  });

  it('"Arrêter" asks first, then abandons the run, which leaves the top', async () => {
    const block = await currentRun();
    await click(buttonByText(block, 'Arrêter'));
    expect(block.textContent).toContain('Arrêter le guide ? Ce qui est fait sur le site reste fait.');
    expect(background.ofType('run:event')).toEqual([]);
    expect(document.activeElement).toBe(buttonByText(block, 'Oui, arrêter'));
    await click(buttonByText(block, 'Oui, arrêter'));
    await waitFor(() => !container?.querySelector('.current-run'), 'the block to go');
    expect(background.ofType('run:event')).toEqual([{ type: 'run:event', tabId, event: { type: 'abandon' } }]);
    expect(container?.querySelector('.status')?.textContent).toBe('Le guide est arrêté.');
  });

  it('"Non, continuer" keeps the run', async () => {
    const block = await currentRun();
    await click(buttonByText(block, 'Arrêter'));
    await click(buttonByText(block, 'Non, continuer'));
    await settle();
    expect(background.ofType('run:event')).toEqual([]);
    expect(buttonByText(block, 'Arrêter')).toBe(document.activeElement);
  });
});

it('follows the run of its tab in storage', async () => {
  await openPopup();
  expect(container?.querySelector('.current-run')).toBeNull();
  await background.setRun(tabId, startRun(otherGuide, 'alone', 1));
  const block = await waitFor(() => container?.querySelector<HTMLElement>('.current-run'), 'the running guide');
  expect(block.dataset.guideId).toBe(otherGuide.id);
  // Another tab's run is not this popup's business.
  await background.setRun(tabId + 100, startRun(accountGuide, 'alone', 1));
  await settle();
  expect(container?.querySelectorAll('.current-run')).toHaveLength(1);
});

describe('a guide left unfinished', () => {
  beforeEach(async () => {
    // Paused just now: a paused run older than a week is gone.
    const run = startRun(otherGuide, 'alone', background.now, 'on-demand');
    await background.setPaused(run);
  });

  it('offers "Reprendre" and "Recommencer" instead of "Commencer"', async () => {
    await openPopup();
    const item = await waitFor(() => (guideItem(otherGuide.id)?.querySelector('.resume') ? guideItem(otherGuide.id) : null), 'resume');
    expect([...item.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Reprendre', 'Recommencer']);
    expect(item.textContent).toContain('Vous avez commencé ce guide sans le finir.');
    expect([...guideItem(accountGuide.id)!.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Commencer']);
  });

  it('"Reprendre" resumes it on this tab', async () => {
    await openPopup();
    const item = await waitFor(() => (guideItem(otherGuide.id)?.querySelector('.resume') ? guideItem(otherGuide.id) : null), 'resume');
    await click(buttonByText(item, 'Reprendre'));
    const started = await waitFor(() => container?.querySelector<HTMLElement>('.started'), 'the confirmation');
    expect(background.ofType('run:resume')).toEqual([{ type: 'run:resume', tabId, guideId: otherGuide.id }]);
    expect(started.querySelector('h2')?.textContent).toBe('Le guide a repris. Regardez la page.');
    expect((await background.runOf(tabId))?.level).toBe('on-demand');
  });

  it('"Recommencer" brings it onto this tab and back to its first step', async () => {
    await openPopup();
    const item = await waitFor(() => (guideItem(otherGuide.id)?.querySelector('.resume') ? guideItem(otherGuide.id) : null), 'resume');
    await click(buttonByText(item, 'Recommencer'));
    await waitFor(() => container?.querySelector('.started'), 'the confirmation');
    expect(background.requests.filter((r) => r.type === 'run:resume' || r.type === 'run:event')).toEqual([
      { type: 'run:resume', tabId, guideId: otherGuide.id },
      { type: 'run:event', tabId, event: { type: 'restart' } },
    ]);
  });
});

describe('opening the side panel', () => {
  async function startGuide() {
    await openPopup();
    await click(buttonByText(guideItem(accountGuide.id)!, 'Commencer'));
    const screen = await waitFor(() => container?.querySelector<HTMLElement>('.start-screen'), 'the start screen');
    await click(buttonByText(screen, "C'est parti"));
    return waitFor(() => container?.querySelector<HTMLElement>('.started'), 'the confirmation');
  }

  it('Chrome: opens the side panel of this tab within the click', async () => {
    const open = vi.fn(async () => undefined);
    Object.assign(fakeBrowser, { sidePanel: { open } });
    const started = await startGuide();
    buttonByText(started, 'Voir toutes les étapes')!.click(); // no act, no await: the gesture must not wait
    expect(open).toHaveBeenCalledWith({ tabId });
  });

  it('Firefox: opens the sidebar within the click', async () => {
    const open = vi.fn(async () => undefined);
    Object.assign(fakeBrowser, { sidebarAction: { open } });
    const started = await startGuide();
    buttonByText(started, 'Voir toutes les étapes')!.click();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('offers no button where there is no side panel', async () => {
    const started = await startGuide();
    expect(buttonByText(started, 'Voir toutes les étapes')).toBeUndefined();
  });
});
