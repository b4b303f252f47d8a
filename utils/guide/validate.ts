/**
 * Rules that span several fields, checked once the zod schema has accepted
 * the shape: ids are unique, branches lead somewhere real, every item can be
 * reached, every path ends, and a step says what it needs to be done.
 */
import { ACTIONS_WITH_TARGET, doneWhenOf, itemIndex, successorIds } from './graph';
import { hostProblem, siteParts, wildcardProblem } from './patterns';
import type { GuideIssue } from './problems';
import { closest, quote } from './problems';
import type { Guide, GuideItem } from './schema';

/** Ids reachable from the first item, following every branch. */
export function reachableIds(guide: Pick<Guide, 'steps'>): Set<string> {
  const seen = new Set<string>();
  const first = guide.steps[0];
  if (!first) return seen;
  const queue = [first.id];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (seen.has(id) || itemIndex(guide, id) === -1) continue;
    seen.add(id);
    for (const next of successorIds(guide, id)) if (!seen.has(next)) queue.push(next);
  }
  return seen;
}

/** Ids from which some end can be reached (walking the branches backwards from the ends). */
function idsThatReachAnEnd(guide: Pick<Guide, 'steps'>): Set<string> {
  const predecessors = new Map<string, string[]>();
  for (const item of guide.steps) {
    for (const next of successorIds(guide, item.id)) {
      const list = predecessors.get(next) ?? [];
      list.push(item.id);
      predecessors.set(next, list);
    }
  }
  const good = new Set<string>();
  const queue = guide.steps.filter((item) => item.kind === 'end').map((item) => item.id);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (good.has(id)) continue;
    good.add(id);
    for (const previous of predecessors.get(id) ?? []) if (!good.has(previous)) queue.push(previous);
  }
  return good;
}

function itemWords(item: GuideItem): string {
  if (item.kind === 'question') return 'cette question';
  if (item.kind === 'end') return 'cette fin';
  return 'cette étape';
}

const FORMAT_2 = 'déclarez "format": 2 en tête du guide (les guides au format 1 n’ont pas ce champ), ou retirez-le.';

/**
 * A format-1 file that uses a format-2 field is told to declare format 2:
 * format 1 keeps meaning exactly what it meant.
 */
function format2Issues(guide: Guide): GuideIssue[] {
  if (guide.format !== 1) return [];
  const issues: GuideIssue[] = [];
  if (guide.theme !== undefined) issues.push({ path: ['theme'], text: `le thème est un ajout du format 2 ; ${FORMAT_2}` });
  if (guide.sources.length > 0) issues.push({ path: ['sources'], text: `les sources sont un ajout du format 2 ; ${FORMAT_2}` });
  if (guide.status.state === 'documented') {
    issues.push({ path: ['status', 'state'], text: `l’état « documented » est un ajout du format 2 ; ${FORMAT_2}` });
  }
  guide.steps.forEach((item, index) => {
    if (item.kind === 'guide') {
      issues.push({
        path: ['steps', index, 'kind'],
        text: `une étape qui joue un autre guide (« kind »: « guide ») est un ajout du format 2 ; ${FORMAT_2}`,
      });
    }
  });
  return issues;
}

function danglingText(id: string, ids: readonly string[]): string {
  const guess = closest(id, ids);
  const hint = guess ? ` Vouliez-vous dire « ${guess} » ?` : '';
  const unique = [...new Set(ids)];
  const examples = unique
    .slice(0, 6)
    .map((x) => `« ${x} »`)
    .join(', ');
  return `${quote(id)} ne correspond à aucune étape, question ou fin de ce guide ; attendu : l’identifiant d’un élément de « steps » (${examples}${unique.length > 6 ? ', …' : ''}).${hint}`;
}

/** Problems of a page pattern that the schema's shape lets through. */
function pagePatternProblem(pattern: string): string | undefined {
  if (pattern.startsWith('//') || pattern.includes('://')) {
    return `${quote(pattern)} ressemble à une adresse complète ; attendu : seulement le chemin de la page, par exemple « /espace-particulier/* » (le site est déjà dans « sites »).`;
  }
  if (/\s/.test(pattern))
    return `${quote(pattern)} contient une espace ; un chemin de page n’en contient pas (écrivez %20 si la page en a vraiment une).`;
  if (pattern.includes('#')) {
    return `${quote(pattern)} contient « # » ; la partie d’une adresse après « # » ne change pas de page, retirez-la du motif.`;
  }
  return wildcardProblem(pattern);
}

/** Problems of a site pattern that the schema's shape lets through: hosts too wide, IP addresses, too many `*`. */
function sitePatternProblem(site: string): string | undefined {
  const parts = siteParts(site);
  if (!parts) return undefined;
  if (parts.host === '*') {
    return `${quote(site)} viserait tous les sites ; un guide ne vise que les sites de sa démarche, par exemple « https://www.impots.gouv.fr/* ».`;
  }
  return hostProblem(parts.host) ?? wildcardProblem(parts.path);
}

