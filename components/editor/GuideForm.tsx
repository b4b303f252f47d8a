/**
 * The editing screen of one working copy: the guide's header, its sites, what
 * to have at hand, its steps, its status; the problems the validation finds,
 * listed at the top and shown next to their fields; undo and redo; saving to
 * "my guides" and exporting the file. Every change is kept as it is made.
 * Each part is its own module: this one puts them together.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import {
  exportDecision,
  myGuidesState,
  problemPlace,
  problemsByField,
  problemsPerItem,
  type WorkingCopy,
  type WorkingGuide,
} from '../../utils/editor';
import { parseGuide } from '../../utils/guide/parse';
import { AboutSection } from './AboutSection';
import { Announcements, useAnnouncer } from './announce';
import { ConflictChoice } from './ConflictChoice';
import { Form } from './fields';
import { focusField, useFocusAfterRender } from './focus';
import type { KnownState } from './known';
import { langAttr } from './labels';
import { PrepareSection } from './PrepareSection';
import { ProblemsSection } from './ProblemsSection';
import { downloadText, writeWorking } from './platform';
import { ReviewConfirm } from './ReviewConfirm';
import { SitesSection } from './SitesSection';
import { StatusSection } from './StatusSection';
import { StepsSection } from './StepsSection';
import { useSession } from './session';
import { useItemDrag } from './useItemDrag';
import { useItemList } from './useItemList';
import { useReviewGate } from './useReviewGate';
import { useSaveToMine } from './useSaveToMine';
import { VerifySection } from './VerifySection';

export interface GuideFormProps {
  initial: WorkingCopy;
  known: KnownState;
  refreshKnown(): Promise<unknown>;
  onHome(): void;
  write?: (copy: WorkingCopy) => Promise<void>;
  now?: () => Date;
}

export function GuideForm({ initial, known, refreshKnown, onHome, write = writeWorking, now = () => new Date() }: GuideFormProps) {
  const session = useSession(initial, { write });
  const { copy, apply } = session;
  const guide = copy.guide;
  const lang = langAttr(guide.lang) ?? 'fr';
  const { announcement, say } = useAnnouncer();
  const focusLater = useFocusAfterRender();
  const items = useItemList({ session, say, focusLater });
  const drag = useItemDrag(copy.keys, items.move);
  const mine = useSaveToMine({ session, known, refreshKnown, say, focusLater });
  const review = useReviewGate({ session, say, focusLater });

  const parsed = useMemo(() => parseGuide(guide), [guide]);
  const problems = parsed.ok ? [] : parsed.problems;
  const byField = useMemo(() => problemsByField(problems), [problems]);
  const problemCounts = useMemo(() => problemsPerItem(problems), [problems]);

  useEffect(() => {
    if (session.notice) say(session.notice.text);
  }, [session.notice]);

  useEffect(() => {
    document.title = `${guide.title.trim() || i18n.t('editor.edit.untitled')} — ${i18n.t('editor.title')}`;
  }, [guide.title]);

  function goTo(field: string) {
    const { selector, item } = problemPlace(field);
    const key = item === undefined ? undefined : copy.keys[item];
    if (key !== undefined && !items.open.has(key)) {
      // The step opens first; the focus moves once its fields are there.
      focusLater(selector);
      items.openItem(key);
      return;
    }
    focusField(selector);
  }

  function exportFile(current: WorkingGuide) {
    const file = exportDecision(current);
    switch (file.kind) {
      case 'problems':
        say(file.verified ? i18n.t('editor.export.refusedVerified', file.count) : i18n.t('editor.export.refused', file.count), true);
        focusLater('#problems-title');
        return;
      case 'too-big':
        say(i18n.t('editor.export.tooBig'), true);
        return;
      case 'file':
        downloadText(file.text, file.fileName);
        say(i18n.t('editor.export.done', [file.fileName]));
        return;
    }
  }

  async function leave() {
    await session.flush();
    onHome();
  }

  return (
    <Form.Provider value={{ problems: byField, lang }}>
      <main class="editor">
        {/* Quick access past the toolbar (RGAA 12.7): the form is long, the steps far down. Shown on focus. */}
        <ul class="skip-links">
          <li>
            <a href="#problems-title">{i18n.t('editor.edit.skipToContent')}</a>
          </li>
          <li>
            <a href="#steps-title">{i18n.t('editor.edit.skipToSteps')}</a>
          </li>
        </ul>
        <header class="editor-header">
          <p class="brand">{i18n.t('editor.brand')}</p>
          <h1>
            {i18n.t('editor.edit.heading')}{' '}
            <span class="guide-name" lang={lang}>
              {guide.title.trim() || i18n.t('editor.edit.untitled')}
            </span>
          </h1>
          <div class="actions toolbar">
            <button type="button" class="secondary back" onClick={leave}>
              {i18n.t('editor.edit.back')}
            </button>
            <button
              type="button"
              class="secondary undo"
              aria-keyshortcuts="Control+Z"
              disabled={!session.canUndo}
              title={session.undoLabel ? i18n.t('editor.history.undoWhat', [session.undoLabel]) : undefined}
              onClick={session.undo}
            >
              {i18n.t('editor.history.undo')}
            </button>
            <button
              type="button"
              class="secondary redo"
              aria-keyshortcuts="Control+Shift+Z Control+Y"
              disabled={!session.canRedo}
              title={session.redoLabel ? i18n.t('editor.history.redoWhat', [session.redoLabel]) : undefined}
              onClick={session.redo}
            >
              {i18n.t('editor.history.redo')}
            </button>
            <button type="button" class="save-mine" disabled={mine.busy} onClick={() => review.guard('save', mine.start)}>
              {copy.savedId === undefined ? i18n.t('editor.mine.add') : i18n.t('editor.mine.update')}
            </button>
            <button type="button" class="secondary export" onClick={() => review.guard('export', (current) => exportFile(current.guide))}>
              {i18n.t('editor.export.button')}
            </button>
          </div>
          <p class="hint mine-state">{i18n.t(`editor.mine.${myGuidesState(copy)}`)}</p>
          <p class="status save-state" aria-live="polite" aria-atomic="true">
            {session.saveState === 'saved' ? i18n.t('editor.save.saved') : ''}
          </p>
          {session.saveState === 'failed' && <p role="alert">{i18n.t('editor.save.failed')}</p>}
          {review.asking && (
            <ReviewConfirm
              facts={review.asking.facts}
              guide={guide}
              purpose={review.asking.purpose}
              onProceed={review.proceed}
              onCancel={review.cancel}
            />
          )}
          {mine.asking && (
            <ConflictChoice
              conflict={mine.asking.conflict}
              id={mine.asking.id}
              existingTitle={mine.asking.existingTitle}
              onChoose={mine.choose}
            />
          )}
          <Announcements announcement={announcement} />
        </header>

        <ProblemsSection problems={problems} onGoTo={goTo} />
        <AboutSection copy={copy} apply={apply} />
        <SitesSection copy={copy} apply={apply} />
        <PrepareSection copy={copy} apply={apply} />
        <StepsSection copy={copy} apply={apply} items={items} problemCounts={problemCounts} drag={drag} />
        <VerifySection copy={copy} apply={apply} say={say} now={now} save={(verified) => review.guard('save', mine.start, verified)} />
        <StatusSection copy={copy} apply={apply} now={now} focusLater={focusLater} />
      </main>
    </Form.Provider>
  );
}
