/**
 * The editing screen of one working copy: the guide's header, its sites, what
 * to have at hand, its steps, its status; the problems the validation finds,
 * listed at the top and shown next to their fields; undo and redo; saving to
 * "my guides" and exporting the file. Every change is kept as it is made.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ConflictChoice as Choice } from '../../utils/authoring/user-guides';
import {
  addItem,
  addPrepare,
  addSite,
  type Conflict,
  duplicateItem,
  exportGuide,
  fieldDomId,
  fieldOf,
  fingerprint,
  type ItemKind,
  isoDay,
  isSavedInMyGuides,
  isTooBig,
  moveItem,
  movePrepare,
  parsePath,
  planImport,
  problemsBeforeVerifying,
  problemsByField,
  removeItem,
  removePrepare,
  removeSite,
  setDuration,
  setGuideText,
  setPrepareSensitive,
  setPrepareText,
  setSite,
  setStatusField,
  setStatusState,
  type WorkingCopy,
} from '../../utils/editor';
import { conflictOf } from '../../utils/editor/import';
import { parseGuide } from '../../utils/guide/parse';
import { type Guide, LIMITS } from '../../utils/guide/schema';
import { send } from '../../utils/send';
import { ConflictChoice } from './ConflictChoice';
import { BlockProblems, CheckboxField, Form, Section, TextField } from './fields';
import type { KnownState } from './known';
import { itemName, kindLabel, langAttr } from './labels';
import { downloadText, requestSites, writeWorking } from './platform';
import { type ItemCommand, StepItem } from './StepItem';
import { useSession } from './session';

export interface GuideFormProps {
  initial: WorkingCopy;
  known: KnownState;
  refreshKnown(): Promise<unknown>;
  onHome(): void;
  write?: (copy: WorkingCopy) => Promise<void>;
  now?: () => Date;
}

type Message = { text: string; alert: boolean; seq: number } | null;

/** Lists longer than this open closed: the trainer opens the steps they work on. */
const OPEN_ALL_UP_TO = 8;

