/**
 * The editor's opening screen: the recording waiting to be opened, the
 * drafts being written, "my guides" (and their export for a team catalogue),
 * the bundled guides (opened as a copy to save as one's own), « Nouveau
 * guide », and the import of a file.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { WorkingSummary } from '../../utils/editor';
import type { Guide } from '../../utils/guide/schema';
import type { UserGuideListEntry } from '../../utils/messages';
import { ConfirmButton } from '../shared/ConfirmButton';
import { ImportPanel } from './ImportPanel';
import type { KnownState } from './known';
import { langAttr, when } from './labels';
import type { Incoming } from './platform';
import { TeamExport } from './TeamExport';

export interface HomeProps {
  known: KnownState;
  drafts: WorkingSummary[] | null;
  incoming: Incoming | null;
  /** A message to say on arrival (a draft that no longer exists…). */
  notice?: string;
  busy: boolean;
  onNew(): void;
  onResume(doc: string): void;
  onDiscard(doc: string): void;
  onEditMine(id: string): void;
  /** Removes one of « Mes guides »; whether it went. */
  onRemoveMine(id: string): Promise<boolean>;
  onCopyBundled(id: string): void;
  onOpenIncoming(): void;
  onOpenDraftGuide(guide: Guide): void;
  onSaved(): void;
}

