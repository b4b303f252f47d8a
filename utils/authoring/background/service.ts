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
import { sitesToRelease } from '../../catalogue/sites';
import { actionStepSchema, type Guide } from '../../guide/schema';
import { targetSchema } from '../../locate/target';
import type {
  AuthoringRequest,
  Handlers,
  ResponseMap,
  ResponseOf,
  TabMessage,
  TargetTestResult,
  UnreachableReason,
  VerifyCheck,
  VerifyCheckResult,
  VerifyPageResult,
} from '../../messages';
import { serial } from '../../serial';
import { editorIncomingItem, recordingItem, verifyPickItem, verifyReports } from '../../storage/schema-items';
import { isReport } from '../../verify/report';
import { OUTCOMES } from '../../verify/session';
import { draftStep, type RecordedEvent, type RecordedEventKind } from '../instruction';
import { addEvent, arrivedOnPage, finishRecording, type RecordingState, recorderState, startRecording } from '../recording';
import { RECORDING_IDLE_MS } from '../recording-view';
import { newRecordingKey, typedMatcher } from '../typed-values';
import { generalizeSite, scrubUrl } from '../url-pattern';
import type { AuthoringPlatform } from './platform';
import type { UserGuidesStore } from './user-store';

export interface AuthoringServiceDeps {
  platform: AuthoringPlatform;
  userGuides: UserGuidesStore;
  /** Other guides whose sites the playback script follows the same way (the team catalogues'). */
  otherGuides?: () => Promise<readonly Guide[]>;
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

const TEST_STATUSES = new Set(['found', 'ambiguous', 'not-found', 'out-of-sight', 'unreachable']);

function isTestResult(value: unknown): value is TargetTestResult {
  return typeof value === 'object' && value !== null && TEST_STATUSES.has((value as { status?: unknown }).status as string);
}

const unreachable = (reason: UnreachableReason) => ({ status: 'unreachable', reason }) as const;

const isOk = (value: unknown): value is { ok: true } => (value as { ok?: unknown } | null)?.ok === true;

const OUTCOME_SET = new Set<unknown>(OUTCOMES);

function isVerifyResult(value: unknown): value is VerifyPageResult {
  if (typeof value !== 'object' || value === null) return false;
  const { status, host } = value as Record<string, unknown>;
  return OUTCOME_SET.has(status) && typeof host === 'string' && host.length <= 300;
}

/** A step to check as it arrives: the step checked against the guide schema, the rest field by field. */
function readCheck(raw: unknown): VerifyCheck | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { guide, item, position, total } = raw as Record<string, unknown>;
  const step = actionStepSchema.safeParse(item);
  if (!step.success || typeof guide !== 'object' || guide === null) return null;
  const { title, lang } = guide as Record<string, unknown>;
  if (typeof title !== 'string' || typeof lang !== 'string' || title.length > 300 || !/^[a-z]{2,3}(-[A-Z]{2})?$/.test(lang)) return null;
  if (!Number.isInteger(position) || !Number.isInteger(total)) return null;
  return { guide: { title, lang }, item: step.data, position: position as number, total: total as number };
}

