/**
 * A label reworded in its very place: when nothing is named as recorded any more, the element that
 * holds the recorded slot of the recorded section may be the target, renamed — under strict
 * conditions, since a newcomer may hold that slot too.
 */
import { addExpensiveFacts, cheapFacts } from './candidates';
import { contextOf, neighbourText, stableClasses } from './facts';
import { currentName, recordedName, sameKind } from './lookalikes';
import { isVisible } from './scopes';
import { normalize, scoreFacts, textSimilarity } from './score';
import { renamedHeadingOnce, slotter, underHeading, words } from './section';
import type { TargetDescription } from './target';

/** Facts a rewording in place may change, or that the slot already stands for. */
const SLOT_SKIP = ['name', 'label', 'text', 'context', 'neighbourText', 'cssPath', 'classes'] as const;

const wordSet = (s: string | undefined): Set<string> => new Set(s ? words(s) : []);

/**
 * A rewording is consistent when the words it swapped in the element's name were swapped the same way
 * in its neighbour's text ("Label lien 5" → "Libellé lien 5", "Label lien 4" → "Libellé lien 4"), and a
 * neighbour without those words did not change: a site relabelling its controls, not another control.
 */
export function consistentRewording(said: string, current: string, saidNext: string, currentNext: string): boolean {
  const a = wordSet(said);
  const b = wordSet(current);
  const gone = [...a].filter((w) => !b.has(w));
  const came = [...b].filter((w) => !a.has(w));
  const next = wordSet(saidNext);
  const touched = gone.some((w) => next.has(w));
  const expected = new Set([...next].filter((w) => !gone.includes(w)));
  if (touched) for (const w of came) expected.add(w);
  const got = wordSet(currentNext);
  return expected.size === got.size && [...expected].every((w) => got.has(w));
}

/**
 * A label reworded in the very same place ("Label bouton" → "Libellé bouton"): accepted only when
 * nothing on the page is named as recorded any more (`namesakes`), for the one element of the same
 * tag, role, type and classes at the recorded rank of the recorded section (same heading word for
 * word, as many elements of the kind), whose name shares words with the recorded one, whose other
 * facts (name attribute, link target, stable id…) agree, and — among several of its kind — whose
 * neighbour was reworded the same way.
 */
export function pickRewordedInSlot(
  d: TargetDescription,
  gathered: readonly Element[],
  threshold: number,
  namesakes: () => Element[] | undefined,
): Element | undefined {
  const want = d.section;
  if (!want || namesakes()?.length) return undefined;
  const classes = [...(d.classes ?? [])].sort().join(' ');
  const slotOf = slotter(isVisible);
  let renamed: (() => string | undefined) | undefined;
  let el: Element | undefined;
  for (const c of gathered) {
    if (!sameKind(d, c) || [...stableClasses(c)].sort().join(' ') !== classes) continue;
    const slot = slotOf(c);
    if (!slot || slot.count !== want.count || slot.index !== want.index) continue;
    // A heading merely shortened ("… + label à gauche" → "…") may name another variant: only the one
    // the recorded heading became, in the same variant of the component.
    renamed ??= renamedHeadingOnce(want.heading, c.getRootNode() as Document);
    if (!underHeading(d, c, slot.heading, renamed)) continue;
    if (el) return undefined;
    el = c;
  }
  if (!el || !isVisible(el)) return undefined;
  if (d.context) {
    const context = normalize(contextOf(el) ?? '');
    const heading = normalize(want.heading);
    // The context is often the section heading itself: then it may have been renamed the same way.
    if (context !== normalize(d.context) && !(normalize(d.context) === heading && context === renamed?.())) return undefined;
  }
  const said = recordedName(d);
  const name = currentName(d, el);
  if (said && (!name || textSimilarity(said, name) < 0.2)) return undefined;
  if (want.count > 1) {
    const next = neighbourText(el);
    if (!d.neighbourText || !next) return undefined;
    if (said && name ? !consistentRewording(said, name, d.neighbourText, next) : normalize(d.neighbourText) !== normalize(next))
      return undefined;
  }
  const facts = addExpensiveFacts(el, cheapFacts(d, el, false, null).facts, ['href']);
  const s = scoreFacts(d, facts, { skip: SLOT_SKIP });
  return s.total > 0 && s.points / s.total >= threshold ? el : undefined;
}
