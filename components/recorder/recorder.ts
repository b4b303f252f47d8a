/**
 * The recorder in a page: the recording bar, the capture of the person's
 * actions, each sent to the background as a `recorder:event`. The background
 * keeps the recording (in storage); this script follows it: the step count
 * from storage, and it goes away when the recording stops.
 */
import { browser } from 'wxt/browser';
import type { RecordedEvent } from '../../utils/authoring/instruction';
import { RECORDING_KEY, recorderStateOf } from '../../utils/authoring/recording-view';
import type { Request, ResponseOf } from '../../utils/messages';
import { send as sendToBackground } from '../../utils/send';
import { mountRecordingBar } from './bar';
import { captureActions } from './capture';

export interface RecorderOptions {
  send?: <R extends Request>(request: R) => Promise<ResponseOf<R>>;
  isTrusted?: (event: Event) => boolean;
  view?: Window;
}

/** The playback overlay's host element (entrypoints/content). */
const OVERLAY_HOST = 'cote-a-cote-overlay';

/** Set in the script's world: a second injection in the same page does nothing. */
const RUNNING = Symbol.for('cote-a-cote.recorder');

type Scope = typeof globalThis & { [RUNNING]?: () => void };

/** Starts recording in this page; returns the function that stops it (also called when the recording ends). */
export function startRecorder({ send = sendToBackground, isTrusted, view = window }: RecorderOptions = {}): () => void {
  const scope = globalThis as Scope;
  const running = scope[RUNNING];
  if (running) return running;

  let stopped = false;
  const bar = mountRecordingBar(view.document, {
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
    },
  });

  const show = (raw: unknown) => {
    const state = recorderStateOf(raw);
    if (state.recording) bar.setSteps(state.steps);
    // The recording stopped (from the popup, or « Arrêter » here, whose answer settles the bar itself).
    else stop(bar.mode() === 'recording');
  };

  const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
    if (RECORDING_KEY in changes) show(changes[RECORDING_KEY]?.newValue);
  };
  browser.storage.local.onChanged.addListener(onChanged);
  void browser.storage.local.get(RECORDING_KEY).then((all) => {
    if (!stopped) show(all[RECORDING_KEY]);
  });

  function stop(removeBar = true) {
    if (stopped) return;
    stopped = true;
    stopCapture();
    browser.storage.local.onChanged.removeListener(onChanged);
    if (removeBar) bar.remove();
    if (scope[RUNNING] === stop) delete scope[RUNNING];
  }
  scope[RUNNING] = stop;
  return stop;
}
