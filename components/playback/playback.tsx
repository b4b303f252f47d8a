/**
 * Playback in a page: asks the background for this tab's current step, finds
 * its target with the locating engine, shows the overlay, and tells the
 * background when the person has done the step. It only reads the page.
 */
import { render } from 'preact';
import { matchesPage } from '../../utils/catalogue/sites';
import type { ActionStep } from '../../utils/guide/schema';
import { type LocateResult, locate, watch } from '../../utils/locate';
import { followPersonInput, observeStep } from '../../utils/observe';
import type { RunEvent } from '../../utils/run';
import type { StepView } from '../../utils/run/view';
import { send } from '../../utils/send';
import type { Settings } from '../../utils/settings/settings';
import { watchSettings } from '../../utils/settings/store';
import { tabRuns } from '../../utils/storage/items';
import { Overlay, type OverlayEvent, type TargetState } from '../overlay';
import type { PageContext } from '../page/context';
import type { PageHost } from '../page/host';

/** A new host's live region waits this long in the page, empty, before the step is written into it. */
const ANNOUNCE_DELAY_MS = 100;

const toTargetState = (result: LocateResult): TargetState =>
  result.status === 'found'
    ? { status: 'found', element: result.element }
    : result.status === 'not-found'
      ? { status: 'not-found', outOfSight: result.outOfSight, opener: result.opener }
      : { status: result.status };

/** Whether a step belongs to another page than this one: then nothing here can be its target. */
export const onOtherPage = (step: ActionStep) => step.page !== undefined && !matchesPage(step.page, new URL(location.href));

/**
 * What a trainer's tools (components/playback/trainer.tsx, in the trainer's
 * script only) may do with the overlay: show one of their own views instead of
 * the run's, and know what is ours in the page.
 */
export interface PlaybackControl {
  /**
   * Shows `view` (a trainer's « Tester » or « Vérifier ») with the real overlay instead of the run's step, its
   * target followed; null: back to the run's step. `follow: false` with null: no target followed until the next view.
   */
  showTrial(view: StepView | null, options?: { follow?: boolean }): void;
  /** Whether a node is ours (the overlay's host or anything in it). */
  isOwn(node: Node): boolean;
}

/**
 * Starts playback in `page` (our host, with its closed shadow root), which is
 * in the page only while something is shown. Everything it listens to or
 * observes stops with the content script's context (`ctx`): when the extension
 * reloads, or a newer copy of the script starts.
 */
