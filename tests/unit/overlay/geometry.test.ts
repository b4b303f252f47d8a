import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cutoutPath,
  GAP,
  hole,
  inView,
  MARGIN,
  MIN_EXTENT,
  MIN_SCROLLING_HEIGHT,
  PAD,
  place,
  spotlight,
} from '../../../components/overlay/geometry';
import { covers, roomBeside } from '../../e2e/playback/bubble-room';

const viewport = { width: 1000, height: 800 };
const bubble = { width: 300, height: 200 };

describe('hole', () => {
  it('grows the target by the padding on every side', () => {
    expect(hole({ x: 10, y: 20, width: 30, height: 40 })).toEqual({ x: 10 - PAD, y: 20 - PAD, width: 30 + 2 * PAD, height: 40 + 2 * PAD });
  });
});

describe('cutoutPath', () => {
  it('is the viewport rectangle, then a closed rounded rectangle on the hole', () => {
    const d = cutoutPath(viewport, { x: 100, y: 50, width: 200, height: 40 }, 8);
    expect(d).toBe('M0 0H1000V800H0ZM108 50h184a8 8 0 0 1 8 8v24a8 8 0 0 1 -8 8h-184a8 8 0 0 1 -8 -8v-24a8 8 0 0 1 8 -8Z');
  });
  it('ends where it starts: the relative moves of the hole add up to zero', () => {
    const h = { x: 12.5, y: 7, width: 33, height: 9 };
    const d = cutoutPath(viewport, h);
    const hole = d.slice(d.indexOf('Z') + 1);
    const start = hole.match(/^M([\d.]+) ([\d.]+)/)!;
    expect(Number(start[1])).toBeCloseTo(h.x + Math.min(8, h.height / 2));
    let dx = 0;
    let dy = 0;
    for (const [, cmd, a] of hole.matchAll(/([hv])(-?[\d.]+)/g)) {
      if (cmd === 'h') dx += Number(a);
      if (cmd === 'v') dy += Number(a);
    }
    for (const arc of hole.matchAll(/a[\d.]+ [\d.]+ 0 0 1 (-?[\d.]+) (-?[\d.]+)/g)) {
      dx += Number(arc[1]);
      dy += Number(arc[2]);
    }
    expect(dx).toBeCloseTo(0);
    expect(dy).toBeCloseTo(0);
  });
  it('keeps the radius within half the hole', () => {
    expect(cutoutPath(viewport, { x: 0, y: 0, width: 100, height: 6 }, 8)).toContain('a3 3 0 0 1');
  });
});

describe('place', () => {
  it('puts the bubble below the target, centred on it', () => {
    const p = place({ x: 400, y: 100, width: 200, height: 40 }, bubble, viewport);
    expect(p.side).toBe('bottom');
    expect(p.y).toBe(100 + 40 + PAD + GAP);
    expect(p.x).toBe(400 + 100 - 150);
  });
  it('goes above when there is no room below', () => {
    const p = place({ x: 400, y: 650, width: 200, height: 40 }, bubble, viewport);
    expect(p.side).toBe('top');
    expect(p.y + bubble.height).toBe(650 - PAD - GAP);
  });
  it('goes to the side of a target as tall as the viewport', () => {
    const p = place({ x: 100, y: 50, width: 200, height: 700 }, bubble, viewport);
    expect(p.side).toBe('right');
    expect(p.x).toBe(100 + 200 + PAD + GAP);
  });
  it('stays inside the viewport near its edges and when the target is out of view', () => {
    for (const target of [
      { x: 0, y: 100, width: 20, height: 20 },
      { x: 980, y: 100, width: 20, height: 20 },
      { x: 400, y: -500, width: 200, height: 40 },
      { x: 400, y: 5000, width: 200, height: 40 },
      { x: -100, y: -100, width: 2000, height: 2000 },
    ]) {
      const p = place(target, bubble, viewport);
      expect(p.x).toBeGreaterThanOrEqual(MARGIN);
      expect(p.y).toBeGreaterThanOrEqual(MARGIN);
      expect(p.x + bubble.width).toBeLessThanOrEqual(viewport.width - MARGIN);
      expect(p.y + bubble.height).toBeLessThanOrEqual(viewport.height - MARGIN);
    }
  });
  it('never covers the target when there is room on some side', () => {
    const target = { x: 700, y: 300, width: 250, height: 200 };
    const p = place(target, bubble, viewport);
    const h = hole(target);
    const overlaps = p.x < h.x + h.width && p.x + bubble.width > h.x && p.y < h.y + h.height && p.y + bubble.height > h.y;
    expect(overlaps).toBe(false);
  });
});

