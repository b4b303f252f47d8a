/**
 * The background's run service: the catalogue for a page, the guides, and the
 * runs (start, resume, events). Storage is the only state, so a stopped
 * service worker loses nothing. Events of one tab are applied one after the
 * other: two clicks on "C'est fait" must not race on a read-modify-write.
 */
import { guidesForPage, type OwnGuide, summarize } from '../catalogue';
import type { Guide } from '../guide/schema';
import type { Handlers, RunRequest } from '../messages';
import { serial } from '../serial';
import type { TeamProvenance } from '../team-catalogue/installed';
import { advance, type RunEvent } from './advance';
import { playedGuide } from './played';
import { type Run, startRun } from './run';
import type { RunStore } from './store';
import { stepView } from './view';

export interface RunServiceDeps {
  /** Every guide the person can use: the bundled ones, then their own. */
  guides: () => Promise<readonly Guide[]>;
  /** « Mes guides », by id: how each came and when (an imported file is shown as such, never as verified). */
  ownGuides?: () => Promise<ReadonlyMap<string, OwnGuide>>;
  /** Where each team catalogue's guide comes from, by guide id. */
  teamOf?: () => Promise<ReadonlyMap<string, TeamProvenance>>;
  store: RunStore;
  now: () => number;
  /** A run reached its end: the progress service notes it (never throws). */
  onFinished?: (guide: Guide, run: Run) => Promise<void>;
  /** How long a paused run waits for « Reprendre » (ms); none: for ever. */
  pausedFor?: number;
  /** A run started or resumed on a tab: the overlay comes into it (never throws). */
  onRunInTab?: (tabId: number) => Promise<void>;
}

/** Runs `task` after every earlier task of the same tab. */
export const serialForTab = <T>(tabId: number, task: () => Promise<T>): Promise<T> => serial(`tab:${tabId}`, task);

export function createRunService({
  guides,
  ownGuides = async () => new Map(),
  teamOf = async () => new Map(),
  store,
  now,
  onFinished,
  pausedFor,
  onRunInTab = async () => {},
}: RunServiceDeps) {
  const guideById = async (id: string) => (await guides()).find((guide) => guide.id === id);
  /** The guide as a run plays it: with the guides it runs laid out (`played.ts`). */
  const playedById = async (id: string) => {
    const all = await guides();
    const guide = all.find((candidate) => candidate.id === id);
    return guide && playedGuide(guide, all);
  };
  /** Paused runs past their time are gone before anyone sees or resumes them. */
  const expirePaused = async () => {
    if (pausedFor !== undefined) await store.expirePaused(now() - pausedFor);
  };

  /** Moves the tab's run by one event of the person (or their arrival on a page); null: the tab has no run. */
  const applyEvent = (tabId: number, event: RunEvent) =>
    serialForTab(tabId, async () => {
      const run = await store.forTab(tabId);
      const guide = run && (await playedById(run.guideId));
      if (!run || !guide) return null;
      const next = advance(guide, run, event, now());
      if (next !== run) await store.save(tabId, next);
      if (next.status === 'finished' && run.status !== 'finished') await onFinished?.(guide, next);
      return next;
    });

  const handlers: Handlers<RunRequest['type']> = {
    'catalogue:forPage': {
      from: 'extension',
      async handle(request) {
        const [all, own, team] = await Promise.all([guides(), ownGuides(), teamOf()]);
        const { fitting, others } = guidesForPage(all, request.url ? new URL(request.url) : null);
        const summary = (guide: Guide) => summarize(guide, own.get(guide.id) ?? null, team.get(guide.id));
        return { fitting: fitting.map(summary), others: others.map(summary) };
      },
    },
    'guide:get': {
      from: 'extension',
      handle: async (request) => (await (request.played ? playedById : guideById)(request.guideId)) ?? null,
    },
    'run:start': {
      from: 'extension',
      async handle(request) {
        const guide = await playedById(request.guideId);
        if (!guide) return { ok: false, problem: 'unknown-guide' };
        const started = await serialForTab(request.tabId, async () => {
          const run = startRun(guide, request.mode, now(), request.level);
          await store.save(request.tabId, run);
          await store.dropPaused(guide.id);
          return { ok: true, run } as const;
        });
        await onRunInTab(request.tabId);
        return started;
      },
    },
    'run:resume': {
      from: 'extension',
      async handle(request) {
        const run = await serialForTab(request.tabId, async () => {
          await expirePaused();
          return store.resume(request.guideId, request.tabId);
        });
        if (run) await onRunInTab(request.tabId);
        return run;
      },
    },
    'run:paused': {
      from: 'extension',
      handle: async () => {
        await expirePaused();
        return store.paused();
      },
    },
    'run:event': {
      from: 'any',
      async handle(request, sender) {
        // A content script moves its own tab's run only; an extension page names the tab.
        const tabId = sender.fromExtension ? request.tabId : sender.tabId;
        return tabId === undefined ? null : applyEvent(tabId, request.event);
      },
    },
    'run:current': {
      from: 'content',
      async handle(_request, sender) {
        if (sender.tabId === undefined) return null;
        const run = await store.forTab(sender.tabId);
        const guide = run && (await playedById(run.guideId));
        return guide && run ? stepView(guide, run) : null;
      },
    },
    'run:close': {
      from: 'any',
      async handle(request, sender) {
        const tabId = sender.fromExtension ? request.tabId : sender.tabId;
        if (tabId === undefined) return { ok: true };
        return serialForTab(tabId, async () => {
          const run = await store.forTab(tabId);
          await store.clearTab(tabId);
          if (run) await store.dropPaused(run.guideId);
          return { ok: true };
        });
      },
    },
  };

  return {
    handlers,
    /**
     * The tab arrived on an address (a page loaded, or a single-page site changed its address), as the background
     * hears it from the browser: no script of ours runs in a page without a run. The arrival may complete or move
     * the tab's run; a tab with a run gets the overlay (which stays as it is when already there).
     */
    arrived: async (tabId: number, url: string) => {
      const run = await applyEvent(tabId, { type: 'page', url });
      if (run) await onRunInTab(tabId);
      return run;
    },
    /** The tab is gone: its unfinished run waits for « Reprendre ». */
    pauseTab: (tabId: number) => serialForTab(tabId, () => store.pauseTab(tabId)),
    /** The tab is gone and nothing of the person may stay (shared computer): its run goes. */
    dropTab: (tabId: number) => serialForTab(tabId, () => store.clearTab(tabId)),
    /** The browser started: tab ids mean nothing any more; paused runs past their time go. */
    pauseAll: async () => {
      await store.pauseAll();
      await expirePaused();
    },
  };
}

export type RunService = ReturnType<typeof createRunService>;