export function startPlayback(page: PageHost, ctx: PageContext): PlaybackControl {
  const { container } = page;
  // Plain state and one draw(): the content script stays small (no signals library here).
  let view: StepView | null = null;
  let target: TargetState = { status: 'no-target' };
  /** The next step's target on this page, only kept clear by the bubble (see followNext). */
  let nextTarget: Element | null = null;
  let dismissed: string | null = null;
  let testing: StepView | null = null;
  /** The end screen whose run « Effacer les traces » erased: it stays, saying what was erased, until « Terminer ». */
  let keptEnd: StepView | null = null;
  /** Display and reading settings; nothing is shown before they are read (a first step must not miss its auto-read). */
  let settings: Settings | null = null;
  let stopStep: () => void = () => {};
  let stopAhead: () => void = () => {};
  let shownKey = '';
  let lastUrl = location.href;
  /** A new host is in the page, its live region still empty (see draw). */
  let announcing = false;

  const emit = (event: RunEvent) => void send({ type: 'run:event', event }).catch(() => undefined);
  /** Our own overlay (the host and everything in its shadow root) is never a reason to look again. */
  const ignore = page.contains;
  // The person's own pointer and key input in the page: a step counts only after it reached the target.
  const person = followPersonInput(document, { signal: ctx.signal });

  function draw() {
    // A stopped copy (a newer one was put in the tab when the next run started) never touches the page again:
    // an answer it was still waiting for would otherwise put its host back, empty, beside the new copy's.
    if (!settings || ctx.signal.aborted) return;
    const shown = testing ?? view ?? keptEnd;
    const hidden = !testing && (!shown?.spotlight || dismissed === `${shown.run.startedAt}/${shown.item.id}`);
    const visible = hidden ? null : shown;
    if (visible && !page.host.isConnected) {
      // A new host: its live region is in the page, empty, before the step's text comes into it (else not announced).
      page.attach();
      announcing = true;
      ctx.setTimeout(() => {
        announcing = false;
        draw();
      }, ANNOUNCE_DELAY_MS);
    }
    render(
      <Overlay
        view={announcing ? null : visible}
        target={target}
        nextTarget={nextTarget}
        onEvent={onEvent}
        onSearchAgain={searchAgain}
        settings={settings}
      />,
      container,
    );
    // Nothing shown: nothing of ours stays in the page.
    if (!visible) page.detach();
  }

  function setTarget(next: TargetState) {
    target = next;
    draw();
  }

  function onEvent(event: OverlayEvent) {
    if (testing) {
      // Any button of a trainer's view closes it: back to the run's step.
      showTrial(null);
      return;
    }
    const shown = view ?? keptEnd;
    const item = shown?.item;
    if (!shown || !item) return;
    if (event.type === 'keep-end') {
      if (item.kind === 'end') keptEnd = shown;
      return;
    }
    if (event.type === 'finish') {
      // "Terminer": the run is over; the overlay goes away on this page, and the run leaves the tab's storage.
      dismissed = `${shown.run.startedAt}/${item.id}`;
      keptEnd = null;
      draw();
      void send({ type: 'run:close' }).catch(() => undefined);
      return;
    }
    emit(event);
  }

  /**
   * The step after the one just done, watched at once: the click that ends a
   * field step (the person leaves the field by clicking « Valider ») also does
   * the next step, before the background has answered.
   */
  function watchAhead(next: ActionStep | undefined) {
    stopAhead();
    stopAhead = () => {};
    if (!next?.target || onOtherPage(next)) return;
    const found = locate(next.target, document);
    if (found.status !== 'found') return;
    stopAhead = observeStep(next, found.element, () => emit({ type: 'action-done', stepId: next.id }), { person });
  }

  /**
   * The next step's target, while the current one is found: the bubble leaves it clear. Located with
   * the same triggers as the current target (a change of step, the page's changes, at most once a
   * frame), and only when it is on this page; nothing observes it and nothing is drawn on it. Its start
   * and its stop do not draw: they come with a change of the current target, which draws.
   */
  function followNext(step: ActionStep | undefined): () => void {
    nextTarget = null;
    if (!step?.target || onOtherPage(step)) return () => {};
    let starting = true;
    const stopWatch = watch(
      step.target,
      document,
      (result) => {
        const element = result.status === 'found' ? result.element : null;
        if (element === nextTarget) return;
        nextTarget = element;
        if (!starting) draw();
      },
      { ignore },
    );
    starting = false;
    return () => {
      stopWatch();
      nextTarget = null;
    };
  }

  /** Locate and observe the current step's target while it stays current. */
  function followStep(next: StepView | null) {
    const item = next?.item;
    const key = next ? `${next.run.startedAt}/${next.guide.id}/${item?.id}/${location.href}` : '';
    if (key === shownKey) return;
    shownKey = key;
    stopStep();
    stopStep = () => {};
    stopAhead();
    stopAhead = () => {};
    if (!next || item?.kind !== 'step' || !item.target || onOtherPage(item)) {
      // A step of another page: its instruction shows as text, and nothing here is highlighted.
      setTarget({ status: 'no-target' });
      return;
    }
    setTarget({ status: 'searching' });
    let stopObserve: () => void = () => {};
    let stopNext: (() => void) | null = null;
    const stopWatch = watch(
      item.target,
      document,
      (result) => {
        checkUrl();
        // Without its own target the bubble sits in its corner: nothing to keep clear then.
        if (result.status === 'found') stopNext ??= followNext(next.next);
        else {
          stopNext?.();
          stopNext = null;
        }
        setTarget(toTargetState(result));
        stopObserve();
        stopObserve =
          result.status === 'found'
            ? observeStep(
                item,
                result.element,
                () => {
                  emit({ type: 'action-done', stepId: item.id });
                  watchAhead(next.next);
                },
                { person },
              )
            : () => {};
      },
      { ignore },
    );
    stopStep = () => {
      stopWatch();
      stopObserve();
      stopNext?.();
    };
  }

  async function refresh() {
    if (ctx.isInvalid) return;
    try {
      view = await send({ type: 'run:current' });
      if (view) keptEnd = null;
    } catch {
      return; // the background is restarting: the next change of the run asks again
    }
    if (ctx.signal.aborted) return;
    draw();
    if (testing) return;
    followStep(view?.run.status === 'active' || view?.item.kind === 'end' ? view : null);
  }

  /**
   * A single-page site changed its address: the step may belong to another page now. The arrival itself, which
   * may complete or move the run, is the background's to tell (it hears every tab's address, utils/run/arrivals.ts).
   */
  function checkUrl() {
    if (lastUrl === location.href) return; // reads the address only
    lastUrl = location.href;
    void refresh();
  }

  function searchAgain() {
    shownKey = '';
    followStep(testing ?? view);
  }

  function showTrial(next: StepView | null, { follow = true }: { follow?: boolean } = {}) {
    testing = next;
    shownKey = '';
    if (next) followStep(next);
    else if (follow) void refresh();
    else {
      followStep(null);
      draw();
    }
  }

  ctx.onInvalidated(
    watchSettings((value) => {
      settings = value;
      draw();
    }),
  );
  // Any tab's run changed: ask again for this tab's step (the background knows which tab this is).
  ctx.onInvalidated(tabRuns.watch(() => void refresh()));
  // Every change of address: a load is this script's start; a single-page site's pushState, back, forward or anchor
  // comes as the context's location change, heard by our code only.
  ctx.onLocationChange(checkUrl);
  ctx.onInvalidated(() => {
    stopStep();
    stopAhead();
    render(null, container);
    page.detach();
  });

  // The background told this page's arrival before putting the overlay here (or the run started on this page).
  void refresh();

  return { showTrial, isOwn: page.contains };
}