export function Home(props: HomeProps) {
  const { known, drafts, incoming } = props;
  const ready = known.state === 'ready' ? known.value : null;
  useEffect(() => {
    document.title = i18n.t('editor.title');
  }, []);
  const [say, setSay] = useState('');
  const mineTitle = useRef<HTMLHeadingElement>(null);
  const langOf = (id: string) => ready?.langs.get(id);
  const remove = async (entry: UserGuideListEntry) => {
    const gone = await props.onRemoveMine(entry.id);
    setSay(i18n.t(gone ? 'editor.home.removed' : 'editor.home.removeFailed', [entry.title]));
    // Its buttons are gone with it: the focus goes back to the list's heading, not to the page's start.
    if (gone) mineTitle.current?.focus();
  };

  return (
    <main class="editor home">
      <header class="editor-header">
        <p class="brand">{i18n.t('editor.brand')}</p>
        <h1>{i18n.t('editor.home.title')}</h1>
        <p class="intro">{i18n.t('editor.home.intro')}</p>
        <div class="actions">
          <button type="button" class="new-guide" disabled={props.busy} onClick={props.onNew}>
            {i18n.t('editor.home.new')}
          </button>
        </div>
        <p class="status" aria-live="polite" aria-atomic="true">
          {props.notice ?? say}
        </p>
      </header>

      {incoming && (
        <section class="incoming" aria-labelledby="incoming-title">
          <h2 id="incoming-title">{i18n.t('editor.home.incoming')}</h2>
          <p>
            <span lang={langAttr(incoming.guide.lang)}>{incoming.guide.title}</span>{' '}
            <span class="meta">({i18n.t('editor.import.stepCount', incoming.guide.steps.length)})</span>
          </p>
          <div class="actions">
            <button type="button" class="open-incoming" disabled={props.busy} onClick={props.onOpenIncoming}>
              {i18n.t('editor.home.openIncoming')}
            </button>
          </div>
        </section>
      )}

      <section aria-labelledby="drafts-title" class="drafts">
        <h2 id="drafts-title">{i18n.t('editor.home.drafts')}</h2>
        <p class="hint">{i18n.t('editor.home.draftsHint')}</p>
        {drafts === null ? (
          <p>{i18n.t('editor.loading')}</p>
        ) : drafts.length === 0 ? (
          <p class="empty">{i18n.t('editor.home.noDrafts')}</p>
        ) : (
          <ul class="guides">
            {drafts.map((draft) => {
              const title = draft.title.trim() || i18n.t('editor.edit.untitled');
              return (
                <li class="guide draft" key={draft.doc} data-doc={draft.doc}>
                  <h3>{title}</h3>
                  <p class="meta">{i18n.t('editor.home.draftSaved', [when(draft.savedAt)])}</p>
                  <div class="actions">
                    <button
                      type="button"
                      class="resume"
                      aria-label={i18n.t('editor.home.resumeLabel', [title])}
                      disabled={props.busy}
                      onClick={() => props.onResume(draft.doc)}
                    >
                      {i18n.t('editor.home.resume')}
                    </button>
                    <ConfirmButton
                      class="discard"
                      label={i18n.t('editor.home.discard')}
                      ariaLabel={i18n.t('editor.home.discardLabel', [title])}
                      question={i18n.t('editor.home.discardConfirm', [title])}
                      yes={i18n.t('editor.home.discardYes')}
                      no={i18n.t('editor.home.discardNo')}
                      onConfirm={() => {
                        props.onDiscard(draft.doc);
                        setSay(i18n.t('editor.home.discarded', [title]));
                      }}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="mine-title" class="mine">
        <h2 id="mine-title" ref={mineTitle} tabIndex={-1}>
          {i18n.t('editor.home.mine')}
        </h2>
        {known.state === 'loading' ? (
          <p>{i18n.t('editor.loading')}</p>
        ) : known.state === 'failed' ? (
          <p role="alert">{i18n.t('editor.error')}</p>
        ) : known.value.mine.length === 0 ? (
          <p class="empty">{i18n.t('editor.home.noMine')}</p>
        ) : (
          <ul class="guides">
            {known.value.mine.map((entry) => (
              <li class="guide" key={entry.id} data-guide-id={entry.id}>
                <h3 lang={langOf(entry.id)}>{entry.title}</h3>
                <p class="meta">{i18n.t('editor.home.mineSaved', [when(entry.savedAt)])}</p>
                <div class="actions">
                  <button
                    type="button"
                    class="edit-mine"
                    aria-label={i18n.t('editor.home.editLabel', [entry.title])}
                    disabled={props.busy}
                    onClick={() => props.onEditMine(entry.id)}
                  >
                    {i18n.t('editor.home.edit')}
                  </button>
                  <ConfirmButton
                    class="remove-mine"
                    label={i18n.t('editor.home.remove')}
                    ariaLabel={i18n.t('editor.home.removeLabel', [entry.title])}
                    question={removeQuestion(entry)}
                    yes={i18n.t('editor.home.removeYes')}
                    no={i18n.t('editor.home.removeNo')}
                    onConfirm={() => void remove(entry)}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
        {ready && ready.mine.length > 0 && <TeamExport mine={ready.mine} bundledIds={ready.bundledIds} busy={props.busy} langOf={langOf} />}
        {ready && ready.setAside.length > 0 && (
          <div class="set-aside">
            <h3>{i18n.t('editor.home.setAside')}</h3>
            <ul>
              {ready.setAside.map((entry) => (
                <li key={entry.id}>{entry.message}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby="bundled-title" class="bundled">
        <h2 id="bundled-title">{i18n.t('editor.home.bundled')}</h2>
        <p class="hint">{i18n.t('editor.home.bundledHint')}</p>
        {ready && ready.bundled.length === 0 && <p class="empty">{i18n.t('editor.home.noBundled')}</p>}
        {ready && ready.bundled.length > 0 && (
          <ul class="guides">
            {ready.bundled.map((guide) => (
              <li class="guide" key={guide.id} data-guide-id={guide.id}>
                <h3 lang={guide.lang}>{guide.title}</h3>
                <p lang={guide.lang}>{guide.summary}</p>
                <div class="actions">
                  <button
                    type="button"
                    class="secondary copy-bundled"
                    aria-label={i18n.t('editor.home.copyLabel', [guide.title])}
                    disabled={props.busy}
                    onClick={() => props.onCopyBundled(guide.id)}
                  >
                    {i18n.t('editor.home.copy')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="import-title" class="import">
        <h2 id="import-title">{i18n.t('editor.import.title')}</h2>
        <p class="hint">{i18n.t('editor.import.hint')}</p>
        {ready ? (
          <ImportPanel
            mine={ready.mine}
            bundledIds={ready.bundledIds}
            onSaved={props.onSaved}
            onEdit={props.onEditMine}
            onOpenDraft={props.onOpenDraftGuide}
          />
        ) : (
          <p>{known.state === 'failed' ? i18n.t('editor.error') : i18n.t('editor.loading')}</p>
        )}
      </section>
    </main>
  );
}

/**
 * What removing one of « Mes guides » does, asked before it is done: with the other guides that run it
 * at one of their steps (mine or a team's), whose step will then only show its instruction.
 */
export function removeQuestion(entry: UserGuideListEntry): string {
  const players = entry.playedBy.map((title) => i18n.t('editor.home.removePlayer', [title]));
  return players.length === 0
    ? i18n.t('editor.home.removeConfirm', [entry.title])
    : i18n.t('editor.home.removeConfirmPlayed', [entry.title, players.join(', ')]);
}
