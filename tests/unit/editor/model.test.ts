import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Autosaver,
  addChoice,
  addItem,
  addPrepare,
  addSite,
  canRedo,
  canUndo,
  changeKind,
  commit,
  conflictOf,
  copyOfBundled,
  createHistory,
  duplicateItem,
  exportFileName,
  exportGuide,
  fieldDomId,
  fieldOf,
  fingerprint,
  fromGuide,
  fromStored,
  GROUP_MS,
  isSavedInMyGuides,
  isTooBig,
  joinPath,
  listWorking,
  looksLikeRecording,
  MAX_HISTORY,
  moveItem,
  movePrepare,
  newDocId,
  newGuide,
  parsePath,
  pickTestTab,
  planImport,
  problemsBeforeVerifying,
  problemsByField,
  readImportText,
  redo,
  removeChoice,
  removeItem,
  removePrepare,
  removeSite,
  setAction,
  setChoiceLabel,
  setChoiceNext,
  setDoneWhen,
  setDuration,
  setGuideText,
  setItemId,
  setItemText,
  setNext,
  setPrepareSensitive,
  setPrepareText,
  setSensitive,
  setSite,
  setStatusField,
  setStatusState,
  shortMessage,
  toStored,
  undo,
  type WorkingCopy,
  workingKey,
} from '../../../utils/editor';
import { MAX_GUIDE_BYTES, parseGuide } from '../../../utils/guide/parse';
import { useLocale } from '../i18n/locale';
import { bundledGuide, RECORDED_EMAIL, RECORDED_PASSWORD, recorderFile, sampleGuide } from './fixtures';

const working = (): WorkingCopy => fromGuide(structuredClone(sampleGuide), { doc: 'd1', origin: 'edited', savedId: sampleGuide.id });
const ids = (copy: WorkingCopy) => copy.guide.steps.map((item) => item.id);
const valid = (copy: WorkingCopy) => parseGuide(copy.guide).ok;

describe('working copy', () => {
  it('starts a new guide with a step to write and an end, whose problems say what is missing', () => {
    const copy = newGuide('d');
    expect(ids(copy)).toEqual(['etape-1', 'fin']);
    expect(copy.keys).toHaveLength(2);
    const parsed = parseGuide(copy.guide);
    expect(parsed.ok).toBe(false);
    const paths = parsed.ok ? [] : parsed.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'summary', 'sites[0]', 'steps[0].instruction']));
  });

  it('copies a bundled guide under a free id and a new title', () => {
    const copy = copyOfBundled(bundledGuide, 'd', new Set(['attestation', 'attestation-copie']), 'Obtenir une attestation (copie)');
    expect(copy.guide.id).toBe('attestation-copie-2');
    expect(copy.guide.title).toBe('Obtenir une attestation (copie)');
    expect(copy.copiedFrom).toBe('attestation');
    expect(valid(copy)).toBe(true);
  });

  it('knows when "my guides" holds exactly this content', () => {
    const copy = { ...working(), savedPrint: fingerprint(sampleGuide) };
    expect(isSavedInMyGuides(copy)).toBe(true);
    const edited = setGuideText(copy, 'title', 'Autre titre');
    expect(isSavedInMyGuides(edited)).toBe(false);
    expect(isSavedInMyGuides(setGuideText(edited, 'title', sampleGuide.title))).toBe(true);
    expect(fingerprint(sampleGuide)).not.toBe(fingerprint(edited.guide));
  });

  it('never changes the copy it was given', () => {
    const copy = working();
    const before = JSON.stringify(copy);
    setItemText(copy, 0, 'instruction', 'Autre');
    moveItem(copy, 0, 2);
    removeItem(copy, 1);
    duplicateItem(copy, 0);
    changeKind(copy, 0, 'end');
    setChoiceLabel(copy, 1, 0, 'Peut-être');
    setPrepareText(copy, 0, 'hint', '');
    setStatusState(copy, 'draft', '2026-02-01');
    expect(JSON.stringify(copy)).toBe(before);
  });
});

