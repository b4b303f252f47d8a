import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import { exportFile, exportFileName, type GuideReport, type ImportProblem, MAX_FILE_BYTES, reportsOf } from '../../utils/progress';
import type { ImportResult } from '../../utils/progress/store';
import { HELP_LEVELS } from '../../utils/run';
import { send } from '../../utils/send';
import { ConfirmButton } from '../shared/ConfirmButton';
import { useDisplaySettings } from '../shared/display';
import { downloadJson } from '../shared/download';
import { levelLabel } from '../shared/HelpChoices';
import { memoUrl } from '../shared/pages';
import { atLevel, suggestionText } from '../shared/suggestion';
import { useProgress } from './hooks';

export interface ProgressPageProps {
  now?: () => number;
}

type Message = { text: string; isError: boolean } | null;

const problemText = (problem: ImportProblem | 'newer-here' | 'unreadable'): string => {
  switch (problem) {
    case 'too-big':
      return i18n.t('progress.problem.tooBig');
    case 'not-json':
      return i18n.t('progress.problem.notJson');
    case 'is-guide':
      return i18n.t('progress.problem.isGuide');
    case 'not-progress':
      return i18n.t('progress.problem.notProgress');
    case 'newer':
      return i18n.t('progress.problem.newer');
    case 'invalid':
      return i18n.t('progress.problem.invalid');
    case 'newer-here':
      return i18n.t('progress.problem.newerHere');
    case 'unreadable':
      return i18n.t('progress.problem.unreadable');
    default:
      return assertNever(problem);
  }
};

/**
 * "Mes progrès": per guide, how often it was finished and at which level, the
 * steps that needed help, a suggestion of less help; delete, export, import.
 * Everything shown comes from the guides' own texts and from counts.
 */
export function ProgressPage({ now = Date.now }: ProgressPageProps) {
  // Read here, written by the background only (its one queue keeps a finished run and a deletion apart).
  const loaded = useProgress();
  const [message, setMessage] = useState<Message>(null);
  const [fileInput, setFileInput] = useState(0);
  // Text size and contrast chosen in the display settings apply here too.
  useDisplaySettings(null);

  useEffect(() => {
    document.documentElement.lang = i18n.t('lang');
    document.title = `${i18n.t('progress.title')} — Côte à côte`;
  }, []);

  const read = loaded.state === 'ready' ? loaded.value : null;
  const reports = read?.ok ? reportsOf(read.progress) : [];

  async function act(task: () => Promise<unknown>, done: string) {
    setMessage(null);
    try {
      await task();
      setMessage({ text: done, isError: false });
    } catch {
      setMessage({ text: i18n.t('progress.failed'), isError: true });
    }
  }

  function exportAll() {
    if (!read?.ok) return;
    const time = now();
    const name = exportFileName(time);
    downloadJson(exportFile(read.progress, time), name);
    setMessage({ text: i18n.t('progress.exported', [name]), isError: false });
  }

  async function importFrom(event: Event) {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    // A new input for the next choice: choosing the same file again must work.
    setFileInput((n) => n + 1);
    if (!file) return;
    setMessage(null);
    let result: ImportResult | { ok: false; problem: 'unreadable' };
    if (file.size > MAX_FILE_BYTES) result = { ok: false, problem: 'too-big' };
    else {
      try {
        result = await send({ type: 'progress:import', text: await file.text() });
      } catch {
        result = { ok: false, problem: 'unreadable' };
      }
    }
    setMessage(
      result.ok
        ? { text: i18n.t('progress.imported', result.added, [String(result.added)]), isError: false }
        : { text: problemText(result.problem), isError: true },
    );
  }

  return (
    <main class="progress-page">
      <header>
        <p class="brand">{i18n.t('extName')}</p>
        <h1>{i18n.t('progress.title')}</h1>
        <p class="intro">{i18n.t('progress.intro')}</p>
      </header>
      <p class="status" aria-live="polite" aria-atomic="true">
        {message && !message.isError ? message.text : ''}
      </p>
      {message?.isError && <p role="alert">{message.text}</p>}

      {loaded.state === 'loading' ? (
        <p aria-live="polite">{i18n.t('progress.loading')}</p>
      ) : loaded.state === 'failed' ? (
        <p role="alert">{i18n.t('progress.error')}</p>
      ) : !read?.ok ? (
        <p class="note newer">{i18n.t('progress.newer')}</p>
      ) : reports.length === 0 ? (
        <p class="empty">{i18n.t('progress.none')}</p>
      ) : (
        <ul class="reports">
          {reports.map((report) => (
            <GuideProgressView
              key={report.guideId}
              report={report}
              onForget={() =>
                act(() => send({ type: 'progress:forget', guideId: report.guideId }), i18n.t('progress.forgotten', [report.title]))
              }
            />
          ))}
        </ul>
      )}

      <section class="file" aria-labelledby="progress-file">
        <h2 id="progress-file">{i18n.t('progress.fileTitle')}</h2>
        <p class="hint">{i18n.t('progress.fileHint')}</p>
        <div class="actions">
          <button type="button" class="export" disabled={!read?.ok || reports.length === 0} onClick={exportAll}>
            {i18n.t('progress.export')}
          </button>
        </div>
        <div class="import">
          <label for="progress-import">{i18n.t('progress.import')}</label>
          <p class="hint" id="progress-import-hint">
            {i18n.t('progress.importHint')}
          </p>
          <input
            key={fileInput}
            type="file"
            id="progress-import"
            accept="application/json,.json"
            aria-describedby="progress-import-hint"
            onChange={importFrom}
          />
        </div>
      </section>

      {(reports.length > 0 || (loaded.state === 'ready' && !loaded.value.ok)) && (
        <div class="actions forget-all">
          <ConfirmButton
            class="forget-all"
            label={i18n.t('progress.forgetAll')}
            question={i18n.t('progress.forgetAllConfirm')}
            yes={i18n.t('progress.forgetYes')}
            no={i18n.t('progress.forgetNo')}
            onConfirm={() => act(() => send({ type: 'progress:forgetAll' }), i18n.t('progress.forgotAll'))}
          />
        </div>
      )}
    </main>
  );
}

