/** « À préparer »: what the person should have at hand, each with a hint and whether it is sensitive; added, moved, removed. */
import { i18n } from '#i18n';
import { addPrepare, movePrepare, removePrepare, setPrepareSensitive, setPrepareText, type WorkingCopy } from '../../utils/editor';
import { LIMITS } from '../../utils/guide/schema';
import { BlockProblems, CheckboxField, Section, TextField } from './fields';
import type { Session } from './session';

export function PrepareSection({ copy, apply }: { copy: WorkingCopy; apply: Session['apply'] }) {
  const prepare = copy.guide.prepare;
  return (
    <Section id="prepare" title={i18n.t('editor.prepare.title')}>
      <p class="hint">{i18n.t('editor.prepare.hint')}</p>
      <BlockProblems field="prepare" />
      {prepare.length === 0 && <p class="empty">{i18n.t('editor.prepare.none')}</p>}
      <ul class="plain prepare-list">
        {prepare.map((item, i) => {
          const name = i18n.t('editor.prepare.name', [String(i + 1)]);
          return (
            <li key={i}>
              <fieldset>
                <legend>{name}</legend>
                <TextField
                  field={`prepare[${i}].label`}
                  label={i18n.t('editor.prepare.label')}
                  hint={i18n.t('editor.prepare.labelHint')}
                  value={item.label}
                  required
                  guideText
                  advise="label"
                  maxLength={LIMITS.prepareLabel}
                  onInput={(value) =>
                    apply((c) => setPrepareText(c, i, 'label', value), i18n.t('editor.change.editGuide', [name]), `prepare|${i}|label`)
                  }
                />
                <TextField
                  field={`prepare[${i}].hint`}
                  label={i18n.t('editor.prepare.itemHint')}
                  hint={i18n.t('editor.prepare.itemHintHint')}
                  value={item.hint ?? ''}
                  guideText
                  advise="text"
                  maxLength={LIMITS.prepareHint}
                  onInput={(value) =>
                    apply((c) => setPrepareText(c, i, 'hint', value), i18n.t('editor.change.editGuide', [name]), `prepare|${i}|hint`)
                  }
                />
                <CheckboxField
                  field={`prepare[${i}].sensitive`}
                  label={i18n.t('editor.prepare.sensitive')}
                  checked={item.sensitive}
                  onChange={(checked) => apply((c) => setPrepareSensitive(c, i, checked), i18n.t('editor.change.editGuide', [name]))}
                />
                <div class="actions">
                  <button
                    type="button"
                    class="secondary"
                    disabled={i === 0}
                    aria-label={i18n.t('editor.prepare.upLabel', [String(i + 1)])}
                    onClick={() => apply((c) => movePrepare(c, i, i - 1), i18n.t('editor.change.editGuide', [name]))}
                  >
                    {i18n.t('editor.item.up')}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    disabled={i === prepare.length - 1}
                    aria-label={i18n.t('editor.prepare.downLabel', [String(i + 1)])}
                    onClick={() => apply((c) => movePrepare(c, i, i + 1), i18n.t('editor.change.editGuide', [name]))}
                  >
                    {i18n.t('editor.item.down')}
                  </button>
                  <button
                    type="button"
                    class="secondary remove-prepare"
                    aria-label={i18n.t('editor.prepare.removeLabel', [String(i + 1)])}
                    onClick={() => apply((c) => removePrepare(c, i), i18n.t('editor.change.removePrepare', [String(i + 1)]))}
                  >
                    {i18n.t('editor.item.remove')}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div class="actions">
        <button
          type="button"
          class="secondary add-prepare"
          disabled={prepare.length >= LIMITS.prepare}
          onClick={() => apply((c) => addPrepare(c), i18n.t('editor.change.addPrepare'))}
        >
          {i18n.t('editor.prepare.add')}
        </button>
      </div>
    </Section>
  );
}
