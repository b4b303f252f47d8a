/**
 * Property: whatever a site does to a DSFR-like form between recording and
 * playback (ids regenerated, classes renamed, wrappers inserted, siblings
 * reordered, a lookalike form added, the target removed), `locate` never
 * returns another element than the recorded one.
 */
import fc from 'fast-check';
import { expect, it, describe as suite } from 'vitest';
import { describe } from '../../../utils/locate/describe';
import { locate } from '../../../utils/locate/locate';

const FIELDS = [
  ['Nom', 'family-name', 'text', 'family-name'],
  ['Prénom', 'given-name', 'text', 'given-name'],
  ['Adresse électronique', 'email', 'email', 'email'],
  ['Téléphone', 'tel', 'tel', 'tel'],
  ['Code postal', 'postal-code', 'text', 'postal-code'],
  ['Ville', 'city', 'text', 'address-level2'],
  ['Mot de passe', 'password', 'password', 'new-password'],
  ['Confirmer le mot de passe', 'password-confirm', 'password', 'new-password'],
] as const;

/** Two forms, each with fields, a radio group and "Précédent"/"Valider" buttons. */
function page(counter: number, legends = ['Identité', 'Coordonnées']): string {
  let n = counter;
  const field = ([label, name, type, ac]: readonly string[]) => {
    const id = `${name}-${n++}`;
    return `<div class="fr-fieldset__element"><div class="fr-input-group"><label class="fr-label" for="${id}">${label}</label>
      <input class="fr-input" name="${name}" autocomplete="${ac}" id="${id}" type="${type}" data-truth="${name}"></div></div>`;
  };
  const radios = (f: number) =>
    ['Madame', 'Monsieur']
      .map((l, i) => {
        const id = `civ-${f}-${n++}`;
        return `<div class="fr-fieldset__element"><div class="fr-radio-group"><input type="radio" id="${id}" name="civ-${f}" value="${i}" data-truth="civ-${f}-${i}"><label class="fr-label" for="${id}">${l}</label></div></div>`;
      })
      .join('');
  const form = (f: number, fields: readonly (readonly string[])[]) => `
    <form id="form-${f}" class="fr-mb-0"><fieldset class="fr-fieldset" id="fs-${n++}"><legend class="fr-fieldset__legend">${legends[f]}</legend>
      ${radios(f)}${fields.map(field).join('')}
      <div class="fr-fieldset__element"><ul class="fr-btns-group fr-btns-group--inline">
        <li><button class="fr-btn fr-btn--secondary" id="button-${n++}" type="button" data-truth="prev-${f}">Précédent</button></li>
        <li><button class="fr-btn" id="button-${n++}" type="submit" data-truth="ok-${f}">Valider</button></li>
      </ul></div></fieldset></form>`;
  return `<main><h1>Création de compte</h1>${form(0, FIELDS.slice(0, 4))}${form(1, FIELDS.slice(4))}</main>`;
}

type Mutation =
  | { kind: 'regen-ids'; shift: number }
  | { kind: 'rename-classes'; salt: string }
  | { kind: 'wrap'; at: number }
  | { kind: 'reorder'; at: number; seed: number }
  | { kind: 'lookalike'; legend: string }
  | { kind: 'remove-target' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('regen-ids' as const), shift: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ kind: fc.constant('rename-classes' as const), salt: fc.stringMatching(/^[a-z]{2,6}$/) }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('reorder' as const), at: fc.nat(), seed: fc.nat() }),
  fc.record({ kind: fc.constant('lookalike' as const), legend: fc.constantFrom('Adresse postale', 'Représentant légal', 'Contact') }),
  fc.record({ kind: fc.constant('remove-target' as const) }),
);

function apply(m: Mutation, truth: string): void {
  const all = () => Array.from(document.querySelectorAll('main *'));
  switch (m.kind) {
    case 'regen-ids': {
      const map = new Map<string, string>();
      for (const el of all()) {
        if (!el.id) continue;
        const id = el.id.replace(/\d+$/, (d) => String(Number(d) + m.shift));
        map.set(el.id, id);
        el.id = id;
      }
      for (const l of Array.from(document.querySelectorAll('label[for]')))
        l.setAttribute('for', map.get(l.getAttribute('for') ?? '') ?? '');
      break;
    }
    case 'rename-classes':
      for (const el of all())
        if (el.classList.length) el.className = Array.from(el.classList, (c) => `${m.salt}-${c.replace(/^fr-/, '')}`).join(' ');
      break;
    case 'wrap': {
      const els = all().filter((e) => e.localName !== 'li' && e.localName !== 'legend' && e.localName !== 'label');
      const el = els[m.at % els.length]!;
      const w = document.createElement('div');
      w.className = 'wrapper';
      el.replaceWith(w);
      w.append(el);
      break;
    }
    case 'reorder': {
      const parents = all().filter((e) => e.children.length > 1 && (e.localName === 'ul' || e.localName === 'fieldset'));
      const p = parents[m.at % parents.length]!;
      const kids = Array.from(p.children).filter((k) => k.localName !== 'legend');
      let s = m.seed;
      for (let i = kids.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [kids[i], kids[j]] = [kids[j]!, kids[i]!];
      }
      for (const k of kids) p.append(k);
      break;
    }
    case 'lookalike': {
      // Another form of the same kind, elsewhere, with another legend: same fields, same buttons.
      const src = document.querySelector(`[data-truth="${truth}"]`)?.closest('form') ?? document.querySelector('form');
      if (!src) break;
      const copy = src.cloneNode(true) as Element;
      for (const el of Array.from(copy.querySelectorAll('[data-truth]'))) el.removeAttribute('data-truth');
      for (const el of Array.from(copy.querySelectorAll('[id]'))) el.id = `copy-${el.id}`;
      for (const l of Array.from(copy.querySelectorAll('label[for]'))) l.setAttribute('for', `copy-${l.getAttribute('for')}`);
      const legend = copy.querySelector('legend');
      if (legend) legend.textContent = m.legend;
      document.querySelector('main')?.append(copy);
      break;
    }
    case 'remove-target':
      document.querySelector(`[data-truth="${truth}"]`)?.remove();
      break;
  }
}

const TRUTHS = [...FIELDS.map((f) => f[1]), 'civ-0-0', 'civ-0-1', 'civ-1-0', 'civ-1-1', 'prev-0', 'ok-0', 'prev-1', 'ok-1'];

suite('locate never returns a wrong element (property)', () => {
  it('under seeded random site changes', () => {
    const stats = { found: 0, ambiguous: 0, notFound: 0, foundWhenIntact: 0, intact: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom(...TRUTHS),
        fc.integer({ min: 1000, max: 9000 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (truth, counter, mutations) => {
          document.body.innerHTML = page(counter);
          const d = describe(document.querySelector(`[data-truth="${truth}"]`) as Element);
          for (const m of mutations) apply(m, truth);
          const target = document.querySelector(`[data-truth="${truth}"]`);
          const r = locate(d, document);
          if (r.status === 'found') {
            stats.found++;
            expect(r.element).toBe(target);
          } else if (r.status === 'ambiguous') stats.ambiguous++;
          else stats.notFound++;
          if (target) {
            stats.intact++;
            if (r.status === 'found') stats.foundWhenIntact++;
          }
        },
      ),
      { seed: 20240611, numRuns: 150 },
    );
    console.info('property stats', stats);
    // Not only silent: the target is found in most runs where it still exists.
    expect(stats.foundWhenIntact / stats.intact).toBeGreaterThan(0.9);
  }, 90_000);
});
