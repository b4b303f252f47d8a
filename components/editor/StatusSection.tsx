/**
 * The guide's status: a draft, or verified by someone on a date. Marking it
 * verified is refused, with the count of problems, while it has any.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { fieldDomId, isoDay, problemsBeforeVerifying, setStatusField, setStatusState, type WorkingCopy } from '../../utils/editor';
import { BlockProblems, Section, TextField } from './fields';
import type { Session } from './session';

export interface StatusSectionProps {
  copy: WorkingCopy;
  apply: Session['apply'];
  now(): Date;
  focusLater(selector: string): void;
}

export function StatusSection({ copy, apply, now, focusLater }: StatusSectionProps) {
  const guide = copy.guide;
  const [refusal, setRefusal] = useState('');

  function setVerified(verified: boolean) {
    if (!verified) {
      setRefusal('');
      apply((c) => setStatusState(c, 'draft', isoDay(now())), i18n.t('editor.change.status'));
      return;
    }
    const blocking = problemsBeforeVerifying(guide);
    if (blocking.length > 0) {
      setRefusal(i18n.t('editor.status.refused', blocking.length));
      return;
    }
    setRefusal('');
    apply((c) => setStatusState(c, 'verified', isoDay(now())), i18n.t('editor.change.status'));
    focusLater(`#${fieldDomId('status.against')}`);
  }

  return (
    <Section id="status" title={i18n.t('editor.status.title')} class="status-section">
      <fieldset aria-describedby={refusal ? 'status-refusal' : undefined}>
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
        {guide.status.state === 'documented' && (
          // Format 2: kept as it is until the trainer chooses draft or verified.
          <div class="radio">
            <input type="radio" name="status" id="status-documented" value="documented" checked />
            <label for="status-documented">{i18n.t('editor.status.documented', [guide.status.on])}</label>
            <p class="hint">{i18n.t('editor.status.documentedHint')}</p>
          </div>
        )}
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
      {refusal && (
        <p role="alert" id="status-refusal" class="status-refusal">
          {refusal}
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
  );
}
