/**
 * The recording, background side: start, events, navigation, stop → draft
 * guide; driven by the recorder's real capture on a real DOM (happy-dom), with
 * the fake browser's storage. What the person types never reaches storage.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureActions } from '../../../components/recorder/capture';
import { createAuthoringService } from '../../../utils/authoring/background/service';
import { createUserGuidesStore } from '../../../utils/authoring/background/user-store';
import { readRecording } from '../../../utils/authoring/recording';
import { RECORDING_IDLE_MS } from '../../../utils/authoring/recording-view';
import type { EditorIncoming } from '../../../utils/editor/incoming';
import { parseGuide } from '../../../utils/guide/parse';
import type { ActionStep } from '../../../utils/guide/schema';
import type { Request } from '../../../utils/messages';
import { editorIncomingItem, recordingItem } from '../../../utils/storage/schema-items';
import { asker } from '../harness/background';
import { dsfrMain, PAGES } from '../locate/dsfr-fixtures';
import { installFrench } from '../popup/harness';
import { FakePlatform } from './fakes';

const TAB = 7;
const OTHER_TAB = 8;
const SITE = 'https://moncompte.exemple.gouv.fr/*';
const LOGIN = 'https://moncompte.exemple.gouv.fr/connexion';
const TYPED_USER = 'jeanne.martin-7731';
const TYPED_SECRET = 'Tr3s-S3cret!motdepasse';

let platform: FakePlatform;
let service: ReturnType<typeof createAuthoringService>;
let stopCapture: (() => void) | undefined;

function newService() {
  return createAuthoringService({ platform, userGuides: createUserGuidesStore(), now: () => 1_700_000_000_000, pause: async () => {} });
}

const ask = asker(() => service.handlers) as <R extends Request>(request: R, senderTabId?: number) => Promise<unknown>;

async function stored(): Promise<Record<string, unknown>> {
  return fakeBrowser.storage.local.get(null);
}

async function recording() {
  return readRecording((await fakeBrowser.storage.local.get(recordingItem.key))[recordingItem.key]);
}

/** The recorder's capture on the page, its events sent from `tabId`. Returns the pending sends. */
function recorderIn(tabId: number): Promise<unknown>[] {
  const pending: Promise<unknown>[] = [];
  stopCapture = captureActions({
    isTrusted: () => true,
    onEvent: (event) => pending.push(ask({ type: 'recorder:event', event }, tabId)),
  });
  return pending;
}

/** The person's own press on `target`, then the event it leads to. */
function fire(target: Element, event: Event) {
  target.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
  target.dispatchEvent(event);
}

/** The person logs in on the DSFR login page: types a username and a password, clicks « Se connecter ». */
async function logIn(tabId = TAB): Promise<void> {
  window.happyDOM?.setURL(LOGIN);
  document.body.innerHTML = dsfrMain(PAGES.login['1.14.4']);
  const pending = recorderIn(tabId);
  const username = document.querySelector<HTMLInputElement>('input[name=username]')!;
  const password = document.querySelector<HTMLInputElement>('input[name=password]')!;
  username.value = TYPED_USER;
  fire(username, new FocusEvent('focusout', { bubbles: true }));
  password.value = TYPED_SECRET;
  fire(password, new FocusEvent('focusout', { bubbles: true }));
  fire(document.querySelector('button[type=submit]')!, new MouseEvent('click', { bubbles: true }));
  await Promise.all(pending);
}

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  platform = new FakePlatform();
  platform.urls.set(TAB, LOGIN);
  platform.granted.add(SITE);
  service = newService();
});

afterEach(() => {
  stopCapture?.();
  stopCapture = undefined;
  document.body.replaceChildren();
});

describe('starting', () => {
  it('starts on the tab, keeps the site, and puts the recorder in the page', async () => {
    expect(await ask({ type: 'recorder:start', tabId: TAB })).toEqual({ recording: true, tabId: TAB, steps: 0 });
    expect(await recording()).toMatchObject({ tabId: TAB, sites: [SITE], draft: [] });
    expect(platform.injected).toEqual([{ tabId: TAB, script: 'recorder' }]);
    expect(await ask({ type: 'recorder:state' })).toEqual({ recording: true, tabId: TAB, steps: 0 });
  });

  it('keeps the recording but says so when the site is not allowed', async () => {
    platform.granted.clear();
    expect(await ask({ type: 'recorder:start', tabId: TAB })).toEqual({ recording: true, tabId: TAB, steps: 0, needsPermission: SITE });
    expect(platform.injected).toEqual([]);
  });

  it('is off when nothing, or something unreadable, is stored', async () => {
    expect(await ask({ type: 'recorder:state' })).toEqual({ recording: false, tabId: null, steps: 0 });
    await fakeBrowser.storage.local.set({ [recordingItem.key]: { tabId: 'x', draft: 'nope' } });
    expect(await ask({ type: 'recorder:state' })).toEqual({ recording: false, tabId: null, steps: 0 });
  });
});

