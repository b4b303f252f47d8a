/**
 * The popup's recording control, for trainers: « Enregistrer cette démarche »
 * on the served tab (after asking for this site's permission, in the click
 * itself: browsers want a user gesture), the recording's progress, and
 * « Arrêter l'enregistrement », which opens the draft in the editor.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { recorderStateOf } from '../../utils/authoring/recording-view';
import { generalizeSite } from '../../utils/authoring/url-pattern';
import type { RecorderState } from '../../utils/messages';
import { send } from '../../utils/send';
import { recorderStateItem } from '../../utils/storage/items';
import { useStoredItem } from '../shared/hooks';
import type { ServedTab } from '../shared/tab';

export const EDITOR_DRAFT_URL = '/editor.html?draft=1';

/** The recording as the background keeps it in storage, followed live; null while loading. */
function useRecording(): RecorderState | null {
  // Asking once lets the background end a recording left idle too long before it is shown.
  useEffect(() => void send({ type: 'recorder:state' }).catch(() => undefined), []);
  const loaded = useStoredItem(recorderStateItem, recorderStateOf(null));
  return loaded.state === 'ready' ? loaded.value : null;
}

export function RecordControl({ tab }: { tab: ServedTab | null }) {
  const recording = useRecording();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const site = tab?.url ? generalizeSite(tab.url) : undefined;

  if (!recording) return null;
  // Nothing to record on the browser's own pages; a recording under way is still shown, to be stopped.
  if (!recording.recording && (!tab || !site)) return null;

  /** Asks for the site (must be the first call of the click handler), then starts or resumes. */
  function startHere() {
    if (!tab || !site) return;
    setMessage(null);
    setBusy(true);
    browser.permissions
      .request({ origins: [site] })
      .then(async (granted) => {
        if (!granted) {
          setMessage({ text: i18n.t('recorder.popup.denied'), isError: true });
          return;
        }
        await send({ type: 'recorder:start', tabId: tab.id });
      })
      .catch(() => setMessage({ text: i18n.t('recorder.popup.failed'), isError: true }))
      .finally(() => setBusy(false));
  }

  function stop() {
    setMessage(null);
    setBusy(true);
    send({ type: 'recorder:stop' })
      .then(async (result) => {
        if (!result.ok) {
          setMessage({ text: i18n.t('recorder.popup.stopFailed', [result.problems[0]?.message ?? '']), isError: true });
          return;
        }
        setMessage({ text: i18n.t('recorder.popup.stopped'), isError: false });
        await browser.tabs.create({ url: browser.runtime.getURL(EDITOR_DRAFT_URL as never) });
      })
      .catch(() => setMessage({ text: i18n.t('recorder.popup.failed'), isError: true }))
      .finally(() => setBusy(false));
  }

  const here = recording.recording && tab !== null && recording.tabId === tab.id;
  return (
    <section class="recorder" aria-labelledby="recorder-title">
      <h2 id="recorder-title">{i18n.t('recorder.popup.title')}</h2>
      {recording.recording ? (
        <>
          <p class="recording-steps">{i18n.t('recorder.popup.steps', recording.steps)}</p>
          {!here && <p class="hint">{i18n.t('recorder.popup.elsewhere')}</p>}
          {here && recording.needsPermission !== undefined && site && (
            <>
              <p class="hint">{i18n.t('recorder.popup.needsPermission')}</p>
              <div class="actions">
                <button type="button" class="record-allow" disabled={busy} onClick={startHere}>
                  {i18n.t('recorder.popup.allow')}
                </button>
              </div>
            </>
          )}
          <div class="actions">
            <button type="button" class="record-stop" disabled={busy} onClick={stop}>
              {i18n.t('recorder.popup.stop')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p class="hint">{i18n.t('recorder.popup.hint')}</p>
          <div class="actions">
            <button type="button" class="record-start" disabled={busy} onClick={startHere}>
              {busy ? i18n.t('recorder.popup.starting') : i18n.t('recorder.popup.start')}
            </button>
            <button
              type="button"
              class="open-editor"
              aria-label={i18n.t('recorder.popup.openEditorLabel')}
              onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/editor.html') })}
            >
              {i18n.t('recorder.popup.openEditor')}
            </button>
          </div>
        </>
      )}
      <p class="record-status" aria-live="polite" aria-atomic="true">
        {message && !message.isError ? message.text : ''}
      </p>
      {message?.isError && <p role="alert">{message.text}</p>}
    </section>
  );
}
