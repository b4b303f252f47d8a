/**
 * Guides that run other guides (items of kind `guide`): the rules that need
 * the other guides, checked where they are known — the build (the bundled
 * guides), the import into « Mes guides » (bundled and own guides) and the
 * installation of a team catalogue (its guides and those of this computer). A guide
 * may only run an installed guide, and guides may not run each other in a
 * circle (A → B → A): the run would never end.
 *
 * Pure, without zod: the messages are about a guide file, in French.
 */
import { innerGuideIds } from './graph';
import { closest, type GuideIssue, type GuideProblem, quote, renderIssues } from './problems';
import type { Guide } from './schema';

type GuideSteps = Pick<Guide, 'id' | 'steps'>;

/** Where the other guides were looked for, for the message about a missing one. */
export type InnerGuidePlace = 'bundle' | 'installed' | 'team';

const PLACE_WORDS: Record<InnerGuidePlace, string> = {
  bundle: 'parmi les guides fournis (dossier « guides/ »)',
  installed: 'parmi les guides fournis avec Côte à côte ni dans « Mes guides »',
  team: 'dans ce catalogue ni parmi les guides de cet ordinateur',
};

const REMEDIES: Record<InnerGuidePlace, string> = {
  bundle: 'ajoutez ce guide au dossier, ou corrigez l’identifiant.',
  installed: 'importez d’abord ce guide dans « Mes guides », ou corrigez l’identifiant.',
  team: 'l’équipe doit publier aussi ce guide dans son catalogue, ou corriger l’identifiant.',
};

function missingText(id: string, place: InnerGuidePlace, known: readonly string[]): string {
  const guess = closest(id, known);
  const hint = guess ? ` Vouliez-vous dire « ${guess} » ?` : '';
  return `cette étape joue le guide ${quote(id)}, qui n’est pas ${PLACE_WORDS[place]} ; ${REMEDIES[place]}${hint}`;
}

/**
 * A path of guide ids from `from` back to `to` through `known` (with `guide`
 * standing for its own id), or undefined. Depth-first, each guide visited once.
 */
function pathBack(from: string, to: string, known: ReadonlyMap<string, GuideSteps>): string[] | undefined {
  const seen = new Set<string>();
  const walk = (id: string): string[] | undefined => {
    if (id === to) return [id];
    if (seen.has(id)) return undefined;
    seen.add(id);
    const guide = known.get(id);
    if (!guide) return undefined;
    for (const inner of innerGuideIds(guide)) {
      const rest = walk(inner);
      if (rest) return [id, ...rest];
    }
    return undefined;
  };
  return walk(from);
}

/**
 * The problems of a guide's `guide` items among the other guides: an inner
 * guide that is not there, or one that leads back to this guide. `others` may
 * hold this guide too (its former version): this one counts.
 */
export function innerGuideIssues(guide: GuideSteps, others: Iterable<GuideSteps>, place: InnerGuidePlace): GuideIssue[] {
  const known = new Map<string, GuideSteps>();
  for (const other of others) known.set(other.id, other);
  known.set(guide.id, guide);
  const ids = [...known.keys()];
  const issues: GuideIssue[] = [];
  guide.steps.forEach((item, index) => {
    if (item.kind !== 'guide' || item.guide === guide.id) return; // A guide running itself is told by `validate.ts`.
    if (!known.has(item.guide)) {
      issues.push({ path: ['steps', index, 'guide'], text: missingText(item.guide, place, ids) });
      return;
    }
    const back = pathBack(item.guide, guide.id, known);
    if (back) {
      const circle = [guide.id, ...back].map((id) => `« ${id} »`).join(' → ');
      issues.push({
        path: ['steps', index, 'guide'],
        text: `les guides se jouent l’un l’autre en rond (${circle}) : la personne ne finirait jamais. Retirez l’un de ces appels.`,
      });
    }
  });
  return issues;
}

/** `innerGuideIssues` as full French sentences, with the file's name when known. */
export function innerGuideProblems(guide: Guide, others: Iterable<GuideSteps>, place: InnerGuidePlace, file?: string): GuideProblem[] {
  return renderIssues(innerGuideIssues(guide, others, place), guide, file);
}
