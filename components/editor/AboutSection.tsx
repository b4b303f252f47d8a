/**
 * « À propos du guide »: its title, its summary, how long it takes, and, under
 * « Détails techniques », its id, language and version.
 */
import { i18n } from '#i18n';
import { setDuration, setGuideText, type WorkingCopy } from '../../utils/editor';
import { LIMITS } from '../../utils/guide/schema';
import { Section, TextField } from './fields';
import type { Session } from './session';

export function AboutSection({ copy, apply }: { copy: WorkingCopy; apply: Session['apply'] }) {
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
