import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ConflictChoice as Choice } from '../../utils/authoring/user-guides';
import type { Conflict } from '../../utils/editor';

export interface ConflictChoiceProps {
  conflict: Exclude<Conflict, 'none'>;
  id: string;
  /** Title of my guide that has this id (when it is one of mine). */
  existingTitle?: string;
  /** Called from the click itself: the caller may ask for permissions there. */
  onChoose(choice: Choice): void;
}

/**
 * A guide with this id is already there: « Remplacer », « Garder les deux » or
 * « Annuler ». A bundled guide cannot be replaced. The question takes the focus.
 */
export function ConflictChoice({ conflict, id, existingTitle, onChoose }: ConflictChoiceProps) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  return (
    <fieldset class="confirm conflict">
      <legend>
        {conflict === 'mine' ? i18n.t('editor.conflict.mine', [id, existingTitle ?? id]) : i18n.t('editor.conflict.bundled', [id])}
      </legend>
      <div class="actions">
        {conflict === 'mine' && (
          <button type="button" ref={first} class="conflict-replace" onClick={() => onChoose('replace')}>
            {i18n.t('editor.conflict.replace')}
          </button>
        )}
        <button
          type="button"
          ref={conflict === 'mine' ? undefined : first}
          class={`${conflict === 'mine' ? 'secondary ' : ''}conflict-keep-both`}
          onClick={() => onChoose('keep-both')}
        >
          {i18n.t('editor.conflict.keepBoth')}
        </button>
        <button type="button" class="secondary conflict-cancel" onClick={() => onChoose('cancel')}>
          {i18n.t('editor.conflict.cancel')}
        </button>
      </div>
      <p class="hint">{conflict === 'mine' ? i18n.t('editor.conflict.mineHint') : i18n.t('editor.conflict.bundledHint')}</p>
    </fieldset>
  );
}
