/**
 * The recorder in a page: the recording bar, the capture of the person's
 * actions, each sent to the background as a `recorder:event`. The background
 * keeps the recording (in storage); this script follows it: the step count
 * from storage, and it goes away when the recording stops.
 */
import type { RecordedEvent } from '../../utils/authoring/instruction';
import { RECORDING_IDLE_MS, type RecorderState } from '../../utils/authoring/recording-view';
import type { Request, ResponseOf } from '../../utils/messages';
import { send as sendToBackground } from '../../utils/send';
import { recorderStateItem } from '../../utils/storage/items';
import { OVERLAY_HOST } from '../page/host';
import { mountRecordingBar } from './bar';
import { captureActions } from './capture';

export interface RecorderOptions {
  send?: <R extends Request>(request: R) => Promise<ResponseOf<R>>;
  isTrusted?: (event: Event) => boolean;
  view?: Window;
  /** The content script's life: aborted when the extension reloads or goes away. */
  signal?: AbortSignal;
  /** The bar's shadow root: closed, unless the practice build's end-to-end harness asks. */
  shadowMode?: ShadowRootMode;
}

/** Set in the script's world: a second injection in the same page does nothing. */
const RUNNING = Symbol.for('cote-a-cote.recorder');

type Scope = typeof globalThis & { [RUNNING]?: () => void };

/** Starts recording in this page; returns the function that stops it (also called when the recording ends). */
export function startRecorder({ send = sendToBackground, isTrusted, view = window, signal, shadowMode }: RecorderOptions = {}): () => void {
  const scope = globalThis as Scope;
  const running = scope[RUNNING];
  if (running) return running;

  let stopped = false;
  const bar = mountRecordingBar(view.document, {
    shadowMode,
    isTrusted,
    onStop: async () => {
      const result = await send({ type: 'recorder:stop' });
      if (!result.ok) throw new Error(result.problems[0]?.message ?? '');
    },
  });

  const stopCapture = captureActions({
    view,
    isTrusted,
    // Our own UI is never a step: the bar, and the guide's overlay when one is shown on the same page.
    isOwn: (node) => bar.contains(node) || (node.nodeType === 1 && (node as Element).localName === OVERLAY_HOST),
    // The recording's memory-only key and typed-value hashes (typed-values.ts).
    keyring: send({ type: 'recorder:keyring' }).catch(() => null),
    onEvent: (event: RecordedEvent) => {
      send({ type: 'recorder:event', event }).catch(() => undefined);
      askLater();
    },
  });

  // Left idle, the recording ends: asking the background its state lets it end it, and the bar then goes.
  let idle: ReturnType<typeof setTimeout> | undefined;
  function askLater() {
    clearTimeout(idle);
    idle = setTimeout(() => void send({ type: 'recorder:state' }).catch(() => undefined), RECORDING_IDLE_MS + 1_000);
  }
  askLater();

  const show = (state: RecorderState) => {
    if (state.recording) bar.setSteps(state.steps);
    // The recording stopped (from the popup, or « Arrêter » here, whose answer settles the bar itself).
    else stop(bar.mode() === 'recording');
  };
  const stopFollowing = recorderStateItem.follow(show);

  function stop(removeBar = true) {
    if (stopped) return;
    stopped = true;
    stopCapture();
    stopFollowing();
    clearTimeout(idle);
    signal?.removeEventListener('abort', onAbort);
    if (removeBar) bar.remove();
    if (scope[RUNNING] === stop) delete scope[RUNNING];
  }
  const onAbort = () => stop();
  signal?.addEventListener('abort', onAbort);
  scope[RUNNING] = stop;
  return stop;
}