describe('operations', () => {
  it('edits the header, the duration and the status', () => {
    let copy = setGuideText(working(), 'summary', 'Un autre résumé.');
    expect(copy.guide.summary).toBe('Un autre résumé.');
    copy = setDuration(copy, null);
    expect(copy.guide.durationMinutes).toBeNull();
    expect(parseGuide(copy.guide).ok).toBe(false);
    copy = setDuration(copy, Number.NaN);
    expect(copy.guide.durationMinutes).toBeNull();
    copy = setDuration(copy, 12);
    expect(copy.guide.durationMinutes).toBe(12);
    copy = setStatusState(copy, 'draft', '2026-02-01');
    expect(copy.guide.status).toEqual({ state: 'draft' });
    copy = setStatusState(copy, 'verified', '2026-02-01');
    expect(copy.guide.status).toEqual({ state: 'verified', against: '', on: '2026-02-01' });
    copy = setStatusField(copy, 'against', 'DSFR 1.14.4');
    expect(copy.guide.status).toEqual({ state: 'verified', against: 'DSFR 1.14.4', on: '2026-02-01' });
    expect(valid(copy)).toBe(true);
  });

  it('adds, edits and removes sites', () => {
    let copy = addSite(working(), 'https://autre.gouv.fr/*');
    expect(copy.guide.sites).toEqual(['https://exemple.gouv.fr/*', 'https://autre.gouv.fr/*']);
    copy = setSite(copy, 1, 'https://www.autre.gouv.fr/*');
    expect(copy.guide.sites[1]).toBe('https://www.autre.gouv.fr/*');
    copy = removeSite(copy, 0);
    expect(copy.guide.sites).toEqual(['https://www.autre.gouv.fr/*']);
    expect(removeSite(copy, 5)).toBe(copy);
  });

  it('adds, edits, moves and removes what to have at hand; an emptied hint is removed', () => {
    let copy = addPrepare(working());
    expect(copy.guide.prepare).toHaveLength(2);
    copy = setPrepareText(copy, 1, 'label', 'Votre numéro fiscal');
    copy = setPrepareSensitive(copy, 1, true);
    copy = movePrepare(copy, 1, 0);
    expect(copy.guide.prepare.map((p) => p.label)).toEqual(['Votre numéro fiscal', 'Une adresse e-mail']);
    expect(copy.guide.prepare[0]?.sensitive).toBe(true);
    copy = setPrepareText(copy, 1, 'hint', '');
    expect(copy.guide.prepare[1]).not.toHaveProperty('hint');
    copy = removePrepare(copy, 0);
    expect(copy.guide.prepare.map((p) => p.label)).toEqual(['Une adresse e-mail']);
  });

  it('edits an item’s texts; optional texts are removed when emptied, required ones kept empty', () => {
    let copy = setItemText(working(), 0, 'instruction', 'Cliquez sur le lien.');
    expect(copy.guide.steps[0]).toMatchObject({ instruction: 'Cliquez sur le lien.' });
    copy = setItemText(copy, 0, 'why', '');
    expect(copy.guide.steps[0]).not.toHaveProperty('why');
    copy = setItemText(copy, 0, 'instruction', '');
    expect(copy.guide.steps[0]).toHaveProperty('instruction', '');
    const parsed = parseGuide(copy.guide);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toContain('steps[0].instruction');
    // A question has no instruction; an end only a message.
    expect(setItemText(copy, 1, 'instruction', 'x')).toBe(copy);
    copy = setItemText(copy, 3, 'message', '');
    expect(copy.guide.steps[3]).toEqual({ kind: 'end', id: 'fin' });
  });

  it('sets action, done-when, sensitive, pages and next of a step', () => {
    let copy = setAction(working(), 2, 'read');
    copy = setDoneWhen(copy, 2, 'page');
    copy = setItemText(copy, 2, 'donePage', '/mon-espace/*');
    copy = setItemText(copy, 2, 'page', '/connexion');
    copy = setSensitive(copy, 2, true);
    copy = setNext(copy, 2, 'fin');
    expect(copy.guide.steps[2]).toMatchObject({
      action: 'read',
      doneWhen: 'page',
      donePage: '/mon-espace/*',
      page: '/connexion',
      sensitive: true,
      next: 'fin',
    });
    expect(valid(copy)).toBe(true);
    copy = setDoneWhen(copy, 2, undefined);
    copy = setNext(copy, 2, undefined);
    expect(copy.guide.steps[2]).not.toHaveProperty('doneWhen');
    expect(copy.guide.steps[2]).not.toHaveProperty('next');
    // Not a step: nothing changes.
    expect(setAction(copy, 1, 'click')).toBe(copy);
  });

  it('adds, edits and removes a question’s choices, within the format’s limits', () => {
    let copy = addChoice(working(), 1);
    expect(copy.guide.steps[1]).toMatchObject({ choices: [{ label: 'Oui' }, { label: 'Non' }, { label: '', next: 'email' }] });
    copy = setChoiceLabel(copy, 1, 2, 'Je ne sais pas');
    copy = setChoiceNext(copy, 1, 2, 'ouvrir');
    expect(copy.guide.steps[1]).toMatchObject({ choices: [{}, {}, { label: 'Je ne sais pas', next: 'ouvrir' }] });
    copy = removeChoice(copy, 1, 0);
    expect(copy.guide.steps[1]).toMatchObject({ choices: [{ label: 'Non' }, { label: 'Je ne sais pas' }] });
    let full = copy;
    for (let i = 0; i < 10; i++) full = addChoice(full, 1);
    expect(full.guide.steps[1]?.kind === 'question' && full.guide.steps[1].choices).toHaveLength(8);
  });

  it('renames an id and the branches that led to it, never merging two items', () => {
    let copy = setItemId(working(), 3, 'terminee');
    expect(copy.guide.steps[1]).toMatchObject({ choices: [{ next: 'terminee' }, { next: 'email' }] });
    expect(valid(copy)).toBe(true);
    // Typing an id that another item has: branches stay where they were.
    copy = setItemId(copy, 2, 'ouvrir');
    expect(copy.guide.steps[1]).toMatchObject({ choices: [{ next: 'terminee' }, { next: 'email' }] });
    expect(parseGuide(copy.guide).ok).toBe(false);
  });

  it('adds items before the final end, with free ids and fresh keys', () => {
    let copy = addItem(working(), 'step');
    expect(ids(copy)).toEqual(['ouvrir', 'deja-client', 'email', 'etape-3', 'fin']);
    copy = addItem(copy, 'question');
    expect(ids(copy)).toEqual(['ouvrir', 'deja-client', 'email', 'etape-3', 'question', 'fin']);
    copy = addItem(copy, 'end');
    expect(ids(copy)).toEqual(['ouvrir', 'deja-client', 'email', 'etape-3', 'question', 'fin', 'fin-2']);
    expect(new Set(copy.keys).size).toBe(7);
    copy = addItem(copy, 'step', 0);
    expect(copy.guide.steps[0]).toMatchObject({ kind: 'step', id: 'etape-4', instruction: '' });
  });

  it('duplicates an item right after it, with a free id and a fresh key', () => {
    const copy = duplicateItem(working(), 2);
    expect(ids(copy)).toEqual(['ouvrir', 'deja-client', 'email', 'email-2', 'fin']);
    expect(copy.guide.steps[3]).toMatchObject({
      kind: 'step',
      instruction: 'Tapez votre adresse e-mail.',
      target: { label: 'Adresse e-mail' },
    });
    expect(copy.keys[3]).not.toBe(copy.keys[2]);
    expect(new Set(copy.keys).size).toBe(5);
    // A deep copy: editing the duplicate leaves the original alone.
    const edited = setItemText(copy, 3, 'instruction', 'Autre');
    expect(edited.guide.steps[2]).toMatchObject({ instruction: 'Tapez votre adresse e-mail.' });
  });

  it('deletes and moves items with their keys', () => {
    const copy = working();
    const removed = removeItem(copy, 0);
    expect(ids(removed)).toEqual(['deja-client', 'email', 'fin']);
    expect(removed.keys).toEqual(copy.keys.slice(1));
    const moved = moveItem(copy, 2, 0);
    expect(ids(moved)).toEqual(['email', 'ouvrir', 'deja-client', 'fin']);
    expect(moved.keys).toEqual([copy.keys[2], copy.keys[0], copy.keys[1], copy.keys[3]]);
    expect(moveItem(copy, 0, 9)).toBe(copy);
  });

  it('changes an item’s kind, keeping its id, its main text, why and tip', () => {
    let copy = changeKind(working(), 0, 'question');
    expect(copy.guide.steps[0]).toMatchObject({
      kind: 'question',
      id: 'ouvrir',
      question: 'Cliquez sur « Créer un compte ».',
      why: 'Le formulaire est sur une autre page.',
      choices: [{ next: 'deja-client' }, { next: 'deja-client' }],
    });
    copy = changeKind(copy, 0, 'end');
    expect(copy.guide.steps[0]).toEqual({ kind: 'end', id: 'ouvrir', message: 'Cliquez sur « Créer un compte ».' });
    copy = changeKind(copy, 0, 'step');
    expect(copy.guide.steps[0]).toEqual({
      kind: 'step',
      id: 'ouvrir',
      action: 'read',
      instruction: 'Cliquez sur « Créer un compte ».',
      sensitive: false,
    });
  });
});

