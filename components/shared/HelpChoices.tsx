import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import { HELP_LEVELS, type HelpLevel, RUN_MODES, type RunMode } from '../../utils/run';

const modeLabel = (mode: RunMode) => (mode === 'advisor' ? i18n.t('popup.mode.advisor') : i18n.t('popup.mode.alone'));

function levelTexts(level: HelpLevel): { label: string; hint: string } {
  switch (level) {
    case 'guided':
      return { label: i18n.t('popup.level.guided'), hint: i18n.t('popup.level.guidedHint') };
    case 'on-demand':
      return { label: i18n.t('popup.level.onDemand'), hint: i18n.t('popup.level.onDemandHint') };
    case 'autonomous':
      return { label: i18n.t('popup.level.autonomous'), hint: i18n.t('popup.level.autonomousHint') };
    default:
      return assertNever(level);
  }
}

export const levelLabel = (level: HelpLevel) => levelTexts(level).label;
export { modeLabel };

interface ChoiceProps<T> {
  value: T;
  onChange(value: T): void;
  /** Makes the radio names and ids unique on the page. */
  idPrefix: string;
  disabled?: boolean;
}

/** « Avec un conseiller » / « Seul·e ». */
export function ModeChoice({ value, onChange, idPrefix, disabled }: ChoiceProps<RunMode>) {
  return (
    <fieldset class="choice mode" disabled={disabled}>
      <legend>{i18n.t('popup.mode.legend')}</legend>
      {RUN_MODES.map((mode) => (
        <div class="radio" key={mode}>
          <input
            type="radio"
            id={`${idPrefix}-mode-${mode}`}
            name={`${idPrefix}-mode`}
            value={mode}
            checked={value === mode}
            onChange={() => onChange(mode)}
          />
          <label for={`${idPrefix}-mode-${mode}`}>{modeLabel(mode)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The three levels of help of the autonomy scale, each with one short sentence. */
export function LevelChoice({ value, onChange, idPrefix, disabled }: ChoiceProps<HelpLevel>) {
  return (
    <fieldset class="choice level" disabled={disabled}>
      <legend>{i18n.t('popup.level.legend')}</legend>
      {HELP_LEVELS.map((level) => {
        const id = `${idPrefix}-level-${level}`;
        const { label, hint } = levelTexts(level);
        return (
          <div class="radio" key={level}>
            <input
              type="radio"
              id={id}
              name={`${idPrefix}-level`}
              value={level}
              checked={value === level}
              aria-describedby={`${id}-hint`}
              onChange={() => onChange(level)}
            />
            <label for={id}>{label}</label>
            <p class="hint" id={`${id}-hint`}>
              {hint}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
