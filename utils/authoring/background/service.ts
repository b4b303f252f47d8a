/**
 * The background's side of authoring: the recording (state in storage, the
 * recorder script following the tab from page to page), "my guides" (saved,
 * listed, removed, and the playback script registered on their sites), and
 * the editor's "Tester" forwarded to the real overlay in a tab.
 *
 * Recording operations are applied one after the other: two events arriving
 * together must not race on a read-modify-write of the state.
 */
import { i18n } from '#i18n';
import { targetSchema } from '../../locate/target';
import type { AuthoringRequest, Handlers, ResponseOf, TabMessage, TargetTestResult, UnreachableReason } from '../../messages';
import { serial } from '../../serial';
import { editorIncomingItem, recordingItem } from '../../storage/schema-items';
import type { RecordedEvent, RecordedEventKind } from '../instruction';
import { addEvent, arrivedOnPage, finishRecording, type RecordingState, recorderState, startRecording } from '../recording';
import { RECORDING_IDLE_MS } from '../recording-view';
import { newRecordingKey, typedMatcher } from '../typed-values';
import { generalizeSite, scrubUrl } from '../url-pattern';
import type { AuthoringPlatform } from './platform';
import type { UserGuidesStore } from './user-store';

export interface AuthoringServiceDeps {
  platform: AuthoringPlatform;
  userGuides: UserGuidesStore;
  now: () => number;
  /** Pause between tries to reach a script just put in a tab (tests pass a quicker one). */
  pause?: (ms: number) => Promise<void>;
}

const EVENT_KINDS = new Set<RecordedEventKind>(['click', 'change', 'input-left', 'submit', 'file']);

/**
 * A recorded event as it arrives in a message, rebuilt field by field: only
 * the kind, the target facts (later reduced to the target schema's keys), the
 * address and the control's type go on. Anything else is dropped here.
 */
function readEvent(raw: unknown): RecordedEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { kind, facts, url, inputType } = raw as Record<string, unknown>;
  if (typeof kind !== 'string' || !EVENT_KINDS.has(kind as RecordedEventKind)) return null;
  if (typeof facts !== 'object' || facts === null || typeof (facts as { tag?: unknown }).tag !== 'string') return null;
  if (typeof url !== 'string') return null;
  const typed = (raw as { typed?: unknown }).typed;
  const hashes = Array.isArray(typed)
    ? typed.filter((hash): hash is string => typeof hash === 'string' && TYPED_HASH.test(hash)).slice(0, 64)
    : [];
  return {
    kind: kind as RecordedEventKind,
    facts: facts as RecordedEvent['facts'],
    url: scrubUrl(url),
    ...(typeof inputType === 'string' ? { inputType } : {}),
    ...(hashes.length > 0 ? { typed: hashes } : {}),
  };
}

const TYPED_HASH = /^[0-9a-f]{16}$/;
/** Enough for a long procedure; past it, the oldest hashes go first. */
const MAX_TYPED_HASHES = 4000;

const TEST_STATUSES = new Set(['found', 'ambiguous', 'not-found', 'unreachable']);

function isTestResult(value: unknown): value is TargetTestResult {
  return typeof value === 'object' && value !== null && TEST_STATUSES.has((value as { status?: unknown }).status as string);
}

const unreachable = (reason: UnreachableReason): TargetTestResult => ({ status: 'unreachable', reason });

