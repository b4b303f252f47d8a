import { i18n } from '#i18n';
import type { GuideSummary, OwnGuide } from '../../utils/catalogue';
import type { Run } from '../../utils/run';
import { DocumentedNote, SourceList } from './GuideOrigin';
import { memoUrl, openMemo } from './pages';
import { provenanceOf } from './provenance';

export interface GuideListProps {
  guides: GuideSummary[];
  /** Shown when there is no guide. */
  empty: string;
  /** Runs left unfinished, by guide id: those guides offer "Reprendre" and "Recommencer". */
  paused: Record<string, Run>;
  onStart(guide: GuideSummary): void;
  onResume(guide: GuideSummary): void;
  onRestart(guide: GuideSummary): void;
  /** The level of each guide's title: 4 under a theme's heading. */
  headingLevel?: 3 | 4;
}

/** Where one of the person's own guides comes from, and when: a file's own claim of being verified is never shown. */
function ownLabel(own: OwnGuide): string {
  const day = new Intl.DateTimeFormat(i18n.t('lang'), { dateStyle: 'long' }).format(new Date(own.savedAt));
  return i18n.t(`popup.own.${own.origin}`, [day]);
}

/** A list of guides: title, summary, duration, and how to start (or resume) each. Guide texts are text, in the guide's language. */
export function GuideList(props: GuideListProps) {
  if (props.guides.length === 0) return <p class="empty">{props.empty}</p>;
  const Title = props.headingLevel === 4 ? 'h4' : 'h3';
  return (
    <ul class="guides">
      {props.guides.map((guide) => {
        // Own keys only: a guide whose id is `constructor` is not "paused" by Object.prototype.
        const paused = Object.hasOwn(props.paused, guide.id);
        return (
          <li key={guide.id} class="guide" data-guide-id={guide.id}>
            <Title lang={guide.lang}>{guide.title}</Title>
            <p lang={guide.lang}>{guide.summary}</p>
            <p class="meta">
              {i18n.t('popup.duration', [String(guide.durationMinutes)])}
              {guide.verified ? ` · ${i18n.t('popup.verified')}` : guide.own ? ` · ${ownLabel(guide.own)}` : ''}
            </p>
            <DocumentedNote on={guide.documented} />
            {guide.sources.length > 0 && (
              <details class="guide-sources">
                <summary>{i18n.t('popup.sources')}</summary>
                <SourceList sources={guide.sources} lang={guide.lang} headingLevel={props.headingLevel === 4 ? 4 : 4} />
              </details>
            )}
            {guide.team && <p class="meta team">{provenanceOf(guide)}</p>}
            {paused && <p class="note">{i18n.t('popup.pausedNote')}</p>}
            <div class="actions">
              {paused ? (
                <>
                  <button
                    type="button"
                    class="resume"
                    aria-label={i18n.t('popup.resumeLabel', [guide.title])}
                    onClick={() => props.onResume(guide)}
                  >
                    {i18n.t('popup.resume')}
                  </button>
                  <button
                    type="button"
                    class="secondary restart"
                    aria-label={i18n.t('popup.restartLabel', [guide.title])}
                    onClick={() => props.onRestart(guide)}
                  >
                    {i18n.t('popup.restart')}
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  class="start"
                  aria-label={i18n.t('popup.startLabel', [guide.title])}
                  onClick={() => props.onStart(guide)}
                >
                  {i18n.t('popup.start')}
                </button>
              )}
            </div>
            <p class="memo-link">
              <a
                href={memoUrl(guide.id)}
                target="_blank"
                rel="noopener"
                aria-label={i18n.t('memo.linkLabel', [guide.title])}
                onClick={(event) => {
                  // A new tab from the popup or the side panel, the same way in every browser.
                  event.preventDefault();
                  void openMemo(guide.id);
                }}
              >
                {i18n.t('memo.link')}
              </a>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
