import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Memo } from '../../../components/memo/Memo';
import { MemoPage } from '../../../components/memo/MemoPage';
import { memoLines, siteNames } from '../../../components/memo/model';
import { type Guide, guideSchema } from '../../../utils/guide/schema';
import { playedGuide } from '../../../utils/run/played';
import { buttonByText, click, installFrench, mount, TestBackground, unmount, waitFor } from '../popup/harness';
import { guide, guideInput } from '../progress/fixtures';

let container: HTMLElement | undefined;

/** The fixture guide with texts that try to be HTML, and a step that jumps ahead. */
const tricky: Guide = guideSchema.parse({
  ...guideInput,
  id: 'piege',
  title: 'Titre <img src=x onerror="alert(1)">',
  prepare: [{ label: '<script>alert(1)</script>', hint: '<b>gras</b>' }],
  steps: [
    { kind: 'step', id: 'a', action: 'read', instruction: 'Lisez <a href="https://example.org">ceci</a>.', next: 'c' },
    { kind: 'step', id: 'b', action: 'read', instruction: 'Jamais vue.' },
    {
      kind: 'question',
      id: 'c',
      question: 'Vraiment <i>?</i>',
      choices: [
        { label: '<u>Oui</u>', next: 'a' },
        { label: 'Non', next: 'd' },
      ],
    },
    { kind: 'end', id: 'd' },
  ],
});

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  document.documentElement.lang = 'fr';
  document.title = 'Fiche mémo';
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();
const line = (number: number) => container?.querySelector<HTMLElement>(`.memo-line[data-number="${number}"]`);

describe('the memo sheet', () => {
  it('has the title, the duration, the site, and what to have at hand with boxes to tick', async () => {
    container = await mount(<Memo guide={guide} />);
    expect(text(container.querySelector('h1'))).toBe(guide.title);
    expect(container.querySelector('h1')?.getAttribute('lang')).toBe('fr');
    expect(text(container.querySelector('.memo-header .meta'))).toBe('Environ 5 min · Sur le site : exemple.gouv.fr');
    const prepare = [...container.querySelectorAll('.memo-checklist li')];
    expect(prepare.map((li) => text(li.querySelector('label')))).toEqual(['Votre carte Vitale', 'Votre mot de passe']);
    expect(prepare.map((li) => li.querySelector('input[type=checkbox]') !== null)).toEqual([true, true]);
    // The sensitive item says so in words, with an icon: not by colour alone.
    expect(prepare[0]?.querySelector('.sensitive-mark')).toBeNull();
    expect(text(prepare[1]?.querySelector('.sensitive-mark'))).toBe(
      "Information personnelle Tapez-la vous-même. Ne l'écrivez pas sur cette fiche.",
    );
    expect(prepare[1]?.querySelector('.sensitive-mark svg[aria-hidden=true]')).not.toBeNull();
  });

  it('numbers every item in the guide’s order, each step with a box, the sensitive one marked', async () => {
    container = await mount(<Memo guide={guide} />);
    const lines = [...container.querySelectorAll<HTMLElement>('.memo-lines > li')];
    expect(lines.map((li) => [li.dataset.number, li.dataset.itemId])).toEqual(guide.steps.map((item, i) => [String(i + 1), item.id]));
    expect(text(line(2)?.querySelector('.text'))).toBe('Cliquez sur « Se connecter ».');
    expect(text(line(2)?.querySelector('.number'))).toBe('2.');
    for (const n of [2, 3, 4, 5]) {
      const box = line(n)?.querySelector('input[type=checkbox]');
      expect(box?.getAttribute('aria-label')).toBe(`Étape ${n} faite`);
      // The box's description is the step's own text (RGAA 11.2: « Étape 3 faite » alone says not which step).
      const described = container.querySelector(`#${box?.getAttribute('aria-describedby')}`);
      expect(described).toBe(line(n)?.querySelector('.text'));
    }
    expect(line(3)?.querySelector('.sensitive-mark')?.textContent).toContain('Information personnelle');
    expect(line(3)?.querySelector('.sensitive-mark svg')).not.toBeNull();
    expect(container.querySelectorAll('.memo-lines .sensitive-mark')).toHaveLength(1);
  });

  it('shows a question with its choices and where each one leads, and the ends', async () => {
    container = await mount(<Memo guide={guide} />);
    const question = line(1)!;
    expect(text(question.querySelector('.text'))).toBe('Question Avez-vous déjà un compte ?');
    expect([...question.querySelectorAll('.choices label')].map(text)).toEqual(["Oui : allez à l'étape 2.", "Non : allez à l'étape 7."]);
    expect(question.querySelectorAll('.choices input[type=checkbox]')).toHaveLength(2);
    expect(text(line(6)?.querySelector('.text'))).toBe('Fin de la démarche Votre attestation est téléchargée.');
    expect(line(6)?.querySelector('input')).toBeNull();
  });

  it('says where a step leads when it is not the next number', async () => {
    container = await mount(<Memo guide={tricky} />);
    expect(text(line(1)?.querySelector('.goto'))).toBe("Ensuite, allez à l'étape 3.");
    expect(line(2)?.querySelector('.goto')).toBeNull();
    expect(text(line(4)?.querySelector('.text'))).toBe('Fin de la démarche');
  });

  it('leaves room for notes, without asking for anything personal, and names no person', async () => {
    container = await mount(<Memo guide={guide} />);
    const notes = container.querySelector('.memo-notes')!;
    expect(text(notes.querySelector('h2'))).toBe('Mes notes');
    expect(text(notes.querySelector('.hint'))).toBe("N'écrivez ici ni mot de passe, ni numéro personnel.");
    expect(notes.querySelectorAll('.note-line').length).toBeGreaterThanOrEqual(6);
    expect(text(container.querySelector('.memo-footer'))).toBe(
      `Guide « ${guide.title} », version 1.2.0. Cette fiche ne contient aucune donnée personnelle.`,
    );
    expect(container.querySelectorAll('input:not([type=checkbox]), textarea, [contenteditable]')).toHaveLength(0);
  });

  it('shows the guide’s texts as text, never as HTML', async () => {
    container = await mount(<Memo guide={tricky} />);
    expect(container.querySelectorAll('img, script, a, b, i, u')).toHaveLength(0);
    expect(text(container.querySelector('h1'))).toBe('Titre <img src=x onerror="alert(1)">');
    expect(text(container.querySelector('.memo-checklist label'))).toBe('<script>alert(1)</script>');
    expect(text(line(1)?.querySelector('.text'))).toBe('Lisez <a href="https://example.org">ceci</a>.');
    expect(text(line(3)?.querySelector('.choices label'))).toBe("<u>Oui</u> : allez à l'étape 1.");
  });
});