describe('recording the DSFR login flow', () => {
  beforeEach(async () => {
    await ask({ type: 'recorder:start', tabId: TAB });
  });

  it('turns the person’s actions into steps: fill, fill (sensitive), click', async () => {
    await logIn();
    const state = await recording();
    expect(state?.draft.map((step) => [step.action, step.sensitive, step.page])).toEqual([
      ['fill', false, '/connexion'],
      ['fill', true, '/connexion'],
      ['click', false, '/connexion'],
    ]);
    expect(state?.draft[2]?.instruction).toBe('Cliquez sur «\u00a0Se connecter\u00a0».');
    expect(await ask({ type: 'recorder:state' })).toEqual({ recording: true, tabId: TAB, steps: 3 });
  });

  it('never keeps a typed value: not in storage while recording, not in the draft, not in what the editor gets', async () => {
    await logIn();
    const during = JSON.stringify(await stored());
    const answer = JSON.stringify(await ask({ type: 'recorder:stop' }, TAB));
    const after = JSON.stringify(await stored());
    for (const text of [during, answer, after]) {
      expect(text).not.toContain(TYPED_USER);
      expect(text).not.toContain(TYPED_SECRET);
    }
    // The check could fail: the draft did reach storage, with its three steps.
    expect(after).toContain('current-password');
  });

  it('listens to the recording tab only', async () => {
    await logIn(OTHER_TAB);
    stopCapture?.();
    // From no tab at all (an extension page): refused by the router, recorded nowhere.
    await expect(
      ask({ type: 'recorder:event', event: { kind: 'click', facts: { tag: 'button', name: 'Valider' }, url: LOGIN } }),
    ).rejects.toThrow(/not allowed/);
    expect((await recording())?.draft).toEqual([]);
  });

  it('drops anything but the kind, the target facts, the address pattern and the type from an event', async () => {
    const event = {
      kind: 'input-left',
      facts: { tag: 'input', type: 'text', label: 'Nom', value: 'Dupont-secret' },
      url: `${LOGIN}?nom=Dupont-secret`,
      value: 'Dupont-secret',
    };
    await ask({ type: 'recorder:event', event } as never, TAB);
    const state = await recording();
    expect(state?.draft).toHaveLength(1);
    expect(JSON.stringify(await stored())).not.toContain('Dupont-secret');
    await ask({ type: 'recorder:event', event: { kind: 'type-for-them', facts: { tag: 'input' }, url: LOGIN } } as never, TAB);
    expect((await recording())?.draft).toHaveLength(1);
  });

  it('applies events arriving together one after the other', async () => {
    const events = Array.from({ length: 6 }, (_, i) => ({
      kind: 'click' as const,
      facts: { tag: 'button', role: 'button', name: `Bouton ${i + 1}` },
      url: LOGIN,
    }));
    await Promise.all(events.map((event) => ask({ type: 'recorder:event', event }, TAB)));
    expect((await recording())?.draft.map((step) => step.target?.name)).toEqual(events.map((event) => event.facts.name));
  });

  it('stops into a valid draft guide, handed to the editor, which opens from the recording bar', async () => {
    await logIn();
    const result = (await ask({ type: 'recorder:stop' }, TAB)) as { ok: true; guide: import('../../../utils/guide/schema').Guide };
    expect(result.ok).toBe(true);
    expect(parseGuide(result.guide).ok).toBe(true);
    expect(result.guide.status).toEqual({ state: 'draft' });
    expect(result.guide.sites).toEqual([SITE]);
    expect(result.guide.steps.map((item) => item.kind)).toEqual(['step', 'step', 'step', 'end']);
    expect((result.guide.steps as ActionStep[]).slice(0, 3).map((step) => step.action)).toEqual(['fill', 'fill', 'click']);

    expect(await recording()).toBeNull();
    const incoming = (await fakeBrowser.storage.local.get(editorIncomingItem.key))[editorIncomingItem.key] as EditorIncoming;
    expect(incoming).toEqual({ guide: result.guide, at: 1_700_000_000_000 });
    expect(platform.editorOpenings).toBe(1);
    expect(await ask({ type: 'recorder:state' })).toEqual({ recording: false, tabId: null, steps: 0 });
  });

  it('leaves the editor to the popup or the editor page when they stop it', async () => {
    await logIn();
    expect(await ask({ type: 'recorder:stop' })).toMatchObject({ ok: true });
    expect(platform.editorOpenings).toBe(0);
    expect((await fakeBrowser.storage.local.get(editorIncomingItem.key))[editorIncomingItem.key]).toBeDefined();
  });

  it('gives an empty draft (just the end) when stopped before any step, and says when nothing is recording', async () => {
    const result = (await ask({ type: 'recorder:stop' }, TAB)) as { ok: boolean; guide?: { steps: unknown[] } };
    expect(result.ok).toBe(true);
    expect(result.guide?.steps).toHaveLength(1);
    expect(await ask({ type: 'recorder:stop' })).toEqual({
      ok: false,
      problems: [{ path: '', message: "Aucun enregistrement n'est en cours." }],
    });
  });

  it('survives a restart of the background: a new service carries on with the stored steps', async () => {
    await logIn();
    service = newService();
    expect(await ask({ type: 'recorder:state' })).toEqual({ recording: true, tabId: TAB, steps: 3 });
    expect(await ask({ type: 'recorder:stop' }, TAB)).toMatchObject({ ok: true });
  });
});

