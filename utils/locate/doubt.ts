/**
 * Why an element that the scores found may not be the one meant: its lookalikes. Rather silent
 * than wrong — a near-miss named like the target, or a twin where the target was, is not returned.
 */
import { addExpensiveFacts, cheapFacts } from './candidates';
import { contextOf } from './facts';
import { anchored, currentKey, inDocumentOrder, recordedKey } from './lookalikes';
import { isVisible } from './scopes';
import { normalize, scoreFacts } from './score';
import { slotter } from './section';
import type { TargetDescription } from './target';

/** Facts that say what an element is, whatever its place. */
const IDENTITY = ['testId', 'controls', 'id', 'nameAttr', 'label', 'text', 'placeholder', 'autocomplete', 'choiceValue', 'href'];

/**
 * Why a found element may not be the one meant, as the elements that make it doubtful (none: it is
 * not). `namesakes` gives the elements named exactly as recorded; `alike`, how many there were when
 * recorded.
 * - It is not named as recorded, while another element of its kind is: that one may be the target
 *   whose surroundings changed ("FranceConnect+" found for "FranceConnect").
 * - It is named as recorded among several such lookalikes: recorded then as one of identical twins,
 *   it must still hold the recorded rank among them; and unless what it is (link target, name
 *   attribute, value, id…) or its unchanged id sets it apart, its place must be the recorded one word
 *   for word (legend or heading, or section with as many elements of the kind), a place no other
 *   lookalike shares. A merely similar place is how variants of one example get mixed up; a CSS path
 *   or a neighbour's text moves with any wrapper.
 */
export function doubtOf(
  d: TargetDescription,
  el: Element,
  namesakes: () => Element[] | undefined,
  alike: number | undefined,
): Element[] | undefined {
  const want = recordedKey(d);
  if (!want) return undefined;
  if (currentKey(d, el) !== want) {
    const n = namesakes();
    return n?.length ? n : undefined;
  }
  if (alike === 1) return undefined;
  const n = namesakes();
  if (!n || n.length < 2 || !n.includes(el)) return undefined;
  // Recorded as one of identical twins, told apart then by rank only: if the rank now points at
  // another one, what tells them apart today (a wrapper, a rewording) appeared since.
  if (d.twin && d.twin.count === n.length && inDocumentOrder(n)[d.twin.index] !== el) return n;
  // Told apart by what it is (link target, name attribute, value, id…), not by where it sits.
  // Only the identity facts are read (not the context nor the neighbours' text: walks of the page).
  const identity = (x: Element) => {
    const { facts, pending } = cheapFacts(d, x, false, null);
    return scoreFacts(
      d,
      addExpensiveFacts(
        x,
        facts,
        pending.filter((f) => IDENTITY.includes(f)),
      ),
      { only: IDENTITY },
    ).points;
  };
  const mine = identity(el);
  if (n.every((x) => x === el || identity(x) < mine - 0.25)) return undefined;
  if (anchored(d, el)) return undefined;
  // The recorded place, word for word, and only this lookalike there: legend or heading, or section
  // (with as many elements of the kind). A place several lookalikes share tells nothing.
  const slotOf = slotter(isVisible);
  const places = (x: Element): string[] => {
    const slot = d.section && slotOf(x);
    return [normalize(contextOf(x) ?? ''), slot && slot.count === d.section?.count ? `\u0000${normalize(slot.heading)}` : ''];
  };
  const recorded = [normalize(d.context ?? ''), d.section ? `\u0000${normalize(d.section.heading)}` : ''];
  const others = n.filter((x) => x !== el).map(places);
  if (places(el).some((p, k) => p && p === recorded[k] && others.every((o) => o[k] !== p))) return undefined;
  return n;
}