describe('undo and redo', () => {
  it('undoes and redoes changes, saying which', () => {
    let h = createHistory(working());
    h = commit(h, removeItem(h.present, 0), { label: 'Supprimer l’étape 1', now: 0 });
    h = commit(h, moveItem(h.present, 0, 1), { label: 'Déplacer l’étape 1', now: 10 });
    expect(ids(h.present)).toEqual(['email', 'deja-client', 'fin']);
    const back = undo(h);
    expect(back.label).toBe('Déplacer l’étape 1');
    expect(ids(back.history.present)).toEqual(['deja-client', 'email', 'fin']);
    const back2 = undo(back.history);
    expect(ids(back2.history.present)).toEqual(['ouvrir', 'deja-client', 'email', 'fin']);
    expect(canUndo(back2.history)).toBe(false);
    expect(undo(back2.history).label).toBeUndefined();
    const again = redo(back2.history);
    expect(again.label).toBe('Supprimer l’étape 1');
    expect(ids(again.history.present)).toEqual(['deja-client', 'email', 'fin']);
    expect(canRedo(again.history)).toBe(true);
    // A new change drops what could be redone.
    const branched = commit(again.history, addSite(again.history.present), { label: 'Ajouter un site', now: 20 });
    expect(canRedo(branched)).toBe(false);
  });

  it('groups keystrokes in one field into one change, and not across fields or pauses', () => {
    let h = createHistory(working());
    let t = 0;
    for (const text of ['C', 'Cl', 'Cli', 'Clic']) {
      t += 100;
      h = commit(h, setItemText(h.present, 0, 'instruction', text), { label: 'Consigne', group: 'k1|instruction', now: t });
    }
    expect(h.past).toHaveLength(1);
    t += 100;
    h = commit(h, setItemText(h.present, 0, 'why', 'W'), { label: 'Pourquoi', group: 'k1|why', now: t });
    expect(h.past).toHaveLength(2);
    t += GROUP_MS + 1;
    h = commit(h, setItemText(h.present, 0, 'why', 'Wa'), { label: 'Pourquoi', group: 'k1|why', now: t });
    expect(h.past).toHaveLength(3);
    const back = undo(undo(undo(h).history).history).history;
    expect(back.present.guide.steps[0]).toMatchObject({ instruction: 'Cliquez sur « Créer un compte ».' });
  });

  it('keeps at most MAX_HISTORY changes, and ignores a change that changes nothing', () => {
    let h = createHistory(working());
    for (let i = 0; i < MAX_HISTORY + 20; i++) h = commit(h, setDuration(h.present, i + 1), { label: `d${i}`, now: i * 10_000 });
    expect(h.past).toHaveLength(MAX_HISTORY);
    expect(h.past[0]?.label).toBe('d20');
    expect(commit(h, h.present, { label: 'rien', now: 0 })).toBe(h);
  });
});

