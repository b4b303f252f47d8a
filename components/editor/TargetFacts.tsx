/**
 * What a step looks for on the page: every fact of its target and its page,
 * as text, each with « Supprimer » (an edit, undone like the others); a mark
 * on what still looks like someone's data, and what the recorder withheld said
 * as such. Then « Tester sur l'onglet »: the real overlay highlights the target
 * on the site's tab, and the answer is said here — found, several look alike,
 * not found, or why the tab could not be reached.
 */

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import { reviewGuide } from '../../utils/authoring/review';
import { canLocate, fieldDomId, type ReviewedFactName, removeStepFact, stepWithoutFact } from '../../utils/editor';
import type { ActionStep } from '../../utils/guide/schema';
import type { TargetTestResult, UnreachableReason } from '../../utils/messages';
import { send } from '../../utils/send';
import { BlockProblems } from './fields';
import { itemName } from './labels';
import { findTestTab } from './platform';
import { factName, personalText, withheldText } from './review-words';
import type { Operation } from './session';

type Answer = { state: 'idle' } | { state: 'testing' } | { state: 'done'; text: string; tabId?: number; shown: boolean };

const UNREACHABLE_TEXT = {
  target: () => i18n.t('editor.test.unreachable.target'),
  'no-access': () => i18n.t('editor.test.unreachable.noAccess'),
  'not-web': () => i18n.t('editor.test.unreachable.notWeb'),
  'no-answer': () => i18n.t('editor.test.unreachable.noAnswer'),
} satisfies Record<UnreachableReason, () => string>;

function resultText(result: TargetTestResult): string {
  switch (result.status) {
    case 'found':
      return i18n.t('editor.test.found');
    case 'ambiguous':
      return i18n.t('editor.test.ambiguous');
    case 'not-found':
      return i18n.t('editor.test.notFound');
    case 'out-of-sight':
      return i18n.t('editor.test.outOfSight');
    case 'unreachable':
      return UNREACHABLE_TEXT[result.reason]();
    default:
      return assertNever(result);
  }
}

export interface TargetFactsProps {
  field: string;
  step: ActionStep;
  index: number;
  apply(op: Operation, label: string): void;
}

export function TargetFacts({ field, step, index, apply }: TargetFactsProps) {
  const { target, instruction } = step;
  const [answer, setAnswer] = useState<Answer>({ state: 'idle' });
  const [removed, setRemoved] = useState<{ text: string; focus: number } | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const facts = useMemo(() => reviewGuide({ steps: [step] }), [step]);
  // Open at once when there is something to look at: a marked fact, or one the recorder withheld.
  const [startOpen] = useState(() => facts.some((fact) => fact.looksPersonal || fact.withheld));
  const live = useRef(true);
  const shownOn = useRef<number | undefined>(undefined);
  useEffect(
    () => () => {
      live.current = false;
      // Leaving the step: the highlight it put on the site's tab goes too.
      if (shownOn.current !== undefined) void send({ type: 'target:clear', tabId: shownOn.current }).catch(() => undefined);
    },
    [],
  );

  async function test() {
    if (!target) return;
    setAnswer({ state: 'testing' });
    let text: string;
    let tabId: number | undefined;
    let shown = false;
    try {
      const tab = await findTestTab();
      tabId = tab?.id;
      if (tabId === undefined) text = i18n.t('editor.test.noTab');
      else {
        const result = await send({ type: 'target:test', tabId, target, instruction });
        text = result ? resultText(result) : i18n.t('editor.test.failed');
        shown = result?.status === 'found' || result?.status === 'ambiguous';
        if (shown) shownOn.current = tabId;
      }
    } catch {
      text = i18n.t('editor.test.failed');
    }
    if (live.current) setAnswer({ state: 'done', text, tabId, shown });
  }

  async function clear() {
    if (answer.state !== 'done' || answer.tabId === undefined) return;
    const tabId = answer.tabId;
    try {
      await send({ type: 'target:clear', tabId });
    } catch {
      // the tab may be gone: nothing left to clear
    }
    shownOn.current = undefined;
    if (live.current) setAnswer({ state: 'done', text: i18n.t('editor.test.cleared'), shown: false });
  }

  // After a deletion the focus goes to the fact that took its place, or to the list's title.
  useEffect(() => {
    if (!removed) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button.remove-fact');
    const next = buttons?.[Math.min(removed.focus, buttons.length - 1)];
    (next ?? document.getElementById(fieldDomId(field)))?.focus();
  }, [removed]);

  function remove(fact: ReviewedFactName, position: number) {
    const label = i18n.t('editor.target.removeLabel', [factName(fact), itemName(index)]);
    apply((copy) => removeStepFact(copy, index, fact), label);
    // The tag is never deleted, so the target stays valid; but one that can no longer find its element is said to be so.
    const after = stepWithoutFact(step, fact).target;
    const lost = target !== undefined && after !== undefined && canLocate(target) && !canLocate(after);
    const said = i18n.t('editor.target.removed', [factName(fact), itemName(index)]);
    setRemoved({ text: lost ? `${said} ${i18n.t('editor.target.cannotLocate')}` : said, focus: position });
  }

  const id = fieldDomId(field);
  return (
    <div class="target" data-field={field}>
      <BlockProblems field={field} />
      <details open={startOpen}>
        <summary id={id} tabIndex={-1}>
          {i18n.t('editor.target.title')}
        </summary>
        <p class="hint">{i18n.t('editor.target.intro')}</p>
        {facts.length > 0 && (
          <ul class="review-facts" ref={list}>
            {facts.map((fact, position) => (
              <li
                key={`${fact.fact}${fact.withheld ? '-withheld' : ''}`}
                class={`fact${fact.looksPersonal ? ' personal' : ''}${fact.withheld ? ' withheld' : ''}`}
                data-fact={fact.fact}
              >
                <span class="fact-name">{factName(fact.fact)}</span>
                {' : '}
                {fact.withheld ? <span class="fact-withheld">{withheldText()}</span> : <span class="fact-value">{fact.value}</span>}
                {!fact.withheld && (
                  <button
                    type="button"
                    class="secondary remove-fact"
                    aria-label={i18n.t('editor.target.removeLabel', [factName(fact.fact), itemName(index)])}
                    onClick={() => remove(fact.fact, position)}
                  >
                    {i18n.t('editor.target.remove')}
                  </button>
                )}
                {fact.looksPersonal && (
                  <span class="fact-mark">
                    <span class="mark" aria-hidden="true">
                      ⚠
                    </span>{' '}
                    {personalText(fact)}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {!target && <p class="hint">{i18n.t('editor.target.none')}</p>}
        <p class="status fact-removed" aria-live="polite" aria-atomic="true">
          {removed?.text ?? ''}
        </p>
        <div class="actions">
          <button type="button" class="secondary test-target" disabled={!target || answer.state === 'testing'} onClick={test}>
            {i18n.t('editor.test.button')}
          </button>
          {answer.state === 'done' && answer.shown && (
            <button type="button" class="secondary clear-target" onClick={clear}>
              {i18n.t('editor.test.clear')}
            </button>
          )}
        </div>
        <p class="hint">{i18n.t('editor.test.hint')}</p>
      </details>
      <p class="test-result" role="status">
        {answer.state === 'testing' ? i18n.t('editor.test.testing') : answer.state === 'done' ? answer.text : ''}
      </p>
    </div>
  );
}
