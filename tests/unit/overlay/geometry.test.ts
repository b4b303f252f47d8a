import { describe, expect, it } from 'vitest';
import { cutoutPath, GAP, hole, inView, MARGIN, PAD, place } from '../../../components/overlay/geometry';

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

describe('inView', () => {
  it('is true only for a box wholly inside the viewport', () => {
    expect(inView({ x: 0, y: 0, width: 1000, height: 800 }, viewport)).toBe(true);
    expect(inView({ x: 0, y: 790, width: 10, height: 20 }, viewport)).toBe(false);
    expect(inView({ x: -1, y: 0, width: 10, height: 20 }, viewport)).toBe(false);
  });
});
