/**
 * A trainer's tools in a page, in the trainer's script only
 * (entrypoints/trainer.content): « Tester » from the editor, « Vérifier ce
 * guide sur le site » and its « Montrer le bon élément ». The authoring service
 * puts that script in the tab when it asks one of these and no copy answers
 * (utils/authoring/background/service.ts); the person's overlay
 * (entrypoints/playback.content) carries none of it: neither the code that
 * describes a picked element (its privacy rules, @medv/finder) nor these views.
 */
import { browser } from 'wxt/browser';
import type { Guide } from '../../utils/guide/schema';
import { locate } from '../../utils/locate';
import type { TargetDescription } from '../../utils/locate/target';
import type { TabMessage, TabResponseMap, TargetTestResult, VerifyCheck, VerifyPageResult } from '../../utils/messages';
import { startRun } from '../../utils/run';
import type { StepView } from '../../utils/run/view';
import { send } from '../../utils/send';
import type { PageContext } from '../page/context';
import { pickElement } from '../recorder/capture';
import { onOtherPage, type PlaybackControl } from './playback';

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

/** What the locating engine finds on this page, as a trainer is told: a target out of sight is said apart. */
function outcomeOf(target: TargetDescription): Exclude<TargetTestResult['status'], 'unreachable'> {
  const result = locate(target, document);
  return result.status === 'not-found' && result.outOfSight ? 'out-of-sight' : result.status;
}

/** Answers the trainer's messages to this tab with the overlay of `playback`, until the context stops. */
export function startTrainerTools(playback: PlaybackControl, ctx: PageContext): void {
  /** « Montrer le bon élément »: waiting for the person's next click on the page. */
  let stopPick: () => void = () => {};

  /** "Tester" from the editor: the real overlay on the target, and whether it was found. */
  function test(description: TargetDescription, instruction: string): TargetTestResult {
    const status = outcomeOf(description);
    playback.showTrial(testView(description, instruction));
    return { status };
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
    playback.showTrial(verifyView(check));
    if (onOtherPage(item)) return { status: 'not-on-page', host };
    if (!item.target) return { status: 'text-only', host };
    return { status: outcomeOf(item.target), host };
  }

  /** « Montrer le bon élément »: nothing of ours on the page, and the person's next click names the element. */
  function pick(): { ok: true } {
    stopPick();
    playback.showTrial(null, { follow: false });
    stopPick = pickElement({
      isOwn: playback.isOwn,
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
      stopPick();
      playback.showTrial(null);
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
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    stopPick();
  });
}
