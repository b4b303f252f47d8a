import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { RunMode } from '../../utils/run';
import { cssVariablesFor, type Settings, TEXT_SCALES, textScaleFor } from '../../utils/settings/settings';
import { BUBBLE_SHORTCUT, popupShortcut } from '../../utils/settings/shortcuts';
import { saveSettings, watchSettings } from '../../utils/settings/store';
import { onlyNetworkVoices } from '../../utils/speech';
import { applyDisplay } from '../shared/display';
import { EraseTraces } from '../shared/EraseTraces';
import { ModeChoice } from '../shared/HelpChoices';
import { ReadButton, useCanSpeak } from '../shared/ReadButton';
import { TeamCatalogues } from './TeamCatalogues';

const systemCalm = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The radio value of a text size: `auto` (by mode) or the factor. */
const sizeValue = (scale: number | null) => (scale === null ? 'auto' : String(scale));

/**
 * « Réglages d'affichage »: text size, high contrast, fewer animations and
 * reading aloud, for the bubble, the panel, the popup and the memo sheet.
 * Each change is saved at once; the preview shows a bubble as it will look.
 */
export function SettingsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [previewMode, setPreviewMode] = useState<RunMode>('alone');
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  // Reading aloud only with a voice of this machine (see utils/speech).
  const speech = useCanSpeak();

  useEffect(() => {
    document.documentElement.lang = i18n.t('lang');
    document.title = i18n.t('settings.pageTitle');
    return watchSettings(setSettings);
  }, []);
  // This page follows the settings too (outside a run: the size chosen, else 100 %).
  useEffect(() => {
    if (settings) applyDisplay(settings, null);
  }, [settings]);

  async function change(patch: Partial<Settings>) {
    if (settings) setSettings({ ...settings, ...patch });
    try {
      setSettings(await saveSettings(patch));
      setStatus({ text: i18n.t('settings.saved'), failed: false });
    } catch {
      setStatus({ text: i18n.t('settings.failed'), failed: true });
    }
  }

  if (!settings) {
    return (
      <main class="settings-page">
        <h1>{i18n.t('settings.title')}</h1>
        <p aria-live="polite">{i18n.t('settings.loading')}</p>
      </main>
    );
  }

  const sizes: { value: string; label: string }[] = [
    { value: 'auto', label: i18n.t('settings.textAuto') },
    ...TEXT_SCALES.map((scale) => ({ value: String(scale), label: i18n.t('settings.textPercent', [String(scale * 100)]) })),
  ];

  return (
    <main class="settings-page">
      <header>
        <p class="brand">{i18n.t('extName')}</p>
        <h1>{i18n.t('settings.title')}</h1>
        <p class="intro">{i18n.t('settings.intro')}</p>
      </header>

      <fieldset class="choice text-size">
        <legend>{i18n.t('settings.textSize')}</legend>
        {sizes.map(({ value, label }) => (
          <div class="radio" key={value}>
            <input
              type="radio"
              id={`text-size-${value}`}
              name="text-size"
              value={value}
              checked={sizeValue(settings.textScale) === value}
              onChange={() => change({ textScale: value === 'auto' ? null : Number(value) })}
            />
            <label for={`text-size-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>

      <fieldset class="checks look">
        <legend>{i18n.t('settings.look')}</legend>
        <div class="radio">
          <input
            type="checkbox"
            id="high-contrast"
            checked={settings.highContrast}
            aria-describedby="high-contrast-hint"
            onChange={(e) => change({ highContrast: e.currentTarget.checked })}
          />
          <label for="high-contrast">{i18n.t('settings.contrast')}</label>
          <p class="hint" id="high-contrast-hint">
            {i18n.t('settings.contrastHint')}
          </p>
        </div>
        <div class="radio">
          <input
            type="checkbox"
            id="reduce-motion"
            checked={settings.reduceMotion}
            aria-describedby="reduce-motion-hint"
            onChange={(e) => change({ reduceMotion: e.currentTarget.checked })}
          />
          <label for="reduce-motion">{i18n.t('settings.motion')}</label>
          <p class="hint" id="reduce-motion-hint">
            {systemCalm() ? i18n.t('settings.motionSystem') : i18n.t('settings.motionHint')}
          </p>
        </div>
      </fieldset>

      <fieldset class="checks reading">
        <legend>{i18n.t('settings.reading')}</legend>
        <div class="radio">
          <input
            type="checkbox"
            id="auto-read"
            checked={settings.autoRead}
            disabled={!speech}
            aria-describedby="auto-read-hint"
            onChange={(e) => change({ autoRead: e.currentTarget.checked })}
          />
          <label for="auto-read">{i18n.t('settings.autoRead')}</label>
          <p class="hint" id="auto-read-hint">
            {speech ? i18n.t('settings.autoReadHint') : onlyNetworkVoices() ? i18n.t('settings.noLocalVoice') : i18n.t('settings.noSpeech')}
          </p>
        </div>
      </fieldset>

      <fieldset class="checks computer">
        <legend>{i18n.t('settings.computer')}</legend>
        <div class="radio">
          <input
            type="checkbox"
            id="shared-computer"
            checked={settings.sharedComputer === true}
            aria-describedby="shared-computer-hint"
            onChange={(e) => change({ sharedComputer: e.currentTarget.checked })}
          />
          <label for="shared-computer">{i18n.t('settings.shared')}</label>
          <p class="hint" id="shared-computer-hint">
            {i18n.t('settings.sharedHint')}
          </p>
        </div>
        <EraseTraces />
      </fieldset>

      <p class="status" aria-live="polite" aria-atomic="true">
        {status && !status.failed ? status.text : ''}
      </p>
      {status?.failed && <p role="alert">{status.text}</p>}

      <Shortcuts />

      <TeamCatalogues />

      <section class="preview-section" aria-labelledby="preview-title">
        <h2 id="preview-title">{i18n.t('settings.preview')}</h2>
        <ModeChoice value={previewMode} idPrefix="preview" onChange={setPreviewMode} />
        <Preview settings={settings} mode={previewMode} />
      </section>
    </main>
  );
}

/** A bubble as the page will show it, with the settings for this mode. */
function Preview({ settings, mode }: { settings: Settings; mode: RunMode }) {
  const text = i18n.t('settings.sampleStep');
  return (
    <div
      class={settings.highContrast ? 'preview hc' : 'preview'}
      style={cssVariablesFor(settings, mode)}
      data-scale={textScaleFor(settings, mode)}
    >
      <p class="preview-progress">{i18n.t('settings.sampleProgress')}</p>
      <p class="preview-text">{text}</p>
      <ReadButton text={text} lang={i18n.t('lang')} class="preview-read" />
      <span class="preview-button" aria-hidden="true">
        {i18n.t('settings.sampleDone')}
      </span>
    </div>
  );
}

/** The keys that reach Côte à côte without a mouse. */
function Shortcuts() {
  const [popupKey, setPopupKey] = useState<string | null>(null);
  useEffect(() => {
    popupShortcut().then(setPopupKey);
  }, []);
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{i18n.t('settings.shortcuts')}</h2>
      <dl>
        {popupKey !== null && (
          <>
            <dt>{popupKey ? <kbd>{popupKey}</kbd> : i18n.t('settings.shortcutNone')}</dt>
            <dd>{i18n.t('settings.shortcutPopup')}</dd>
          </>
        )}
        <dt>
          <kbd>{BUBBLE_SHORTCUT.replace('Shift', i18n.t('settings.shiftKey'))}</kbd>
        </dt>
        <dd>{i18n.t('settings.shortcutBubble')}</dd>
        <dt>
          <kbd>{i18n.t('settings.escapeKey')}</kbd>
        </dt>
        <dd>{i18n.t('settings.shortcutEscape')}</dd>
      </dl>
      <p class="hint">{i18n.t('settings.shortcutChange')}</p>
    </section>
  );
}