describe('the tab goes from page to page, and from site to site', () => {
  const OTHER_SITE = 'https://connexion.franceconnect.exemple/*';

  beforeEach(async () => {
    await ask({ type: 'recorder:start', tabId: TAB });
    await logIn();
    platform.injected.length = 0;
  });

  it('puts the recorder in each new page of an allowed site, when it has loaded', async () => {
    platform.urls.set(TAB, 'https://moncompte.exemple.gouv.fr/accueil');
    await service.onTabUpdated(TAB, { status: 'loading' });
    expect(platform.injected).toEqual([]);
    await service.onTabUpdated(TAB, { status: 'complete' }, { url: 'https://moncompte.exemple.gouv.fr/accueil' });
    expect(platform.injected).toEqual([{ tabId: TAB, script: 'recorder' }]);
    expect((await recording())?.draft).toHaveLength(3);
  });

  it('keeps the recording on a site not allowed yet, says which, and goes on once allowed', async () => {
    const url = 'https://connexion.franceconnect.exemple/login';
    platform.urls.set(TAB, url);
    await service.onTabUpdated(TAB, { status: 'complete' }, { url });
    expect(platform.injected).toEqual([]);
    expect(await ask({ type: 'recorder:state' })).toEqual({ recording: true, tabId: TAB, steps: 3, needsPermission: OTHER_SITE });

    // The trainer allows it from the popup, which starts again on the same tab: same recording.
    platform.granted.add(OTHER_SITE);
    expect(await ask({ type: 'recorder:start', tabId: TAB })).toEqual({ recording: true, tabId: TAB, steps: 3 });
    expect(platform.injected).toEqual([{ tabId: TAB, script: 'recorder' }]);
    await ask({ type: 'recorder:event', event: { kind: 'click', facts: { tag: 'button', name: 'Continuer' }, url } }, TAB);
    const result = (await ask({ type: 'recorder:stop' }, TAB)) as { ok: true; guide: { sites: string[]; steps: unknown[] } };
    expect(result.guide.sites).toEqual([SITE, OTHER_SITE]);
    expect(result.guide.steps).toHaveLength(5);
  });

  it('says so when the browser hides the address of the new page', async () => {
    platform.urls.delete(TAB);
    await service.onTabUpdated(TAB, { status: 'complete' }, {});
    expect(await ask({ type: 'recorder:state' })).toMatchObject({ recording: true, steps: 3, needsPermission: true });
  });

  it('asks nothing on a page that is not on the web, and ignores other tabs', async () => {
    await service.onTabUpdated(TAB, { status: 'complete' }, { url: 'about:blank' });
    await service.onTabUpdated(OTHER_TAB, { status: 'complete' }, { url: 'https://moncompte.exemple.gouv.fr/' });
    expect(platform.injected).toEqual([]);
    expect(await ask({ type: 'recorder:state' })).toEqual({ recording: true, tabId: TAB, steps: 3 });
  });

  it('counts a page where the recorder could not be put as not allowed', async () => {
    platform.failInjection = true;
    await service.onTabUpdated(TAB, { status: 'complete' }, { url: LOGIN });
    expect(await ask({ type: 'recorder:state' })).toMatchObject({ needsPermission: SITE });
  });
});

