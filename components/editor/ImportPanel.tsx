/**
 * « Importer un guide »: a file chosen with the file picker or dropped on the
 * zone is read (never when it is too large), checked, and shown — title,
 * summary, sites, number of steps, and every problem — before anything is
 * saved. Saving asks, when the id is taken, whether to replace, keep both or
 * cancel; once saved, the guide's sites are asked for one at a time, in words. A Chrome DevTools Recorder
 * recording opens as a draft in the editor. The preview says which facts still
 * look personal; saving asks about each first (`ReviewConfirm`), as the
 * editor's save does. A failed import changes nothing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { personalFacts } from '../../utils/authoring/review';
import type { ConflictChoice as Choice } from '../../utils/authoring/user-guides';
import {
  conflictOf,
  guideWithoutFacts,
  type ImportReading,
  isTooBig,
  type KnownGuide,
  planImport,
  readImportText,
  saveToMyGuides,
} from '../../utils/editor';
import { MAX_GUIDE_BYTES } from '../../utils/guide/parse';
import type { Guide } from '../../utils/guide/schema';
import { ConflictChoice } from './ConflictChoice';
import { ReviewConfirm } from './ReviewConfirm';
import { ReviewFound } from './ReviewFound';
import { SiteAccess, siteWords } from './SiteAccess';

type Phase =
  | { name: 'idle' }
  | { name: 'reading'; fileName: string }
  | { name: 'refused'; fileName: string; message: string }
  | { name: 'preview'; fileName: string; reading: ImportReading }
  | { name: 'saving'; fileName: string }
  | { name: 'failed'; fileName: string; message: string; problems: string[] }
  | { name: 'saved'; guide: Guide; outcome: 'added' | 'replaced' | 'kept-both' };

export interface ImportPanelProps {
  mine: readonly KnownGuide[];
  bundledIds: ReadonlySet<string>;
  /** A guide was saved to "my guides": lists are to be read again. */
  onSaved(): void;
  /** Open a saved guide in the editor. */
  onEdit(guideId: string): void;
  /** Open a recording's draft in the editor (it is not saved to "my guides" until the trainer does). */
  onOpenDraft(guide: Guide): void;
}

function megabytes(bytes: number): string {
  const mb = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return new Intl.NumberFormat(i18n.t('lang'), { maximumFractionDigits: 1 }).format(mb);
}