function StepTallies({ title, tallies, lang }: { title: string; tallies: GuideReport['help']; lang: string }) {
  if (tallies.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul class="tallies">
        {tallies.map((tally) => (
          <li key={tally.id} data-item-id={tally.id}>
            <span lang={lang}>{tally.text}</span>{' '}
            <span class="times">({i18n.t('progress.times', tally.times, [String(tally.times)])})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function GuideProgressView({ report, onForget }: { report: GuideReport; onForget(): void }) {
  const headingId = `progress-${report.guideId}`;
  const date = (at: number) => new Intl.DateTimeFormat(i18n.t('lang'), { dateStyle: 'long' }).format(at);
  return (
    <li class="guide-progress" data-guide-id={report.guideId}>
      <h2 id={headingId} lang={report.lang}>
        {report.title}
      </h2>
      <p class="completed">{i18n.t('progress.completed', report.completed, [String(report.completed)])}</p>
      <h3>{i18n.t('progress.levels')}</h3>
      <ul class="levels">
        {HELP_LEVELS.filter((level) => report.byLevel[level] > 0).map((level) => (
          <li key={level} data-level={level}>
            {i18n.t('progress.levelCount', [
              levelLabel(level),
              i18n.t('progress.times', report.byLevel[level], [String(report.byLevel[level])]),
            ])}
          </li>
        ))}
      </ul>
      {report.last && <p class="last">{i18n.t('progress.last', [date(report.last.at), atLevel(report.last.level)])}</p>}
      {report.suggestion && <p class="note suggestion">{suggestionText(report.suggestion)}</p>}
      <StepTallies title={i18n.t('progress.helpSteps')} tallies={report.help} lang={report.lang} />
      <StepTallies title={i18n.t('progress.byHandSteps')} tallies={report.byHand} lang={report.lang} />
      {report.help.length === 0 && report.byHand.length === 0 && <p class="no-help">{i18n.t('progress.noHelp')}</p>}
      <div class="actions">
        <a
          class="memo-link"
          href={memoUrl(report.guideId)}
          target="_blank"
          rel="noopener"
          aria-label={i18n.t('progress.memoLabel', [report.title])}
        >
          {i18n.t('progress.memo')}
        </a>
        <ConfirmButton
          class="forget"
          label={i18n.t('progress.forget')}
          ariaLabel={i18n.t('progress.forgetLabel', [report.title])}
          question={i18n.t('progress.forgetConfirm')}
          yes={i18n.t('progress.forgetYes')}
          no={i18n.t('progress.forgetNo')}
          onConfirm={onForget}
        />
      </div>
    </li>
  );
}
