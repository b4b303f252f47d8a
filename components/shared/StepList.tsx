import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import type { Guide, GuideItem } from '../../utils/guide/schema';
import type { Run } from '../../utils/run';
import { type LineState, type ProcedureLine, procedureOf } from './procedure';

/** The text of an item: what to do, the question, or the end message. */
export function itemText(item: GuideItem): string {
  switch (item.kind) {
    case 'step':
      return item.instruction;
    case 'question':
      return item.question;
    case 'end':
      return item.message ?? i18n.t('sidepanel.endLine');
    case 'guide':
      return item.instruction;
    default:
      return assertNever(item);
  }
}

function stateText(line: ProcedureLine): string {
  const texts: Record<LineState, () => string> = {
    done: () => i18n.t('sidepanel.state.done'),
    manual: () => i18n.t('sidepanel.state.manual'),
    answered: () => i18n.t('sidepanel.state.answered'),
    skipped: () => i18n.t('sidepanel.state.skipped'),
    current: () => i18n.t('sidepanel.state.current'),
    ahead: () => i18n.t('sidepanel.state.ahead'),
  };
  return texts[line.state]();
}

export interface StepListProps {
  guide: Pick<Guide, 'steps' | 'lang'>;
  run: Run;
}

/**
 * The procedure as an ordered list: the path taken, the current item
 * (`aria-current="step"`, a badge and a frame — not colour alone), and what
 * follows. Guide texts are text, in the guide's language.
 */
export function StepList({ guide, run }: StepListProps) {
  const { lines, dependsOnAnswer } = procedureOf(guide, run);
  return (
    <>
      <ol class="steps">
        {lines.map((line, index) => (
          <li
            key={`${index}-${line.item.id}`}
            class={`step ${line.state}`}
            data-item-id={line.item.id}
            data-state={line.state}
            aria-current={line.state === 'current' ? 'step' : undefined}
          >
            <span class="badge state">{stateText(line)}</span>
            {line.item.kind === 'step' && line.item.sensitive && <span class="badge sensitive-badge">{i18n.t('sidepanel.sensitive')}</span>}
            <span class="text" lang={guide.lang}>
              {itemText(line.item)}
            </span>
            {line.answer !== undefined && (
              <span class="answer">
                {i18n.t('sidepanel.answer')} <span lang={guide.lang}>{line.answer}</span>
              </span>
            )}
          </li>
        ))}
      </ol>
      {dependsOnAnswer && <p class="note">{i18n.t('sidepanel.dependsOnAnswer')}</p>}
    </>
  );
}
