/**
 * Playback in a page: asks the background for this tab's current step, finds
 * its target with the locating engine, shows the overlay, and tells the
 * background when the person has done the step. It only reads the page.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { matchesPage } from '../../utils/catalogue/sites';
import type { ActionStep, Guide } from '../../utils/guide/schema';
import { type LocateResult, locate, watch } from '../../utils/locate';
import type { TargetDescription } from '../../utils/locate/target';
import type { TabMessage, TabResponseMap, TargetTestResult, VerifyCheck, VerifyPageResult } from '../../utils/messages';
import { followPersonInput, observeStep } from '../../utils/observe';
import { type RunEvent, startRun } from '../../utils/run';
import type { StepView } from '../../utils/run/view';
import { send } from '../../utils/send';
import type { Settings } from '../../utils/settings/settings';
import { watchSettings } from '../../utils/settings/store';
import { tabRuns } from '../../utils/storage/items';
import { Overlay, type OverlayEvent, type TargetState } from '../overlay';
import { ARRIVED } from '../page/arrival';
import type { PageContext } from '../page/context';
import type { PageHost } from '../page/host';
import { pickElement } from '../recorder/capture';

/** A new host's live region waits this long in the page, empty, before the step is written into it. */
const ANNOUNCE_DELAY_MS = 100;

const toTargetState = (result: LocateResult): TargetState =>
  result.status === 'found' ? { status: 'found', element: result.element } : { status: result.status };

/**
 * The view of a trainer's "Tester": one step made of the target being tested
 * and its instruction, shown with the real overlay, outside any run.
 */
function testView(target: TargetDescription, instruction: string): StepView {
  const item = { kind: 'step', id: 'test', action: 'click', target, instruction, sensitive: false } as const;
  const guide = { id: 'test', title: '', lang: document.documentElement.lang || 'fr', prepare: [], steps: [item] };
  return {
    guide,
    run: startRun(guide as unknown as Guide, 'advisor', Date.now()),
    item,
    position: 1,
    total: 1,
    canGoBack: false,
    spotlight: true,
  };
}

/**
 * The view of a step being checked on the site (« Vérifier ce guide »): the
 * step as the guide says it, where it sits, with the real overlay, outside any run.
 */
function verifyView({ guide, item, position, total }: VerifyCheck): StepView {
  const shown = { id: 'verify', title: guide.title, lang: guide.lang, prepare: [], steps: [item] };
  return {
    guide: shown,
    run: startRun(shown as unknown as Guide, 'advisor', Date.now()),
    item,
    position,
    total,
    canGoBack: false,
    spotlight: true,
  };
}

/** Whether a step belongs to another page than this one: then nothing here can be its target. */
const onOtherPage = (step: ActionStep) => step.page !== undefined && !matchesPage(step.page, new URL(location.href));

/**
 * Starts playback in `page` (our host, with its closed shadow root), which is
 * in the page only while something is shown. Everything it listens to or
 * observes stops with the content script's context (`ctx`): when the extension
 * reloads, or a newer copy of the script starts.
 */
