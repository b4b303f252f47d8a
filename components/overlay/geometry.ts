/**
 * Pure geometry of the spotlight and the bubble, in viewport (CSS pixel)
 * coordinates. No DOM here, so that it is cheap and easy to test.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Space left around the target inside the cut-out, and its corner radius. */
export const PAD = 6;
export const RADIUS = 8;
/** Distance between the cut-out and the bubble, and between the bubble and the viewport edge. */
export const GAP = 12;
export const MARGIN = 8;

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The target's box grown by the padding: the hole in the dimmed layer and the focus ring. */
export function hole(target: Box, pad = PAD): Box {
  return { x: r1(target.x - pad), y: r1(target.y - pad), width: r1(target.width + 2 * pad), height: r1(target.height + 2 * pad) };
}

/**
 * SVG path that covers the viewport minus a rounded hole: with `fill-rule: evenodd`
 * the hole stays clear, the rest is dimmed.
 */
export function cutoutPath(viewport: Size, h: Box, radius = RADIUS): string {
  return `M0 0H${viewport.width}V${viewport.height}H0Z${roundedHole(h, radius)}`;
}

/** The rounded rectangle of the hole, as a closed sub-path. */
function roundedHole(h: Box, radius: number): string {
  const r = Math.max(0, Math.min(radius, h.width / 2, h.height / 2));
  const { x, y, width: w, height: ht } = h;
  const arc = (dx: number, dy: number) => `a${r} ${r} 0 0 1 ${dx} ${dy}`;
  return `M${r1(x + r)} ${y}h${r1(w - 2 * r)}${arc(r, r)}v${r1(ht - 2 * r)}${arc(-r, r)}h${r1(2 * r - w)}${arc(-r, -r)}v${r1(2 * r - ht)}${arc(r, -r)}Z`;
}

/**
 * The spotlight as drawn while it follows its target: the cut-out and the ring
 * in the hole's own coordinates (the hole at 0,0), moved to the hole by a
 * translation. Following a scroll then changes only the translation, which the
 * compositor applies without repainting anything; the shapes change only when
 * the hole's size does, or when it moves so far that the dimmed area must grow
 * (`extent`: how far the dimmed area reaches around the hole, a power of two
 * that covers the whole viewport wherever the hole is).
 */
export interface Spotlight {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The dimmed area with its rounded hole, in the hole's coordinates (`fill-rule: evenodd`). */
  d: string;
}

export const MIN_EXTENT = 4096;

export function spotlight(viewport: Size, h: Box, radius = RADIUS): Spotlight {
  const needed = Math.max(viewport.width, viewport.height) + Math.max(Math.abs(h.x), Math.abs(h.y)) + Math.max(h.width, h.height);
  const e = Math.max(MIN_EXTENT, 2 ** Math.ceil(Math.log2(needed)));
  const d = `M${-e} ${-e}H${e}V${e}H${-e}Z${roundedHole({ x: 0, y: 0, width: h.width, height: h.height }, radius)}`;
  return { x: h.x, y: h.y, width: h.width, height: h.height, d };
}

export type Side = 'bottom' | 'top' | 'right' | 'left';

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, max));

/**
 * The least height worth giving a bubble whose text then scrolls inside it: below
 * that, covering the target is the lesser evil (the person can hide the bubble).
 */
export const MIN_SCROLLING_HEIGHT = 160;

/** Whether two boxes overlap (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Where the bubble goes next to the target: below, above, right or left, the first
 * side where it fits whole; centred on the target on the other axis; always kept
 * inside the viewport, so that it stays readable even when the target is partly
 * out of view. When it fits whole nowhere (large text on a small screen), it goes
 * above or below, where there is more room, with `maxHeight` so that its content
 * scrolls instead of covering the target.
 *
 * `clear`: boxes the bubble should not cover either, most important first (the
 * next step's target, so that the person sees where they go next). On each side,
 * the bubble slides along the target (the least it can from centred) to leave them
 * clear; the first side that keeps them all clear wins. When no side can, the last
 * ones are given up one by one: the target itself always comes first, then the
 * next target, and so on.
 */
