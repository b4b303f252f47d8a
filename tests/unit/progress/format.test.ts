import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  exportFile,
  exportFileName,
  FILE_TYPE,
  MAX_FILE_BYTES,
  mergeProgress,
  type Progress,
  readFile,
  readStored,
  recordFinishedRun,
} from '../../../utils/progress';
import { guide, play, T0 } from './fixtures';

const DAY = 86_400_000;
const withRuns = (...starts: number[]): Progress =>
  starts.reduce((progress, startedAt) => {
    const run = play({ startedAt, help: startedAt === T0 ? ['connexion'] : [] });
    return recordFinishedRun(progress, guide, run, run.updatedAt);
  }, emptyProgress());

describe('the stored format', () => {
  it('reads the current version as it is', () => {
    const progress = withRuns(T0, T0 + DAY);
    expect(readStored(structuredClone(progress))).toEqual({ ok: true, progress, dropped: 0 });
  });

  it('reads nothing stored yet as no progress', () => {
    expect(readStored(undefined)).toEqual({ ok: true, progress: emptyProgress(), dropped: 0 });
  });

  it.each([
    ['a string', 'progrès'],
    ['a list', []],
    ['no version', { guides: {} }],
    ['a version 0 it cannot migrate', { v: 0, guides: {} }],
    ['guides that are not a record', { v: 1, guides: [] }],
  ])('reads %s as no progress, and says something was dropped', (_, raw) => {
    expect(readStored(raw)).toEqual({ ok: true, progress: emptyProgress(), dropped: 1 });
  });

  it('drops a damaged guide entry and keeps the others', () => {
    const progress = withRuns(T0);
    const raw = {
      ...structuredClone(progress),
      guides: { ...progress.guides, abime: { title: 'X', completions: 'beaucoup' }, 'Pas-Un-Id': progress.guides[guide.id] },
    };
    expect(readStored(raw)).toEqual({ ok: true, progress, dropped: 2 });
  });

  it('refuses progress written by a newer version, rather than lose it', () => {
    expect(readStored({ v: 2, guides: { x: 'format inconnu' } })).toEqual({ ok: false, reason: 'newer' });
  });
});

describe('the export file', () => {
  it('says what it is and reads back to the same progress', () => {
    const progress = withRuns(T0, T0 + DAY);
    const text = exportFile(progress, T0 + 2 * DAY);
    const json = JSON.parse(text);
    expect(json).toMatchObject({ type: FILE_TYPE, v: 1, exportedAt: '2026-03-14T10:00:00.000Z' });
    expect(readFile(text)).toEqual({ ok: true, progress });
    expect(exportFileName(T0)).toBe('cote-a-cote-progres-2026-03-12.json');
  });

  const good = () => JSON.parse(exportFile(withRuns(T0), T0));
  it.each([
    ['not-json', '{ "type": "cote-a-cote/progres", '],
    ['not-json', ''],
    ['not-progress', '{"hello": "world"}'],
    ['not-progress', '[1, 2, 3]'],
    ['is-guide', readFileSync(resolve(import.meta.dirname, '../../../guides/dsfr-creer-un-compte.json'), 'utf8')],
    ['newer', JSON.stringify({ ...good(), v: 2 })],
    ['invalid', JSON.stringify({ ...good(), guides: { [guide.id]: { ...good().guides[guide.id], completions: [{ at: 'hier' }] } } })],
    ['invalid', JSON.stringify({ ...good(), guides: { __proto__: null, '<script>': good().guides[guide.id] } })],
    ['invalid', JSON.stringify({ ...good(), guides: { [guide.id]: { ...good().guides[guide.id], notes: 'mot de passe : 1234' } } })],
    ['too-big', ' '.repeat(MAX_FILE_BYTES + 1)],
  ])('refuses a bad file (%s)', (problem, text) => {
    expect(readFile(text)).toEqual({ ok: false, problem });
  });
});

describe('merging an imported file', () => {
  it('adds the runs not there yet and keeps everything already there', () => {
    const here = withRuns(T0, T0 + DAY);
    const there = withRuns(T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY);
    const { progress, added } = mergeProgress(here, there);
    expect(added).toBe(2);
    expect(progress.guides[guide.id]?.completions.map((c) => c.startedAt)).toEqual([T0, T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY]);
    expect(progress.guides[guide.id]?.texts).toEqual(here.guides[guide.id]?.texts);
  });

  it('adds nothing the second time the same file is imported', () => {
    const { progress } = mergeProgress(withRuns(T0), withRuns(T0 + DAY));
    const again = mergeProgress(progress, withRuns(T0 + DAY));
    expect(again).toEqual({ progress, added: 0 });
    expect(again.progress).toBe(progress);
  });

  it('adds the guides that were not there', () => {
    const other = withRuns(T0 + DAY).guides[guide.id]!;
    const { progress, added } = mergeProgress(withRuns(T0), { v: 1, guides: { 'autre-guide': { ...other, title: 'Autre guide' } } });
    expect(added).toBe(1);
    expect(Object.keys(progress.guides).sort()).toEqual(['attestation-droits', 'autre-guide']);
    expect(progress.guides[guide.id]).toEqual(withRuns(T0).guides[guide.id]);
  });
});