describe('place, when the bubble fits whole nowhere (large text)', () => {
  const laptop = { width: 1280, height: 800 };
  const big = { width: 768, height: 478 };
  const overlaps = (p: { x: number; y: number; maxHeight?: number }, target: Parameters<typeof hole>[0]) => {
    const h = hole(target);
    const height = p.maxHeight ?? big.height;
    return p.x < h.x + h.width && p.x + big.width > h.x && p.y < h.y + h.height && p.y + height > h.y;
  };
  it('goes where there is more room, shortened so that it scrolls, and leaves the target clear', () => {
    const target = { x: 137, y: 340, width: 606, height: 56 };
    const p = place(target, big, laptop);
    expect(p.side).toBe('bottom');
    expect(p.maxHeight).toBe(laptop.height - (340 + 56 + PAD) - GAP - MARGIN);
    expect(p.maxHeight).toBeLessThan(big.height);
    expect(overlaps(p, target)).toBe(false);
    expect(p.y + (p.maxHeight ?? 0)).toBeLessThanOrEqual(laptop.height - MARGIN);
    const higher = place({ ...target, y: 500 }, big, laptop);
    expect(higher.side).toBe('top');
    expect(overlaps(higher, { ...target, y: 500 })).toBe(false);
  });
  it('is not shortened when it fits whole on a side', () => {
    expect(place({ x: 137, y: 100, width: 606, height: 56 }, big, laptop).maxHeight).toBeUndefined();
  });
  it('covers the target rather than shrink below a readable height', () => {
    const tall = { x: 137, y: 100, width: 606, height: 560 };
    const p = place(tall, big, laptop);
    expect(p.maxHeight).toBeUndefined();
    expect(p.y + big.height).toBeLessThanOrEqual(laptop.height - MARGIN);
    expect(MIN_SCROLLING_HEIGHT).toBeGreaterThan(laptop.height - (100 + 560 + PAD) - GAP - MARGIN);
  });
});