export function place(
  target: Box,
  bubble: Size,
  viewport: Size,
  clear: readonly Box[] = [],
  gap = GAP,
  margin = MARGIN,
): { x: number; y: number; side: Side; maxHeight?: number } {
  const h = hole(target);
  // Whole pixels, rounded away from the target: a bubble put beside it never covers it by a fraction.
  const near: Record<Side, number> = {
    bottom: Math.ceil(h.y + h.height + gap),
    top: Math.floor(h.y - gap),
    right: Math.ceil(h.x + h.width + gap),
    left: Math.floor(h.x - gap),
  };
  const room: Record<Side, number> = {
    bottom: viewport.height - near.bottom - margin,
    top: near.top - margin,
    right: viewport.width - near.right - margin,
    left: near.left - margin,
  };
  const need = (s: Side) => (s === 'top' || s === 'bottom' ? bubble.height : bubble.width);
  const sides: Side[] = ['bottom', 'top', 'right', 'left'];
  let fitting = sides.filter((s) => room[s] >= need(s));
  let maxHeight: number | undefined;
  if (!fitting.length) {
    const vertical: Side = room.bottom >= room.top ? 'bottom' : 'top';
    if (room[vertical] >= MIN_SCROLLING_HEIGHT) {
      fitting = [vertical];
      maxHeight = Math.floor(room[vertical]);
    }
  }
  const height = maxHeight ?? bubble.height;
  const maxX = Math.max(margin, viewport.width - bubble.width - margin);
  const maxY = Math.max(margin, viewport.height - height - margin);

  /** The bubble on `side`, at `along` on the other axis (centred on the target if not given), inside the viewport. */
  const at = (side: Side, along?: number) => {
    if (side === 'top' || side === 'bottom') {
      const y = side === 'bottom' ? near.bottom : near.top - height;
      const x = along ?? Math.round(h.x + h.width / 2 - bubble.width / 2);
      return { x: clamp(x, margin, maxX), y: clamp(y, margin, maxY), width: bubble.width, height };
    }
    const x = side === 'right' ? near.right : near.left - bubble.width;
    const y = along ?? Math.round(h.y + h.height / 2 - height / 2);
    return { x: clamp(x, margin, maxX), y: clamp(y, margin, maxY), width: bubble.width, height };
  };

  /** The free place on `side` nearest to centred, away from every box of `keep`; null if there is none. */
  const freeOn = (side: Side, keep: readonly Box[]) => {
    const centred = at(side);
    if (!keep.some((k) => overlaps(centred, k))) return centred;
    const across = side === 'top' || side === 'bottom';
    const size = across ? bubble.width : height;
    // The nearest free place is right before or after one of the boxes (with or without a gap), in whole pixels.
    const tries = keep.flatMap((k) => {
      const [start, length] = across ? [k.x, k.width] : [k.y, k.height];
      const before = Math.floor(start - size);
      const after = Math.ceil(start + length);
      return [before, before - gap, after, after + gap];
    });
    const origin = across ? centred.x : centred.y;
    let best: ReturnType<typeof at> | null = null;
    for (const along of tries) {
      const box = at(side, along);
      if (keep.some((k) => overlaps(box, k))) continue;
      const shift = Math.abs((across ? box.x : box.y) - origin);
      if (!best || shift < Math.abs((across ? best.x : best.y) - origin)) best = box;
    }
    return best;
  };

  // The next targets are kept clear by their own cut-out's box, as the target is.
  const holes = clear.map((c) => hole(c));
  for (let kept = holes.length; kept >= 0; kept--) {
    const keep = [h, ...holes.slice(0, kept)];
    for (const side of fitting) {
      const box = freeOn(side, keep);
      if (box) return { x: box.x, y: box.y, side, ...(maxHeight === undefined ? {} : { maxHeight }) };
    }
  }
  // No room anywhere, not even shortened: the side with the most room, over the target (the person can hide the bubble).
  const side = fitting[0] ?? sides.reduce((a, b) => (room[b] > room[a] ? b : a));
  const box = at(side);
  return { x: box.x, y: box.y, side, ...(maxHeight === undefined ? {} : { maxHeight }) };
}

/** Whether a box lies wholly inside the viewport (then there is no need to scroll to it). */
export function inView(b: Box, viewport: Size): boolean {
  return b.x >= 0 && b.y >= 0 && b.x + b.width <= viewport.width && b.y + b.height <= viewport.height;
}