/** The structural problems of a guide whose shape the schema accepted. Empty when it is fine. */
export function structuralIssues(guide: Guide): GuideIssue[] {
  const issues: GuideIssue[] = format2Issues(guide);
  const ids = guide.steps.map((item) => item.id);
  const known = new Set(ids);

  guide.sites.forEach((site, index) => {
    const problem = sitePatternProblem(site);
    if (problem) issues.push({ path: ['sites', index], text: problem });
  });

  let duplicates = false;
  const firstIndex = new Map<string, number>();
  guide.steps.forEach((item, index) => {
    const earlier = firstIndex.get(item.id);
    if (earlier !== undefined) {
      duplicates = true;
      issues.push({
        path: ['steps', index, 'id'],
        text: `l’identifiant ${quote(item.id)} est déjà celui de l’étape ${earlier + 1} ; chaque étape, question et fin doit avoir son propre identifiant.`,
      });
    } else {
      firstIndex.set(item.id, index);
    }
  });

  guide.steps.forEach((item, index) => {
    if (item.kind === 'question') {
      const labels = new Map<string, number>();
      item.choices.forEach((choice, c) => {
        if (!known.has(choice.next)) issues.push({ path: ['steps', index, 'choices', c, 'next'], text: danglingText(choice.next, ids) });
        const key = choice.label.toLowerCase();
        const same = labels.get(key);
        if (same !== undefined) {
          issues.push({
            path: ['steps', index, 'choices', c, 'label'],
            text: `ce choix a le même libellé que le choix ${same + 1} ; la personne ne pourrait pas les distinguer.`,
          });
        } else {
          labels.set(key, c);
        }
      });
      return;
    }
    if (item.kind === 'end') return;

    if (item.next !== undefined && !known.has(item.next)) {
      issues.push({ path: ['steps', index, 'next'], text: danglingText(item.next, ids) });
    }
    if (item.next === undefined && index === guide.steps.length - 1) {
      issues.push({
        path: ['steps', index, 'next'],
        text: 'cette étape est la dernière de la liste et ne dit pas où aller ensuite ; ajoutez une fin (« kind »: « end ») après elle, ou un champ « next ».',
      });
    }
    if (item.kind === 'guide') {
      if (item.guide === guide.id) {
        issues.push({
          path: ['steps', index, 'guide'],
          text: `cette étape joue le guide ${quote(item.guide)}, c’est-à-dire ce guide lui-même : la personne tournerait en rond. Indiquez l’identifiant d’un autre guide.`,
        });
      }
      return;
    }
    if (ACTIONS_WITH_TARGET.has(item.action) && !item.target) {
      issues.push({
        path: ['steps', index, 'target'],
        text: `il manque la cible (champ « target ») ; une étape « ${item.action} » doit dire quel élément de la page montrer.`,
      });
    }
    const doneWhen = doneWhenOf(item);
    if (item.doneWhen === 'action' && !item.target) {
      issues.push({
        path: ['steps', index, 'doneWhen'],
        text: '« action » demande une cible (champ « target ») sur laquelle observer l’action ; ajoutez une cible, ou choisissez « page » ou « manual ».',
      });
    }
    if (doneWhen === 'page' && item.donePage === undefined) {
      issues.push({
        path: ['steps', index, 'donePage'],
        text:
          item.action === 'go-to-page'
            ? 'il manque la page d’arrivée (champ « donePage ») ; une étape « go-to-page » doit dire quelle page atteindre, par exemple « /mon-espace/* ».'
            : 'il manque la page d’arrivée (champ « donePage ») ; une étape terminée par l’arrivée sur une page (doneWhen « page ») doit dire laquelle, par exemple « /mon-espace/* ».',
      });
    }
    if (doneWhen !== 'page' && item.donePage !== undefined) {
      issues.push({
        path: ['steps', index, 'donePage'],
        text: `la page d’arrivée ne sert que si l’étape se termine en arrivant sur une page ; ajoutez "doneWhen": "page", ou retirez « donePage » (ici l’étape se termine par « ${doneWhen} »).`,
      });
    }
    for (const key of ['page', 'donePage'] as const) {
      const pattern = item[key];
      const problem = pattern === undefined ? undefined : pagePatternProblem(pattern);
      if (problem) issues.push({ path: ['steps', index, key], text: problem });
    }
  });

  // Reachability only makes sense once ids are unique.
  if (duplicates) return issues;

  const reachable = reachableIds(guide);
  guide.steps.forEach((item, index) => {
    if (!reachable.has(item.id)) {
      issues.push({
        path: ['steps', index],
        text: `${itemWords(item)} n’est jamais atteinte : aucune étape ni aucun choix n’y mène depuis le début du guide.`,
      });
    }
  });

  const reachableEnds = guide.steps.filter((item) => item.kind === 'end' && reachable.has(item.id));
  if (reachableEnds.length === 0) {
    issues.push({
      path: ['steps'],
      text: 'aucune fin n’est atteignable depuis le début du guide ; ajoutez un élément « kind »: « end » et faites-y mener le parcours.',
    });
    return issues;
  }
  const endReachers = idsThatReachAnEnd(guide);
  guide.steps.forEach((item, index) => {
    if (reachable.has(item.id) && !endReachers.has(item.id)) {
      issues.push({
        path: ['steps', index],
        text: `depuis ${itemWords(item)}, aucun chemin ne mène à une fin : la personne tournerait en rond. Faites mener une branche vers une fin.`,
      });
    }
  });
  return issues;
}