export function GuideForm({ initial, known, refreshKnown, onHome, write = writeWorking, now = () => new Date() }: GuideFormProps) {
  const session = useSession(initial, { write });
  const { copy, apply } = session;
  const guide = copy.guide;
  const lang = langAttr(guide.lang) ?? 'fr';
  const [open, setOpen] = useState<Set<string>>(() => new Set(initial.keys.length <= OPEN_ALL_UP_TO ? initial.keys : []));
  const [message, setMessage] = useState<Message>(null);
  const [statusRefusal, setStatusRefusal] = useState('');
  const [saving, setSaving] = useState<{ conflict: Exclude<Conflict, 'none'>; guide: Guide } | { busy: true } | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const dragFrom = useRef<number | null>(null);
  const [over, setOver] = useState<{ index: number; where: 'before' | 'after' } | null>(null);

  const parsed = useMemo(() => parseGuide(guide), [guide]);
  const problems = parsed.ok ? [] : parsed.problems;
  const byField = useMemo(() => problemsByField(problems), [problems]);
  const perItem = useMemo(() => {
    const counts = new Map<number, number>();
    for (const problem of problems) {
      const [first, second] = parsePath(problem.path);
      if (first === 'steps' && typeof second === 'number') counts.set(second, (counts.get(second) ?? 0) + 1);
    }
    return counts;
  }, [problems]);

  const say = (text: string, alert = false) => setMessage((m) => ({ text, alert, seq: (m?.seq ?? 0) + 1 }));

  useEffect(() => {
    if (session.notice) say(session.notice.text);
  }, [session.notice]);

  useEffect(() => {
    document.title = `${guide.title.trim() || i18n.t('editor.edit.untitled')} — ${i18n.t('editor.title')}`;
  }, [guide.title]);

  // Moves the focus once the list is rendered again (after a move, a copy, a deletion, a jump to a problem).
  useLayoutEffect(() => {
    const selector = pendingFocus.current;
    if (!selector) return;
    pendingFocus.current = null;
    focusField(selector);
  });

  const focusLater = (selector: string) => {
    pendingFocus.current = selector;
  };

  // ---------------------------------------------------------------------------
  // Items

  function command(which: ItemCommand, index: number) {
    const key = copy.keys[index];
    if (key === undefined) return;
    const name = itemName(index);
    const head = (k: string, control: string) => `li[data-key="${k}"] ${control}`;
    switch (which) {
      case 'toggle': {
        const next = new Set(open);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        setOpen(next);
        return;
      }
      case 'up':
      case 'down': {
        const to = which === 'up' ? index - 1 : index + 1;
        if (to < 0 || to >= guide.steps.length) return;
        apply((c) => moveItem(c, index, to), i18n.t('editor.change.move', [name]));
        // Keep the focus on the control used, unless it is now at the end of the list (then the other one).
        const edge = to === 0 || to === guide.steps.length - 1;
        const control = which === 'up' ? (edge && to === 0 ? '.move-down' : '.move-up') : edge ? '.move-up' : '.move-down';
        const active = document.activeElement;
        const fromToggle = active instanceof HTMLElement && active.classList.contains('toggle');
        focusLater(head(key, fromToggle ? '.toggle' : control));
        say(i18n.t('editor.item.moved', [itemName(index), itemName(to)]));
        return;
      }
      case 'duplicate': {
        const newKey = `k${copy.nextKey}`;
        apply((c) => duplicateItem(c, index), i18n.t('editor.change.duplicate', [name]));
        if (open.has(key)) setOpen(new Set([...open, newKey]));
        focusLater(`li[data-key="${newKey}"] h3`);
        say(i18n.t('editor.item.duplicated', [name, itemName(index + 1)]));
        return;
      }
      case 'remove': {
        const neighbour = copy.keys[index + 1] ?? copy.keys[index - 1];
        apply((c) => removeItem(c, index), i18n.t('editor.change.remove', [name]));
        focusLater(neighbour ? `li[data-key="${neighbour}"] h3` : '#steps-title');
        say(i18n.t('editor.item.removed', [name]));
        return;
      }
    }
  }

  function add(kind: ItemKind) {
    const newKey = `k${copy.nextKey}`;
    apply((c) => addItem(c, kind), i18n.t('editor.change.add', [kindLabel(kind)]));
    setOpen(new Set([...open, newKey]));
    focusLater(`li[data-key="${newKey}"] h3`);
  }

  const drag = (index: number) => ({
    over: over?.index === index ? over.where : null,
    onStart(event: DragEvent, from: number) {
      dragFrom.current = from;
      if (event.dataTransfer) {
        event.dataTransfer.effectAllowed = 'move';
        // Firefox starts a drag only with some data.
        event.dataTransfer.setData('text/plain', copy.keys[from] ?? '');
        const item = (event.currentTarget as HTMLElement).closest('li');
        if (item) event.dataTransfer.setDragImage(item, 16, 16);
      }
    },
    onEnd() {
      dragFrom.current = null;
      setOver(null);
    },
    onOver(event: DragEvent, at: number) {
      if (dragFrom.current === null) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
      const where = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
      if (over?.index !== at || over.where !== where) setOver({ index: at, where });
    },
    onDrop(event: DragEvent, at: number) {
      const from = dragFrom.current;
      dragFrom.current = null;
      setOver(null);
      if (from === null) return;
      event.preventDefault();
      const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
      let to = event.clientY < box.top + box.height / 2 ? at : at + 1;
      if (from < to) to -= 1;
      if (to === from) return;
      apply((c) => moveItem(c, from, to), i18n.t('editor.change.move', [itemName(from)]));
      say(i18n.t('editor.item.moved', [itemName(from), itemName(to)]));
    },
  });

  // ---------------------------------------------------------------------------
  // Problems

  function goTo(field: string) {
    const [first, second] = parsePath(field);
    const sectionOf: Record<string, string> = { steps: '#steps-title', sites: '#sites-title', prepare: '#prepare-title' };
    const selector = sectionOf[field] ?? `#${fieldDomId(field)}`;
    if (first === 'steps' && typeof second === 'number') {
      const key = copy.keys[second];
      if (key !== undefined && !open.has(key)) {
        // The step opens first; the focus moves once its fields are there.
        focusLater(selector);
        setOpen(new Set([...open, key]));
        return;
      }
    }
    focusField(selector);
  }

  // ---------------------------------------------------------------------------
  // Status

  function setVerified(verified: boolean) {
    if (!verified) {
      setStatusRefusal('');
      apply((c) => setStatusState(c, 'draft', isoDay(now())), i18n.t('editor.change.status'));
      return;
    }
    const blocking = problemsBeforeVerifying(guide);
    if (blocking.length > 0) {
      setStatusRefusal(i18n.t('editor.status.refused', blocking.length));
      return;
    }
    setStatusRefusal('');
    apply((c) => setStatusState(c, 'verified', isoDay(now())), i18n.t('editor.change.status'));
    focusLater(`#${fieldDomId('status.against')}`);
  }

  // ---------------------------------------------------------------------------
  // Export and "my guides"

  function exportFile() {
    const result = exportGuide(guide);
    if (!result.ok) {
      say(
        result.verified
          ? i18n.t('editor.export.refusedVerified', result.problems.length)
          : i18n.t('editor.export.refused', result.problems.length),
        true,
      );
      focusLater('#problems-title');
      return;
    }
    if (isTooBig(new Blob([result.text]).size)) {
      say(i18n.t('editor.export.tooBig'), true);
      return;
    }
    downloadText(result.text, result.fileName);
    say(i18n.t('editor.export.done', [result.fileName]));
  }

  const ready = known.state === 'ready' ? known.value : null;

  function saveToMine() {
    const result = exportGuide(guide);
    if (!result.ok) {
      say(i18n.t('editor.mine.refused', result.problems.length), true);
      focusLater('#problems-title');
      return;
    }
    if (!ready) {
      say(i18n.t('editor.mine.unknown'), true);
      void refreshKnown();
      return;
    }
    const conflict = result.guide.id === copy.savedId ? 'none' : conflictOf(result.guide, ready.mine, ready.bundledIds);
    if (conflict !== 'none') {
      setSaving({ conflict, guide: result.guide });
      return;
    }
    save(result.guide, 'replace');
  }

  /** The final click: the sites are asked for first (a user gesture is needed), then the guide is saved. */
  function save(parsedGuide: Guide, choice: Choice) {
    if (!ready) return;
    const plan = planImport(parsedGuide, choice, copy.guide.id === copy.savedId ? [] : ready.mine, ready.bundledIds);
    if (!plan.save) {
      setSaving(null);
      say(i18n.t('editor.mine.cancelled'));
      return;
    }
    const asked = requestSites(plan.guide.sites);
    setSaving({ busy: true });
    const saved = plan.guide;
    void (async () => {
      const sites = await asked;
      try {
        const answer = await send({ type: 'userGuides:save', guide: saved, origin: copy.origin });
        if (!answer?.ok) {
          setSaving(null);
          say([i18n.t('editor.mine.saveRefused'), ...(answer?.problems ?? []).map((p) => p.message)].join(' '), true);
          return;
        }
        // « Garder les deux »: the working copy takes the new id and title.
        let working = guide;
        if (plan.outcome === 'kept-both') {
          working = { ...guide, id: saved.id, title: saved.title };
          apply((c) => setGuideText(setGuideText(c, 'id', saved.id), 'title', saved.title), i18n.t('editor.change.keepBoth'));
        }
        session.setMeta({ origin: copy.origin, savedId: saved.id, savedPrint: fingerprint(working) });
        setSaving(null);
        const text = i18n.t('editor.mine.saved', [saved.title]);
        say(sites === 'granted' ? text : `${text} ${i18n.t('editor.sites.refused', [saved.sites.join(', ')])}`);
        void refreshKnown();
      } catch {
        setSaving(null);
        say(i18n.t('editor.mine.saveFailed'), true);
      }
    })();
  }

  async function leave() {
    await session.flush();
    onHome();
  }

  const inMine = isSavedInMyGuides(copy);
  const mineState = copy.savedId === undefined ? 'never' : inMine ? 'upToDate' : 'changed';

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
            <button type="button" class="save-mine" disabled={saving !== null && 'busy' in saving} onClick={saveToMine}>
              {copy.savedId === undefined ? i18n.t('editor.mine.add') : i18n.t('editor.mine.update')}
            </button>
            <button type="button" class="secondary export" onClick={exportFile}>
              {i18n.t('editor.export.button')}
            </button>
          </div>
          <p class="hint mine-state">{i18n.t(`editor.mine.${mineState}`)}</p>
          <p class="status save-state" aria-live="polite" aria-atomic="true">
            {session.saveState === 'saved' ? i18n.t('editor.save.saved') : ''}
          </p>
          {session.saveState === 'failed' && <p role="alert">{i18n.t('editor.save.failed')}</p>}
          {saving && 'conflict' in saving && (
            <ConflictChoice
              conflict={saving.conflict}
              id={saving.guide.id}
              existingTitle={ready?.mine.find((entry) => entry.id === saving.guide.id)?.title}
              onChoose={(choice) => save(saving.guide, choice)}
            />
          )}
          <p class="status notice" aria-live="polite" aria-atomic="true">
            {message && !message.alert ? message.text : ''}
          </p>
          {message?.alert && (
            <p role="alert" key={message.seq}>
              {message.text}
            </p>
          )}
        </header>

        <Section id="problems" title={i18n.t('editor.problems.title', problems.length)} class="problems">
          {problems.length === 0 ? (
            <p class="note">{i18n.t('editor.problems.none')}</p>
          ) : (
            <>
              <p class="hint">{i18n.t('editor.problems.hint')}</p>
              <ul class="problem-list">
                {problems.map((problem, i) => {
                  const field = fieldOf(problem.path);
                  return (
                    <li key={i}>
                      {field === '' ? (
                        problem.message
                      ) : (
                        <button type="button" class="link go-to" onClick={() => goTo(field)}>
                          {problem.message}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </Section>

        <HeaderSection copy={copy} apply={apply} />
        <SitesSection copy={copy} apply={apply} />
        <PrepareSection copy={copy} apply={apply} />

        <Section id="steps" title={i18n.t('editor.steps.title')} class="steps">
          <p class="hint">{i18n.t('editor.steps.hint')}</p>
          <BlockProblems field="steps" />
          <div class="actions">
            <button type="button" class="secondary open-all" onClick={() => setOpen(new Set(copy.keys))}>
              {i18n.t('editor.steps.openAll')}
            </button>
            <button type="button" class="secondary close-all" onClick={() => setOpen(new Set())}>
              {i18n.t('editor.steps.closeAll')}
            </button>
          </div>
          <ol class="items">
            {guide.steps.map((item, index) => {
              const key = copy.keys[index] ?? `i${index}`;
              return (
                <StepItem
                  key={key}
                  itemKey={key}
                  guide={guide}
                  item={item}
                  index={index}
                  open={open.has(key)}
                  problemCount={perItem.get(index) ?? 0}
                  apply={apply}
                  command={command}
                  drag={drag(index)}
                />
              );
            })}
          </ol>
          <div class="actions">
            <button type="button" class="add-step" disabled={guide.steps.length >= LIMITS.steps} onClick={() => add('step')}>
              {i18n.t('editor.steps.addStep')}
            </button>
            <button
              type="button"
              class="secondary add-question"
              disabled={guide.steps.length >= LIMITS.steps}
              onClick={() => add('question')}
            >
              {i18n.t('editor.steps.addQuestion')}
            </button>
            <button type="button" class="secondary add-end" disabled={guide.steps.length >= LIMITS.steps} onClick={() => add('end')}>
              {i18n.t('editor.steps.addEnd')}
            </button>
          </div>
        </Section>

        <Section id="status" title={i18n.t('editor.status.title')} class="status-section">
          <fieldset aria-describedby={statusRefusal ? 'status-refusal' : undefined}>
            <legend>{i18n.t('editor.status.legend')}</legend>
            <BlockProblems field="status" />
            <div class="radio">
              <input
                type="radio"
                name="status"
                id={fieldDomId('status')}
                value="draft"
                checked={guide.status.state === 'draft'}
                onChange={() => setVerified(false)}
              />
              <label for={fieldDomId('status')}>{i18n.t('editor.status.draft')}</label>
              <p class="hint">{i18n.t('editor.status.draftHint')}</p>
            </div>
            <div class="radio">
              <input
                type="radio"
                name="status"
                id="status-verified"
                value="verified"
                checked={guide.status.state === 'verified'}
                onChange={() => setVerified(true)}
              />
              <label for="status-verified">{i18n.t('editor.status.verified')}</label>
              <p class="hint">{i18n.t('editor.status.verifiedHint')}</p>
            </div>
          </fieldset>
          {statusRefusal && (
            <p role="alert" id="status-refusal" class="status-refusal">
              {statusRefusal}
            </p>
          )}
          {guide.status.state === 'verified' && (
            <div class="field-row">
              <TextField
                field="status.against"
                label={i18n.t('editor.status.against')}
                hint={i18n.t('editor.status.againstHint')}
                value={guide.status.against}
                required
                maxLength={200}
                onInput={(value) => apply((c) => setStatusField(c, 'against', value), i18n.t('editor.change.status'), 'status.against')}
              />
              <TextField
                field="status.on"
                label={i18n.t('editor.status.date')}
                type="date"
                value={guide.status.on}
                required
                onInput={(value) => apply((c) => setStatusField(c, 'on', value), i18n.t('editor.change.status'), 'status.on')}
              />
            </div>
          )}
        </Section>
      </main>
    </Form.Provider>
  );
}

/** Focuses a field, opening the `<details>` it sits in. */
function focusField(selector: string) {
  const target = document.querySelector<HTMLElement>(selector);
  if (!target) return;
  for (let details = target.closest('details'); details; details = details.parentElement?.closest('details') ?? null) {
    if (!details.open && target.tagName !== 'SUMMARY') details.open = true;
  }
  target.focus();
}

type Apply = ReturnType<typeof useSession>['apply'];

function HeaderSection({ copy, apply }: { copy: WorkingCopy; apply: Apply }) {
  const guide = copy.guide;
  const edit = (field: 'id' | 'title' | 'summary' | 'lang' | 'version', label: string) => (value: string) =>
    apply((c) => setGuideText(c, field, value), i18n.t('editor.change.editGuide', [label]), field);
  return (
    <Section id="about" title={i18n.t('editor.about.title')}>
      <TextField
        field="title"
        label={i18n.t('editor.about.guideTitle')}
        hint={i18n.t('editor.about.guideTitleHint')}
        value={guide.title}
        required
        guideText
        advise="label"
        maxLength={LIMITS.title}
        onInput={edit('title', i18n.t('editor.about.guideTitle'))}
      />
      <TextField
        field="summary"
        label={i18n.t('editor.about.summary')}
        hint={i18n.t('editor.about.summaryHint')}
        value={guide.summary}
        multiline
        required
        guideText
        advise="label"
        maxLength={LIMITS.summary}
        onInput={edit('summary', i18n.t('editor.about.summary'))}
      />
      <TextField
        field="durationMinutes"
        label={i18n.t('editor.about.duration')}
        hint={i18n.t('editor.about.durationHint')}
        type="number"
        min={1}
        max={600}
        required
        value={guide.durationMinutes === null ? '' : String(guide.durationMinutes)}
        onInput={(value) =>
          apply(
            (c) => setDuration(c, value.trim() === '' ? null : Number(value)),
            i18n.t('editor.change.editGuide', [i18n.t('editor.about.duration')]),
            'durationMinutes',
          )
        }
      />
      <details class="technical">
        <summary>{i18n.t('editor.about.technical')}</summary>
        <TextField
          field="id"
          label={i18n.t('editor.about.id')}
          hint={i18n.t('editor.about.idHint')}
          value={guide.id}
          required
          spellcheck={false}
          maxLength={LIMITS.id}
          onInput={edit('id', i18n.t('editor.about.id'))}
        />
        <TextField
          field="lang"
          label={i18n.t('editor.about.lang')}
          hint={i18n.t('editor.about.langHint')}
          value={guide.lang}
          required
          spellcheck={false}
          onInput={edit('lang', i18n.t('editor.about.lang'))}
        />
        <TextField
          field="version"
          label={i18n.t('editor.about.version')}
          hint={i18n.t('editor.about.versionHint')}
          value={guide.version}
          required
          spellcheck={false}
          onInput={edit('version', i18n.t('editor.about.version'))}
        />
      </details>
    </Section>
  );
}

function SitesSection({ copy, apply }: { copy: WorkingCopy; apply: Apply }) {
  const sites = copy.guide.sites;
  return (
    <Section id="sites" title={i18n.t('editor.sites.title')}>
      <p class="hint">{i18n.t('editor.sites.hint')}</p>
      <BlockProblems field="sites" />
      <ul class="plain sites-list">
        {sites.map((site, i) => {
          const name = i18n.t('editor.sites.name', [String(i + 1)]);
          return (
            <li key={i} class="row">
              <TextField
                field={`sites[${i}]`}
                label={name}
                value={site}
                spellcheck={false}
                onInput={(value) => apply((c) => setSite(c, i, value), i18n.t('editor.change.editGuide', [name]), `site|${i}`)}
              />
              <button
                type="button"
                class="secondary remove-site"
                aria-label={i18n.t('editor.sites.removeLabel', [String(i + 1)])}
                onClick={() => apply((c) => removeSite(c, i), i18n.t('editor.change.removeSite', [String(i + 1)]))}
              >
                {i18n.t('editor.sites.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <div class="actions">
        <button
          type="button"
          class="secondary add-site"
          disabled={sites.length >= LIMITS.sites}
          onClick={() => apply((c) => addSite(c), i18n.t('editor.change.addSite'))}
        >
          {i18n.t('editor.sites.add')}
        </button>
      </div>
    </Section>
  );
}

function PrepareSection({ copy, apply }: { copy: WorkingCopy; apply: Apply }) {
  const prepare = copy.guide.prepare;
  return (
    <Section id="prepare" title={i18n.t('editor.prepare.title')}>
      <p class="hint">{i18n.t('editor.prepare.hint')}</p>
      <BlockProblems field="prepare" />
      {prepare.length === 0 && <p class="empty">{i18n.t('editor.prepare.none')}</p>}
      <ul class="plain prepare-list">
        {prepare.map((item, i) => {
          const name = i18n.t('editor.prepare.name', [String(i + 1)]);
          return (
            <li key={i}>
              <fieldset>
                <legend>{name}</legend>
                <TextField
                  field={`prepare[${i}].label`}
                  label={i18n.t('editor.prepare.label')}
                  hint={i18n.t('editor.prepare.labelHint')}
                  value={item.label}
                  required
                  guideText
                  advise="label"
                  maxLength={LIMITS.prepareLabel}
                  onInput={(value) =>
                    apply((c) => setPrepareText(c, i, 'label', value), i18n.t('editor.change.editGuide', [name]), `prepare|${i}|label`)
                  }
                />
                <TextField
                  field={`prepare[${i}].hint`}
                  label={i18n.t('editor.prepare.itemHint')}
                  hint={i18n.t('editor.prepare.itemHintHint')}
                  value={item.hint ?? ''}
                  guideText
                  advise="text"
                  maxLength={LIMITS.prepareHint}
                  onInput={(value) =>
                    apply((c) => setPrepareText(c, i, 'hint', value), i18n.t('editor.change.editGuide', [name]), `prepare|${i}|hint`)
                  }
                />
                <CheckboxField
                  field={`prepare[${i}].sensitive`}
                  label={i18n.t('editor.prepare.sensitive')}
                  checked={item.sensitive}
                  onChange={(checked) => apply((c) => setPrepareSensitive(c, i, checked), i18n.t('editor.change.editGuide', [name]))}
                />
                <div class="actions">
                  <button
                    type="button"
                    class="secondary"
                    disabled={i === 0}
                    aria-label={i18n.t('editor.prepare.upLabel', [String(i + 1)])}
                    onClick={() => apply((c) => movePrepare(c, i, i - 1), i18n.t('editor.change.editGuide', [name]))}
                  >
                    {i18n.t('editor.item.up')}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    disabled={i === prepare.length - 1}
                    aria-label={i18n.t('editor.prepare.downLabel', [String(i + 1)])}
                    onClick={() => apply((c) => movePrepare(c, i, i + 1), i18n.t('editor.change.editGuide', [name]))}
                  >
                    {i18n.t('editor.item.down')}
                  </button>
                  <button
                    type="button"
                    class="secondary remove-prepare"
                    aria-label={i18n.t('editor.prepare.removeLabel', [String(i + 1)])}
                    onClick={() => apply((c) => removePrepare(c, i), i18n.t('editor.change.removePrepare', [String(i + 1)]))}
                  >
                    {i18n.t('editor.item.remove')}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div class="actions">
        <button
          type="button"
          class="secondary add-prepare"
          disabled={prepare.length >= LIMITS.prepare}
          onClick={() => apply((c) => addPrepare(c), i18n.t('editor.change.addPrepare'))}
        >
          {i18n.t('editor.prepare.add')}
        </button>
      </div>
    </Section>
  );
}
