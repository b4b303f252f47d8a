/**
 * « Vérifier ce guide sur le site », for trainers: with the guide open here and
 * the site in a tab, the trainer does the procedure there; each step is checked
 * on the tab by the locating engine (the real overlay shows it) and its outcome
 * is said here. On a miss, « Montrer le bon élément » (one click on the site,
 * captured like a recording) or « Réécrire la consigne » (validated like the
 * editor's own field); each fix is an edit of the working copy, undone like
 * the others. At the end the guide is marked verified against the site, gets
 * its new version and is saved in « Mes guides »; the printable report opens
 * from here. The walk itself (`utils/verify/session.ts`) is pure.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import { isoDay, type WorkingCopy } from '../../utils/editor';
import type { GuideProblem } from '../../utils/guide/parse';
import { LIMITS } from '../../utils/guide/schema';
import type { TargetDescription } from '../../utils/locate/target';
import type { UnreachableReason, VerifyCheckResult } from '../../utils/messages';
import { send } from '../../utils/send';
import { verifyPickItem } from '../../utils/storage/schema-items';
import { buildReport } from '../../utils/verify/report';
import {
  atEnd,
  currentItem,
  instructionProblems,
  isMiss,
  moveBack,
  moveOn,
  noteRepointed,
  noteRewritten,
  recordOutcome,
  repointStep,
  rewriteStep,
  startVerification,
  type VerifySession,
  verifiedGuide,
} from '../../utils/verify/session';
import { OUTCOME_TEXT } from '../shared/verify-outcome';
import type { Say } from './announce';
import { Section } from './fields';
import { langAttr } from './labels';
import { findTestTab } from './platform';
import type { Session } from './session';

const UNREACHABLE_TEXT = {
  target: () => i18n.t('editor.test.unreachable.target'),
  'no-access': () => i18n.t('editor.test.unreachable.noAccess'),
  'not-web': () => i18n.t('editor.test.unreachable.notWeb'),
  'no-answer': () => i18n.t('editor.test.unreachable.noAnswer'),
} satisfies Record<UnreachableReason, () => string>;

/** What the section says of the current step. */
type Said = { state: 'checking' } | { state: 'result'; result: VerifyCheckResult } | { state: 'failed' } | null;

type Mode = { name: 'walk' } | { name: 'picking'; since: number } | { name: 'rewriting'; text: string; problems: GuideProblem[] };

interface Running {
  tabId: number;
  walk: VerifySession;
}

export interface VerifySectionProps {
  copy: WorkingCopy;
  apply: Session['apply'];
  say: Say;
  now(): Date;
  /** Saves the verified copy in « Mes guides », through the review, as the editor's own button does. */
  save(copy: WorkingCopy): void;
}

function saidText(said: Said): string {
  if (!said) return '';
  switch (said.state) {
    case 'checking':
      return i18n.t('verify.checking');
    case 'failed':
      return i18n.t('editor.test.failed');
    case 'result':
      return said.result.status === 'unreachable' ? UNREACHABLE_TEXT[said.result.reason]() : OUTCOME_TEXT[said.result.status]();
    default:
      return assertNever(said);
  }
}

