/**
 * The problems the validation finds, listed at the top of the form: each one
 * that belongs to a field is a link to it.
 */
import { i18n } from '#i18n';
import { fieldOf } from '../../utils/editor';
import type { GuideProblem } from '../../utils/guide/problems';
import { Section } from './fields';

export function ProblemsSection({ problems, onGoTo }: { problems: readonly GuideProblem[]; onGoTo(field: string): void }) {
  return (
    <Section id="problems" title={i18n.t('editor.problems.title', problems.length)} class="problems">
      {problems.length === 0 ? (
        <p class="note">{i18n.t('editor.problems.none')}</p>
      ) : (
        <>
          <p class="hint">{i18n.t('editor.problems.hint')}</p>
          <ul class="problem-list">
            {problems.map((problem, i) => {
              const field = fieldOf(problem.path);
              return (
                <li key={i}>
                  {field === '' ? (
                    problem.message
                  ) : (
                    <button type="button" class="link go-to" onClick={() => onGoTo(field)}>
                      {problem.message}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Section>
  );
}
