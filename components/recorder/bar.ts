/**
 * The recording bar: a small strip fixed at the top of the page, in its own
 * shadow root, that says that recording is on, how many steps there are, and
 * offers « Arrêter ». Plain DOM and text only (no page markup, no HTML strings).
 */
import { i18n } from '#i18n';
import { obeyPersonOnly } from '../page/person-input';

export const RECORDER_HOST = 'cote-a-cote-recorder';

export interface RecordingBar {
  /** The host element in the page. */
  host: HTMLElement;
  /** Whether a node belongs to the bar (in the page or in its shadow root). */
  contains(node: Node): boolean;
  setSteps(count: number): void;
  /** After « Arrêter » failed: the reason, and « Fermer » instead of « Arrêter ». */
  showFailure(reason: string): void;
  /** Recording, stopping (« Arrêter » pressed, waiting for the answer), or showing a failure. */
  mode(): 'recording' | 'stopping' | 'failed';
  remove(): void;
}

export interface RecordingBarOptions {
  /** « Arrêter »: resolves when the recording is stopped; rejects with a reason to show. */
  onStop: () => Promise<void>;
  /** Closed: the page cannot read the bar. `open` only in practice builds, when the end-to-end harness asks. */
  shadowMode?: ShadowRootMode;
  /** Who made an event. Injectable for tests only: happy-dom's events are never trusted. */
  isTrusted?: (event: Event) => boolean;
}

const STYLE = `
:host { all: initial !important; }
.bar {
  position: fixed; z-index: 2147483647; top: 0.5rem; left: 50%; transform: translateX(-50%);
  display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap; max-width: calc(100vw - 2rem);
  box-sizing: border-box; padding: 0.4rem 0.5rem 0.4rem 0.9rem;
  background: #161616; color: #fff; border: 2px solid #fff; border-radius: 2rem;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35);
  font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
}
.dot { width: 0.75rem; height: 0.75rem; border-radius: 50%; background: #e1000f; flex: none; }
p { margin: 0; }
[role=alert] { color: #ffe9e6; }
button {
  font: inherit; font-weight: 700; cursor: pointer; color: #161616; background: #fff;
  border: 2px solid #fff; border-radius: 1.5rem; padding: 0.25rem 0.9rem; min-height: 2.25rem;
}
button:hover { background: #e5e5e5; }
button:focus-visible { outline: 3px solid #0a76f6; outline-offset: 2px; }
button:disabled { cursor: default; opacity: 0.7; }
/* Three beats (4.5 s), then still: moving content that starts by itself stops within 5 s (RGAA 13.8). */
@media (prefers-reduced-motion: no-preference) { .dot { animation: pulse 1.5s ease-in-out 3; } }
@keyframes pulse { 50% { opacity: 0.3; } }
@media (forced-colors: active) { .bar, button { border-color: CanvasText; } .dot { background: Mark; } }
`;

/** Events from our bar stay ours: the page's own handlers do not see them. */
const ISOLATED = ['click', 'keydown', 'keyup', 'keypress', 'input', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'];

export function mountRecordingBar(doc: Document, { onStop, shadowMode = 'closed', isTrusted }: RecordingBarOptions): RecordingBar {
  const host = doc.createElement(RECORDER_HOST);
  const shadow = host.attachShadow({ mode: shadowMode });
  // « Arrêter » obeys the person's own press only, never a page script's event.
  const life = new AbortController();
  obeyPersonOnly(shadow, { signal: life.signal, isTrusted });
  const style = doc.createElement('style');
  style.textContent = STYLE;

  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', i18n.t('recorder.bar.region'));
  // The page may be in another language than our texts: say ours (RGAA 8.7).
  bar.setAttribute('lang', i18n.t('lang'));
  const dot = doc.createElement('span');
  dot.className = 'dot';
  dot.setAttribute('aria-hidden', 'true');
  const status = doc.createElement('p');
  status.setAttribute('aria-live', 'polite');
  status.setAttribute('aria-atomic', 'true');
  const alert = doc.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.hidden = true;
  const button = doc.createElement('button');
  button.type = 'button';
  bar.append(dot, status, alert, button);
  shadow.append(style, bar);

  let mode: 'recording' | 'stopping' | 'failed' = 'recording';
  const showButton = () => {
    button.disabled = mode === 'stopping';
    button.textContent =
      mode === 'failed'
        ? i18n.t('recorder.bar.close')
        : mode === 'stopping'
          ? i18n.t('recorder.bar.stopping')
          : i18n.t('recorder.bar.stop');
    if (mode === 'recording') button.setAttribute('aria-label', i18n.t('recorder.bar.stopLabel'));
    else button.removeAttribute('aria-label');
  };

  const remove = () => {
    life.abort();
    host.remove();
  };

  button.addEventListener('click', () => {
    if (mode === 'failed') {
      remove();
      return;
    }
    if (mode !== 'recording') return;
    mode = 'stopping';
    showButton();
    onStop().then(remove, (error: unknown) => showFailure(error instanceof Error ? error.message : String(error)));
  });
  for (const type of ISOLATED) shadow.addEventListener(type, (event) => event.stopPropagation());

  function showFailure(reason: string) {
    mode = 'failed';
    alert.textContent = i18n.t('recorder.bar.failed', [reason]);
    alert.hidden = false;
    showButton();
  }

  showButton();
  status.textContent = i18n.t('recorder.bar.steps', 0);
  // After <body>, like the overlay: above the page, out of its layout.
  doc.documentElement.append(host);

  return {
    host,
    contains: (node) => node === host || host.contains(node) || node.getRootNode() === shadow,
    setSteps: (count) => {
      status.textContent = i18n.t('recorder.bar.steps', count);
    },
    showFailure,
    mode: () => mode,
    remove,
  };
}
