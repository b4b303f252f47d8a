/**
 * `report.html?guide=<id>`: the printable report of the last check of a guide
 * on its site (« Vérifier ce guide sur le site »): the site, the date, the
 * versions, then every step with what the page said of it and the fixes made.
 * Like the memo sheet, it holds the guide's texts and nothing of anybody's.
 */
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import { verifyReports } from '../../utils/storage/schema-items';
import { fixCounts, type ReportLine, type VerifyReport } from '../../utils/verify/report';
import { useDisplaySettings } from '../shared/display';
import { useStoredItem } from '../shared/hooks';
import { OUTCOME_TEXT } from '../shared/verify-outcome';

/** The guide named by `?guide=<id>`, or null. */
function guideParam(): string | null {
  const id = new URLSearchParams(location.search).get('guide');
  return id === null || id === '' ? null : id;
}

/** A day `YYYY-MM-DD` in the interface's words (« 5 décembre 2026 »). */
function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(i18n.t('lang'), { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  } catch {
    return day;
  }
}

/** A message of ours around a text of the guide, which keeps its own language and stays text. */
function Around({ message, text, lang }: { message: (mark: string) => string; text: string; lang: string }) {
  // Plain ASCII: browsers' getMessage drops some characters from substitutions.
  const mark = '@@guide-text@@';
  const [before = '', after = ''] = message(mark).split(mark);
  return (
    <>
      {before}
      <span lang={lang}>{text}</span>
      {after}
    </>
  );
}

function Line({ line, lang }: { line: ReportLine; lang: string }) {
  switch (line.kind) {
    case 'step':
      return (
        <tr
          class={`report-line step${line.fixes.length > 0 ? ' fixed' : ''}`}
          data-item-id={line.id}
          data-outcome={line.outcome ?? 'not-walked'}
        >
          <th scope="row">{line.number}</th>
          <td>
            <span lang={lang}>{line.text}</span>
            {line.before && (
              <p class="before">
                <Around message={(mark) => i18n.t('report.before', [mark])} text={line.before} lang={lang} />
              </p>
            )}
          </td>
          <td class="outcome">
            {line.outcome ? OUTCOME_TEXT[line.outcome]() : i18n.t('report.notWalked')}
            {line.after && <p class="after">{i18n.t('report.then', [OUTCOME_TEXT[line.after]()])}</p>}
          </td>
          <td class="fixes">
            {line.fixes.length === 0 ? (
              i18n.t('report.none')
            ) : (
              <ul>
                {line.fixes.map((fix) => (
                  <li key={fix} data-fix={fix}>
                    {fix === 'repointed' ? i18n.t('verify.fix.repointed') : i18n.t('verify.fix.rewritten')}
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      );
    case 'question':
      return (
        <tr class="report-line question" data-item-id={line.id}>
          <th scope="row">{line.number}</th>
          <td>
            <strong>{i18n.t('report.question')}</strong> <span lang={lang}>{line.text}</span>
          </td>
          <td class="outcome" colSpan={2}>
            {line.answer ? (
              <Around message={(mark) => i18n.t('report.answer', [mark])} text={line.answer} lang={lang} />
            ) : (
              i18n.t('report.notWalked')
            )}
          </td>
        </tr>
      );
    case 'end':
      return (
        <tr class="report-line end" data-item-id={line.id}>
          <th scope="row">{line.number}</th>
          <td>
            <strong>{i18n.t('report.end')}</strong> {line.text && <span lang={lang}>{line.text}</span>}
          </td>
          <td class="outcome" colSpan={2}>
            {line.reached ? i18n.t('report.endReached') : i18n.t('report.endNotReached')}
          </td>
        </tr>
      );
    default:
      return assertNever(line);
  }
}

export function Report({ report }: { report: VerifyReport }) {
  const counts = fixCounts(report);
  return (
    <article class="report">
      <p class="brand">{i18n.t('report.brand')}</p>
      <h1>
        {i18n.t('report.heading')} : <span lang={report.lang}>{report.title}</span>
      </h1>
      <ul class="report-facts">
        <li class="report-site">{i18n.t('report.site', [report.site])}</li>
        <li class="report-date">{i18n.t('report.date', [dayText(report.on)])}</li>
        <li class="report-version">{i18n.t('report.version', [report.version, report.previousVersion])}</li>
      </ul>
      <h2>{i18n.t('report.summary')}</h2>
      <dl class="report-summary">
        <dt>{i18n.t('report.repointed')}</dt>
        <dd class="count-repointed">{counts.repointed}</dd>
        <dt>{i18n.t('report.rewritten')}</dt>
        <dd class="count-rewritten">{counts.rewritten}</dd>
      </dl>
      <h2>{i18n.t('report.steps')}</h2>
      <table class="report-steps">
        <thead>
          <tr>
            <th scope="col">{i18n.t('report.number')}</th>
            <th scope="col">{i18n.t('report.text')}</th>
            <th scope="col">{i18n.t('report.outcome')}</th>
            <th scope="col">{i18n.t('report.fixes')}</th>
          </tr>
        </thead>
        <tbody>
          {report.lines.map((line) => (
            <Line key={line.id} line={line} lang={report.lang} />
          ))}
        </tbody>
      </table>
    </article>
  );
}

export function ReportPage() {
  const guideId = guideParam();
  const stored = useStoredItem(guideId === null ? null : verifyReports.of(guideId), null);
  const report = stored.state === 'ready' ? stored.value : null;
  useDisplaySettings(null);

  useEffect(() => {
    document.documentElement.lang = i18n.t('lang');
  }, []);
  useEffect(() => {
    document.title = report ? i18n.t('report.pageTitle', [report.title]) : i18n.t('report.brand');
  }, [report]);

  return (
    <main class="report-page">
      {guideId === null ? (
        <p role="alert">{i18n.t('report.noGuide')}</p>
      ) : stored.state === 'loading' ? (
        <p aria-live="polite">{i18n.t('report.loading')}</p>
      ) : stored.state === 'failed' ? (
        <p role="alert">{i18n.t('report.error')}</p>
      ) : !report ? (
        <p role="alert">{i18n.t('report.missing')}</p>
      ) : (
        <>
          <div class="report-toolbar no-print">
            <button type="button" class="print" onClick={() => window.print()}>
              {i18n.t('report.print')}
            </button>
            <p class="hint">{i18n.t('report.printHint')}</p>
          </div>
          <Report report={report} />
        </>
      )}
    </main>
  );
}
