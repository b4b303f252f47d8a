/**
 * The guide's steps, questions and ends: opened and closed all at once or one
 * by one, each with its header's commands, and the buttons that add one.
 */
import { i18n } from '#i18n';
import type { WorkingCopy } from '../../utils/editor';
import { LIMITS } from '../../utils/guide/schema';
import { BlockProblems, Section } from './fields';
import { StepItem, type StepItemProps } from './StepItem';
import type { Session } from './session';
import type { ItemList } from './useItemList';

export interface StepsSectionProps {
  copy: WorkingCopy;
  apply: Session['apply'];
  items: ItemList;
  /** Problems per item, by index. */
  problemCounts: ReadonlyMap<number, number>;
  drag(index: number): StepItemProps['drag'];
}

export function StepsSection({ copy, apply, items, problemCounts, drag }: StepsSectionProps) {
  const guide = copy.guide;
  return (
    <Section id="steps" title={i18n.t('editor.steps.title')} class="steps">
      <p class="hint">{i18n.t('editor.steps.hint')}</p>
      <BlockProblems field="steps" />
      <div class="actions">
        <button type="button" class="secondary open-all" onClick={items.openAll}>
          {i18n.t('editor.steps.openAll')}
        </button>
        <button type="button" class="secondary close-all" onClick={items.closeAll}>
          {i18n.t('editor.steps.closeAll')}
        </button>
      </div>
      <ol class="items">
        {guide.steps.map((item, index) => {
          const key = copy.keys[index] ?? `i${index}`;
          return (
            <StepItem
              key={key}
              itemKey={key}
              guide={guide}
              item={item}
              index={index}
              open={items.open.has(key)}
              problemCount={problemCounts.get(index) ?? 0}
              apply={apply}
              command={items.command}
              drag={drag(index)}
            />
          );
        })}
      </ol>
      <div class="actions">
        <button type="button" class="add-step" disabled={guide.steps.length >= LIMITS.steps} onClick={() => items.add('step')}>
          {i18n.t('editor.steps.addStep')}
        </button>
        <button
          type="button"
          class="secondary add-question"
          disabled={guide.steps.length >= LIMITS.steps}
          onClick={() => items.add('question')}
        >
          {i18n.t('editor.steps.addQuestion')}
        </button>
        <button type="button" class="secondary add-end" disabled={guide.steps.length >= LIMITS.steps} onClick={() => items.add('end')}>
          {i18n.t('editor.steps.addEnd')}
        </button>
      </div>
    </Section>
  );
}
