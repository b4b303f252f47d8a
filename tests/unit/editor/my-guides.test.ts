import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  fingerprint,
  fromGuide,
  myGuidesState,
  planEditorSave,
  type SavedIds,
  saveToMyGuides,
  setGuideText,
  startSave,
  type WorkingCopy,
} from '../../../utils/editor';
import type { Request } from '../../../utils/messages';
import { bundledGuide, sampleGuide } from './fixtures';

const copyOf = (savedId?: string): WorkingCopy =>
  fromGuide(structuredClone(sampleGuide), { doc: 'd', origin: 'edited', ...(savedId ? { savedId } : {}) });
const known = (...mine: { id: string; title: string }[]): SavedIds => ({ mine, bundledIds: new Set([bundledGuide.id]) });

describe('what the editor says of the copy', () => {
  it('never saved, saved as it is, changed since', () => {
    const copy = copyOf();
    expect(myGuidesState(copy)).toBe('never');
    const saved = { ...copy, savedId: copy.guide.id, savedPrint: fingerprint(copy.guide) };
    expect(myGuidesState(saved)).toBe('upToDate');
    expect(myGuidesState(setGuideText(saved, 'summary', 'Autre résumé.'))).toBe('changed');
  });
});

describe('startSave', () => {
  it('refuses a guide with problems, with them', () => {
    const next = startSave(setGuideText(copyOf(), 'title', ''), known());
    expect(next.kind).toBe('problems');
    expect(next.kind === 'problems' && next.problems.map((p) => p.path)).toEqual(['title']);
  });

  it('waits for my guides to be read', () => {
    expect(startSave(copyOf(), null)).toEqual({ kind: 'unknown' });
  });

  it('saves a free id at once, and asks when the id is one of mine or a bundled guide’s', () => {
    expect(startSave(copyOf(), known())).toMatchObject({ kind: 'save', guide: { id: sampleGuide.id } });
    expect(startSave(copyOf(), known({ id: sampleGuide.id, title: 'Le mien' }))).toMatchObject({ kind: 'ask', conflict: 'mine' });
    const bundled = setGuideText(copyOf(), 'id', bundledGuide.id);
    expect(startSave(bundled, known())).toMatchObject({ kind: 'ask', conflict: 'bundled' });
  });

  it('does not ask about the copy’s own guide, saved under its id before', () => {
    expect(startSave(copyOf(sampleGuide.id), known({ id: sampleGuide.id, title: 'Le mien' }))).toMatchObject({ kind: 'save' });
  });
});

describe('planEditorSave', () => {
  it('replaces the copy’s own guide, and keeps both with another guide of mine', () => {
    const mine = known({ id: sampleGuide.id, title: sampleGuide.title });
    expect(planEditorSave(copyOf(sampleGuide.id), sampleGuide, 'replace', mine)).toMatchObject({ save: true, outcome: 'added' });
    const other = planEditorSave(copyOf(), sampleGuide, 'keep-both', mine);
    expect(other).toMatchObject({ save: true, outcome: 'kept-both' });
    expect(other.save && other.guide.id).not.toBe(sampleGuide.id);
    expect(planEditorSave(copyOf(), sampleGuide, 'cancel', mine)).toEqual({ save: false, outcome: 'cancelled' });
  });
});

describe('saveToMyGuides', () => {
  let events: string[];
  let answer: () => Promise<unknown>;

  beforeEach(() => {
    fakeBrowser.reset();
    events = [];
    answer = async () => ({ ok: true, id: sampleGuide.id });
    // As the router answers: `{ ok: true, value }`; `answer` returning undefined is the background not answering at all.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (request: Request) => {
      events.push(`send ${request.type}`);
      const value = await answer();
      return value === undefined ? undefined : { ok: true, value };
    }) as never);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  const askSites = (reply: string) => (sites: readonly string[]) => {
    events.push(`ask ${sites.join(' ')}`);
    return Promise.resolve(reply);
  };

  it('asks for the sites during the call itself, then sends the guide with its origin', async () => {
    const saving = saveToMyGuides(sampleGuide, 'imported', askSites('refused'));
    // Nothing awaited yet: the browser still sees the trainer's click.
    expect(events).toEqual([`ask ${sampleGuide.sites.join(' ')}`]);
    expect(await saving).toEqual({ state: 'saved', sites: 'refused' });
    expect(events).toEqual([`ask ${sampleGuide.sites.join(' ')}`, 'send userGuides:save']);
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'userGuides:save', guide: sampleGuide, origin: 'imported' });
  });

  it('gives the messages of a refusal', async () => {
    answer = async () => ({ ok: false, problems: [{ path: 'title', message: 'Il manque le titre.' }] });
    expect(await saveToMyGuides(sampleGuide, 'edited', askSites('granted'))).toEqual({
      state: 'refused',
      problems: ['Il manque le titre.'],
    });
  });

  it('takes no answer, or a failure to reach the background, for a failure', async () => {
    answer = async () => undefined;
    expect(await saveToMyGuides(sampleGuide, 'edited', askSites('granted'))).toEqual({ state: 'failed' });
    answer = async () => {
      throw new Error('Could not establish connection');
    };
    expect(await saveToMyGuides(sampleGuide, 'edited', askSites('granted'))).toEqual({ state: 'failed' });
  });
});
