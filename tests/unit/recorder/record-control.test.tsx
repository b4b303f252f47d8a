/**
 * The popup's « Enregistrer cette démarche »: the site's permission is asked
 * in the click itself, then the recording starts; it shows the step count,
 * offers to allow a new site, and « Arrêter l'enregistrement » opens the draft.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EDITOR_DRAFT_URL, RecordControl } from '../../../components/recorder/RecordControl';
import type { Request } from '../../../utils/messages';
import { recordingItem } from '../../../utils/storage/schema-items';
import { buttonByText, click, installFrench, mount, settle, unmount, waitFor } from '../popup/harness';

const TAB = { id: 4, url: 'https://moncompte.exemple.gouv.fr/connexion?x=1', windowId: 1 };
const SITE = 'https://moncompte.exemple.gouv.fr/*';

let requests: Request[];
let permissionRequests: { origins?: string[] }[];
let grant: boolean;
let container: HTMLElement | undefined;
let stopAnswer: unknown;

function recordingOn(tabId: number, steps: number, needsPermission?: { site: string | null }) {
  return {
    tabId,
    startedAt: 0,
    sites: [SITE],
    draft: Array.from({ length: steps }, (_, i) => ({
      kind: 'step',
      id: `e${i}`,
      action: 'click',
      target: { tag: 'button' },
      instruction: 'Cliquez.',
      sensitive: false,
    })),
    ...(needsPermission ? { needsPermission } : {}),
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  requests = [];
  permissionRequests = [];
  grant = true;
  stopAnswer = { ok: true, guide: {} };
  (fakeBrowser.permissions as { request: unknown }).request = vi.fn(async (permissions: { origins?: string[] }) => {
    permissionRequests.push(permissions);
    return grant;
  });
  // The background's answers as the router sends them back (`{ ok, value }`).
  const answer = async (request: Request): Promise<unknown> => {
    if (request.type === 'recorder:start') {
      await fakeBrowser.storage.local.set({ [recordingItem.key]: recordingOn(request.tabId, 0) });
      return { recording: true, tabId: request.tabId, steps: 0 };
    }
    if (request.type === 'recorder:stop') {
      await fakeBrowser.storage.local.remove(recordingItem.key);
      return stopAnswer;
    }
    return null;
  };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (request: Request) => {
    // Asked once when the control shows, so that the background can end an idle recording first.
    if (request.type !== 'recorder:state') requests.push(request);
    return { ok: true, value: await answer(request) };
  }) as never);
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

const section = () => container?.querySelector<HTMLElement>('section.recorder');

describe('starting a recording', () => {
  it('asks for this site’s permission in the click, then starts on the tab', async () => {
    container = await mount(<RecordControl tab={TAB} />);
    const start = await waitFor(() => buttonByText(container!, 'Enregistrer cette démarche'), 'the record button');
    expect(section()?.querySelector('h2')?.textContent).toBe('Créer un guide');
    await click(start);
    // Asked synchronously, in the click handler (a user gesture), before anything else.
    expect(permissionRequests).toEqual([{ origins: [SITE] }]);
    await waitFor(() => section()?.textContent?.includes('Enregistrement en cours — aucune étape'), 'the recording');
    expect(requests).toEqual([{ type: 'recorder:start', tabId: TAB.id }]);
  });

  it('says that « Écrire ou importer un guide » opens a new tab, its name starting with what it shows', async () => {
    container = await mount(<RecordControl tab={TAB} />);
    const open = await waitFor(() => buttonByText(container!, 'Écrire ou importer un guide'), 'the editor button');
    // The visible words first (WCAG 2.5.3), then the warning of the new tab.
    expect(open.getAttribute('aria-label')).toBe('Écrire ou importer un guide (nouvel onglet)');
  });

  it('does not start when the site is refused, and says why', async () => {
    grant = false;
    container = await mount(<RecordControl tab={TAB} />);
    await click(await waitFor(() => buttonByText(container!, 'Enregistrer cette démarche'), 'the record button'));
    const alert = await waitFor(() => section()?.querySelector('[role=alert]'), 'the alert');
    expect(alert.textContent).toBe("Sans l'accès à ce site, Côte à côte ne peut pas enregistrer la démarche.");
    expect(requests).toEqual([]);
  });

  it('offers nothing on a page that is not on the web', async () => {
    container = await mount(<RecordControl tab={{ id: 4, url: 'chrome://newtab/', windowId: 1 }} />);
    await settle();
    expect(section()).toBeNull();
  });
});

describe('a recording under way', () => {
  it('shows the step count and stops, opening the draft in the editor', async () => {
    await fakeBrowser.storage.local.set({ [recordingItem.key]: recordingOn(TAB.id, 3) });
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    container = await mount(<RecordControl tab={TAB} />);
    await waitFor(() => section()?.textContent?.includes('Enregistrement en cours — 3 étapes'), 'the count');
    await fakeBrowser.storage.local.set({ [recordingItem.key]: recordingOn(TAB.id, 4) });
    await waitFor(() => section()?.textContent?.includes('4 étapes'), 'the new count');

    await click(buttonByText(container, "Arrêter l'enregistrement"));
    await waitFor(() => created.mock.calls.length > 0, 'the editor tab');
    expect(requests).toEqual([{ type: 'recorder:stop' }]);
    expect(created.mock.calls[0]?.[0].url).toContain(EDITOR_DRAFT_URL);
    expect(section()?.querySelector('.record-status')?.textContent).toBe(
      "L'enregistrement est arrêté. Le brouillon s'ouvre dans l'éditeur.",
    );
    await waitFor(() => buttonByText(container!, 'Enregistrer cette démarche'), 'the record button again');
  });

  it('says when stopping failed, and opens nothing', async () => {
    stopAnswer = { ok: false, problems: [{ path: 'sites', message: 'la liste des sites est vide' }] };
    await fakeBrowser.storage.local.set({ [recordingItem.key]: recordingOn(TAB.id, 0) });
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    container = await mount(<RecordControl tab={TAB} />);
    await click(await waitFor(() => buttonByText(container!, "Arrêter l'enregistrement"), 'the stop button'));
    const alert = await waitFor(() => section()?.querySelector('[role=alert]'), 'the alert');
    expect(alert.textContent).toBe("L'enregistrement n'a pas pu se terminer : la liste des sites est vide");
    expect(created).not.toHaveBeenCalled();
  });

  it('says that it happens in another tab, with no start button here', async () => {
    await fakeBrowser.storage.local.set({ [recordingItem.key]: recordingOn(99, 2) });
    container = await mount(<RecordControl tab={TAB} />);
    await waitFor(() => section()?.textContent?.includes("L'enregistrement se fait dans un autre onglet."), 'the note');
    expect(buttonByText(container, 'Enregistrer cette démarche')).toBeUndefined();
    expect(buttonByText(container, "Arrêter l'enregistrement")).toBeDefined();
  });

  it('offers to allow the new site of the recording tab, asked in the click, then goes on', async () => {
    await fakeBrowser.storage.local.set({ [recordingItem.key]: recordingOn(TAB.id, 2, { site: SITE }) });
    container = await mount(<RecordControl tab={TAB} />);
    const allow = await waitFor(() => buttonByText(container!, 'Autoriser ce site et continuer'), 'the allow button');
    await click(allow);
    expect(permissionRequests).toEqual([{ origins: [SITE] }]);
    await waitFor(() => requests.length > 0, 'the start');
    expect(requests).toEqual([{ type: 'recorder:start', tabId: TAB.id }]);
  });
});
