/**
 * One item of the guide's list (a step, a question or an end): a header that
 * says what it is and moves, duplicates or deletes it — by the handle (drag
 * and drop), the buttons, or Alt+Up / Alt+Down — and, when open, its fields.
 */
import { i18n } from '#i18n';
import { needsEndMessage } from '../../utils/authoring/draft-guide';
import { clipWords } from '../../utils/authoring/text';
import {
  addChoice,
  changeKind,
  type DropSide,
  fieldDomId,
  ITEM_KINDS,
  type ItemKind,
  type ItemTextField,
  itemText,
  removeChoice,
  setAction,
  setChoiceLabel,
  setChoiceNext,
  setDoneWhen,
  setItemId,
  setItemText,
  setNext,
  setSensitive,
  type WorkingGuide,
} from '../../utils/editor';
import { doneWhenOf } from '../../utils/guide/graph';
import { ACTIONS, DONE_WHEN, type GuideItem, LIMITS } from '../../utils/guide/schema';
import { BlockProblems, CheckboxField, FieldProblems, SelectField, TextField, useFieldProblems } from './fields';
import { actionLabel, doneWhenLabel, itemName, itemTitle, kindLabel, langAttr } from './labels';
import type { Operation } from './session';
import { TargetFacts } from './TargetFacts';

export type ItemCommand = 'up' | 'down' | 'duplicate' | 'remove' | 'toggle';

export interface StepItemProps {
  guide: WorkingGuide;
  item: GuideItem;
  index: number;
  itemKey: string;
  open: boolean;
  problemCount: number;
  apply(op: Operation, label: string, group?: string): void;
  command(command: ItemCommand, index: number, from: 'button' | 'key'): void;
  drag: {
    over: DropSide | null;
    onStart(event: DragEvent, index: number): void;
    onEnd(): void;
    onOver(event: DragEvent, index: number): void;
    onDrop(event: DragEvent, index: number): void;
  };
}

export function StepItem(props: StepItemProps) {
  const { item, index, guide, open, itemKey } = props;
  const total = guide.steps.length;
  const name = itemName(index);
  const headingId = fieldDomId(`steps[${index}]`);
  const bodyId = `item-${itemKey}-body`;
  const summary = clipWords(itemText(item).replace(/\s+/g, ' ').trim(), 80);

  function onKeyDown(event: KeyboardEvent) {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowUp' && index > 0) {
      event.preventDefault();
      props.command('up', index, 'key');
    } else if (event.key === 'ArrowDown' && index < total - 1) {
      event.preventDefault();
      props.command('down', index, 'key');
    }
  }

  return (
    <li
      class={`item item-${item.kind}${props.drag.over ? ` drop-${props.drag.over}` : ''}`}
      data-key={itemKey}
      data-item-id={item.id}
      onDragOver={(event) => props.drag.onOver(event, index)}
      onDrop={(event) => props.drag.onDrop(event, index)}
    >
      {/* Alt+Up / Alt+Down from the header's controls move the item. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the keys are handled for the buttons inside */}
      <div class="item-head" onKeyDown={onKeyDown}>
        <span
          class="handle"
          draggable
          aria-hidden="true"
          title={i18n.t('editor.item.dragHint')}
          onDragStart={(event) => props.drag.onStart(event, index)}
          onDragEnd={props.drag.onEnd}
        >
          ⠿
        </span>
        <div class="item-title">
          <h3 id={headingId} tabIndex={-1}>
            {i18n.t('editor.item.heading', [String(index + 1), item.kind === 'step' ? actionLabel(item.action) : kindLabel(item.kind)])}
            {item.kind === 'step' && item.sensitive && <span class="badge sensitive-badge">{i18n.t('editor.field.sensitive')}</span>}
          </h3>
          {summary !== '' && (
            <p class="item-summary" lang={langAttr(guide.lang)}>
              {summary}
            </p>
          )}
          {props.problemCount > 0 && <p class="badge problem-badge">{i18n.t('editor.item.problems', props.problemCount)}</p>}
        </div>
        <div class="actions item-actions">
          <button
            type="button"
            class="secondary toggle"
            aria-expanded={open ? 'true' : 'false'}
            aria-controls={open ? bodyId : undefined}
            aria-label={open ? i18n.t('editor.item.closeLabel', [name]) : i18n.t('editor.item.openLabel', [name])}
            onClick={() => props.command('toggle', index, 'button')}
          >
            {open ? i18n.t('editor.item.close') : i18n.t('editor.item.open')}
          </button>
          <button
            type="button"
            class="secondary move-up"
            aria-label={i18n.t('editor.item.upLabel', [name])}
            aria-keyshortcuts="Alt+ArrowUp"
            disabled={index === 0}
            onClick={() => props.command('up', index, 'button')}
          >
            {i18n.t('editor.item.up')}
          </button>
          <button
            type="button"
            class="secondary move-down"
            aria-label={i18n.t('editor.item.downLabel', [name])}
            aria-keyshortcuts="Alt+ArrowDown"
            disabled={index === total - 1}
            onClick={() => props.command('down', index, 'button')}
          >
            {i18n.t('editor.item.down')}
          </button>
          <button
            type="button"
            class="secondary duplicate"
            aria-label={i18n.t('editor.item.duplicateLabel', [name])}
            disabled={total >= LIMITS.steps}
            onClick={() => props.command('duplicate', index, 'button')}
          >
            {i18n.t('editor.item.duplicate')}
          </button>
          <button
            type="button"
            class="secondary remove"
            aria-label={i18n.t('editor.item.removeLabel', [name])}
            disabled={total <= 1}
            onClick={() => props.command('remove', index, 'button')}
          >
            {i18n.t('editor.item.remove')}
          </button>
        </div>
      </div>
      {open && (
        <fieldset class="item-body" id={bodyId} aria-labelledby={headingId}>
          <BlockProblems field={`steps[${index}]`} />
          <ItemFields {...props} />
        </fieldset>
      )}
    </li>
  );
}