export function createAuthoringService({
  platform,
  userGuides,
  otherGuides,
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

  /**
   * Least privilege: the sites of a removed guide are given back, unless another of « Mes guides »,
   * the manifest or the recording under way still needs them.
   */
  async function releaseSites(sites: readonly string[]): Promise<void> {
    const recording = await recordingItem.get();
    const stillNeeded = [
      ...(await userGuides.guides()).flatMap((guide) => guide.sites),
      ...((await otherGuides?.()) ?? []).flatMap((guide) => guide.sites),
      ...platform.manifestSites(),
      ...(recording?.sites ?? []),
      ...(recording?.needsPermission?.site ? [recording.needsPermission.site] : []),
    ];
    for (const site of sitesToRelease(sites, stillNeeded)) await platform.releaseSite(site);
  }

  async function sendAsking<T>(tabId: number, message: TabMessage, isAnswer: (value: unknown) => value is T): Promise<T | null> {
    try {
      const answer = await platform.sendToTab(tabId, message);
      return isAnswer(answer) ? answer : null;
    } catch {
      return null; // no playback script in the tab (yet)
    }
  }

  /**
   * Asks the tab's playback script; when none listens, puts it in the tab (if the extension may enter
   * the site) and asks again a few times. Why the tab could not be reached, otherwise.
   */
  async function askTab<T>(tabId: number, message: TabMessage, isAnswer: (value: unknown) => value is T): Promise<T | UnreachableReason> {
    const first = await sendAsking(tabId, message, isAnswer);
    if (first) return first;
    const url = await platform.tabUrl(tabId);
    const site = url === undefined ? undefined : generalizeSite(url);
    if (url !== undefined && site === undefined) return 'not-web';
    if (site === undefined || !(await platform.hasSite(site))) return 'no-access';
    try {
      // The person's overlay carries none of a trainer's tools: their own copy of the overlay takes its place.
      await platform.injectTrainer(tabId);
    } catch {
      return 'no-access';
    }
    // The script sets up its overlay asynchronously: a few short tries until it listens.
    for (let attempt = 0; attempt < 20; attempt++) {
      const answer = await sendAsking(tabId, message, isAnswer);
      if (answer) return answer;
      await pause(100);
    }
    return 'no-answer';
  }

  async function test(tabId: number, target: unknown, instruction: string): Promise<TargetTestResult> {
    const parsed = targetSchema.safeParse(target);
    if (!parsed.success) return unreachable('target');
    const message: TabMessage = { type: 'overlay:test', target: parsed.data, instruction: String(instruction ?? '') };
    const answer = await askTab(tabId, message, isTestResult);
    return typeof answer === 'string' ? unreachable(answer) : answer;
  }

  /** One step of a guide being checked on the tab: the locating engine's outcome there, shown with the real overlay. */
  async function verifyCheck(tabId: number, raw: VerifyCheck): Promise<VerifyCheckResult> {
    const check = readCheck(raw);
    if (!check) return unreachable('target');
    const answer = await askTab(tabId, { type: 'overlay:verify', check }, isVerifyResult);
    return typeof answer === 'string' ? unreachable(answer) : answer;
  }

  /** « Montrer le bon élément »: the tab waits for the person's click (noted first, so that no click is missed). */
  async function verifyPick(tabId: number): Promise<ResponseMap['verify:pick']> {
    await verifyPickItem.set({ tabId, state: 'waiting', at: now() });
    const answer = await askTab(tabId, { type: 'overlay:pick' }, isOk);
    if (typeof answer !== 'string') return { ok: true };
    await verifyPickItem.remove();
    return { ok: false, reason: answer };
  }

  /** The click came: only from the tab that waits, once; described again through the recorder's privacy rules. */
  function verifyPicked(raw: unknown, senderTabId: number | undefined): Promise<{ ok: boolean }> {
    return serial(verifyPickItem.key, async () => {
      const waiting = await verifyPickItem.get();
      const event = readEvent(raw);
      if (waiting?.state !== 'waiting' || senderTabId !== waiting.tabId || !event) return { ok: false };
      const target = draftStep(event).target;
      if (!target) return { ok: false };
      await verifyPickItem.set({ tabId: waiting.tabId, state: 'picked', target, at: now() });
      return { ok: true };
    });
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
    'userGuides:list': { from: 'extension', handle: async () => userGuides.list((await otherGuides?.()) ?? []) },
    'userGuides:save': { from: 'extension', handle: (request) => userGuides.save(request.guide, request.origin) },
    'userGuides:remove': {
      from: 'extension',
      async handle(request) {
        const removed = (await userGuides.guides()).find((guide) => guide.id === request.guideId);
        const result = await userGuides.remove(request.guideId);
        if (removed) await releaseSites(removed.sites);
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
    'verify:check': { from: 'extension', handle: (request) => verifyCheck(request.tabId, request.check) },
    'verify:pick': { from: 'extension', handle: (request) => verifyPick(request.tabId) },
    'verify:picked': { from: 'content', handle: (request, sender) => verifyPicked(request.event, sender.tabId) },
    'verify:stop': {
      from: 'extension',
      async handle(request) {
        await verifyPickItem.remove();
        await platform.sendToTab(request.tabId, { type: 'overlay:clear' }).catch(() => undefined);
        return { ok: true };
      },
    },
    'verify:report': {
      from: 'extension',
      async handle(request) {
        if (!isReport(request.report)) return { ok: false };
        await verifyReports.of(request.report.guideId).set(request.report);
        return { ok: true };
      },
    },
  };

  return {
    handlers,
    onTabUpdated,
    /** The recording's tab closed: the recording ends (a later tab with the same id never joins it). */
    onTabRemoved: (tabId: number) => endIf((state) => state.tabId === tabId),
    /** The browser started: tab ids are new, any recording left from before ends. */
    onStartup: () => endIf(() => true),
  };
}

export type AuthoringService = ReturnType<typeof createAuthoringService>;
