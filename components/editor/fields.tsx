/**
 * The form's building blocks: a labelled control with its hint, the problems
 * the validation found in it and, for texts a person reads, the plain-language
 * advice. Problems and advice are tied to the control with `aria-describedby`;
 * advice never blocks anything.
 */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import { type Advice, checkText } from '../../utils/authoring/plain-language';
import { fieldDomId, shortMessage } from '../../utils/editor';
import type { GuideProblem } from '../../utils/guide/problems';
import { ruleLabel } from './labels';

export interface FormContext {
  /** Problems by field path (`steps[2].instruction`). */
  problems: Map<string, GuideProblem[]>;
  /** Language of the guide's texts. */
  lang: string;
}

export const Form = createContext<FormContext>({ problems: new Map(), lang: 'fr' });

export function useFieldProblems(field: string): GuideProblem[] {
  return useContext(Form).problems.get(field) ?? [];
}

/** The ids a control is described by: its hint, its problems and its advice, those that are shown. */
function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length > 0 ? list.join(' ') : undefined;
}

export function FieldProblems({ id, problems }: { id: string; problems: readonly GuideProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul class="field-problems" id={id}>
      {problems.map((problem, i) => (
        <li key={i}>
          <strong>{i18n.t('editor.problem.mark')}</strong> {shortMessage(problem)}
        </li>
      ))}
    </ul>
  );
}

export function AdviceList({ id, advice }: { id: string; advice: readonly Advice[] }) {
  if (advice.length === 0) return null;
  return (
    <div class="advice" id={id}>
      <p class="advice-title">{i18n.t('editor.advice.title', advice.length)}</p>
      <ul>
        {advice.map((item, i) => (
          <li key={i} data-rule={item.rule}>
            <strong>{ruleLabel(item.rule)}</strong> : {item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface TextFieldProps {
  /** The field's path in the guide: its problems, and its DOM id. */
  field: string;
  label: string;
  value: string;
  onInput(value: string): void;
  hint?: string;
  multiline?: boolean;
  required?: boolean;
  /** Check the text with the plain-language assistant; `label`: a title or a label (infinitives are fine). */
  advise?: 'text' | 'label';
  /** The text is the guide's (its language), not the editor's. */
  guideText?: boolean;
  /** What the trainer still has to write here (a draft's provisional end message), shown with the advice. */
  request?: string;
  type?: 'text' | 'date' | 'number';
  maxLength?: number;
  min?: number;
  max?: number;
  spellcheck?: boolean;
  class?: string;
}

export function TextField(props: TextFieldProps) {
  const { lang } = useContext(Form);
  const problems = useFieldProblems(props.field);
  const id = fieldDomId(props.field);
  const advice = useMemo(
    () => (props.advise ? checkText(props.value, { lang, infinitives: props.advise === 'text' }) : []),
    [props.value, props.advise, lang],
  );
  const hintId = props.hint ? `${id}-hint` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  const adviceId = advice.length > 0 ? `${id}-advice` : undefined;
  const requestId = props.request ? `${id}-request` : undefined;
  const common = {
    id,
    value: props.value,
    'aria-describedby': describedBy(hintId, problemsId, requestId, adviceId),
    'aria-invalid': problems.length > 0 ? ('true' as const) : undefined,
    'aria-required': props.required ? ('true' as const) : undefined,
    lang: props.guideText ? lang : undefined,
    maxLength: props.maxLength,
    spellcheck: props.spellcheck,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class={`field ${props.class ?? ''}`} data-field={props.field}>
      <label for={id}>
        {props.label}
        {props.required ? <span class="required"> {i18n.t('editor.field.required')}</span> : null}
      </label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input {...common} type={props.type ?? 'text'} min={props.min} max={props.max} />
      )}
      <FieldProblems id={`${id}-problems`} problems={problems} />
      {props.request && (
        <p class="advice request" id={requestId}>
          {props.request}
        </p>
      )}
      <AdviceList id={`${id}-advice`} advice={advice} />
    </div>
  );
}

interface SelectFieldProps {
  field: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  hint?: string;
}

export function SelectField(props: SelectFieldProps) {
  const problems = useFieldProblems(props.field);
  const id = fieldDomId(props.field);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  return (
    <div class="field" data-field={props.field}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <select
        id={id}
        value={props.value}
        aria-describedby={describedBy(hintId, problemsId)}
        aria-invalid={problems.length > 0 ? 'true' : undefined}
        onChange={(event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}

export function CheckboxField(props: { field: string; label: string; checked: boolean; hint?: string; onChange(checked: boolean): void }) {
  const problems = useFieldProblems(props.field);
  const id = fieldDomId(props.field);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;
  return (
    <div class="field checkbox" data-field={props.field}>
      <input
        type="checkbox"
        id={id}
        checked={props.checked}
        aria-describedby={describedBy(hintId, problemsId)}
        onChange={(event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
}

/** A block's own problems (a list as a whole, a step as a whole), shown at its top. */
export function BlockProblems({ field }: { field: string }) {
  const problems = useFieldProblems(field);
  return <FieldProblems id={`${fieldDomId(field)}-problems`} problems={problems} />;
}

export function Section(props: { id: string; title: string; children: ComponentChildren; class?: string }) {
  return (
    <section class={`editor-section ${props.class ?? ''}`} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`} tabIndex={-1}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
