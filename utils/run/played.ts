/**
 * The guide a run plays: the guide itself, with the guides its `guide` items
 * run (format 2) laid out after its own items. An inner item's id is the
 * `guide` item's id, `/`, and its id in the inner guide (`connexion/choisir`),
 * so that a run stays plain ids that survive a restart, and no id of the outer
 * guide can clash with one of an inner guide (ids never hold `/`). Inner
 * branches (`next`, choices) are rewritten to these ids.
 *
 * The run machine (`advance.ts`) enters a `guide` item by going to its inner
 * guide's first item, and leaves an inner guide at one of its ends by going on
 * to the `guide` item's next. Pure, without zod: built in the background from
 * the installed guides, each time a run's guide is looked up.
 */
import { nextItemId } from '../guide/graph';
import type { Guide, GuideItem, GuideSource, PrepareItem } from '../guide/schema';

/** Guides run inside guides, at most this deep: validation refuses circles, this bounds the rest. */
export const MAX_DEPTH = 4;

export const PART_SEPARATOR = '/';

/** An inner guide as laid out in a played guide. */
export interface PlayedPart {
  /** The played id of the `guide` item that runs it (`connexion`, or `connexion/sous-etape` deeper). */
  itemId: string;
  guideId: string;
  title: string;
  version: string;
  lang: string;
}

export interface PlayedGuide extends Guide {
  /** The inner guides laid out in `steps`, by the played id of the `guide` item that runs each. */
  parts: Record<string, PlayedPart>;
}

/** The id of an item of an inner guide, as the played guide names it. */
export function innerId(itemId: string, id: string): string {
  return `${itemId}${PART_SEPARATOR}${id}`;
}

/** The played id of the `guide` item whose inner guide holds this item; undefined for the guide's own items. */
export function partOf(id: string): string | undefined {
  const cut = id.lastIndexOf(PART_SEPARATOR);
  return cut === -1 ? undefined : id.slice(0, cut);
}

/** The ids of the `guide` items a played id is inside, outermost first: `a/b/c` → [`a`, `a/b`]. */
export function partsAround(id: string): string[] {
  const parts: string[] = [];
  for (let part = partOf(id); part !== undefined; part = partOf(part)) parts.unshift(part);
  return parts;
}

function prefixed(item: GuideItem, itemId: string): GuideItem {
  const id = innerId(itemId, item.id);
  switch (item.kind) {
    case 'question':
      return { ...item, id, choices: item.choices.map((choice) => ({ ...choice, next: innerId(itemId, choice.next) })) };
    case 'step':
    case 'guide':
      return item.next === undefined ? { ...item, id } : { ...item, id, next: innerId(itemId, item.next) };
    case 'end':
      return { ...item, id };
    default:
      return item satisfies never;
  }
}

/**
 * The played guide of `guide` among `installed`. A `guide` item whose guide is
 * not installed (removed from « Mes guides » since) or too deep is left without
 * inner items: the run shows its instruction and « C'est fait », text only.
 */
export function playedGuide(guide: Guide, installed: readonly Guide[]): PlayedGuide {
  const byId = new Map(installed.map((other) => [other.id, other]));
  const steps: GuideItem[] = [...guide.steps];
  const parts: Record<string, PlayedPart> = {};
  const prepare: PrepareItem[] = [...guide.prepare];
  const sources: GuideSource[] = [...guide.sources];
  const sites = [...guide.sites];

  const layOut = (items: readonly GuideItem[], running: readonly string[], depth: number) => {
    for (const item of items) {
      if (item.kind !== 'guide') continue;
      const inner = byId.get(item.guide);
      if (!inner || running.includes(inner.id) || depth >= MAX_DEPTH) continue;
      parts[item.id] = { itemId: item.id, guideId: inner.id, title: inner.title, version: inner.version, lang: inner.lang };
      const innerItems = inner.steps.map((innerItem) => prefixed(innerItem, item.id));
      steps.push(...innerItems);
      for (const thing of inner.prepare) if (!prepare.some((p) => p.label === thing.label)) prepare.push(thing);
      for (const source of inner.sources) if (!sources.some((s) => s.url === source.url)) sources.push(source);
      for (const site of inner.sites) if (!sites.includes(site)) sites.push(site);
      layOut(innerItems, [...running, inner.id], depth + 1);
    }
  };
  layOut(guide.steps, [guide.id], 0);
  return { ...guide, steps, parts, prepare, sources, sites };
}

/** Whether a guide is a played one (a guide as read from a file has no `parts`). */
export function isPlayed<G extends object>(guide: G): guide is G & Pick<PlayedGuide, 'parts'> {
  const parts = (guide as Partial<PlayedGuide>).parts;
  return typeof parts === 'object' && parts !== null;
}

/** The first item of the inner guide run by this `guide` item, if it is laid out. */
export function partFirstId(guide: Pick<Guide, 'steps'>, itemId: string): string | undefined {
  const prefix = `${itemId}${PART_SEPARATOR}`;
  return guide.steps.find((item) => item.id.startsWith(prefix) && !item.id.slice(prefix.length).includes(PART_SEPARATOR))?.id;
}

/**
 * Where the run goes when it is sent to `id`: into a `guide` item's inner guide
 * (its first item, and deeper when that is one too), or, at an inner guide's
 * end, on to the `guide` item's next — outwards as far as needed. Returns the
 * id to make current, `{ finished }` when the outermost guide is over, and an
 * undefined id when `id` names nothing.
 */
export function landing(guide: Pick<Guide, 'steps'>, id: string): { id: string | undefined; finished: boolean } {
  let current = id;
  // Each turn goes one level in or out; the depth is bounded, so is the walk (with room for odd data).
  for (let turn = 0; turn < 4 * (MAX_DEPTH + 2); turn++) {
    const item = guide.steps.find((candidate) => candidate.id === current);
    if (!item) return { id: undefined, finished: false };
    if (item.kind === 'guide') {
      const first = partFirstId(guide, item.id);
      if (first === undefined) return { id: item.id, finished: false }; // Not laid out: text only.
      current = first;
      continue;
    }
    const part = partOf(item.id);
    if (item.kind === 'end' && part !== undefined) {
      const after = nextItemId(guide, part);
      if (after === undefined) return { id: item.id, finished: true };
      current = after;
      continue;
    }
    return { id: item.id, finished: item.kind === 'end' };
  }
  return { id: undefined, finished: false };
}

/** « Étape X sur Y » within one level: the items to do (not the ends) of the guide or inner guide `part`. */
function levelItems(guide: Pick<Guide, 'steps'>, part: string | undefined): GuideItem[] {
  return guide.steps.filter((item) => item.kind !== 'end' && partOf(item.id) === part);
}

/** Where an item sits in its level: 1-based position among the items to do, and their count. */
export function levelPosition(guide: Pick<Guide, 'steps'>, id: string): { position: number; total: number } {
  const items = levelItems(guide, partOf(id));
  const index = items.findIndex((item) => item.id === id);
  return { position: index === -1 ? items.length : index + 1, total: items.length };
}
