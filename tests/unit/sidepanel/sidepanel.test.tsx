import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '../../../components/sidepanel/SidePanel';
import { advance, type Run, type RunEvent, startRun } from '../../../utils/run';
import { accountGuide, otherGuide } from '../popup/fixtures';
import { buttonByText, click, installFrench, mount, serveTab, settle, TestBackground, unmount, waitFor } from '../popup/harness';

let background: TestBackground;
let tabId: number;
let container: HTMLElement | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  background = new TestBackground([accountGuide, otherGuide]);
  background.install();
  tabId = (await fakeBrowser.tabs.create({ url: 'https://exemple.gouv.fr/connexion' })).id!;
  serveTab(tabId, 'sidepanel.html');
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

/** A run of the account guide moved on by the real state machine. */
function runAfter(events: RunEvent[], mode: Run['mode'] = 'advisor', level: Run['level'] = 'guided'): Run {
  let run = startRun(accountGuide, mode, 1_000, level);
  for (const [i, event] of events.entries()) run = advance(accountGuide, run, event, 2_000 + i * 60_000);
  return run;
}

async function openPanel(): Promise<HTMLElement> {
  container = await mount(<SidePanel />);
  return container;
}

async function openRun(run: Run): Promise<HTMLElement> {
  await background.setRun(tabId, run);
  await openPanel();
  return waitFor(() => container?.querySelector<HTMLElement>('.run-view'), 'the procedure');
}

const lines = (view: HTMLElement) => [...view.querySelectorAll<HTMLLIElement>('ol.steps > li')];
const lineOf = (view: HTMLElement, id: string) => view.querySelector<HTMLLIElement>(`ol.steps > li[data-item-id="${id}"]`);
const eventsSent = () => background.ofType('run:event');

describe('without a guide on the tab', () => {
  it('lists the guides for this page, so that one can start from here', async () => {
    await openPanel();
    await waitFor(() => container?.querySelector(`li.guide[data-guide-id="${accountGuide.id}"]`), 'the list');
    expect(container?.querySelector('h1')?.textContent).toBe('Côte à côte');
    expect(container?.querySelector('section[aria-labelledby="for-this-page"] li.guide')?.getAttribute('data-guide-id')).toBe(
      accountGuide.id,
    );
    expect(container?.querySelector(`section[aria-labelledby="others"] li.guide[data-guide-id="${otherGuide.id}"]`)).not.toBeNull();
  });

  it('turns into the procedure once a guide is started from it', async () => {
    await openPanel();
    const item = await waitFor(() => container?.querySelector(`li.guide[data-guide-id="${accountGuide.id}"]`), 'the list');
    await click(buttonByText(item, 'Commencer'));
    const screen = await waitFor(() => container?.querySelector<HTMLElement>('.start-screen'), 'the start screen');
    await click(buttonByText(screen, "C'est parti"));
    const view = await waitFor(() => container?.querySelector<HTMLElement>('.run-view'), 'the procedure');
    expect(background.ofType('run:start')).toEqual([
      { type: 'run:start', tabId, guideId: accountGuide.id, mode: 'advisor', level: 'guided' },
    ]);
    expect(view.querySelector('h1')?.textContent).toBe(accountGuide.title);
  });
});

