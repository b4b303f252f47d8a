// Whether the bubble has a side with room that covers neither the target nor the next one: the test's own answer,
// by trying every whole pixel, to compare the overlay's placement with (unit tests and real browsers alike).
import { GAP, hole, MARGIN } from '../../../components/overlay/geometry';
import type { Box } from './overlay';

interface Size {
  width: number;
  height: number;
}

/** Whether two boxes overlap by more than `tolerance` pixels on both axes (touching edges do not). */
export function covers(a: Box, b: Box, tolerance = 0): boolean {
  const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return dx > tolerance && dy > tolerance;
}

/**
 * Whether the bubble can stand whole beside the target (below, above, right or left, `GAP` from its
 * cut-out, `MARGIN` inside the viewport), somewhere along that side, without covering the cut-out of
 * the target nor of any box of `keepClear`.
 */
export function roomBeside(target: Box, keepClear: readonly Box[], bubble: Size, viewport: Size): boolean {
  const h = hole(target);
  const boxes = [h, ...keepClear.map((box) => hole(box))];
  const free = (b: Box) => !boxes.some((box) => covers(b, box));
  const below = Math.max(MARGIN, Math.ceil(h.y + h.height + GAP));
  const above = Math.min(Math.floor(h.y - GAP) - bubble.height, viewport.height - MARGIN - bubble.height);
  const right = Math.max(MARGIN, Math.ceil(h.x + h.width + GAP));
  const left = Math.min(Math.floor(h.x - GAP) - bubble.width, viewport.width - MARGIN - bubble.width);
  const lastX = viewport.width - MARGIN - bubble.width;
  const lastY = viewport.height - MARGIN - bubble.height;
  const rows = [below, above].filter((y) => y >= MARGIN && y <= lastY);
  const columns = [right, left].filter((x) => x >= MARGIN && x <= lastX);
  for (const y of rows) for (let x = MARGIN; x <= lastX; x++) if (free({ x, y, ...bubble })) return true;
  for (const x of columns) for (let y = MARGIN; y <= lastY; y++) if (free({ x, y, ...bubble })) return true;
  return false;
}