export function createAuthoringService({
  platform,
  userGuides,
  now,
  pause = (ms) => new Promise((r) => setTimeout(r, ms)),
}: AuthoringServiceDeps) {
  /**
   * What recognises, on later pages, what was typed in this recording: a random key and the keyed
   * hashes of the typed values (`typed-values.ts`). In memory only, never in storage; forgotten
   * when the recording stops (and lost if the browser stops the background: the shapes still hold).
   */
  let keyring: { key: string; hashes: Set<string> } | null = null;
  const freshKeyring = () => {
    keyring = { key: newRecordingKey(), hashes: new Set() };
    return keyring;
  };

  /** Runs `task` after every earlier recording operation. */
  const inOrder = <T>(task: () => Promise<T>): Promise<T> => serial(recordingItem.key, task);

  /** Writes the state, noting the time of this activity. */
  const writeState = (state: RecordingState) => recordingItem.set({ ...state, activeAt: now() });

  /**
   * Ends the recording: its draft waits for the editor (nothing the trainer
   * recorded is lost), and the state is gone, so no later page or tab joins it.
   */
  async function end(state: RecordingState): Promise<ResponseOf<{ type: 'recorder:stop' }>> {
    keyring = null;
    const result = finishRecording(state, await userGuides.ids().catch(() => new Set<string>()));
    if (result.ok) await editorIncomingItem.set({ guide: result.guide, at: now() });
    await recordingItem.remove();
    return result;
  }

  /** The recording under way; one left idle too long is ended first. */
  async function readState(): Promise<RecordingState | null> {
    const state = await recordingItem.get();
    if (state && now() - (state.activeAt ?? state.startedAt) > RECORDING_IDLE_MS) {
      await end(state);
      return null;
    }
    return state;
  }

  /** Puts the recorder in the tab when the extension may enter its site; otherwise the state says so. */
  async function follow(state: RecordingState, url: string | undefined): Promise<RecordingState> {
    const site = url === undefined ? undefined : generalizeSite(url);
    // A page that is not on the web (about:blank, the browser's own pages): nothing to record, nothing to ask.
    if (url !== undefined && site === undefined) return arrivedOnPage(state, url, true);
    let allowed = site !== undefined && (await platform.hasSite(site));
    if (allowed) {
      try {
        await platform.injectRecorder(state.tabId);
      } catch {
        allowed = false;
      }
    }
    return arrivedOnPage(state, url, allowed);
  }

  async function start(tabId: number) {
    return inOrder(async () => {
      const url = await platform.tabUrl(tabId);
      const previous = await readState();
      if (!previous || !keyring) freshKeyring();
      const started = startRecording(previous, tabId, url, now());
      await writeState(started);
      const state = await follow(started, url);
      if (state !== started) await writeState(state);
      return recorderState(state);
    });
  }

  async function stop(senderTabId: number | undefined): Promise<ResponseOf<{ type: 'recorder:stop' }>> {
    return inOrder(async () => {
      const state = await readState();
      if (!state) return { ok: false, problems: [{ path: '', message: i18n.t('recorder.notRecording') }] };
      const result = await end(state);
      // « Arrêter » on the page's recording bar: the draft opens in the editor. The popup and the editor open it themselves.
      if (result.ok && senderTabId !== undefined && senderTabId === state.tabId) await platform.openEditor().catch(() => undefined);
      return result;
    });
  }

  /** The recording's tab closed, or the browser started: the recording ends, its draft kept for the editor. */
  function endIf(matches: (state: RecordingState) => boolean): Promise<void> {
    return inOrder(async () => {
      const state = await recordingItem.get();
      if (state && matches(state)) await end(state);
    });
  }

  async function event(raw: unknown, senderTabId: number | undefined) {
    return inOrder(async () => {
      const state = await readState();
      const recorded = readEvent(raw);
      // Only the recording tab's recorder is listened to: a recorder left in another tab is not.
      if (!state || !recorded || senderTabId === undefined || senderTabId !== state.tabId) return recorderState(state);
      const ring = keyring ?? freshKeyring();
      const next = addEvent(state, recorded, typedMatcher(ring.key, ring.hashes));
      for (const hash of recorded.typed ?? []) ring.hashes.add(hash);
      if (ring.hashes.size > MAX_TYPED_HASHES) ring.hashes = new Set([...ring.hashes].slice(-MAX_TYPED_HASHES));
      if (next !== state) await writeState(next);
      return recorderState(next);
    });
  }

  /** The tab of the recording loaded a page, maybe on another site: the recording follows. */
  function onTabUpdated(tabId: number, changeInfo: { status?: string }, tab?: { url?: string }): Promise<void> {
    if (changeInfo.status !== 'complete') return Promise.resolve();
    return inOrder(async () => {
      const state = await readState();
      if (!state || state.tabId !== tabId) return;
      const url = tab?.url || (await platform.tabUrl(tabId));
      const next = await follow(state, url);
      if (JSON.stringify(next.needsPermission) !== JSON.stringify(state.needsPermission)) await writeState(next);
    });
  }

  /** Registers the playback script on the sites of "my guides" that the extension may enter, one registration at a time. */
  function syncUserGuideScripts(): Promise<void> {
    return serial('playback-registration', async () => {
      const sites = [...new Set((await userGuides.guides()).flatMap((guide) => guide.sites))];
      const allowed: string[] = [];
      for (const site of sites) if (await platform.hasSite(site)) allowed.push(site);
      await platform.registerPlayback(allowed);
    }).catch((error) => console.warn('[cote-a-cote] could not register the guidance on the sites of the guides', error));
  }

  async function sendTest(tabId: number, message: TabMessage): Promise<TargetTestResult | null> {
    try {
      const answer = await platform.sendToTab(tabId, message);
      return isTestResult(answer) ? answer : null;
    } catch {
      return null; // no playback script in the tab (yet)
    }
  }

  async function test(tabId: number, target: unknown, instruction: string): Promise<TargetTestResult> {
    const parsed = targetSchema.safeParse(target);
    if (!parsed.success) return unreachable('target');
    const message: TabMessage = { type: 'overlay:test', target: parsed.data, instruction: String(instruction ?? '') };
    const first = await sendTest(tabId, message);
    if (first) return first;
    const url = await platform.tabUrl(tabId);
    const site = url === undefined ? undefined : generalizeSite(url);
    if (url !== undefined && site === undefined) return unreachable('not-web');
    if (site === undefined || !(await platform.hasSite(site))) return unreachable('no-access');
    try {
      await platform.injectPlayback(tabId);
    } catch {
      return unreachable('no-access');
    }
    // The script sets up its overlay asynchronously: a few short tries until it listens.
    for (let attempt = 0; attempt < 20; attempt++) {
      const answer = await sendTest(tabId, message);
      if (answer) return answer;
      await pause(100);
    }
    return unreachable('no-answer');
  }

  const handlers: Handlers<AuthoringRequest['type']> = {
    'recorder:start': { from: 'extension', handle: (request) => start(request.tabId) },
    // « Arrêter » is on the page's recording bar too.
    'recorder:stop': { from: 'any', handle: (_request, sender) => stop(sender.tabId) },
    'recorder:state': { from: 'any', handle: async () => recorderState(await inOrder(readState)) },
    'recorder:event': { from: 'content', handle: (request, sender) => event(request.event, sender.tabId) },
    'recorder:keyring': {
      from: 'content',
      handle: (_request, sender) =>
        inOrder(async () => {
          const state = await readState();
          // Only the recording tab's recorder gets it.
          if (!state || sender.tabId === undefined || sender.tabId !== state.tabId) return null;
          const ring = keyring ?? freshKeyring();
          return { key: ring.key, hashes: [...ring.hashes] };
        }),
    },
    'userGuides:list': { from: 'extension', handle: () => userGuides.list() },
    'userGuides:save': {
      from: 'extension',
      async handle(request) {
        const result = await userGuides.save(request.guide, request.origin);
        if (result.ok) await syncUserGuideScripts();
        return result;
      },
    },
    'userGuides:remove': {
      from: 'extension',
      async handle(request) {
        const result = await userGuides.remove(request.guideId);
        await syncUserGuideScripts();
        return result;
      },
    },
    'target:test': { from: 'extension', handle: (request) => test(request.tabId, request.target, request.instruction) },
    'target:clear': {
      from: 'extension',
      async handle(request) {
        await platform.sendToTab(request.tabId, { type: 'overlay:clear' }).catch(() => undefined);
        return { ok: true };
      },
    },
    'playback:load': {
      from: 'content',
      async handle(_request, sender) {
        // Only into the asking script's own tab (its top frame, where the page script runs).
        if (sender.tabId !== undefined) await platform.injectPlayback(sender.tabId);
        return { ok: true };
      },
    },
  };

  return {
    handlers,
    onTabUpdated,
    syncUserGuideScripts,
    /** The recording's tab closed: the recording ends (a later tab with the same id never joins it). */
    onTabRemoved: (tabId: number) => endIf((state) => state.tabId === tabId),
    /** The browser started: tab ids are new, any recording left from before ends. */
    onStartup: () => endIf(() => true),
  };
}

export type AuthoringService = ReturnType<typeof createAuthoringService>;
