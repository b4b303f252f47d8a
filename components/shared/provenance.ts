import { i18n } from '#i18n';
import type { GuideSummary } from '../../utils/catalogue';

/** A publication date (`AAAA-MM-JJ`) in words, in the interface's language: « 5 décembre 2026 ». */
export function dayInWords(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return day.toLocaleDateString(i18n.t('lang'), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** « Catalogue de l'équipe X, version du … » for a team catalogue's guide; nothing for the others. */
export function provenanceOf(guide: Pick<GuideSummary, 'team'>): string | null {
  return guide.team ? i18n.t('popup.fromTeam', [guide.team.name, dayInWords(guide.team.publishedAt)]) : null;
}