export function VerifySection({ copy, apply, say, now, save }: VerifySectionProps) {
  const guide = copy.guide;
  const lang = langAttr(guide.lang) ?? 'fr';
  const [running, setRunning] = useState<Running | null>(null);
  const [said, setSaid] = useState<Said>(null);
  const [mode, setMode] = useState<Mode>({ name: 'walk' });
  const [finished, setFinished] = useState<{ guideId: string; text: string } | null>(null);
  const [notice, setNotice] = useState('');
  const live = useRef(true);
  // The latest state, for the listeners of the tab and of the pick (set up once per check).
  const latest = useRef({ running, mode, copy });
  latest.current = { running, mode, copy };
  const total = guide.steps.filter((item) => item.kind !== 'end').length;
  const where = useRef<HTMLHeadingElement>(null);
  const currentKey = running ? `${running.walk.path.length}/${running.walk.path[running.walk.path.length - 1]}` : '';
  // Each move lands on the item's heading: the keyboard and the screen reader follow the walk.
  useEffect(() => {
    if (currentKey) where.current?.focus();
  }, [currentKey]);

  useEffect(
    () => () => {
      live.current = false;
      const tabId = latest.current.running?.tabId;
      // Leaving the editor's form: the tab stops waiting, its overlay goes.
      if (tabId !== undefined) void send({ type: 'verify:stop', tabId }).catch(() => undefined);
    },
    [],
  );

  /** Checks the current step on the tab and notes its outcome. */
  async function check(run: Running = latest.current.running as Running, guideNow = latest.current.copy.guide) {
    if (!run) return;
    const item = currentItem(guideNow, run.walk);
    if (item?.kind !== 'step') {
      setSaid(null);
      // A question or an end: nothing to find; the overlay of the step before goes.
      void send({ type: 'verify:stop', tabId: run.tabId }).catch(() => undefined);
      return;
    }
    setSaid({ state: 'checking' });
    const position = guideNow.steps.filter((other) => other.kind !== 'end').findIndex((other) => other.id === item.id) + 1;
    const toDo = guideNow.steps.filter((other) => other.kind !== 'end').length;
    try {
      const result = await send({
        type: 'verify:check',
        tabId: run.tabId,
        check: { guide: { title: guideNow.title, lang: guideNow.lang }, item, position, total: toDo },
      });
      if (!live.current) return;
      setSaid({ state: 'result', result });
      if (result.status !== 'unreachable')
        setRunning((current) =>
          current && current.tabId === run.tabId
            ? { ...current, walk: recordOutcome(current.walk, item.id, result.status, result.host) }
            : current,
        );
    } catch {
      if (live.current) setSaid({ state: 'failed' });
    }
  }

  // The site's tab loaded another page: the current step is checked there.
  useEffect(() => {
    if (!running) return;
    const tabId = running.tabId;
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id !== tabId || change.status !== 'complete' || latest.current.mode.name === 'picking') return;
      void check();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [running?.tabId]);

  // The element the trainer clicked on the site: it becomes the step's target.
  useEffect(() => {
    if (mode.name !== 'picking') return;
    return verifyPickItem.watch((pick) => {
      const { running: run, mode: now } = latest.current;
      if (!run || now.name !== 'picking' || pick?.state !== 'picked' || pick.tabId !== run.tabId || pick.at < now.since) return;
      repoint(run, pick.target);
    });
  }, [mode.name]);

  async function begin() {
    const walk = startVerification(guide);
    if (!walk) return;
    setFinished(null);
    setSaid({ state: 'checking' });
    let tabId: number | undefined;
    try {
      tabId = (await findTestTab())?.id;
    } catch {
      tabId = undefined;
    }
    if (!live.current) return;
    if (tabId === undefined) {
      setSaid(null);
      setNotice(i18n.t('editor.test.noTab'));
      return;
    }
    setNotice('');
    const run = { tabId, walk };
    setRunning(run);
    setMode({ name: 'walk' });
    void check(run, guide);
  }

  function go(next: VerifySession | null) {
    if (!running || !next) return;
    const run = { ...running, walk: next };
    setRunning(run);
    setMode({ name: 'walk' });
    void check(run);
  }

  async function pick() {
    if (!running) return;
    const since = Date.now();
    setMode({ name: 'picking', since });
    try {
      const answer = await send({ type: 'verify:pick', tabId: running.tabId });
      if (!answer.ok && live.current) {
        setMode({ name: 'walk' });
        setSaid({ state: 'result', result: { status: 'unreachable', reason: answer.reason } });
      }
    } catch {
      if (live.current) {
        setMode({ name: 'walk' });
        setSaid({ state: 'failed' });
      }
    }
  }

  function cancelPick() {
    if (!running) return;
    setMode({ name: 'walk' });
    void send({ type: 'verify:stop', tabId: running.tabId }).catch(() => undefined);
  }

  function repoint(run: Running, target: TargetDescription) {
    const item = currentItem(latest.current.copy.guide, run.walk);
    if (item?.kind !== 'step') return;
    const index = latest.current.copy.guide.steps.indexOf(item);
    apply((c) => ({ ...c, guide: repointStep(c.guide, item.id, target) }), i18n.t('verify.change.repoint', [String(index + 1)]));
    const next = { ...run, walk: noteRepointed(run.walk, item.id) };
    setRunning(next);
    setMode({ name: 'walk' });
    say(i18n.t('verify.repointed', [String(index + 1)]));
    void check(next, repointStep(latest.current.copy.guide, item.id, target));
  }

  function startRewrite() {
    const item = running && currentItem(guide, running.walk);
    if (item?.kind !== 'step') return;
    setMode({ name: 'rewriting', text: item.instruction, problems: [] });
  }

  function keepRewrite() {
    if (!running || mode.name !== 'rewriting') return;
    const item = currentItem(guide, running.walk);
    if (item?.kind !== 'step') return;
    const text = mode.text.trim();
    const problems = instructionProblems(guide, item.id, text);
    if (problems.length > 0) {
      setMode({ ...mode, problems });
      return;
    }
    const index = guide.steps.indexOf(item);
    apply((c) => ({ ...c, guide: rewriteStep(c.guide, item.id, text) }), i18n.t('verify.change.rewrite', [String(index + 1)]));
    setRunning({ ...running, walk: noteRewritten(running.walk, item.id) });
    setMode({ name: 'walk' });
    say(i18n.t('verify.rewritten', [String(index + 1)]));
  }

  function finish() {
    if (!running?.walk.host) return;
    const today = isoDay(now());
    const verified = verifiedGuide(guide, running.walk, today);
    const next: WorkingCopy = { ...copy, guide: verified };
    const report = buildReport(guide, verified, running.walk, today);
    apply(() => next, i18n.t('verify.change.verified'));
    void send({ type: 'verify:stop', tabId: running.tabId }).catch(() => undefined);
    void send({ type: 'verify:report', report }).catch(() => undefined);
    setRunning(null);
    setSaid(null);
    setMode({ name: 'walk' });
    const text = i18n.t('verify.finished', [running.walk.host, today, verified.version]);
    setFinished({ guideId: verified.id, text });
    say(text);
    // The click is still the trainer's: the save may ask for the sites it needs.
    save(next);
  }

  function stop() {
    if (!running) return;
    void send({ type: 'verify:stop', tabId: running.tabId }).catch(() => undefined);
    setRunning(null);
    setSaid(null);
    setMode({ name: 'walk' });
    say(i18n.t('verify.stopped'));
  }

  const saved = copy.savedId !== undefined;
  const item = running ? currentItem(guide, running.walk) : undefined;
  const position = item ? guide.steps.filter((other) => other.kind !== 'end').findIndex((other) => other.id === item.id) + 1 : 0;
  const check_ = item && running ? running.walk.checks[item.id] : undefined;
  const fixes = item && running ? (running.walk.fixes[item.id] ?? []) : [];
  const miss = isMiss(check_?.last) || isMiss(check_?.first);

  return (
    <Section id="verify" title={i18n.t('verify.title')} class="verify-section">
      <p class="hint">{i18n.t('verify.intro')}</p>
      {!running && (
        <>
          {!saved && <p class="hint verify-save-first">{i18n.t('verify.saveFirst')}</p>}
          <div class="actions">
            <button type="button" class="verify-start" disabled={!saved} onClick={() => void begin()}>
              {i18n.t('verify.start')}
            </button>
          </div>
          {finished && (
            <div class="verify-finished">
              <p>{finished.text}</p>
              <p>
                <a class="verify-report" href={`/report.html?guide=${encodeURIComponent(finished.guideId)}`} target="_blank" rel="noopener">
                  {i18n.t('verify.openReport')}
                </a>
              </p>
            </div>
          )}
        </>
      )}
      {running && item && (
        <div class="verify-walk" data-item-id={item.id}>
          <h3 class="verify-where" tabIndex={-1} ref={where}>
            {item.kind === 'end' ? i18n.t('verify.atEnd') : i18n.t('verify.stepOf', [String(position), String(total)])}
          </h3>
          <p class="verify-text" lang={lang}>
            {item.kind === 'step' || item.kind === 'guide'
              ? item.instruction
              : item.kind === 'question'
                ? item.question
                : (item.message ?? '')}
          </p>
          <p class="verify-outcome" role="status">
            {item.kind === 'step' ? saidText(said) : ''}
          </p>
          {fixes.length > 0 && (
            <ul class="verify-fixes">
              {fixes.map((fix) => (
                <li key={fix} data-fix={fix}>
                  {fix === 'repointed' ? i18n.t('verify.fix.repointed') : i18n.t('verify.fix.rewritten')}
                </li>
              ))}
            </ul>
          )}
          {mode.name === 'picking' && (
            <div class="verify-picking">
              <p role="alert">{i18n.t('verify.pickNow')}</p>
              <button type="button" class="secondary verify-pick-cancel" onClick={cancelPick}>
                {i18n.t('verify.cancel')}
              </button>
            </div>
          )}
          {mode.name === 'rewriting' && (
            <div class="verify-rewriting">
              <label for="verify-instruction">{i18n.t('verify.newInstruction')}</label>
              <textarea
                id="verify-instruction"
                rows={3}
                lang={lang}
                maxLength={LIMITS.instruction}
                value={mode.text}
                aria-invalid={mode.problems.length > 0 ? 'true' : undefined}
                aria-describedby={mode.problems.length > 0 ? 'verify-instruction-problems' : undefined}
                onInput={(event) => setMode({ ...mode, text: (event.currentTarget as HTMLTextAreaElement).value })}
              />
              {mode.problems.length > 0 && (
                <ul class="field-problems" id="verify-instruction-problems">
                  {mode.problems.map((problem, i) => (
                    <li key={i}>
                      <strong>{i18n.t('editor.problem.mark')}</strong> {problem.message}
                    </li>
                  ))}
                </ul>
              )}
              <div class="actions">
                <button type="button" class="verify-rewrite-keep" onClick={keepRewrite}>
                  {i18n.t('verify.keepRewrite')}
                </button>
                <button type="button" class="secondary verify-rewrite-cancel" onClick={() => setMode({ name: 'walk' })}>
                  {i18n.t('verify.cancel')}
                </button>
              </div>
            </div>
          )}
          {mode.name === 'walk' && item.kind === 'step' && (
            <div class="actions">
              <button type="button" class="secondary verify-again" onClick={() => void check()}>
                {i18n.t('verify.again')}
              </button>
              {miss && (
                <>
                  <button type="button" class="verify-pick" onClick={() => void pick()}>
                    {i18n.t('verify.pick')}
                  </button>
                  <button type="button" class="verify-rewrite" onClick={startRewrite}>
                    {i18n.t('verify.rewrite')}
                  </button>
                </>
              )}
            </div>
          )}
          {mode.name === 'walk' && item.kind === 'question' && (
            <ul class="verify-choices" aria-label={i18n.t('verify.choices')}>
              {item.choices.map((choice, i) => (
                <li key={`${choice.next}-${i}`}>
                  <button type="button" class="secondary verify-choice" lang={lang} onClick={() => go(moveOn(guide, running.walk, i))}>
                    {choice.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {mode.name === 'walk' && (
            <div class="actions">
              <button
                type="button"
                class="secondary verify-back"
                disabled={running.walk.path.length <= 1}
                onClick={() => go(moveBack(running.walk))}
              >
                {i18n.t('verify.back')}
              </button>
              {item.kind === 'step' && (
                <button type="button" class="verify-next" onClick={() => go(moveOn(guide, running.walk))}>
                  {i18n.t('verify.next')}
                </button>
              )}
              {atEnd(guide, running.walk) && (
                <button type="button" class="verify-finish" disabled={!running.walk.host} onClick={finish}>
                  {i18n.t('verify.finish')}
                </button>
              )}
              <button type="button" class="secondary verify-stop" onClick={stop}>
                {i18n.t('verify.stop')}
              </button>
            </div>
          )}
          {atEnd(guide, running.walk) && !running.walk.host && <p class="hint">{i18n.t('verify.noHost')}</p>}
        </div>
      )}
      <p class="status verify-notice" aria-live="polite" aria-atomic="true">
        {notice}
      </p>
    </Section>
  );
}
