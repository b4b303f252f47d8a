/**
 * The content scripts' own context: cleanup through its signal, a newer copy
 * of the script stopping the older one, a reloaded extension noticed, and the
 * page's changes of address heard by our code, with nothing told to the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type PageContext, startPageContext, WATCH_MS } from '../../../components/page/context';

describe('the page context', () => {
  let contexts: PageContext[] = [];
  const start = (name = 'test', alive = () => true) => {
    const ctx = startPageContext(name, { alive });
    contexts.push(ctx);
    return ctx;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/depart');
  });
  afterEach(() => {
    for (const ctx of contexts) ctx.invalidate();
    contexts = [];
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('stops its listeners, timeouts and callbacks with its signal', () => {
    const ctx = start();
    const heard = vi.fn();
    const later = vi.fn();
    const cleanup = vi.fn();
    ctx.addEventListener(document, 'keydown', heard);
    ctx.setTimeout(later, 10);
    ctx.onInvalidated(cleanup);
    document.dispatchEvent(new Event('keydown'));
    expect(heard).toHaveBeenCalledTimes(1);
    ctx.invalidate();
    expect(ctx.signal.aborted).toBe(true);
    expect(ctx.isInvalid).toBe(true);
    expect(cleanup).toHaveBeenCalledTimes(1);
    document.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(50);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(later).not.toHaveBeenCalled();
  });

  it('stops an older copy of the same script started again in this world, not another script', () => {
    const older = start('content');
    const recorder = start('recorder');
    const newer = start('content');
    expect(older.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
    expect(recorder.signal.aborted).toBe(false);
  });

  it('stops when the extension is gone (reloaded or removed): noticed at once when asked, or by its watch', () => {
    let alive = true;
    const asked = start('a', () => alive);
    const watched = start('b', () => alive);
    alive = false;
    expect(asked.isInvalid).toBe(true);
    expect(watched.signal.aborted).toBe(false);
    vi.advanceTimersByTime(WATCH_MS);
    expect(watched.signal.aborted).toBe(true);
  });

  it('hears the page’s changes of address, and tells the page nothing', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const onWindow = vi.spyOn(window, 'dispatchEvent');
    const onDocument = vi.spyOn(document, 'dispatchEvent');
    const pageHeard = vi.fn();
    window.addEventListener('message', pageHeard);
    const ctx = start('content');
    const changes: string[] = [];
    ctx.onLocationChange((url) => changes.push(new URL(url).pathname + new URL(url).hash));
    // A single-page site's pushState: no event says it, the watch reads it.
    history.pushState(null, '', '/etape-2');
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(WATCH_MS);
    expect(changes).toEqual(['/etape-2']);
    vi.advanceTimersByTime(WATCH_MS * 3);
    expect(changes).toEqual(['/etape-2']);
    // Back, forward and anchors come at once, by the page's own events.
    history.pushState(null, '', '/etape-3');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(changes).toEqual(['/etape-2', '/etape-3']);
    onWindow.mockClear();
    // Nothing posted or dispatched by the context (the popstate above was the test's own).
    ctx.invalidate();
    history.pushState(null, '', '/etape-4');
    vi.advanceTimersByTime(WATCH_MS * 2);
    expect(changes).toEqual(['/etape-2', '/etape-3']);
    expect(posted).not.toHaveBeenCalled();
    expect(onWindow).not.toHaveBeenCalled();
    expect(onDocument).not.toHaveBeenCalled();
    expect(pageHeard).not.toHaveBeenCalled();
    window.removeEventListener('message', pageHeard);
  });
});