describe('autosave format', () => {
  it('round-trips a working copy through storage’s JSON', () => {
    const copy = { ...setItemText(duplicateItem(working(), 0), 0, 'instruction', ''), savedPrint: 'abc' };
    const raw = JSON.parse(JSON.stringify(toStored(copy, 1234)));
    const read = fromStored(raw);
    expect(read).toEqual({ copy, savedAt: 1234 });
    expect(listWorking({ [workingKey('d1')]: raw, other: 1 })).toEqual([
      { doc: 'd1', title: sampleGuide.title, guideId: sampleGuide.id, savedId: sampleGuide.id, savedAt: 1234 },
    ]);
  });

  it('keeps a duration being retyped (null) through storage', () => {
    const copy = setDuration(working(), null);
    expect(fromStored(JSON.parse(JSON.stringify(toStored(copy, 1))))?.copy.guide.durationMinutes).toBeNull();
  });

  it('ignores what is not a working copy, and repairs broken keys', () => {
    expect(fromStored(null)).toBeNull();
    expect(fromStored({ v: 2, copy: working() })).toBeNull();
    expect(fromStored({ v: 1, copy: { doc: 'x', guide: { title: 3 } } })).toBeNull();
    const broken = { ...toStored(working(), 5), copy: { ...working(), keys: ['a', 'a'] } };
    const read = fromStored(broken);
    expect(new Set(read?.copy.keys).size).toBe(4);
    expect(listWorking({ [workingKey('other')]: toStored(working(), 1) })).toEqual([]);
  });

  it('makes storage-safe, distinct doc ids', () => {
    const a = newDocId(1000, () => 0.1);
    const b = newDocId(1000, () => 0.2);
    expect(a).toMatch(/^[a-z0-9-]+$/);
    expect(a).not.toBe(b);
  });

  it('writes at most every 300 ms, the latest value, in order, and flushes on demand', async () => {
    vi.useFakeTimers();
    const written: number[] = [];
    const outcomes: string[] = [];
    const saver = new Autosaver<number>(
      async (value) => {
        written.push(value);
      },
      (outcome) => outcomes.push(outcome),
      300,
    );
    saver.schedule(1);
    saver.schedule(2);
    await vi.advanceTimersByTimeAsync(299);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(written).toEqual([2]);
    saver.schedule(3);
    await saver.flush();
    expect(written).toEqual([2, 3]);
    expect(outcomes).toEqual(['saved', 'saved']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual([2, 3]);
  });

  it('keeps a value whose write failed, to write it at the next try', async () => {
    let fail = true;
    const written: number[] = [];
    const outcomes: string[] = [];
    const saver = new Autosaver<number>(
      async (value) => {
        if (fail) throw new Error('quota');
        written.push(value);
      },
      (outcome) => outcomes.push(outcome),
    );
    saver.schedule(7);
    await saver.flush();
    expect(outcomes).toEqual(['failed']);
    expect(saver.isPending).toBe(true);
    fail = false;
    await saver.flush();
    expect(written).toEqual([7]);
    expect(outcomes).toEqual(['failed', 'saved']);
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('problems next to their fields', () => {
  it('reads and writes JSON paths', () => {
    expect(parsePath('steps[2].choices[1].next')).toEqual(['steps', 2, 'choices', 1, 'next']);
    expect(parsePath('steps[0]["a b"]')).toEqual(['steps', 0, 'a b']);
    expect(joinPath(['steps', 2, 'instruction'])).toBe('steps[2].instruction');
    expect(parsePath('')).toEqual([]);
  });

  it.each([
    ['', ''],
    ['title', 'title'],
    ['durationMinutes', 'durationMinutes'],
    ['status', 'status'],
    ['status.state', 'status'],
    ['status.on', 'status.on'],
    ['sites', 'sites'],
    ['sites[1]', 'sites[1]'],
    ['prepare[0]', 'prepare[0].label'],
    ['prepare[0].hint', 'prepare[0].hint'],
    ['steps', 'steps'],
    ['steps[2]', 'steps[2]'],
    ['steps[2].instruction', 'steps[2].instruction'],
    ['steps[2].target', 'steps[2].target'],
    ['steps[2].target.name', 'steps[2].target'],
    ['steps[2].choices', 'steps[2].choices'],
    ['steps[2].choices[1]', 'steps[2].choices[1].label'],
    ['steps[2].choices[1].next', 'steps[2].choices[1].next'],
    ['steps[2].clickr', 'steps[2]'],
    ['titel', ''],
  ])('%s is shown at %s', (path, field) => {
    expect(fieldOf(path)).toBe(field);
  });

  it('groups the validation’s problems by field and shortens their message there', () => {
    const copy = setItemText(working(), 2, 'instruction', '');
    const parsed = parseGuide(copy.guide);
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    const byField = problemsByField(problems);
    const instruction = byField.get('steps[2].instruction') ?? [];
    expect(instruction).toHaveLength(1);
    expect(instruction[0]?.message).toContain('(steps[2].instruction) : ');
    expect(shortMessage(instruction[0]!)).not.toContain('steps[2]');
    expect(shortMessage(instruction[0]!)).toMatch(/^[A-ZÀ-Ý]/);
    // Branches are checked once the shape is right.
    const dangling = parseGuide(setChoiceNext(working(), 1, 0, 'nulle-part').guide);
    const branch = problemsByField(dangling.ok ? [] : dangling.problems).get('steps[1].choices[0].next');
    expect(branch?.[0]?.message).toContain('« nulle-part »');
    expect(fieldDomId('steps[2].choices[1].next')).toBe('f-steps-2-choices-1-next');
    expect(fieldDomId('')).toBe('f-guide');
  });
});

describe('import', () => {
  // A recording's import says what it dropped through `i18n.t`.
  beforeEach(() => useLocale('fr'));

  it('reads a guide file', () => {
    const reading = readImportText(JSON.stringify(sampleGuide), 'guide.json');
    expect(reading).toEqual({ kind: 'guide', guide: sampleGuide });
  });

  it('tells every problem of a file with errors, and of a file that is not JSON', () => {
    const broken = { ...sampleGuide, title: '', steps: [{ ...sampleGuide.steps[0], action: 'clicker' }, ...sampleGuide.steps.slice(1)] };
    const reading = readImportText(JSON.stringify(broken), 'abime.json');
    expect(reading.kind).toBe('invalid');
    const messages = reading.kind === 'invalid' ? reading.problems.map((p) => p.message) : [];
    expect(messages.some((m) => m.includes('abime.json') && m.includes('(title)'))).toBe(true);
    expect(messages.some((m) => m.includes('steps[0].action') && m.includes('clicker'))).toBe(true);
    const notJson = readImportText('Bonjour, ceci est une lettre.', 'lettre.txt');
    expect(notJson.kind === 'invalid' && notJson.problems[0]?.message).toMatch(/n’est pas du JSON valide/);
  });

  it('reads a Chrome recording as a draft, without any recorded value', () => {
    const text = JSON.stringify(recorderFile());
    expect(looksLikeRecording(JSON.parse(text))).toBe(true);
    expect(looksLikeRecording(sampleGuide)).toBe(false);
    const reading = readImportText(text, 'enregistrement.json');
    expect(reading.kind).toBe('recording');
    if (reading.kind !== 'recording') return;
    expect(reading.guide.status.state).toBe('draft');
    expect(reading.guide.steps.length).toBeGreaterThan(1);
    const json = JSON.stringify(reading);
    expect(json).not.toContain(RECORDED_EMAIL);
    expect(json).not.toContain(RECORDED_PASSWORD);
  });

  it('refuses a file larger than the guide limit before reading it', () => {
    expect(isTooBig(MAX_GUIDE_BYTES)).toBe(false);
    expect(isTooBig(MAX_GUIDE_BYTES + 1)).toBe(true);
    expect(isTooBig(5 * 1024 * 1024)).toBe(true);
    expect(isTooBig(Number.NaN)).toBe(true);
  });

  it('plans replace, keep both and cancel when the id is taken', () => {
    const mine = [{ id: sampleGuide.id, title: sampleGuide.title }];
    const none = new Set<string>();
    expect(conflictOf(sampleGuide, mine, none)).toBe('mine');
    expect(conflictOf(sampleGuide, [], none)).toBe('none');
    expect(conflictOf(bundledGuide, mine, new Set([bundledGuide.id]))).toBe('bundled');
    expect(planImport(sampleGuide, 'replace', mine, none)).toEqual({ save: true, guide: sampleGuide, outcome: 'replaced' });
    expect(planImport(sampleGuide, 'cancel', mine, none)).toEqual({ save: false, outcome: 'cancelled' });
    const both = planImport(sampleGuide, 'keep-both', mine, none);
    expect(both).toMatchObject({
      save: true,
      outcome: 'kept-both',
      guide: { id: 'creer-mon-compte-2', title: `${sampleGuide.title} (copie)` },
    });
    // A bundled guide's id is never replaced.
    const bundled = planImport(bundledGuide, 'replace', [], new Set([bundledGuide.id]));
    expect(bundled).toMatchObject({ save: true, outcome: 'kept-both', guide: { id: 'attestation-2' } });
    expect(planImport(sampleGuide, 'replace', [], none)).toMatchObject({ save: true, outcome: 'added' });
  });
});

describe('export', () => {
  it('writes a valid guide as pretty JSON named after its id', () => {
    const result = exportGuide(working().guide);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fileName).toBe('creer-mon-compte.json');
    expect(result.text).toBe(`${JSON.stringify(sampleGuide, null, 2)}\n`);
    expect(parseGuide(JSON.parse(result.text))).toEqual({ ok: true, guide: sampleGuide });
    expect(exportFileName('../x')).toBe('x.json');
  });

  it('refuses a guide with errors, and says when it is marked verified', () => {
    const broken = setItemText(working(), 0, 'instruction', '');
    expect(exportGuide(broken.guide)).toMatchObject({ ok: false, verified: true });
    const draft = setStatusState(broken, 'draft', '2026-01-01');
    expect(exportGuide(draft.guide)).toMatchObject({ ok: false, verified: false });
  });

  it('lets a guide be marked verified only without problems (its own check fields aside)', () => {
    const draft = setStatusState(working(), 'draft', '2026-01-01');
    expect(problemsBeforeVerifying(draft.guide)).toEqual([]);
    expect(problemsBeforeVerifying(setItemText(draft, 0, 'instruction', '').guide)).toHaveLength(1);
    const verifying = setStatusState(draft, 'verified', '2026-01-01');
    expect(problemsBeforeVerifying(verifying.guide)).toEqual([]);
    expect(parseGuide(verifying.guide).ok).toBe(false);
  });
});

describe('the tab to test on', () => {
  const own = 'chrome-extension://abc/';
  it('picks the most recently used tab of a site, never an extension or browser page', () => {
    const tabs = [
      { id: 1, url: 'https://exemple.gouv.fr/a', lastAccessed: 10 },
      { id: 2, url: `${own}editor.html`, lastAccessed: 50, active: true },
      { id: 3, url: 'https://exemple.gouv.fr/b', lastAccessed: 30 },
      { id: 4, url: 'chrome://extensions', lastAccessed: 40 },
    ];
    expect(pickTestTab(tabs, own, 2)?.id).toBe(3);
    expect(pickTestTab(tabs.slice(1, 2), own, 2)).toBeUndefined();
  });

  it('keeps a tab whose address is hidden, and falls back on order without times', () => {
    expect(pickTestTab([{ id: 1, url: 'https://a.fr/' }, { id: 5 }], own)?.id).toBe(5);
    expect(
      pickTestTab(
        [
          { id: 1, url: 'https://a.fr/' },
          { id: 5, url: 'https://b.fr/' },
        ],
        own,
        5,
      )?.id,
    ).toBe(1);
  });
});

describe('a format-2 guide in the editor', () => {
  const raw = {
    format: 2,
    id: 'demarche',
    version: '1.0.0',
    lang: 'fr',
    title: 'Une démarche',
    summary: 'Une démarche qui passe par FranceConnect.',
    status: { state: 'documented', on: '2026-11-20' },
    theme: 'sante',
    sources: [{ title: 'Aide', url: 'https://www.exemple.gouv.fr/aide', seen: '2026-11-20' }],
    sites: ['https://www.exemple.gouv.fr/*'],
    durationMinutes: 5,
    steps: [
      { kind: 'guide', id: 'connexion', guide: 'franceconnect-se-connecter', instruction: 'Connectez-vous.' },
      { kind: 'step', id: 'lire', action: 'read', instruction: 'Lisez la page.' },
      { kind: 'end', id: 'fin' },
    ],
  };

  it('keeps the step that runs a guide, the theme, the sources and the status through edits, storage and export', () => {
    const parsed = parseGuide(raw);
    if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
    let copy = fromGuide(parsed.guide, { doc: 'd1', origin: 'edited' });
    copy = setItemText(copy, 0, 'instruction', 'Connectez-vous avec FranceConnect.');
    copy = setItemText(copy, 0, 'why', 'Pour prouver qui vous êtes.');
    copy = setItemText(copy, 0, 'page', '/ignore/*');
    copy = setNext(copy, 0, 'fin');
    copy = setNext(copy, 0, '');
    copy = setItemId(copy, 0, 'se-connecter');
    const stored = fromStored(JSON.parse(JSON.stringify(toStored(copy, 1))));
    expect(stored?.copy.guide).toEqual(copy.guide);
    const exported = exportGuide(copy.guide);
    if (!exported.ok) throw new Error(exported.problems[0]?.message);
    expect(exported.guide).toMatchObject({
      format: 2,
      theme: 'sante',
      status: { state: 'documented', on: '2026-11-20' },
      sources: raw.sources,
    });
    expect(exported.guide.steps[0]).toEqual({
      kind: 'guide',
      id: 'se-connecter',
      guide: 'franceconnect-se-connecter',
      instruction: 'Connectez-vous avec FranceConnect.',
      why: 'Pour prouver qui vous êtes.',
    });
  });

  it('reads a working copy saved before format 2 (no sources) as one with none', () => {
    const copy = newGuide('d2');
    const old = JSON.parse(JSON.stringify(toStored(copy, 1)));
    delete old.copy.guide.sources;
    old.copy.guide.format = 1;
    expect(fromStored(old)?.copy.guide.sources).toEqual([]);
  });
});