describe('the memo model', () => {
  it('numbers items and resolves where they lead', () => {
    expect(memoLines(tricky)).toEqual([
      { kind: 'step', number: 1, label: '1', id: 'a', text: 'Lisez <a href="https://example.org">ceci</a>.', sensitive: false, goTo: 3 },
      { kind: 'step', number: 2, label: '2', id: 'b', text: 'Jamais vue.', sensitive: false, goTo: null },
      {
        kind: 'question',
        number: 3,
        label: '3',
        id: 'c',
        text: 'Vraiment <i>?</i>',
        choices: [
          { label: '<u>Oui</u>', goTo: 1 },
          { label: 'Non', goTo: 4 },
        ],
      },
      { kind: 'end', number: 4, label: '4', id: 'd', text: null },
    ]);
  });

  it('names the sites as a person reads them', () => {
    expect(
      siteNames([
        'https://*.ameli.fr/*',
        'https://www.impots.gouv.fr/*',
        'http://localhost:8080/*',
        'http://127.0.0.1/*',
        'https://*.ameli.fr/x',
      ]),
    ).toEqual(['ameli.fr', 'www.impots.gouv.fr', 'localhost', '127.0.0.1']);
  });
});

describe('memo.html?guide=<id>', () => {
  const openAt = async (search: string) => {
    window.happyDOM?.setURL(`chrome-extension://cote-a-cote/memo.html${search}`);
    container = await mount(<MemoPage />);
    await waitFor(() => !container?.textContent?.includes('Chargement'), 'the guide');
  };

  it('gets the guide from the background and offers to print it', async () => {
    const background = new TestBackground([guide]);
    background.install();
    // happy-dom has no print dialog.
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true });
    await openAt(`?guide=${guide.id}`);
    expect(background.ofType('guide:get')).toEqual([{ type: 'guide:get', guideId: guide.id, played: true }]);
    expect(text(container?.querySelector('h1'))).toBe(guide.title);
    await waitFor(() => document.title === `Fiche mémo : ${guide.title}`, 'the page title');
    const toolbar = container?.querySelector('.memo-toolbar.no-print');
    await click(buttonByText(toolbar!, 'Imprimer'));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('has no axe violation', async () => {
    new TestBackground([guide]).install();
    await openAt(`?guide=${guide.id}`);
    const results = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('says so when no guide is named, or the guide is not there', async () => {
    new TestBackground([guide]).install();
    await openAt('');
    expect(text(container?.querySelector('[role=alert]'))).toBe(
      "Aucun guide n'est indiqué. Ouvrez la fiche mémo depuis la liste des guides.",
    );
    await unmount(container!);
    await openAt('?guide=inconnu');
    expect(text(container?.querySelector('[role=alert]'))).toBe("Ce guide n'est pas disponible.");
    expect(container?.querySelector('.memo-toolbar')).toBeNull();
  });
});

describe('a guide that runs another guide', () => {
  const inner: Guide = guideSchema.parse({
    ...guideInput,
    id: 'franceconnect-se-connecter',
    title: 'Se connecter avec FranceConnect',
    steps: [
      { kind: 'step', id: 'bouton', action: 'read', instruction: 'Cliquez sur FranceConnect.' },
      { kind: 'step', id: 'compte', action: 'read', instruction: 'Choisissez votre compte.', sensitive: true },
      { kind: 'end', id: 'fin' },
    ],
  });
  const outer: Guide = guideSchema.parse({
    ...guideInput,
    format: 2,
    id: 'demarche',
    status: { state: 'documented', on: '2026-11-20' },
    sources: [{ title: 'Aide <b>officielle</b>', url: 'https://www.exemple.gouv.fr/aide', seen: '2026-11-20' }],
    steps: [
      { kind: 'guide', id: 'connexion', guide: 'franceconnect-se-connecter', instruction: 'Connectez-vous avec FranceConnect.' },
      { kind: 'step', id: 'telecharger', action: 'read', instruction: 'Téléchargez l’attestation.' },
      { kind: 'end', id: 'fin' },
    ],
  });

  it('lists the inner guide’s steps under the step that runs it, numbered 1.1, 1.2, without its end', () => {
    const lines = memoLines(playedGuide(outer, [outer, inner]));
    expect(lines.map((line) => [line.label, line.kind])).toEqual([
      ['1', 'guide'],
      ['2', 'step'],
      ['3', 'end'],
    ]);
    const first = lines[0];
    if (first?.kind !== 'guide') throw new Error('not a guide line');
    expect(first.title).toBe('Se connecter avec FranceConnect');
    expect(first.lines.map((line) => [line.label, line.kind, line.kind === 'step' && line.sensitive])).toEqual([
      ['1.1', 'step', false],
      ['1.2', 'step', true],
    ]);
    // As written, without the inner guide: the step alone, its text standing for it.
    const alone = memoLines(outer)[0];
    expect(alone?.kind === 'guide' && [alone.title, alone.lines]).toEqual([null, []]);
  });

  it('prints the inner steps, the documented status and the sources, as text', async () => {
    container = await mount(<Memo guide={playedGuide(outer, [outer, inner])} />);
    const nested = [...container.querySelectorAll<HTMLElement>('ol.memo-lines.inner > li')];
    expect(nested.map((li) => li.dataset.number)).toEqual(['1.1', '1.2']);
    expect(nested[1]?.querySelector('input')?.getAttribute('aria-label')).toBe('Étape 1.2 faite');
    expect(container.querySelector('.inner-guide-note')?.textContent).toBe(
      'Cette étape suit tout le guide « Se connecter avec FranceConnect », puis revient ici.',
    );
    expect(container.querySelector('.documented')?.textContent).toContain('20 novembre 2026');
    const source = container.querySelector('.memo-sources a');
    expect(source?.textContent).toBe('Aide <b>officielle</b>');
    expect(source?.querySelector('b')).toBeNull();
  });
});
