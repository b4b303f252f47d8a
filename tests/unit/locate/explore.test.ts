import { describe as suite, it } from 'vitest';
import { describe } from '../../../utils/locate/describe';
import { locate } from '../../../utils/locate/locate';
import { dsfrBody, PAGES, INTERACTIVE } from './dsfr-fixtures';

suite('explore', () => {
  it('cross', () => {
    for (const page of [PAGES.login]) for (const from of ['1.9.3'] as const) {
      document.body.innerHTML = dsfrBody(page[from]);
      const els = Array.from(document.querySelectorAll(INTERACTIVE)).filter(e => !e.closest('main'));
      let t0 = performance.now();
      const descs = els.map((e) => describe(e));
      const td = performance.now() - t0;
      document.body.innerHTML = dsfrBody(page['1.14.4']);
      const counts: Record<string, number> = {};
      t0 = performance.now();
      for (const d of descs) {
        const r = locate(d, document);
        counts[r.status] = (counts[r.status] ?? 0) + 1;
        if (r.status === 'found') {
          const e = r.element;
          const line = `${(els[descs.indexOf(d)] as Element).id}=>${e.id} ${d.tag} ${d.name ?? d.text} [${d.context}] -> ${e.localName} ${(e.textContent ?? '').trim().slice(0,40)} ${e.getAttribute('name') ?? ''} ${r.confidence}`;
          if (process.env.V) console.log(line);
        } else if (process.env.V2) console.log(r.status, r.status === 'ambiguous' ? r.candidates.length : '', JSON.stringify(d).slice(0, 400));
      }
      console.log(page[from], els.length, counts, 'describe ms', td.toFixed(0), 'locate ms', (performance.now() - t0).toFixed(0));
    }
  }, 600000);
});
