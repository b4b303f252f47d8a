/**
 * Telling apart candidates that the facts leave tied: by the recorded section, by the rank among
 * identical twins, by a modifier class. Each answers one element or nothing, never a guess.
 */
import { accessibleName, stableClasses, visibleText } from './facts';
import { currentKey, identityKey, inDocumentOrder, recordedKey } from './lookalikes';
import type { Evidence } from './rules';
import { isVisible } from './scopes';
import { decide, MIN_EVIDENCE, normalize } from './score';
import { renamedHeadingOnce, type SectionSlot, slotter, underHeading } from './section';
import type { TargetDescription } from './target';

/** Whether a candidate would be returned on its own: fully checked, above the threshold, with evidence. */
const acceptable = (e: Evidence, el: Element): boolean => {
  const s = e.scored.find((x) => x.item === el);
  return !!s && s.score >= e.threshold && s.evidence >= MIN_EVIDENCE;
};

/** The candidates that would be returned on their own. */
export const acceptableOf = (e: Evidence, items: readonly Element[]): Element[] => items.filter((el) => acceptable(e, el));

/**
 * Lookalikes of different examples or twins of one, told apart by the recorded section: among the
 * acceptable candidates named exactly as recorded under the very same heading (word for word), the
 * only one; or the one that clearly scores best there; or, when they are identical twins (same
 * identity, hint texts included) and the section holds as many elements of the kind as recorded, the
 * one at the recorded rank — twins cannot have been visibly reordered. The section must hold as many
 * elements of the kind as recorded. The one picked at another rank than recorded may have moved, unless
 * an identical twin of it sits in the same section: the one meant may be that one, no longer reading
 * as recorded (a wrapper gave it another legend). `intact` (some lookalikes are gone): the one picked
 * must sit at the recorded rank; its heading may be the one the recorded heading became
 * (`renamedHeading`), in the same variant of the component (`around`).
 */
export function pickInSection(e: Evidence, acceptable: readonly Element[], intact: boolean): Element | undefined {
  const { d } = e;
  const want = d.section;
  const name = recordedKey(d);
  const first = acceptable[0];
  if (!want || !name || !first) return undefined;
  const slotOf = slotter(isVisible);
  const renamed = intact ? renamedHeadingOnce(want.heading, first.getRootNode() as Document) : () => undefined;
  const here: ({ el: Element } & SectionSlot)[] = [];
  for (const el of acceptable) {
    const slot = slotOf(el);
    // As many elements of the kind as recorded: else wrappers or changes may have moved the section's bounds.
    if (!slot || slot.count !== want.count || !underHeading(d, el, slot.heading, renamed) || currentKey(d, el) !== name) continue;
    here.push({ el, ...slot });
  }
  let pick = here[0];
  if (here.length > 1) {
    const els = here.map((h) => h.el);
    const within = decide(
      e.scored.filter((x) => els.includes(x.item)),
      { threshold: e.threshold, margin: e.margin, minEvidence: MIN_EVIDENCE },
    );
    const key = identityKey(els[0] as Element);
    let el: Element | undefined;
    if (within.status === 'found') el = within.item;
    else if (els.every((x) => identityKey(x) === key)) {
      // Every one of them holds as many elements of the kind as recorded (above): only the rank tells.
      const at = here.filter((h) => h.index === want.index);
      el = at.length === 1 ? at[0]?.el : undefined;
    } else el = pickByModifiers(d, els, els);
    pick = here.find((h) => h.el === el);
  }
  if (!pick || pick.index === want.index) return pick?.el;
  if (intact) return undefined;
  // At another rank than recorded in a section that holds as many: it may have moved, unless an
  // identical twin of it sits in the same section — then the one meant may be that one.
  const key = identityKey(pick.el);
  const twinThere = (x: Element) => {
    const slot = x !== pick.el && identityKey(x) === key ? slotOf(x) : undefined;
    return slot?.heading === pick.heading && slot?.count === pick.count;
  };
  return e.namesakes()?.some(twinThere) ? undefined : pick.el;
}

/**
 * Identical twins (same facts) are told apart by their order, only if there
 * are still as many of them as when recorded, each one acceptable on its own,
 * all in the same tree, and truly identical (hint texts included): twins that
 * differ in something a person sees may have been reordered.
 */
export function pickTwin(e: Evidence, twin: { index: number; count: number }, items: readonly Element[]): Element | undefined {
  if (items.length !== twin.count) return undefined;
  const root = items[0]?.getRootNode();
  const key = items[0] ? identityKey(items[0]) : '';
  for (const el of items) if (!acceptable(e, el) || el.getRootNode() !== root || identityKey(el) !== key) return undefined;
  return inDocumentOrder(items)[twin.index];
}

/** Modifier classes (`fr-connect--plus`, `fr-btn--sm`): BEM modifiers, kept when stable. */
const modifiers = (classes: readonly string[] | undefined): string =>
  (classes ?? [])
    .filter((c) => c.includes('--'))
    .sort()
    .join(' ');

/** The name a person reads on an element, whatever the description holds: the modifier must be the only difference. */
const shownName = (el: Element): string => normalize(accessibleName(el) ?? visibleText(el) ?? '');

/**
 * Candidates alike but for a modifier class (FranceConnect and FranceConnect+): the only one with
 * exactly the recorded modifiers, when all the others have other ones.
 */
export function pickByModifiers(d: TargetDescription, all: readonly Element[], acceptable: readonly Element[]): Element | undefined {
  if (!d.classes?.length || all.length < 2) return undefined;
  const want = modifiers(d.classes);
  const hits = all.filter((el) => modifiers(stableClasses(el)) === want);
  const hit = hits.length === 1 ? hits[0] : undefined;
  if (!hit || !acceptable.includes(hit)) return undefined;
  // The modifier must be the only difference: every candidate bears the same name.
  const name = shownName(hit);
  return name && all.every((el) => shownName(el) === name) ? hit : undefined;
}
