/**
 * Where a guide comes from, said honestly wherever it is shown (popup list,
 * start screen, memo sheet): written from official help and not yet checked
 * on the site (format 2 `documented`), and the help pages it was written from.
 * Guide texts (source titles) are shown as text, in the guide's language.
 */
import { i18n } from '#i18n';
import type { GuideSource } from '../../utils/guide/schema';

/** `2026-11-20` → « 20 novembre 2026 » in the interface's language (the date is a day, not an instant). */
export function dayText(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Intl.DateTimeFormat(i18n.t('lang'), { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, date, 12));
}

/** « Écrit d'après l'aide officielle du … ; pas encore vérifié sur le site », or nothing. */
export function DocumentedNote({ on, class: className = 'note documented' }: { on: string | undefined; class?: string }) {
  if (on === undefined) return null;
  return <p class={className}>{i18n.t('popup.documented', [dayText(on)])}</p>;
}

/** The help pages the steps come from, as links opening in a new tab, with the day each was read. */
export function SourceList({
  sources,
  lang,
  headingLevel = 3,
}: {
  sources: readonly GuideSource[];
  lang: string;
  headingLevel?: 2 | 3 | 4;
}) {
  if (sources.length === 0) return null;
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2] ?? 'h3';
  return (
    <div class="sources">
      <Heading>{i18n.t('popup.sources')}</Heading>
      <ul>
        {sources.map((source) => (
          <li key={source.url}>
            <a
              href={source.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={i18n.t('popup.sourceLabel', [source.title, dayText(source.seen)])}
            >
              <span lang={lang}>{source.title}</span>
            </a>{' '}
            <span class="seen">({dayText(source.seen)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