function ItemFields({ item, index, guide, apply, itemKey }: StepItemProps) {
  const name = itemName(index);
  const path = (field: string) => `steps[${index}].${field}`;
  const edit = (field: ItemTextField, label: string) => (value: string) =>
    apply((copy) => setItemText(copy, index, field, value), i18n.t('editor.change.edit', [label, name]), `${itemKey}|${field}`);

  // A step that runs another guide keeps its kind in the list, though the editor does not offer it for new items.
  const kinds = ITEM_KINDS.includes(item.kind) ? ITEM_KINDS : [...ITEM_KINDS, item.kind];
  const kindOptions = kinds.map((kind) => ({ value: kind, label: kindLabel(kind) }));
  const common = (
    <div class="field-row">
      <SelectField
        field={path('kind')}
        label={i18n.t('editor.field.kind')}
        hint={i18n.t('editor.field.kindHint')}
        value={item.kind}
        options={kindOptions}
        onChange={(kind) => apply((copy) => changeKind(copy, index, kind as ItemKind), i18n.t('editor.change.kind', [name]))}
      />
      <TextField
        field={path('id')}
        label={i18n.t('editor.field.itemId')}
        hint={i18n.t('editor.field.itemIdHint')}
        value={item.id}
        spellcheck={false}
        maxLength={LIMITS.id}
        onInput={(value) =>
          apply(
            (copy) => setItemId(copy, index, value),
            i18n.t('editor.change.edit', [i18n.t('editor.field.itemId'), name]),
            `${itemKey}|id`,
          )
        }
      />
    </div>
  );

  if (item.kind === 'end') {
    return (
      <>
        {common}
        <TextField
          field={path('message')}
          label={i18n.t('editor.field.endMessage')}
          hint={i18n.t('editor.field.endMessageHint')}
          request={needsEndMessage(item.message) ? i18n.t('editor.field.endMessageRequest') : undefined}
          value={item.message ?? ''}
          multiline
          guideText
          advise="text"
          maxLength={LIMITS.instruction}
          onInput={edit('message', i18n.t('editor.field.endMessage'))}
        />
      </>
    );
  }

  const whyAndTip = (
    <>
      <TextField
        field={path('why')}
        label={i18n.t('editor.field.why')}
        hint={i18n.t('editor.field.whyHint')}
        value={item.why ?? ''}
        multiline
        guideText
        advise="text"
        maxLength={LIMITS.why}
        onInput={edit('why', i18n.t('editor.field.why'))}
      />
      <TextField
        field={path('advisorTip')}
        label={i18n.t('editor.field.advisorTip')}
        hint={i18n.t('editor.field.advisorTipHint')}
        value={item.advisorTip ?? ''}
        multiline
        guideText
        advise="text"
        maxLength={LIMITS.advisorTip}
        onInput={edit('advisorTip', i18n.t('editor.field.advisorTip'))}
      />
    </>
  );

  if (item.kind === 'question') {
    return (
      <>
        {common}
        <TextField
          field={path('question')}
          label={i18n.t('editor.field.question')}
          hint={i18n.t('editor.field.questionHint')}
          value={item.question}
          multiline
          guideText
          required
          advise="text"
          maxLength={LIMITS.question}
          onInput={edit('question', i18n.t('editor.field.question'))}
        />
        {whyAndTip}
        <Choices item={item} index={index} guide={guide} apply={apply} itemKey={itemKey} />
      </>
    );
  }

  if (item.kind === 'guide') {
    // Kept as it is on save; the editor edits its texts and where it leads, not which guide it plays.
    return (
      <>
        {common}
        <p class="field-note" data-field={path('guide')}>
          <strong>{i18n.t('editor.field.innerGuide')}</strong> <code>{item.guide}</code>
          <br />
          {i18n.t('editor.field.innerGuideHint')}
        </p>
        <TextField
          field={path('instruction')}
          label={i18n.t('editor.field.instruction')}
          hint={i18n.t('editor.field.instructionHint')}
          value={item.instruction}
          multiline
          guideText
          required
          advise="text"
          maxLength={LIMITS.instruction}
          onInput={edit('instruction', i18n.t('editor.field.instruction'))}
        />
        {whyAndTip}
        <SelectField
          field={path('next')}
          label={i18n.t('editor.field.next')}
          value={item.next ?? ''}
          options={[{ value: '', label: nextDefaultLabel(guide, index) }, ...targetOptions(guide, index, item.next)]}
          onChange={(value) =>
            apply((copy) => setNext(copy, index, value), i18n.t('editor.change.edit', [i18n.t('editor.field.next'), name]))
          }
        />
      </>
    );
  }

  const doneWhen = doneWhenOf(item);
  const showDonePage = doneWhen === 'page' || item.donePage !== undefined;
  return (
    <>
      {common}
      <TextField
        field={path('instruction')}
        label={i18n.t('editor.field.instruction')}
        hint={i18n.t('editor.field.instructionHint')}
        value={item.instruction}
        multiline
        guideText
        required
        advise="text"
        maxLength={LIMITS.instruction}
        onInput={edit('instruction', i18n.t('editor.field.instruction'))}
      />
      {whyAndTip}
      <SelectField
        field={path('action')}
        label={i18n.t('editor.field.action')}
        value={item.action}
        options={ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }))}
        onChange={(action) =>
          apply(
            (copy) => setAction(copy, index, action as (typeof ACTIONS)[number]),
            i18n.t('editor.change.edit', [i18n.t('editor.field.action'), name]),
          )
        }
      />
      <CheckboxField
        field={path('sensitive')}
        label={i18n.t('editor.field.sensitive')}
        hint={i18n.t('editor.field.sensitiveHint')}
        checked={item.sensitive}
        onChange={(checked) =>
          apply((copy) => setSensitive(copy, index, checked), i18n.t('editor.change.edit', [i18n.t('editor.field.sensitive'), name]))
        }
      />
      <TextField
        field={path('page')}
        label={i18n.t('editor.field.page')}
        hint={i18n.t('editor.field.pageHint')}
        value={item.page ?? ''}
        spellcheck={false}
        onInput={edit('page', i18n.t('editor.field.page'))}
      />
      <SelectField
        field={path('doneWhen')}
        label={i18n.t('editor.field.doneWhen')}
        value={item.doneWhen ?? ''}
        options={[
          { value: '', label: i18n.t('editor.doneWhen.default', [doneWhenLabel(doneWhenOf({ ...item, doneWhen: undefined }))]) },
          ...DONE_WHEN.map((value) => ({ value, label: doneWhenLabel(value) })),
        ]}
        onChange={(value) =>
          apply(
            (copy) => setDoneWhen(copy, index, value === '' ? undefined : (value as (typeof DONE_WHEN)[number])),
            i18n.t('editor.change.edit', [i18n.t('editor.field.doneWhen'), name]),
          )
        }
      />
      {showDonePage && (
        <TextField
          field={path('donePage')}
          label={i18n.t('editor.field.donePage')}
          hint={i18n.t('editor.field.donePageHint')}
          value={item.donePage ?? ''}
          spellcheck={false}
          onInput={edit('donePage', i18n.t('editor.field.donePage'))}
        />
      )}
      <SelectField
        field={path('next')}
        label={i18n.t('editor.field.next')}
        value={item.next ?? ''}
        options={[{ value: '', label: nextDefaultLabel(guide, index) }, ...targetOptions(guide, index, item.next)]}
        onChange={(value) =>
          apply((copy) => setNext(copy, index, value), i18n.t('editor.change.edit', [i18n.t('editor.field.next'), name]))
        }
      />
      <TargetFacts field={path('target')} step={item} index={index} apply={apply} />
    </>
  );
}

