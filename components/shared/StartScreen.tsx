import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { GuideSummary } from '../../utils/catalogue';
import type { Suggestion } from '../../utils/progress';
import type { HelpLevel, RunMode } from '../../utils/run';
import { saveSettings } from '../../utils/settings/store';
import { settingsItem } from '../../utils/storage/items';
import { DocumentedNote, SourceList } from './GuideOrigin';
import { LevelChoice, ModeChoice } from './HelpChoices';
import { useFocusOnMount, useGuide, useStoredItem } from './hooks';
import { PrepareList } from './PrepareList';
import { provenanceOf } from './provenance';
import { suggestionText } from './suggestion';

export interface StartScreenProps {
  guide: GuideSummary;
  /** This tab already has a guide under way: starting another one replaces it. */
  replacesRun: boolean;
  onStart(mode: RunMode, level: HelpLevel): Promise<void>;
  onCancel(): void;
  /** From "Mes progrès": the person might try with less help. Only offered; the level stays theirs to choose. */
  suggestion?: Suggestion | null;
}

/** Before a guide starts: what to have at hand, who is there, how much help. */
export function StartScreen({ guide, replacesRun, onStart, onCancel, suggestion }: StartScreenProps) {
  const full = useGuide(guide.id);
  const [mode, setMode] = useState<RunMode>('advisor');
  const [level, setLevel] = useState<HelpLevel>('guided');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      await onStart(mode, level);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  }

  return (
    <section class="start-screen" aria-labelledby="start-title">
      <h2 id="start-title" tabIndex={-1} ref={heading} lang={guide.lang}>
        {guide.title}
      </h2>
      <p class="meta">{i18n.t('popup.duration', [String(guide.durationMinutes)])}</p>
      <DocumentedNote on={guide.documented} />
      {guide.team && <p class="meta team">{provenanceOf(guide)}</p>}
      <form onSubmit={submit}>
        <h3>{i18n.t('popup.prepare.title')}</h3>
        {full.state === 'loading' ? (
          <p>{i18n.t('popup.loading')}</p>
        ) : full.state === 'ready' && full.value ? (
          <PrepareList items={full.value.prepare} lang={full.value.lang} idPrefix="start-prepare" />
        ) : (
          <p class="note">{i18n.t('popup.prepare.unavailable')}</p>
        )}
        {full.state === 'ready' && full.value && <SourceList sources={full.value.sources} lang={full.value.lang} />}
        <ModeChoice value={mode} onChange={setMode} idPrefix="start" />
        {suggestion && (
          <div class="note suggestion">
            <p>{suggestionText(suggestion)}</p>
            {level !== suggestion.to && (
              <button
                type="button"
                class="secondary try-level"
                onClick={() => {
                  // The button goes away once chosen: the focus moves to the level it chose.
                  document.getElementById(`start-level-${suggestion.to}`)?.focus();
                  setLevel(suggestion.to);
                }}
              >
                {i18n.t('progress.tryLevel')}
              </button>
            )}
          </div>
        )}
        <LevelChoice value={level} onChange={setLevel} idPrefix="start" />
        <SharedComputerQuestion />
        {replacesRun && <p class="note">{i18n.t('popup.startScreen.replaces')}</p>}
        {failed && <p role="alert">{i18n.t('popup.startScreen.failed')}</p>}
        <div class="actions">
          <button type="submit" class="go" disabled={busy}>
            {i18n.t('popup.startScreen.go')}
          </button>
          <button type="button" class="secondary cancel" onClick={onCancel}>
            {i18n.t('popup.startScreen.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * Asked once, on the first start screen: on a shared computer nothing about the
 * person outlives the run. Answered (here or in the settings), it is not asked again.
 */
function SharedComputerQuestion() {
  const settings = useStoredItem(settingsItem, null);
  const [answered, setAnswered] = useState<boolean | null>(null);
  // The button pressed goes away: the focus moves to what it said.
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (answered !== null) said.current?.focus();
  }, [answered]);
  if (answered !== null) {
    return (
      <p class="note shared-answer" role="status" tabIndex={-1} ref={said}>
        {answered ? i18n.t('popup.shared.answeredYes') : i18n.t('popup.shared.answeredNo')}
      </p>
    );
  }
  if (settings.state !== 'ready' || settings.value?.sharedComputer !== null) return null;
  const answer = (shared: boolean) => {
    setAnswered(shared);
    void saveSettings({ sharedComputer: shared }).catch(() => undefined);
  };
  return (
    <fieldset class="shared-question">
      <legend>{i18n.t('popup.shared.question')}</legend>
      <p class="hint">{i18n.t('popup.shared.hint')}</p>
      <div class="actions">
        <button type="button" class="secondary shared-yes" onClick={() => answer(true)}>
          {i18n.t('popup.shared.yes')}
        </button>
        <button type="button" class="secondary shared-no" onClick={() => answer(false)}>
          {i18n.t('popup.shared.no')}
        </button>
      </div>
    </fieldset>
  );
}