describe('with a guide on the tab', () => {
  it('shows the title, the progress and the current step, guide texts as text in the guide language', async () => {
    const view = await openRun(runAfter([]));
    const title = view.querySelector('h1')!;
    expect(title.textContent).toBe('Créer un compte <b>en ligne</b>');
    expect(title.querySelector('b')).toBeNull();
    expect(title.getAttribute('lang')).toBe('fr');
    expect(view.querySelector('.progress-label')?.textContent).toBe('Étape 1 sur 4');
    const progress = view.querySelector('progress')!;
    expect([progress.getAttribute('value'), progress.getAttribute('max')]).toEqual(['1', '4']);
    const instruction = view.querySelector('.now .instruction')!;
    expect(instruction.textContent).toBe('Cliquez sur <em>« Créer un compte »</em>.');
    expect(instruction.querySelector('em')).toBeNull();
    expect(instruction.getAttribute('lang')).toBe('fr');
    // The current step is said in a live region.
    expect(instruction.closest('[aria-live]')).not.toBeNull();
    expect(view.querySelector('.now details summary')?.textContent).toBe('Pourquoi ?');
  });

  it('lists the procedure with the current step marked by aria-current and in words', async () => {
    const view = await openRun(runAfter([]));
    expect(lines(view).map((li) => li.dataset.itemId)).toEqual(['ouvrir', 'deja-client']);
    const current = view.querySelectorAll('[aria-current]');
    expect(current).toHaveLength(1);
    expect(current[0]).toBe(lineOf(view, 'ouvrir'));
    expect(current[0]?.getAttribute('aria-current')).toBe('step');
    expect(current[0]?.querySelector('.badge.state')?.textContent).toBe('en cours');
    expect(lineOf(view, 'deja-client')?.querySelector('.badge.state')?.textContent).toBe('à faire');
    expect(view.textContent).toContain('La suite dépend de la réponse.');
  });

  it('marks the steps done, by hand, the answers, and the sensitive steps', async () => {
    const view = await openRun(
      runAfter([{ type: 'manual-done' }, { type: 'answer', choice: 1 }, { type: 'action-done', stepId: 'email' }]),
    );
    expect(lines(view).map((li) => [li.dataset.itemId, li.querySelector('.badge.state')?.textContent])).toEqual([
      ['ouvrir', 'fait à la main'],
      ['deja-client', 'répondu'],
      ['email', 'fait'],
      ['mot-de-passe', 'en cours'],
      ['fin', 'à faire'],
    ]);
    expect(lineOf(view, 'deja-client')?.querySelector('.answer')?.textContent).toBe('Réponse : Non');
    expect(lineOf(view, 'mot-de-passe')?.querySelector('.sensitive-badge')?.textContent).toBe('Information personnelle');
    expect(lineOf(view, 'email')?.querySelector('.sensitive-badge')).toBeNull();
    expect(view.querySelector('.now .sensitive-note')?.textContent).toBe(
      "Information personnelle. La personne tape elle-même. Le conseiller regarde ailleurs. Rien n'est gardé.",
    );
  });

  it('shows what to have at hand', async () => {
    const view = await openRun(runAfter([]));
    const prepare = view.querySelector('section[aria-labelledby="prepare-title"]')!;
    expect(prepare.querySelector('h2')?.textContent).toBe('À avoir sous la main');
    expect([...prepare.querySelectorAll('li label span[lang]')].map((span) => span.textContent)).toEqual([
      'Une adresse e-mail',
      'Votre numéro fiscal',
    ]);
  });

  it('has its headings in order', async () => {
    const view = await openRun(runAfter([]));
    const levels = [...container!.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(view.querySelectorAll('h1')).toHaveLength(1);
  });
});

describe('the buttons', () => {
  it('"C\'est fait", then the question\'s choices, then "Retour" and "Je ne trouve pas", each for this tab and item', async () => {
    const view = await openRun(runAfter([]));
    expect(buttonByText(view, 'Retour')?.disabled).toBe(true);
    await click(buttonByText(view, "C'est fait"));
    await waitFor(() => view.querySelector('.now .choices'), 'the question');
    expect(eventsSent()).toEqual([{ type: 'run:event', tabId, event: { type: 'manual-done', itemId: 'ouvrir' } }]);
    expect(view.querySelector('.now .instruction')?.textContent).toBe('Avez-vous déjà un compte ?');
    expect(view.querySelector('.choices legend')?.textContent).toBe('Choisissez une réponse');
    expect([...view.querySelectorAll('.choices button')].map((b) => b.textContent)).toEqual(['Oui', 'Non']);
    expect(buttonByText(view, "C'est fait")).toBeUndefined();
    expect(view.querySelector('.progress-label')?.textContent).toBe('Étape 2 sur 4');

    await click(buttonByText(view, 'Non'));
    await waitFor(() => lineOf(view, 'email')?.getAttribute('aria-current') === 'step', 'the next step');
    expect(eventsSent().at(-1)).toEqual({ type: 'run:event', tabId, event: { type: 'answer', choice: 1, itemId: 'deja-client' } });

    await click(buttonByText(view, 'Je ne trouve pas'));
    await waitFor(() => view.querySelector('.now .status')?.textContent, 'the notice');
    expect(eventsSent().at(-1)).toEqual({ type: 'run:event', tabId, event: { type: 'help', kind: 'not-found', itemId: 'email' } });
    expect(view.querySelector('.now .status')?.textContent).toBe(
      "Regardez toute la page, en la faisant défiler. Si c'est déjà fait, appuyez sur « C'est fait ».",
    );

    expect(buttonByText(view, 'Retour')?.disabled).toBe(false);
    await click(buttonByText(view, 'Retour'));
    await waitFor(() => lineOf(view, 'deja-client')?.getAttribute('aria-current') === 'step', 'back to the question');
    expect(eventsSent().at(-1)).toEqual({ type: 'run:event', tabId, event: { type: 'back', itemId: 'email' } });
    // The notice belonged to the step left.
    expect(view.querySelector('.now .status')?.textContent).toBe('');
  });

  it('"Montre-moi" only when the person asked not to be guided at every step', async () => {
    const guided = await openRun(runAfter([]));
    expect(buttonByText(guided, 'Montre-moi')).toBeUndefined();
    await unmount(container!);
    const onDemand = await openRun(runAfter([], 'alone', 'on-demand'));
    await click(buttonByText(onDemand, 'Montre-moi'));
    await waitFor(() => eventsSent().length > 0, 'the event');
    expect(eventsSent()).toEqual([{ type: 'run:event', tabId, event: { type: 'help', kind: 'show-me', itemId: 'ouvrir' } }]);
  });

  it('says so when the background does not take the event', async () => {
    const view = await openRun(runAfter([]));
    background.failing = true;
    await click(buttonByText(view, "C'est fait"));
    const alert = await waitFor(() => view.querySelector('.now [role=alert]'), 'the alert');
    expect(alert.textContent).toBe("Cela n'a pas marché. Réessayez.");
  });

  it('"Arrêter" asks first, then abandons; the panel offers the guides again', async () => {
    const view = await openRun(runAfter([]));
    await click(buttonByText(view, 'Arrêter'));
    expect(eventsSent()).toEqual([]);
    await click(buttonByText(view, 'Oui, arrêter'));
    await waitFor(() => container?.querySelector('li.guide'), 'the guides');
    expect(eventsSent()).toEqual([{ type: 'run:event', tabId, event: { type: 'abandon' } }]);
    expect(container?.textContent).toContain('Le guide est arrêté.');
  });
});

describe('mode and level', () => {
  it('shows the advisor tips in advisor mode only, in their own box', async () => {
    const view = await openRun(runAfter([]));
    const box = view.querySelector('aside.advisor')!;
    expect(box.querySelector('h2')?.textContent).toBe('Pour le conseiller');
    expect(box.querySelector('p')?.textContent).toBe('Laissez la personne trouver le lien elle-même.');
    await unmount(container!);
    const alone = await openRun(runAfter([], 'alone'));
    expect(alone.querySelector('aside.advisor')).toBeNull();
    expect(alone.textContent).not.toContain('Laissez la personne trouver le lien elle-même.');
  });

  it('shows the mode and level, and changes them with set-mode and set-level', async () => {
    const view = await openRun(runAfter([], 'alone', 'guided'));
    const checked = () =>
      [...view.querySelectorAll<HTMLInputElement>('section[aria-labelledby="settings-title"] input:checked')].map((i) => i.value);
    expect(checked()).toEqual(['alone', 'guided']);
    expect(view.querySelector('.run-settings-summary')?.textContent).toBe('Seul·e · Avec guidage');

    await click(view.querySelector('section[aria-labelledby="settings-title"] input[value=advisor]'));
    await waitFor(() => view.querySelector('aside.advisor'), 'the advisor box');
    expect(eventsSent()).toEqual([{ type: 'run:event', tabId, event: { type: 'set-mode', mode: 'advisor' } }]);

    await click(view.querySelector('section[aria-labelledby="settings-title"] input[value=autonomous]'));
    await waitFor(() => buttonByText(view, 'Montre-moi'), 'show me');
    expect(eventsSent().at(-1)).toEqual({ type: 'run:event', tabId, event: { type: 'set-level', level: 'autonomous' } });
    expect(checked()).toEqual(['advisor', 'autonomous']);
  });
});

describe('at the end', () => {
  const finished = () =>
    runAfter([
      { type: 'manual-done' },
      { type: 'help', kind: 'not-found' },
      { type: 'answer', choice: 1 },
      { type: 'action-done', stepId: 'email' },
      { type: 'manual-done' },
    ]);

  it('shows the end message, the recap and the "leave no trace" checklist', async () => {
    const run = finished();
    expect(run.status).toBe('finished');
    const view = await openRun(run);
    expect(view.querySelector('.end h2')?.textContent).toBe("C'est terminé");
    expect(view.querySelector('.end p[lang]')?.textContent).toBe('Votre compte est créé.');
    const count = (name: string) => view.querySelector(`.recap li[data-count="${name}"]`)?.textContent;
    expect(count('steps')).toBe('Étapes faites : 3');
    expect(count('by-person')).toBe('Faites par la personne : 1');
    expect(count('by-hand')).toBe("Marquées « C'est fait » à la main : 2");
    expect(count('answers')).toBe('Questions répondues : 1');
    expect(count('help')).toBe('Aide demandée : 1 fois');
    const noTrace = view.querySelector('.no-trace')!;
    expect(noTrace.querySelector('h2')?.textContent).toBe('Ne laissez aucune trace');
    expect([...noTrace.querySelectorAll('input[type=checkbox] + label')].map((l) => l.textContent)).toEqual([
      'Se déconnecter du site',
      'Refuser que le navigateur enregistre le mot de passe',
      'Fermer les onglets de la démarche',
      'Effacer les traces de Côte à côte sur cet ordinateur (bouton ci-dessous)',
    ]);
    // The checklist names our own traces, and the button that erases them is right there.
    expect(noTrace.querySelector('.erase-traces button')?.textContent).toBe('Effacer les traces de Côte à côte');
    expect(buttonByText(view, "C'est fait")).toBeUndefined();
    expect(buttonByText(view, 'Je ne trouve pas')).toBeUndefined();
    expect(view.querySelector('aside.advisor')).toBeNull();
  });

  it('can start the guide again', async () => {
    const view = await openRun(finished());
    await click(buttonByText(view, 'Recommencer'));
    await waitFor(() => lineOf(view, 'ouvrir')?.getAttribute('aria-current') === 'step', 'the first step');
    expect(eventsSent()).toEqual([{ type: 'run:event', tabId, event: { type: 'restart' } }]);
    expect(view.querySelector('.recap')).toBeNull();
  });
});

describe('the tab it serves', () => {
  it('follows the active tab of its window when not given one', async () => {
    window.happyDOM?.setURL('chrome-extension://cote-a-cote/sidepanel.html');
    const window1 = (await fakeBrowser.windows.create({ focused: true }))!;
    const first = await fakeBrowser.tabs.create({ windowId: window1.id, url: 'https://exemple.gouv.fr/a', active: true });
    const second = await fakeBrowser.tabs.create({ windowId: window1.id, url: 'https://autre.gouv.fr/b', active: false });
    await background.setRun(first.id!, runAfter([]));
    await openPanel();
    await waitFor(() => container?.querySelector('.run-view'), 'the procedure of the first tab');
    expect(container?.querySelector('main')?.getAttribute('data-tab-id')).toBe(String(first.id));

    await fakeBrowser.tabs.onActivated.trigger({ tabId: second.id!, windowId: window1.id! });
    await waitFor(() => container?.querySelector('li.guide'), 'the guides of the second tab');
    expect(container?.querySelector('main')?.getAttribute('data-tab-id')).toBe(String(second.id));
    expect(background.ofType('catalogue:forPage').at(-1)).toEqual({ type: 'catalogue:forPage', url: 'https://autre.gouv.fr/b' });

    // Another window's tabs are not this panel's.
    await fakeBrowser.tabs.onActivated.trigger({ tabId: first.id!, windowId: window1.id! + 1 });
    await settle();
    expect(container?.querySelector('main')?.getAttribute('data-tab-id')).toBe(String(second.id));

    // The tab navigates: the list is asked again for its new page.
    await fakeBrowser.tabs.onUpdated.trigger(
      second.id!,
      { url: 'https://exemple.gouv.fr/c' },
      { ...second, url: 'https://exemple.gouv.fr/c' },
    );
    await waitFor(() => background.ofType('catalogue:forPage').at(-1)?.url === 'https://exemple.gouv.fr/c', 'the new page');
  });

  it('keeps to ?tab=ID when given', async () => {
    await background.setRun(tabId, runAfter([]));
    await openPanel();
    await waitFor(() => container?.querySelector('.run-view'), 'the procedure');
    const other = await fakeBrowser.tabs.create({ url: 'https://autre.gouv.fr/' });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: other.id!, windowId: 0 });
    await settle();
    expect(container?.querySelector('.run-view')).not.toBeNull();
    // Still the run of the tab it was opened for, not the newly active one's (which has none).
    expect(container?.querySelector('.run-view h1')?.textContent).toBe(accountGuide.title);
  });
});