export function startPlayback(page: PageHost, ctx: PageContext): void {
  const { container } = page;
  // Plain state and one draw(): the content script stays small (no signals library here).
  let view: StepView | null = null;
  let target: TargetState = { status: 'no-target' };
  /** The next step's target on this page, only kept clear by the bubble (see followNext). */
  let nextTarget: Element | null = null;
  let dismissed: string | null = null;
  let testing: StepView | null = null;
  /** Display and reading settings; nothing is shown before they are read (a first step must not miss its auto-read). */
  let settings: Settings | null = null;
  let stopStep: () => void = () => {};
  let stopAhead: () => void = () => {};
  let shownKey = '';
  let lastUrl = location.href;
  /** A new host is in the page, its live region still empty (see draw). */
  let announcing = false;
  /** « Montrer le bon élément »: waiting for the person's next click on the page. */
  let stopPick: () => void = () => {};

  const emit = (event: RunEvent) => void send({ type: 'run:event', event }).catch(() => undefined);
  /** Our own overlay (the host and everything in its shadow root) is never a reason to look again. */
  const ignore = page.contains;
  // The person's own pointer and key input in the page: a step counts only after it reached the target.
  const person = followPersonInput(document, { signal: ctx.signal });

  function draw() {
    if (!settings) return;
    const shown = testing ?? view;
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
      clearTest();
      return;
    }
    const item = view?.item;
    if (!item) return;
    if (event.type === 'finish') {
      // "Terminer": the run is over; the overlay goes away on this page, and the run leaves the tab's storage.
      dismissed = `${view?.run.startedAt}/${item.id}`;
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
    } catch {
      return; // the background is restarting: the next change of the run asks again
    }
    draw();
    if (testing) return;
    followStep(view?.run.status === 'active' || view?.item.kind === 'end' ? view : null);
  }

  /** Arrival on a page (a load, or a single-page site changing its URL) may complete or move the run. */
  function checkUrl() {
    if (lastUrl === location.href) return; // reads the address only
    lastUrl = location.href;
    emit({ type: 'page', url: lastUrl });
    void refresh();
  }

  function searchAgain() {
    shownKey = '';
    followStep(testing ?? view);
  }

  /** "Tester" from the editor: the real overlay on the target, and whether it was found. */
  function test(description: TargetDescription, instruction: string): TargetTestResult {
    const result = locate(description, document);
    testing = testView(description, instruction);
    shownKey = '';
    followStep(testing);
    return { status: result.status };
  }

  function clearTest() {
    stopPick();
    testing = null;
    shownKey = '';
    void refresh();
  }

  /**
   * « Vérifier ce guide sur le site »: the locating engine's own outcome for one step on this page
   * (« not on this page » when its `page` does not match, « text only » when it has nothing to find),
   * shown with the real overlay.
   */
  function verify(check: VerifyCheck): VerifyPageResult {
    stopPick();
    const { item } = check;
    const host = location.hostname;
    testing = verifyView(check);
    shownKey = '';
    followStep(testing);
    if (onOtherPage(item)) return { status: 'not-on-page', host };
    if (!item.target) return { status: 'text-only', host };
    return { status: locate(item.target, document).status, host };
  }

  /** « Montrer le bon élément »: nothing of ours on the page, and the person's next click names the element. */
  function pick(): { ok: true } {
    stopPick();
    testing = null;
    shownKey = '';
    followStep(null);
    draw();
    stopPick = pickElement({
      isOwn: page.contains,
      onPick: (event) => {
        stopPick = () => {};
        void send({ type: 'verify:picked', event }).catch(() => undefined);
      },
    });
    return { ok: true };
  }

  const tabMessages = {
    'overlay:test': (request) => test(request.target, request.instruction),
    'overlay:clear': () => {
      clearTest();
      return { ok: true };
    },
    'overlay:verify': (request) => verify(request.check),
    'overlay:pick': () => pick(),
  } satisfies { [K in TabMessage['type']]: (request: Extract<TabMessage, { type: K }>) => TabResponseMap[K] };

  // Answered through `sendResponse`: the content scripts use the browser's own API, and Chrome's does not wait for a
  // promise returned by a listener (components/page/native-browser.ts).
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(tabMessages, type)) return undefined;
    const handle = tabMessages[type as TabMessage['type']] as (request: TabMessage) => unknown;
    sendResponse(handle(message as TabMessage));
    return undefined;
  };

  ctx.onInvalidated(
    watchSettings((value) => {
      settings = value;
      draw();
    }),
  );
  // Any tab's run changed: ask again for this tab's step (the background knows which tab this is).
  ctx.onInvalidated(tabRuns.watch(() => void refresh()));
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  // Every change of address: a load is this script's start; a single-page site's pushState, back, forward or anchor
  // comes as the context's location change, heard by our code only.
  ctx.onLocationChange(checkUrl);
  ctx.onInvalidated(() => {
    stopPick();
    stopStep();
    stopAhead();
    render(null, container);
    page.detach();
  });

  // The page script of the guide's site (components/page/arrival.ts) may have told this arrival already.
  const arrived = (globalThis as { [ARRIVED]?: string })[ARRIVED] === location.href;
  if (arrived) void refresh();
  else
    void send({ type: 'run:event', event: { type: 'page', url: location.href } })
      .catch(() => undefined)
      .then(refresh);
}