describe('place, keeping the next target clear', () => {
  const laptop = { width: 1280, height: 800 };
  const small = { width: 400, height: 200 };
  const boxOf = (p: { x: number; y: number; maxHeight?: number }, size = small) => ({
    ...size,
    x: p.x,
    y: p.y,
    height: p.maxHeight ?? size.height,
  });
  // A login form: the e-mail field, and the password field right under it.
  const email = { x: 340, y: 300, width: 600, height: 40 };
  const password = { x: 340, y: 380, width: 600, height: 40 };

  it('covers the next field when it is not told of it (what it did before)', () => {
    expect(covers(boxOf(place(email, small, laptop)), password)).toBe(true);
  });
  it('goes above the target when below would cover the next field, wherever it slides', () => {
    const p = place(email, small, laptop, [password]);
    expect(p.side).toBe('top');
    expect(p.y + small.height).toBeLessThanOrEqual(email.y - PAD - GAP);
    expect(covers(boxOf(p), hole(password))).toBe(false);
  });
  it('slides along the side it prefers, the least it can, to leave a smaller next target clear', () => {
    const button = { x: 700, y: 380, width: 200, height: 40 };
    const p = place(email, small, laptop, [button]);
    expect(p.side).toBe('bottom');
    // Just left of the button's cut-out: the nearest free place to the centred one.
    expect(p.x + small.width).toBe(button.x - PAD);
    expect(covers(boxOf(p), hole(button))).toBe(false);
    expect(covers(boxOf(p), hole(email))).toBe(false);
  });
  it('keeps the target clear first, then the next target, when no side can leave them all clear', () => {
    const everywhere = { x: 0, y: 0, width: laptop.width, height: laptop.height };
    const p = place(email, small, laptop, [everywhere]);
    expect(p).toEqual(place(email, small, laptop));
    expect(covers(boxOf(p), hole(email))).toBe(false);
    // The next target is kept clear even if the one after it cannot be.
    const q = place(email, small, laptop, [password, everywhere]);
    expect(covers(boxOf(q), hole(password))).toBe(false);
    expect(covers(boxOf(q), hole(email))).toBe(false);
  });
  it('leaves the next target clear with a shortened bubble too, when it fits whole nowhere', () => {
    const big = { width: 768, height: 478 };
    const target = { x: 137, y: 340, width: 606, height: 56 };
    // A button below the field, on the left: the bubble slides to its right.
    const button = { x: 137, y: 420, width: 120, height: 40 };
    const p = place(target, big, laptop, [button]);
    expect(p.side).toBe('bottom');
    expect(p.maxHeight).toBeDefined();
    expect(covers(boxOf(p, big), hole(button))).toBe(false);
    expect(covers(boxOf(p, big), hole(target))).toBe(false);
  });

  it('covers neither the target nor the next one, inside the viewport, whenever a side has room (any layout)', () => {
    let withRoom = 0;
    const layout = fc.record({ vw: fc.integer({ min: 480, max: 1600 }), vh: fc.integer({ min: 400, max: 1000 }) }).chain(({ vw, vh }) => {
      const box = fc.record({
        x: fc.integer({ min: -100, max: vw }),
        y: fc.integer({ min: -100, max: vh }),
        width: fc.integer({ min: 4, max: vw }),
        height: fc.integer({ min: 4, max: 300 }),
      });
      return fc.record({
        viewport: fc.constant({ width: vw, height: vh }),
        bubble: fc.record({ width: fc.integer({ min: 120, max: vw - 2 * MARGIN }), height: fc.integer({ min: 60, max: 360 }) }),
        target: box,
        next: box,
      });
    });
    fc.assert(
      fc.property(layout, ({ viewport, bubble, target, next }) => {
        if (!roomBeside(target, [next], bubble, viewport)) return;
        withRoom++;
        const p = place(target, bubble, viewport, [next]);
        const b = boxOf(p, bubble);
        expect(p.maxHeight).toBeUndefined();
        expect(covers(b, hole(target)), 'covers the target').toBe(false);
        expect(covers(b, hole(next)), 'covers the next target').toBe(false);
        expect(b.x).toBeGreaterThanOrEqual(MARGIN);
        expect(b.y).toBeGreaterThanOrEqual(MARGIN);
        expect(b.x + b.width).toBeLessThanOrEqual(viewport.width - MARGIN);
        expect(b.y + b.height).toBeLessThanOrEqual(viewport.height - MARGIN);
      }),
      { numRuns: 2000 },
    );
    // The property was tried on many layouts where it says something.
    expect(withRoom).toBeGreaterThan(300);
  });
  it('always keeps the target clear when a side has room for it, whatever the next target', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.integer({ min: 0, max: 1200 }),
          y: fc.integer({ min: 0, max: 760 }),
          width: fc.integer({ min: 4, max: 400 }),
          height: fc.integer({ min: 4, max: 200 }),
        }),
        fc.record({
          x: fc.integer({ min: -50, max: 1280 }),
          y: fc.integer({ min: -50, max: 800 }),
          width: fc.integer({ min: 4, max: 1400 }),
          height: fc.integer({ min: 4, max: 900 }),
        }),
        (target, next) => {
          if (!roomBeside(target, [], small, laptop)) return;
          expect(covers(boxOf(place(target, small, laptop, [next])), hole(target))).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('inView', () => {
  it('is true only for a box wholly inside the viewport', () => {
    expect(inView({ x: 0, y: 0, width: 1000, height: 800 }, viewport)).toBe(true);
    expect(inView({ x: 0, y: 790, width: 10, height: 20 }, viewport)).toBe(false);
    expect(inView({ x: -1, y: 0, width: 10, height: 20 }, viewport)).toBe(false);
  });
});

describe('spotlight', () => {
  const viewport = { width: 1280, height: 800 };
  /** The dimmed square of a spotlight's path, in the viewport once moved to (x, y). */
  const outer = (s: ReturnType<typeof spotlight>) => {
    const e = Number(/^M(-?\d+) /.exec(s.d)?.[1]);
    return { left: s.x + e, top: s.y + e, right: s.x - e, bottom: s.y - e };
  };

  it('moves with its hole without changing its shapes: a scroll only changes the translation', () => {
    const a = spotlight(viewport, { x: 100, y: 200, width: 312, height: 52 });
    const b = spotlight(viewport, { x: 100, y: 37.5, width: 312, height: 52 });
    expect(b.d).toBe(a.d);
    expect([b.x, b.y]).toEqual([100, 37.5]);
  });

  it('dims the whole viewport wherever the hole is, even far out of view', () => {
    for (const h of [
      { x: 0, y: 0, width: 40, height: 40 },
      { x: 1200, y: 760, width: 300, height: 200 },
      { x: -9000, y: 30000, width: 200, height: 40 },
    ]) {
      const o = outer(spotlight(viewport, h));
      expect(o.left).toBeLessThanOrEqual(0);
      expect(o.top).toBeLessThanOrEqual(0);
      expect(o.right).toBeGreaterThanOrEqual(viewport.width);
      expect(o.bottom).toBeGreaterThanOrEqual(viewport.height);
    }
    expect(outer(spotlight(viewport, { x: 10, y: 10, width: 40, height: 40 })).right).toBe(10 + MIN_EXTENT);
  });

  it('cuts the same rounded hole as the viewport path, at 0,0', () => {
    const h = { x: 94, y: 194, width: 312, height: 52 };
    const local = spotlight(viewport, h).d.replace(/^M[^Z]*Z/, '');
    expect(local).toBe(cutoutPath(viewport, { ...h, x: 0, y: 0 }).replace(/^M[^Z]*Z/, ''));
  });
});
