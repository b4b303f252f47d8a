/**
 * « Ajouter à mes guides » / « Mettre à jour dans mes guides » from the
 * editor: refused while the guide has problems, a question when its id is
 * taken, then the sites asked for and the guide saved. « Garder les deux »
 * gives the working copy the new id and title.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ConflictChoice } from '../../utils/authoring/user-guides';
import {
  type Conflict,
  fingerprint,
  planEditorSave,
  type SavedIds,
  saveToMyGuides,
  setGuideText,
  startSave,
  type WorkingCopy,
} from '../../utils/editor';
import type { Guide } from '../../utils/guide/schema';
import type { Say } from './announce';
import type { KnownState } from './known';
import { requestSites } from './platform';
import type { Session } from './session';

type Saving = { conflict: Exclude<Conflict, 'none'>; guide: Guide; from: WorkingCopy } | { busy: true } | null;

export interface SaveToMineOptions {
  session: Pick<Session, 'copy' | 'apply' | 'setMeta'>;
  known: KnownState;
  refreshKnown(): Promise<unknown>;
  say: Say;
  focusLater(selector: string): void;
}

export interface SaveToMine {
  /** A save is under way: the button waits. */
  busy: boolean;
  /** The id is taken: the question to ask, with the title of my guide that has it. */
  asking: { conflict: Exclude<Conflict, 'none'>; id: string; existingTitle?: string } | null;
  /**
   * The button's click (or the review's last click), for the working copy as it is then: the
   * review may have just deleted facts that the page has not rendered yet.
   */
  start(current?: WorkingCopy): void;
  /** The answer to the question (from the click itself: the sites are asked for there). */
  choose(choice: ConflictChoice): void;
}

export function useSaveToMine({ session, known, refreshKnown, say, focusLater }: SaveToMineOptions): SaveToMine {
  const { copy, apply } = session;
  const [saving, setSaving] = useState<Saving>(null);
  const ready: SavedIds | null = known.state === 'ready' ? known.value : null;

  function start(current: WorkingCopy = copy) {
    const next = startSave(current, ready);
    switch (next.kind) {
      case 'problems':
        say(i18n.t('editor.mine.refused', next.problems.length), true);
        focusLater('#problems-title');
        return;
      case 'unknown':
        say(i18n.t('editor.mine.unknown'), true);
        void refreshKnown();
        return;
      case 'ask':
        setSaving({ conflict: next.conflict, guide: next.guide, from: current });
        return;
      case 'save':
        save(current, next.guide, 'replace');
        return;
    }
  }

  /** The final click: the sites are asked for first (a user gesture is needed), then the guide is saved. */
  function save(from: WorkingCopy, guide: Guide, choice: ConflictChoice) {
    if (!ready) return;
    const plan = planEditorSave(from, guide, choice, ready);
    if (!plan.save) {
      setSaving(null);
      say(i18n.t('editor.mine.cancelled'));
      return;
    }
    const saved = plan.guide;
    const answer = saveToMyGuides(saved, from.origin, requestSites);
    setSaving({ busy: true });
    void answer.then((result) => {
      setSaving(null);
      switch (result.state) {
        case 'refused':
          say([i18n.t('editor.mine.saveRefused'), ...result.problems].join(' '), true);
          return;
        case 'failed':
          say(i18n.t('editor.mine.saveFailed'), true);
          return;
        case 'saved': {
          // « Garder les deux »: the working copy takes the new id and title.
          let working = from.guide;
          if (plan.outcome === 'kept-both') {
            working = { ...working, id: saved.id, title: saved.title };
            apply((c) => setGuideText(setGuideText(c, 'id', saved.id), 'title', saved.title), i18n.t('editor.change.keepBoth'));
          }
          session.setMeta({ origin: from.origin, savedId: saved.id, savedPrint: fingerprint(working) });
          const text = i18n.t('editor.mine.saved', [saved.title]);
          say(result.sites === 'granted' ? text : `${text} ${i18n.t('editor.sites.refused', [saved.sites.join(', ')])}`);
          void refreshKnown();
          return;
        }
      }
    });
  }

  const asking = saving !== null && 'conflict' in saving ? saving : null;
  return {
    busy: saving !== null && 'busy' in saving,
    asking: asking && {
      conflict: asking.conflict,
      id: asking.guide.id,
      existingTitle: ready?.mine.find((entry) => entry.id === asking.guide.id)?.title,
    },
    start,
    choose: (choice) => {
      if (asking) save(asking.from, asking.guide, choice);
    },
  };
}
