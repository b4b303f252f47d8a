import type { GuideOrigin } from '../authoring/user-guides';
import type { Guide, GuideSource, Theme } from '../guide/schema';
import { guideFitsSite, matchesPage } from './sites';

export { guideFitsSite, isPracticeGuide, matchesPage, matchesSite } from './sites';

/** What a list of guides shows: no steps, no targets. */
export interface GuideSummary {
  id: string;
  title: string;
  summary: string;
  durationMinutes: number;
  lang: string;
  /** Verified by the team that ships Côte à côte: a bundled guide only; a file's own claim counts for nothing. */
  verified: boolean;
  /** The person's own guide (recorded, written or imported, and when), not a bundled one; null for a bundled guide. */
  own: OwnGuide | null;
  /** Written from official help of this date (`YYYY-MM-DD`), not yet walked on the site: said plainly wherever it is shown. */
  documented?: string;
  /** The theme the popup groups it under. */
  theme?: Theme;
  /** Where its steps come from. */
  sources: GuideSource[];
  /** From a team catalogue: its team's name and the date of the version installed. */
  team?: { name: string; publishedAt: string };
}

/** How one of « Mes guides » came: recorded, written (edited) or imported from a file, and when it was saved. */
export interface OwnGuide {
  origin: GuideOrigin;
  /** ISO 8601. */
  savedAt: string;
}

export function summarize(guide: Guide, own: OwnGuide | null = null, team?: { name: string; publishedAt: string }): GuideSummary {
  return {
    ...(team ? { team: { name: team.name, publishedAt: team.publishedAt } } : {}),
    id: guide.id,
    title: guide.title,
    summary: guide.summary,
    durationMinutes: guide.durationMinutes,
    lang: guide.lang,
    // Verified by us only: a team's or a file's own claim is shown as where the guide comes from.
    verified: own === null && !team && guide.status.state === 'verified',
    own,
    ...(guide.status.state === 'documented' ? { documented: guide.status.on } : {}),
    ...(guide.theme ? { theme: guide.theme } : {}),
    sources: guide.sources,
  };
}

function pagesOf(guide: Guide): string[] {
  return guide.steps.flatMap((item) => (item.kind === 'step' && item.page ? [item.page] : []));
}

/**
 * Whether a guide fits a page: the URL is on one of its sites and, when its
 * steps name pages, on one of them. A guide whose first step is on this page
 * fits best (it can start right here).
 */
export function fitness(guide: Guide, url: URL): 0 | 1 | 2 {
  if (!guideFitsSite(guide, url)) return 0;
  const pages = pagesOf(guide);
  if (pages.length === 0) return 1;
  if (pages[0] !== undefined && matchesPage(pages[0], url)) return 2;
  return pages.some((page) => matchesPage(page, url)) ? 1 : 0;
}

/**
 * The guides for this page first (best fit first), then all the others, each by title.
 * Among guides that fit as well, the one that names fewer sites comes first: it is
 * about this site (« Créer mon espace Finances publiques » on impots.gouv.fr), where
 * a guide of many sites serves them all (« Se connecter avec FranceConnect »).
 */
export function guidesForPage(guides: readonly Guide[], url: URL | null): { fitting: Guide[]; others: Guide[] } {
  const byTitle = (a: Guide, b: Guide) => a.title.localeCompare(b.title, 'fr');
  const scored = guides.map((guide) => ({ guide, fit: url ? fitness(guide, url) : 0 }));
  const fitting = scored
    .filter((s) => s.fit > 0)
    .sort((a, b) => b.fit - a.fit || a.guide.sites.length - b.guide.sites.length || byTitle(a.guide, b.guide))
    .map((s) => s.guide);
  const others = scored
    .filter((s) => s.fit === 0)
    .map((s) => s.guide)
    .sort(byTitle);
  return { fitting, others };
}