declare global {
  interface Window {
    happyDOM?: { setURL(url: string): void };
  }
}

describe('ending', () => {
  let clock = 1_700_000_000_000;
  const timedService = () =>
    createAuthoringService({ platform, userGuides: createUserGuidesStore(), now: () => clock, pause: async () => {} });

  beforeEach(async () => {
    clock = 1_700_000_000_000;
    service = timedService();
    await ask({ type: 'recorder:start', tabId: TAB });
    await logIn();
  });

  async function endedWithDraft() {
    expect(await ask({ type: 'recorder:state' })).toMatchObject({ recording: false, steps: 0 });
    expect(await recording()).toBeNull();
    const incoming = (await editorIncomingItem.get()) as EditorIncoming;
    expect(incoming.guide.steps.filter((item) => item.kind === 'step')).toHaveLength(3);
  }

  it('ends when its tab closes, the draft kept for the editor; a new tab with the same id starts afresh', async () => {
    await service.onTabRemoved(OTHER_TAB);
    expect(await ask({ type: 'recorder:state' })).toMatchObject({ recording: true, steps: 3 });
    await service.onTabRemoved(TAB);
    await endedWithDraft();
    // The browser gives the id to a new tab: its events join nothing.
    await ask({ type: 'recorder:event', event: { kind: 'click', facts: { tag: 'button', name: 'Continuer' }, url: LOGIN } }, TAB);
    expect(await recording()).toBeNull();
    expect(await ask({ type: 'recorder:start', tabId: TAB })).toMatchObject({ recording: true, steps: 0 });
  });

  it('ends when the browser starts', async () => {
    await service.onStartup();
    await endedWithDraft();
  });

  it('ends after a long time without activity, and not before', async () => {
    clock += RECORDING_IDLE_MS - 1000;
    expect(await ask({ type: 'recorder:state' })).toMatchObject({ recording: true, steps: 3 });
    await ask({ type: 'recorder:event', event: { kind: 'click', facts: { tag: 'button', name: 'Continuer' }, url: LOGIN } }, TAB);
    clock += RECORDING_IDLE_MS - 1000;
    expect(await ask({ type: 'recorder:state' })).toMatchObject({ recording: true, steps: 4 });
    clock += 2000;
    expect(await ask({ type: 'recorder:state' })).toMatchObject({ recording: false, steps: 0 });
    expect(await recording()).toBeNull();
  });
});

describe('the keyring that recognises typed values', () => {
  type Keyring = { key: string; hashes: string[] } | null;

  it('is given to the recording tab only, never stored, and is new for each recording', async () => {
    await ask({ type: 'recorder:start', tabId: TAB });
    const first = (await ask({ type: 'recorder:keyring' }, TAB)) as Keyring;
    expect(first?.key).toMatch(/\S{16,}/);
    expect(await ask({ type: 'recorder:keyring' }, OTHER_TAB)).toBeNull();
    await expect(ask({ type: 'recorder:keyring' }), 'an extension page is no recorder').rejects.toThrow(/not allowed/);
    // Hashes sent with an event are kept for later pages of the same recording.
    await ask(
      {
        type: 'recorder:event',
        event: { kind: 'input-left', facts: { tag: 'input', name: 'Nom' }, url: LOGIN, typed: ['0123456789abcdef'] },
      },
      TAB,
    );
    expect(((await ask({ type: 'recorder:keyring' }, TAB)) as Keyring)?.hashes).toEqual(['0123456789abcdef']);
    expect(JSON.stringify(await stored())).not.toContain(first?.key);
    expect(JSON.stringify(await stored())).not.toContain('0123456789abcdef');

    await ask({ type: 'recorder:stop' }, TAB);
    expect(await ask({ type: 'recorder:keyring' }, TAB)).toBeNull();
    await ask({ type: 'recorder:start', tabId: TAB });
    const second = (await ask({ type: 'recorder:keyring' }, TAB)) as Keyring;
    expect(second?.key).not.toBe(first?.key);
    expect(second?.hashes).toEqual([]);
  });

  it('is forgotten when the recording ends with its tab', async () => {
    await ask({ type: 'recorder:start', tabId: TAB });
    const first = (await ask({ type: 'recorder:keyring' }, TAB)) as Keyring;
    await service.onTabRemoved(TAB);
    await ask({ type: 'recorder:start', tabId: TAB });
    expect(((await ask({ type: 'recorder:keyring' }, TAB)) as Keyring)?.key).not.toBe(first?.key);
  });
});
