/**
 * The background's answers to the views: the catalogue for a page, and the
 * runs (start, resume, events). Storage is the only state, so a stopped
 * service worker loses nothing. Events of one tab are applied one after the
 * other: two clicks on "C'est fait" must not race on a read-modify-write.
 */
import { guidesForPage, summarize } from '../catalogue';
import { itemById, nextItemId } from '../guide/graph';
import type { ActionStep, Guide, GuideItem } from '../guide/schema';
import type { Request, ResponseOf, StepView } from '../messages';
import { recordFinished } from '../progress/store';
import { advance, canGoBack, currentItem, type Run, recap, spotlightOn, startRun } from './index';
import type { RunStore } from './store';

export interface RunServiceDeps {
  /** Every guide the person can use: the bundled ones, then their own. */
  guides: () => Promise<readonly Guide[]>;
  /** Ids of the person's own guides (made or imported), shown as such. */
  ownIds?: () => Promise<ReadonlySet<string>>;
  store: RunStore;
  now: () => number;
}

/** The action step right after `item` on its path, for the page to watch ahead. */
function nextStepOf(guide: Guide, item: GuideItem): { next?: ActionStep } {
  const nextId = nextItemId(guide, item.id);
  const next = nextId === undefined ? undefined : itemById(guide, nextId);
  return next?.kind === 'step' && next.target ? { next } : {};
}

export function createRunService({ guides, ownIds = async () => new Set(), store, now }: RunServiceDeps) {
  const queues = new Map<number, Promise<unknown>>();
  const guideById = async (id: string) => (await guides()).find((guide) => guide.id === id);

  /** Runs `task` after every earlier task of the same tab. */
  function serial<T>(tabId: number, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(tabId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    queues.set(tabId, settled);
    void settled.then(() => {
      if (queues.get(tabId) === settled) queues.delete(tabId);
    });
    return next;
  }

  function view(guide: Guide, run: Run): StepView | null {
    const item = currentItem(guide, run);
    if (!item) return null;
    return {
      guide: { id: guide.id, title: guide.title, lang: guide.lang, prepare: guide.prepare },
      run,
      item,
      position: guide.steps.indexOf(item) + 1,
      total: guide.steps.length,
      canGoBack: canGoBack(run),
      // The end screen shows at every level: it holds the "leave no trace" checklist.
      spotlight: spotlightOn(run) || item.kind === 'end',
      ...(item.kind === 'end' ? { recap: recap(guide, run) } : {}),
      ...nextStepOf(guide, item),
    };
  }

  async function handle<R extends Request>(request: R, senderTabId: number | undefined): Promise<ResponseOf<R>> {
    return (await answer(request, senderTabId)) as ResponseOf<R>;
  }

  async function answer(request: Request, senderTabId: number | undefined): Promise<ResponseOf<Request>> {
    switch (request.type) {
      case 'catalogue:forPage': {
        const [all, own] = await Promise.all([guides(), ownIds()]);
        const { fitting, others } = guidesForPage(all, request.url ? new URL(request.url) : null);
        const summary = (guide: Guide) => summarize(guide, own.has(guide.id));
        return { fitting: fitting.map(summary), others: others.map(summary) };
      }
      case 'guide:get':
        return (await guideById(request.guideId)) ?? null;
      case 'run:start': {
        const guide = await guideById(request.guideId);
        if (!guide) return null as never;
        return serial(request.tabId, async () => {
          const run = startRun(guide, request.mode, now(), request.level);
          await store.save(request.tabId, run);
          await store.dropPaused(guide.id);
          return run;
        });
      }
      case 'run:resume':
        return serial(request.tabId, () => store.resume(request.guideId, request.tabId));
      case 'run:forTab':
        return store.forTab(request.tabId);
      case 'run:paused':
        return store.paused();
      case 'run:event': {
        const tabId = request.tabId ?? senderTabId;
        if (tabId === undefined) return null;
        return serial(tabId, async () => {
          const run = await store.forTab(tabId);
          const guide = run && (await guideById(run.guideId));
          if (!run || !guide) return null;
          const next = advance(guide, run, request.event, now());
          if (next !== run) await store.save(tabId, next);
          if (next.status === 'finished' && run.status !== 'finished') await recordFinished(guide, next, now());
          return next;
        });
      }
      case 'run:current': {
        if (senderTabId === undefined) return null;
        const run = await store.forTab(senderTabId);
        const guide = run && (await guideById(run.guideId));
        return guide && run ? view(guide, run) : null;
      }
      default:
        throw new Error(`message inconnu du service des parcours : ${request.type}`);
    }
  }

  return { handle, serial };
}