export function ImportPanel(props: ImportPanelProps) {
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [inputKey, setInputKey] = useState(0);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState('');
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (phase.name !== 'idle' && phase.name !== 'reading' && phase.name !== 'saving') result.current?.focus();
  }, [phase.name]);

  async function readFile(file: File) {
    setNotice('');
    const fileName = file.name;
    // Too large: refused before reading a byte of it.
    if (isTooBig(file.size)) {
      setPhase({
        name: 'refused',
        fileName,
        message: i18n.t('editor.import.tooBig', [fileName, megabytes(file.size), megabytes(MAX_GUIDE_BYTES)]),
      });
      return;
    }
    setPhase({ name: 'reading', fileName });
    let text: string;
    try {
      text = await file.text();
    } catch {
      setPhase({ name: 'refused', fileName, message: i18n.t('editor.import.unreadable', [fileName]) });
      return;
    }
    setPhase({ name: 'preview', fileName, reading: readImportText(text, fileName) });
  }

  function onPick(event: Event) {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    // A new input for the next choice: choosing the same file again must work.
    setInputKey((n) => n + 1);
    if (file) void readFile(file);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files?.[0];
    if (file) void readFile(file);
  }

  function onDragOver(event: DragEvent) {
    if (!Array.from(event.dataTransfer?.types ?? []).includes('Files')) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function cancel() {
    setPhase({ name: 'idle' });
    setNotice(i18n.t('editor.import.cancelled'));
  }

  /** The trainer's final click: the guide is saved; its sites are then asked for one at a time, in words (`SiteAccess`). */
  function save(guide: Guide, fileName: string, choice: Choice) {
    const plan = planImport(guide, choice, props.mine, props.bundledIds);
    if (!plan.save) return cancel();
    const answer = saveToMyGuides(plan.guide, 'imported', async () => null);
    setPhase({ name: 'saving', fileName });
    void answer.then((result) => {
      switch (result.state) {
        case 'refused':
          setPhase({ name: 'failed', fileName, message: i18n.t('editor.import.saveRefused'), problems: result.problems });
          return;
        case 'failed':
          setPhase({ name: 'failed', fileName, message: i18n.t('editor.import.saveFailed'), problems: [] });
          return;
        case 'saved':
          setPhase({ name: 'saved', guide: plan.guide, outcome: plan.outcome });
          props.onSaved();
          return;
      }
    });
  }

  const busy = phase.name === 'reading' || phase.name === 'saving';

  return (
    <div class="import-panel">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the file input inside it is the keyboard's way */}
      <div
        class={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label for="import-file">{i18n.t('editor.import.pick')}</label>
        <p class="hint" id="import-file-hint">
          {i18n.t('editor.import.pickHint')}
        </p>
        <input
          key={inputKey}
          type="file"
          id="import-file"
          accept="application/json,.json"
          aria-describedby="import-file-hint"
          disabled={busy}
          onChange={onPick}
        />
        <p class="drop-hint" aria-hidden="true">
          {dragging ? i18n.t('editor.import.dropNow') : i18n.t('editor.import.drop')}
        </p>
      </div>

      <p class="status" aria-live="polite" aria-atomic="true">
        {phase.name === 'reading'
          ? i18n.t('editor.import.reading', [phase.fileName])
          : phase.name === 'saving'
            ? i18n.t('editor.import.saving')
            : notice}
      </p>

      <div class="import-result" ref={result} tabIndex={-1}>
        {phase.name === 'refused' && <p role="alert">{phase.message}</p>}
        {phase.name === 'failed' && (
          <>
            <p role="alert">{phase.message}</p>
            {phase.problems.length > 0 && (
              <ul class="import-problems">
                {phase.problems.map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            )}
          </>
        )}
        {phase.name === 'preview' && (
          <Preview {...props} fileName={phase.fileName} reading={phase.reading} onCancel={cancel} onSave={save} />
        )}
        {phase.name === 'saved' && <Saved {...phase} onEdit={props.onEdit} />}
      </div>
    </div>
  );
}

interface PreviewProps extends ImportPanelProps {
  fileName: string;
  reading: ImportReading;
  onCancel(): void;
  onSave(guide: Guide, fileName: string, choice: Choice): void;
}

function Preview({ fileName, reading, mine, bundledIds, onCancel, onSave, onOpenDraft }: PreviewProps) {
  // The guide to save once reviewed (without the facts deleted), and the question asked then.
  const [asking, setAsking] = useState<{ question: 'review' | 'conflict'; guide: Guide } | null>(null);
  if (reading.kind === 'invalid') {
    return (
      <div class="preview invalid">
        <h3>{i18n.t('editor.import.invalidTitle', [fileName])}</h3>
        <p role="alert">{i18n.t('editor.import.invalid', reading.problems.length)}</p>
        <ul class="import-problems">
          {reading.problems.map((problem, i) => (
            <li key={i}>{problem.message}</li>
          ))}
        </ul>
      </div>
    );
  }
  const { guide } = reading;
  const conflict = reading.kind === 'guide' ? conflictOf(guide, mine, bundledIds) : 'none';

  /** Saved at once when nothing is left to ask: the click is the user gesture the sites are asked for in. */
  function next(reviewed: Guide) {
    if (conflict === 'none') onSave(reviewed, fileName, 'keep-both');
    else setAsking({ question: 'conflict', guide: reviewed });
  }

  function confirm() {
    const marked = personalFacts(guide);
    if (marked.length > 0) setAsking({ question: 'review', guide });
    else next(guide);
  }

  return (
    <div class="preview">
      <h3>
        {reading.kind === 'recording'
          ? i18n.t('editor.import.recordingTitle', [fileName])
          : i18n.t('editor.import.previewTitle', [fileName])}
      </h3>
      <dl class="facts">
        <dt>{i18n.t('editor.import.guideTitle')}</dt>
        <dd lang={guide.lang} class="preview-title">
          {guide.title}
        </dd>
        <dt>{i18n.t('editor.import.summary')}</dt>
        <dd lang={guide.lang}>{guide.summary}</dd>
        <dt>{i18n.t('editor.import.sites')}</dt>
        <dd>
          <ul class="sites">
            {guide.sites.map((site) => (
              <li key={site}>
                {siteWords(site)} <code>{site}</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{i18n.t('editor.import.steps')}</dt>
        <dd class="preview-steps">{i18n.t('editor.import.stepCount', guide.steps.length)}</dd>
        <dt>{i18n.t('editor.import.status')}</dt>
        <dd>
          {guide.status.state === 'verified'
            ? i18n.t('editor.import.verified', [guide.status.against, guide.status.on])
            : i18n.t('editor.import.draft')}
        </dd>
      </dl>
      <p class="note">{i18n.t('editor.import.valid')}</p>
      <ReviewFound guide={guide} />
      {reading.kind === 'recording' && reading.dropped.length > 0 && (
        <>
          <h4>{i18n.t('editor.import.droppedTitle')}</h4>
          <ul class="dropped">
            {reading.dropped.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {reading.kind === 'recording' ? (
        <div class="actions">
          <button type="button" class="open-draft" onClick={() => onOpenDraft(guide)}>
            {i18n.t('editor.import.openDraft')}
          </button>
          <button type="button" class="secondary import-cancel" onClick={onCancel}>
            {i18n.t('editor.import.cancel')}
          </button>
        </div>
      ) : asking?.question === 'review' ? (
        <ReviewConfirm
          facts={personalFacts(guide)}
          guide={guide}
          purpose="save"
          onProceed={(outcome) => next(guideWithoutFacts(guide, outcome.deletions))}
          onCancel={onCancel}
        />
      ) : asking?.question === 'conflict' && conflict !== 'none' ? (
        <ConflictChoice
          conflict={conflict}
          id={guide.id}
          existingTitle={mine.find((known) => known.id === guide.id)?.title}
          onChoose={(choice) => onSave(asking.guide, fileName, choice)}
        />
      ) : (
        <div class="actions">
          <button type="button" class="import-confirm" onClick={confirm}>
            {i18n.t('editor.import.confirm')}
          </button>
          <button type="button" class="secondary import-cancel" onClick={onCancel}>
            {i18n.t('editor.import.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}

function Saved({ guide, outcome, onEdit }: { guide: Guide; outcome: 'added' | 'replaced' | 'kept-both'; onEdit(id: string): void }) {
  const text =
    outcome === 'replaced'
      ? i18n.t('editor.import.replaced', [guide.title])
      : outcome === 'kept-both'
        ? i18n.t('editor.import.keptBoth', [guide.title, guide.id])
        : i18n.t('editor.import.added', [guide.title]);
  return (
    <div class="saved">
      <p class="note" role="status">
        {text}
      </p>
      <SiteAccess sites={guide.sites} />
      <div class="actions">
        <button type="button" class="secondary edit-imported" onClick={() => onEdit(guide.id)}>
          {i18n.t('editor.import.edit')}
        </button>
      </div>
    </div>
  );
}