function nextDefaultLabel(guide: WorkingGuide, index: number): string {
  const following = guide.steps[index + 1];
  return following ? i18n.t('editor.next.following', [itemName(index + 1)]) : i18n.t('editor.next.none');
}

/** The items a branch can lead to, by position and id; a value that leads nowhere is kept, and said so. */
function targetOptions(guide: WorkingGuide, index: number, current: string | undefined): { value: string; label: string }[] {
  const options = guide.steps.flatMap((other, i) =>
    i === index || other.id === ''
      ? []
      : [{ value: other.id, label: i18n.t('editor.next.item', [itemTitle(i), kindLabel(other.kind), other.id]) }],
  );
  if (current && !guide.steps.some((other) => other.id === current)) {
    options.push({ value: current, label: i18n.t('editor.next.missing', [current]) });
  }
  return options;
}

function Choices({
  item,
  index,
  guide,
  apply,
  itemKey,
}: Pick<StepItemProps, 'index' | 'guide' | 'apply' | 'itemKey'> & { item: Extract<GuideItem, { kind: 'question' }> }) {
  const name = itemName(index);
  const problems = useFieldProblems(`steps[${index}].choices`);
  const listId = fieldDomId(`steps[${index}].choices`);
  return (
    <fieldset class="choices" aria-describedby={problems.length > 0 ? `${listId}-problems` : undefined}>
      <legend id={listId} tabIndex={-1}>
        {i18n.t('editor.choice.legend')}
      </legend>
      <FieldProblems id={`${listId}-problems`} problems={problems} />
      {item.choices.map((choice, c) => {
        const choiceName = i18n.t('editor.choice.name', [String(c + 1)]);
        return (
          <fieldset class="choice" key={c}>
            <legend>{choiceName}</legend>
            <TextField
              field={`steps[${index}].choices[${c}].label`}
              label={i18n.t('editor.choice.label')}
              value={choice.label}
              guideText
              required
              advise="label"
              maxLength={LIMITS.choiceLabel}
              onInput={(value) =>
                apply(
                  (copy) => setChoiceLabel(copy, index, c, value),
                  i18n.t('editor.change.edit', [choiceName, name]),
                  `${itemKey}|choice|${c}`,
                )
              }
            />
            <SelectField
              field={`steps[${index}].choices[${c}].next`}
              label={i18n.t('editor.choice.next')}
              value={choice.next}
              options={targetOptions(guide, index, choice.next)}
              onChange={(value) => apply((copy) => setChoiceNext(copy, index, c, value), i18n.t('editor.change.edit', [choiceName, name]))}
            />
            <div class="actions">
              <button
                type="button"
                class="secondary remove-choice"
                disabled={item.choices.length <= 2}
                aria-label={i18n.t('editor.choice.removeLabel', [String(c + 1), name])}
                onClick={() => apply((copy) => removeChoice(copy, index, c), i18n.t('editor.change.removeChoice', [String(c + 1), name]))}
              >
                {i18n.t('editor.choice.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div class="actions">
        <button
          type="button"
          class="secondary add-choice"
          disabled={item.choices.length >= LIMITS.choices}
          onClick={() => apply((copy) => addChoice(copy, index), i18n.t('editor.change.addChoice', [name]))}
        >
          {i18n.t('editor.choice.add')}
        </button>
      </div>
    </fieldset>
  );
}
