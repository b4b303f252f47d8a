/**
 * What a step looks for on the page, read-only (it comes from a recording),
 * and « Tester sur l'onglet »: the real overlay highlights the target on the
 * site's tab, and the answer is said here — found, several look alike, not
 * found, or why the tab could not be reached.
 */

import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import { fieldDomId } from '../../utils/editor';
import type { TargetDescription } from '../../utils/locate/target';
import type { TargetTestResult, UnreachableReason } from '../../utils/messages';
import { send } from '../../utils/send';
import { BlockProblems } from './fields';
import { findTestTab } from './platform';

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
    case 'unreachable':
      return UNREACHABLE_TEXT[result.reason]();
    default:
      return assertNever(result);
  }
}

export function TargetFacts({ field, target, instruction }: { field: string; target?: TargetDescription; instruction: string }) {
  const [answer, setAnswer] = useState<Answer>({ state: 'idle' });
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

  const id = fieldDomId(field);
  const facts: [string, string | undefined][] = target
    ? [
        [i18n.t('editor.target.label'), target.label],
        [i18n.t('editor.target.name'), target.name],
        [i18n.t('editor.target.role'), target.role],
        [i18n.t('editor.target.tag'), target.tag],
        [i18n.t('editor.target.text'), target.text],
      ]
    : [];
  return (
    <div class="target" data-field={field}>
      <BlockProblems field={field} />
      <details>
        <summary id={id}>{i18n.t('editor.target.title')}</summary>
        {target ? (
          <dl class="facts">
            {facts
              .filter((fact): fact is [string, string] => fact[1] !== undefined)
              .map(([term, value]) => (
                <div key={term}>
                  <dt>{term}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
        ) : (
          <p class="hint">{i18n.t('editor.target.none')}</p>
        )}
        <p class="hint">{i18n.t('editor.target.readOnly')}</p>
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
