import { afterEach, beforeEach, expect, it, describe as suite, vi } from 'vitest';
import { describe } from '../../../utils/locate/describe';
import type { LocateResult } from '../../../utils/locate/locate';
import { watch } from '../../../utils/locate/watch';

const PAGE = `<main><h2>Connexion</h2><form><fieldset><legend>Se connecter</legend>
  <label for="u-1">Identifiant</label><input id="u-1" name="username" autocomplete="username">
  <button type="submit" class="fr-btn">Se connecter</button></fieldset></form></main>`;

/** Collects callbacks; `next()` resolves with the next result (no fixed sleep). */
function recorder() {
  const results: LocateResult[] = [];
  const waiters: ((r: LocateResult) => void)[] = [];
  let read = 0;
  return {
    results,
    callback: (r: LocateResult) => {
      results.push(r);
      const w = waiters.shift();
      if (w) w(results[read++]!);
    },
    next: () =>
      new Promise<LocateResult>((resolve) => {
        if (read < results.length) resolve(results[read++]!);
        else waiters.push(resolve);
      }),
  };
}

let stop: (() => void) | undefined;
beforeEach(() => {
  document.body.innerHTML = PAGE;
});
afterEach(() => {
  stop?.();
  stop = undefined;
});

suite('watch', () => {
  it('reports the first result at once, then appearance, replacement and disappearance', async () => {
    const d = describe(document.querySelector('input') as Element);
    document.querySelector('form')?.remove();
    const rec = recorder();
    stop = watch(d, document, rec.callback);
    expect(rec.results).toEqual([{ status: 'not-found' }]);
    expect(await rec.next()).toEqual({ status: 'not-found' });

    // Appears later (an SPA renders the form).
    document.querySelector('main')?.insertAdjacentHTML('beforeend', PAGE.replace(/^<main>[\s\S]*?(<form>[\s\S]*<\/form>)<\/main>$/, '$1'));
    const appeared = await rec.next();
    expect(appeared.status).toBe('found');
    const first = document.querySelector('input');
    if (appeared.status === 'found') expect(appeared.element).toBe(first);

    // Replaced by a copy after a re-render: a new node with a new generated id.
    const form = document.querySelector('form') as HTMLFormElement;
    form.outerHTML = form.outerHTML.replaceAll('u-1', 'u-2');
    const replaced = await rec.next();
    expect(replaced.status).toBe('found');
    if (replaced.status === 'found') {
      expect(replaced.element).not.toBe(first);
      expect(replaced.element).toBe(document.querySelector('input'));
    }

    // Disappears (hidden by the page).
    (document.querySelector('form') as HTMLElement).hidden = true;
    expect(await rec.next()).toEqual({ status: 'not-found' });
  });

  it('tells out of sight from gone: the target in a tab panel closed, opened, then taken away', async () => {
    const panel = (n: number, hidden: boolean) =>
      `<div role="tabpanel" id="panel-${n}"${hidden ? ' hidden' : ''}><h3>Contenu</h3><p>Texte.</p><p><a href="/aide" id="link-${n}">En savoir plus</a></p></div>`;
    document.body.innerHTML = `<main>${panel(1, false)}${panel(2, true)}</main>`;
    const d = describe(document.querySelector('#link-1') as Element);
    const [one, two] = ['#panel-1', '#panel-2'].map((id) => document.querySelector(id) as HTMLElement);
    if (!one || !two) throw new Error('no panels');
    one.hidden = true;
    two.hidden = false;
    const rec = recorder();
    stop = watch(d, document, rec.callback);
    expect(await rec.next()).toEqual({ status: 'not-found', outOfSight: true });
    // The person opens the first tab.
    one.hidden = false;
    two.hidden = true;
    const opened = await rec.next();
    expect(opened.status === 'found' && opened.element).toBe(document.querySelector('#link-1'));
    // The tabs change again, then the target is taken away: no longer out of sight, gone.
    one.hidden = true;
    two.hidden = false;
    expect(await rec.next()).toEqual({ status: 'not-found', outOfSight: true });
    document.querySelector('#link-1')?.remove();
    document.querySelector('#link-2')?.remove();
    expect(await rec.next()).toEqual({ status: 'not-found' });
  });

  it('calls back when the control to open changes: the outer tab opened, the inner one is next', async () => {
    const page = (outer: boolean, inner: boolean) =>
      `<main><button role="tab" aria-controls="outer">Détails</button><div role="tabpanel" id="outer"${outer ? '' : ' hidden'}>` +
      `<button role="tab" aria-controls="inner">Aide</button><div role="tabpanel" id="inner"${inner ? '' : ' hidden'}>` +
      `<p><a href="/aide" id="link">Comment faire ?</a></p></div></div></main>`;
    document.body.innerHTML = page(true, true);
    const d = describe(document.querySelector('#link') as Element);
    document.body.innerHTML = page(false, false);
    const rec = recorder();
    stop = watch(d, document, rec.callback);
    expect(await rec.next()).toEqual({ status: 'not-found', outOfSight: true, opener: document.querySelector('[aria-controls=outer]') });
    (document.querySelector('#outer') as HTMLElement).hidden = false;
    expect(await rec.next()).toEqual({ status: 'not-found', outOfSight: true, opener: document.querySelector('[aria-controls=inner]') });
    (document.querySelector('#inner') as HTMLElement).hidden = false;
    const opened = await rec.next();
    expect(opened.status === 'found' && opened.element).toBe(document.querySelector('#link'));
  });

  it('does not call back when the result does not change, and batches a burst of mutations', async () => {
    const d = describe(document.querySelector('input') as Element);
    const rec = recorder();
    stop = watch(d, document, rec.callback);
    await rec.next();
    const main = document.querySelector('main') as HTMLElement;
    for (let i = 0; i < 50; i++) main.insertAdjacentHTML('beforeend', `<p>ligne ${i}</p>`);
    // A change that matters, after the unrelated ones: only it is reported.
    document.querySelector('form')?.remove();
    expect(await rec.next()).toEqual({ status: 'not-found' });
    expect(rec.results.length).toBe(2);
  });

  it('ignores mutations inside our own overlay host', async () => {
    const d = describe(document.querySelector('input') as Element);
    const host = document.createElement('cote-a-cote-overlay');
    document.body.append(host);
    const rec = recorder();
    const ignore = vi.fn((n: Node) => host.contains(n));
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    stop = watch(d, document, rec.callback, { ignore });
    await rec.next();
    host.append(document.createElement('div'));
    host.setAttribute('class', 'moved');
    await vi.waitFor(() => expect(ignore).toHaveBeenCalled());
    expect(raf).not.toHaveBeenCalled();
    raf.mockRestore();
  });

  it('stops cleanly: the pending frame is cancelled, the observer disconnected', async () => {
    const d = describe(document.querySelector('input') as Element);
    const rec = recorder();
    // A manual frame queue makes the order of events certain.
    const frames = new Map<number, FrameRequestCallback>();
    let ids = 0;
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
      frames.set(++ids, cb);
      return ids;
    });
    const caf = vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => void frames.delete(id));
    try {
      const s = watch(d, document, rec.callback);
      expect(rec.results.length).toBe(1);
      document.querySelector('form')?.remove();
      await vi.waitFor(() => expect(raf).toHaveBeenCalledTimes(1));
      s();
      expect(caf).toHaveBeenCalledWith(1);
      document.querySelector('main')?.insertAdjacentHTML('beforeend', '<input name="username">');
      await Promise.resolve();
      for (const cb of frames.values()) cb(0);
      expect(raf).toHaveBeenCalledTimes(1);
      expect(rec.results.length).toBe(1);
    } finally {
      raf.mockRestore();
      caf.mockRestore();
    }
  });

  it('falls back to setTimeout without requestAnimationFrame', async () => {
    const d = describe(document.querySelector('input') as Element);
    const saved = window.requestAnimationFrame;
    // @ts-expect-error: simulate an environment without rAF
    window.requestAnimationFrame = undefined;
    try {
      const rec = recorder();
      stop = watch(d, document, rec.callback);
      await rec.next();
      document.querySelector('form')?.remove();
      expect(await rec.next()).toEqual({ status: 'not-found' });
    } finally {
      window.requestAnimationFrame = saved;
    }
  });
});
