/**
 * The background's services wired together, with the browser's parts passed
 * in: the entrypoint calls it with the real ones, the unit tests with fakes
 * over the fake browser's storage — the same code either way.
 */
import { type AuthoringPlatform, browserPlatform } from './authoring/background/platform';
import { createAuthoringService } from './authoring/background/service';
import { createUserGuidesStore } from './authoring/background/user-store';
import type { Guide } from './guide/schema';
import type { Handlers, RequestType } from './messages';
import { createProgressService, ProgressStore } from './progress/store';
import { createRouter, type RouterOptions } from './router';
import { createArrivals, type TabChange, type TabState } from './run/arrivals';
import { createRunService } from './run/service';
import { RunStore } from './run/store';
import { tabRuns } from './storage/items';
import { provenanceOf } from './team-catalogue/installed';
import { browserTeamPlatform } from './team-catalogue/platform';
import { createTeamCatalogueService, type TeamCataloguePlatform } from './team-catalogue/service';
import { createTracesService, isSharedComputer, PAUSED_TTL_MS } from './traces/service';

export interface BackgroundDeps {
  bundledGuides: readonly Guide[];
  now: () => number;
  platform?: AuthoringPlatform;
  teamPlatform?: TeamCataloguePlatform;
  /** Pause between tries to reach a script just put in a tab (tests pass a quicker one). */
  pause?: (ms: number) => Promise<void>;
}

export function createBackground({
  bundledGuides,
  now,
  platform = browserPlatform(),
  teamPlatform = browserTeamPlatform(),
  pause,
}: BackgroundDeps) {
  const bundledIds = new Set(bundledGuides.map((guide) => guide.id));
  const userGuides = createUserGuidesStore({
    reservedIds: () => bundledIds,
    // Read when a guide is saved, long after `teams` below exists.
    teamIds: async () => new Map([...provenanceOf(await teams.read())].map(([id, team]) => [id, team.name])),
    bundled: () => bundledGuides,
    now: () => new Date(now()).toISOString(),
  });
  const progressStore = new ProgressStore();
  const runStore = new RunStore();
  const progress = createProgressService(progressStore, now, { forgetAlso: () => runStore.clearAllPaused() });
  const traces = createTracesService(runStore, progressStore);
  const teams = createTeamCatalogueService({
    platform: teamPlatform,
    now,
    takenIds: async () => new Set([...bundledIds, ...(await userGuides.ids())]),
    installedGuides: async () => [...bundledGuides, ...(await userGuides.guides())],
    otherSites: async () => (await userGuides.guides()).flatMap((guide) => guide.sites),
    runOnScreen: async () => [...(await tabRuns.all()).values()].some((run) => run.status === 'active'),
  });
  const runs = createRunService({
    guides: async () => [...bundledGuides, ...(await userGuides.guides()), ...(await teams.guides())],
    ownGuides: async () => new Map((await userGuides.list()).guides.map(({ id, origin, savedAt }) => [id, { origin, savedAt }])),
    teamOf: async () => provenanceOf(await teams.read()),
    store: runStore,
    now,
    // On a shared computer, a finished run leaves no progress behind.
    onFinished: async (guide, run) => {
      if (!(await isSharedComputer())) await progress.recordFinished(guide, run);
    },
    pausedFor: PAUSED_TTL_MS,
    // No script of ours runs in a page without a run: the overlay comes with one (a start, a resume, an arrival
    // heard below). A tab whose site the extension may not enter refuses it, and its address stays hidden from us.
    onRunInTab: (tabId) => platform.injectPlayback(tabId).catch(() => undefined),
  });
  const arrivals = createArrivals();
  const authoring = createAuthoringService({ platform, userGuides, otherGuides: teams.guides, now, ...(pause ? { pause } : {}) });

  // Every request type has exactly one handler: the compiler checks the table is complete.
  const table: Handlers<RequestType> = {
    ...runs.handlers,
    ...authoring.handlers,
    ...progress.handlers,
    ...traces.handlers,
    ...teams.handlers,
  };

  return {
    table,
    runs,
    authoring,
    userGuides,
    traces,
    teams,
    router: (options: RouterOptions) => createRouter(table, options),
    /** A tab changed: an arrival on an address may move its run and bring the overlay; a recording follows its tab. */
    onTabUpdated: async (tabId: number, change: TabChange, tab: TabState) => {
      const url = arrivals.arrivalOf(tabId, change, tab);
      await Promise.all([url ? runs.arrived(tabId, url) : undefined, authoring.onTabUpdated(tabId, change, tab)]);
    },
    onTabRemoved: async (tabId: number) => {
      arrivals.forget(tabId);
      const shared = await isSharedComputer();
      await Promise.all([shared ? runs.dropTab(tabId) : runs.pauseTab(tabId), authoring.onTabRemoved(tabId)]);
    },
    // On a shared computer, the next person finds nothing: whatever a crash or a kill left is erased.
    onStartup: async () => {
      const shared = await isSharedComputer();
      await Promise.all([shared ? traces.erase() : runs.pauseAll(), authoring.onStartup()]);
      // After the runs are paused: no request is made while a person's run is on screen.
      await teams.onStartup();
    },
  };
}

export type Background = ReturnType<typeof createBackground>;
