/**
 * Playback in a page: asks the background for this tab's current step, finds
 * its target with the locating engine, shows the overlay, and tells the
 * background when the person has done the step. It only reads the page.
 */
import { signal } from '@preact/signals';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { type LocateResult, locate, watch } from '../../utils/locate';
import type { TargetDescription } from '../../utils/locate/target';
import type { StepView, TabMessage, TargetTestResult } from '../../utils/messages';
import { observeStep } from '../../utils/observe';
import { type RunEvent, startRun } from '../../utils/run';
import type { Guide } from '../../utils/guide/schema';
import { send } from '../../utils/send';
import type { Settings } from '../../utils/settings/settings';
import { watchSettings } from '../../utils/settings/store';
import { Overlay, type OverlayEvent, type TargetState } from '../overlay';

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

/** Starts playback in `container` (inside our shadow root); returns the function that stops it. */
export function startPlayback(container: HTMLElement, host: HTMLElement): () => void {
  const view = signal<StepView | null>(null);
  const target = signal<TargetState>({ status: 'no-target' });
  const dismissed = signal<string | null>(null);
  const testing = signal<StepView | null>(null);
  /** Display and reading settings; nothing is shown before they are read (a first step must not miss its auto-read). */
  const settings = signal<Settings | null>(null);
  let stopStep: () => void = () => {};
  let shownKey = '';
  let lastUrl = location.href;

  const emit = (event: RunEvent) => void send({ type: 'run:event', event });

  function onEvent(event: OverlayEvent) {
    if (testing.value) {
      clearTest();
      return;
    }
    const item = view.value?.item;
    if (!item) return;
    if (event.type === 'finish') {
      // "Terminer": the run is over; the overlay goes away on this page.
      dismissed.value = `${view.value?.run.startedAt}/${item.id}`;
      return;
    }
    emit(event);
  }

  /** Locate and observe the current step's target while it stays current. */
  function followStep(next: StepView | null) {
    const item = next?.item;
    const key = next ? `${next.run.startedAt}/${next.guide.id}/${item?.id}` : '';
    if (key === shownKey) return;
    shownKey = key;
    stopStep();
    stopStep = () => {};
    if (!next || item?.kind !== 'step' || !item.target) {
      target.value = { status: 'no-target' };
      return;
    }
    target.value = { status: 'searching' };
    let stopObserve: () => void = () => {};
    const stopWatch = watch(
      item.target,
      document,
      (result) => {
        checkUrl();
        target.value = toTargetState(result);
        stopObserve();
        stopObserve =
          result.status === 'found' ? observeStep(item, result.element, () => emit({ type: 'action-done', stepId: item.id })) : () => {};
      },
      // Our own overlay (the host and everything in its shadow root) is never a reason to look again.
      { ignore: (node) => host.contains(node) || node.getRootNode() === host.shadowRoot },
    );
    stopStep = () => {
      stopWatch();
      stopObserve();
    };
  }

  async function refresh() {
    const next = await send({ type: 'run:current' });
    view.value = next;
    if (testing.value) return;
    followStep(next?.run.status === 'active' || next?.item.kind === 'end' ? next : null);
  }

  /** Arrival on a page (a load, or a single-page site changing its URL) may complete or move the run. */
  function checkUrl() {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    emit({ type: 'page', url: lastUrl });
  }

  function searchAgain() {
    shownKey = '';
    followStep(testing.value ?? view.value);
  }

  /** "Tester" from the editor: the real overlay on the target, and whether it was found. */
  function test(target: TargetDescription, instruction: string): TargetTestResult {
    const result = locate(target, document);
    testing.value = testView(target, instruction);
    shownKey = '';
    followStep(testing.value);
    return { status: result.status };
  }

  function clearTest() {
    testing.value = null;
    shownKey = '';
    void refresh();
  }

  const onMessage = (message: unknown) => {
    const request = message as TabMessage;
    if (request?.type === 'overlay:test') return Promise.resolve(test(request.target, request.instruction));
    if (request?.type === 'overlay:clear') {
      clearTest();
      return Promise.resolve({ ok: true });
    }
    return undefined;
  };

  function App() {
    const shown = settings.value;
    if (!shown) return null;
    if (testing.value)
      return <Overlay view={testing.value} target={target.value} onEvent={onEvent} onSearchAgain={searchAgain} settings={shown} />;
    const current = view.value;
    const hidden = !current || !current.spotlight || dismissed.value === `${current.run.startedAt}/${current.item.id}`;
    return <Overlay view={hidden ? null : current} target={target.value} onEvent={onEvent} onSearchAgain={searchAgain} settings={shown} />;
  }

  render(<App />, container);
  const stopSettings = watchSettings((value) => {
    settings.value = value;
  });

  const onStorage = (changes: Record<string, unknown>) => {
    if (Object.keys(changes).some((key) => key.startsWith('run:'))) void refresh();
  };
  browser.storage.local.onChanged.addListener(onStorage);
  browser.runtime.onMessage.addListener(onMessage);
  addEventListener('popstate', checkUrl);
  addEventListener('hashchange', checkUrl);

  void send({ type: 'run:event', event: { type: 'page', url: location.href } }).finally(refresh);

  return () => {
    stopStep();
    stopSettings();
    browser.storage.local.onChanged.removeListener(onStorage);
    browser.runtime.onMessage.removeListener(onMessage);
    removeEventListener('popstate', checkUrl);
    removeEventListener('hashchange', checkUrl);
    render(null, container);
  };
}
