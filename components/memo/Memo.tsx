import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import type { Guide } from '../../utils/guide/schema';
import { DocumentedNote, SourceList } from '../shared/GuideOrigin';
import { type MemoLine, memoLines, siteNames } from './model';

/** Lines ruled for the person's own notes. */
const NOTE_LINES = 8;

/** A padlock: drawn, so that it prints the same everywhere (no emoji font needed). */
function LockIcon() {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Zm3 4a1.5 1.5 0 0 1 .75 2.8V19h-1.5v-2.2A1.5 1.5 0 0 1 12 14Z"
      />
    </svg>
  );
}

/**
 * A message of ours around a text of the guide: the guide's text keeps its
 * own language (`lang`) and stays text. `$1` of the message stands for it.
 */
function Around({ message, text, lang }: { message: (placeholder: string) => string; text: string; lang: string }) {
  // Plain ASCII: browsers' getMessage drops some characters (a NUL, for one) from substitutions.
  const mark = '@@guide-text@@';
  const [before = '', after = ''] = message(mark).split(mark);
  return (
    <>
      {before}
      <span lang={lang}>{text}</span>
      {after}
    </>
  );
}

function SensitiveMark() {
  return (
    <p class="sensitive-mark">
      <LockIcon />
      <strong>{i18n.t('memo.sensitive')}</strong> <span>{i18n.t('memo.sensitiveNote')}</span>
    </p>
  );
}

function Line({ line, lang, prefix = '' }: { line: MemoLine; lang: string; prefix?: string }) {
  const key = line.label.replaceAll('.', '-');
  const textId = `memo-text-${key}`;
  const number = <span class="number">{line.label}.</span>;
  // The box the person ticks on paper or on screen: the same for a step and for a guide run at that step.
  const box = (
    <input
      type="checkbox"
      class="box"
      id={`memo-box-${key}`}
      aria-label={i18n.t('memo.stepLabel', [line.label])}
      aria-describedby={textId}
    />
  );
  // Where a line leads, in its own level's numbers (`2.3` inside the guide run at line 2).
  const goTo = (to: number | null) => `${prefix}${to}`;
  switch (line.kind) {
    case 'step':
      return (
        <li class={`memo-line step${line.sensitive ? ' sensitive' : ''}`} data-item-id={line.id} data-number={line.label}>
          {box}
          {number}
          <div class="body">
            <p class="text" id={textId} lang={lang}>
              {line.text}
            </p>
            {line.sensitive && <SensitiveMark />}
            {line.goTo !== null && <p class="goto">{i18n.t('memo.next', [goTo(line.goTo)])}</p>}
          </div>
        </li>
      );
    case 'question':
      return (
        <li class="memo-line question" data-item-id={line.id} data-number={line.label}>
          <span class="box-space" aria-hidden="true" />
          {number}
          <div class="body">
            <p class="text" id={textId}>
              <span class="kind">{i18n.t('memo.question')}</span> <span lang={lang}>{line.text}</span>
            </p>
            <ul class="choices">
              {line.choices.map((choice, index) => {
                const id = `memo-choice-${key}-${index}`;
                return (
                  <li key={id}>
                    <input type="checkbox" class="box" id={id} />
                    <label for={id}>
                      {choice.goTo === null ? (
                        <span lang={lang}>{choice.label}</span>
                      ) : (
                        <Around message={(mark) => i18n.t('memo.choice', [mark, goTo(choice.goTo)])} text={choice.label} lang={lang} />
                      )}
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        </li>
      );
    case 'guide':
      return (
        <li class="memo-line step inner-guide" data-item-id={line.id} data-number={line.label} data-guide={line.guide}>
          {box}
          {number}
          <div class="body">
            <p class="text" id={textId} lang={lang}>
              {line.text}
            </p>
            {line.title !== null && (
              <p class="inner-guide-note">
                <Around message={(mark) => i18n.t('memo.innerGuide', [mark])} text={line.title} lang={lang} />
              </p>
            )}
            {line.goTo !== null && <p class="goto">{i18n.t('memo.next', [goTo(line.goTo)])}</p>}
            {line.lines.length > 0 && (
              // biome-ignore lint/a11y/noRedundantRoles: list-style is off, and some browsers then stop announcing a list.
              <ol class="memo-lines inner" role="list">
                {line.lines.map((inner) => (
                  <Line key={inner.id} line={inner} lang={lang} prefix={`${line.label}.`} />
                ))}
              </ol>
            )}
          </div>
        </li>
      );
    case 'end':
      return (
        <li class="memo-line end" data-item-id={line.id} data-number={line.label}>
          <span class="box-space" aria-hidden="true" />
          {number}
          <div class="body">
            <p class="text" id={textId}>
              <strong class="kind">{i18n.t('memo.end')}</strong>
              {line.text !== null && (
                <>
                  {' '}
                  <span lang={lang}>{line.text}</span>
                </>
              )}
            </p>
          </div>
        </li>
      );
    default:
      return assertNever(line);
  }
}

export interface MemoProps {
  guide: Guide;
}

/**
 * The memo sheet of a guide, to print: title, what to have at hand, every
 * step numbered in large type with a box to tick, the sensitive ones marked
 * with a word and an icon, the questions with where each answer leads, and
 * room for the person's notes. Only the guide's texts, as text: nothing personal.
 */
export function Memo({ guide }: MemoProps) {
  const lines = memoLines(guide);
  const sites = siteNames(guide.sites);
  return (
    <article class="memo" aria-labelledby="memo-title">
      <header class="memo-header">
        <p class="brand">{i18n.t('memo.brand')}</p>
        <h1 id="memo-title" lang={guide.lang}>
          {guide.title}
        </h1>
        <p class="summary" lang={guide.lang}>
          {guide.summary}
        </p>
        <p class="meta">
          {i18n.t('memo.duration', [String(guide.durationMinutes)])}
          {sites.length > 0 && ` · ${i18n.t('memo.sites', [sites.join(', ')])}`}
        </p>
        <DocumentedNote on={guide.status.state === 'documented' ? guide.status.on : undefined} />
      </header>

      <section class="memo-prepare" aria-labelledby="memo-prepare-title">
        <h2 id="memo-prepare-title">{i18n.t('memo.prepare')}</h2>
        {guide.prepare.length === 0 ? (
          <p class="empty">{i18n.t('memo.prepareNone')}</p>
        ) : (
          <ul class="memo-checklist">
            {guide.prepare.map((item, index) => {
              const id = `memo-prepare-${index}`;
              return (
                <li key={id} class={item.sensitive ? 'sensitive' : undefined}>
                  <input type="checkbox" class="box" id={id} aria-describedby={item.hint ? `${id}-hint` : undefined} />
                  <div class="body">
                    <label for={id} lang={guide.lang}>
                      {item.label}
                    </label>
                    {item.hint && (
                      <p class="hint" id={`${id}-hint`} lang={guide.lang}>
                        {item.hint}
                      </p>
                    )}
                    {item.sensitive && <SensitiveMark />}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section class="memo-steps" aria-labelledby="memo-steps-title">
        <h2 id="memo-steps-title">{i18n.t('memo.steps')}</h2>
        <p class="hint">{i18n.t('memo.stepsHint')}</p>
        {/* role=list: list-style is off, and some browsers then stop announcing a list. */}
        {/* biome-ignore lint/a11y/noRedundantRoles: see above */}
        <ol class="memo-lines" role="list">
          {lines.map((line) => (
            <Line key={line.id} line={line} lang={guide.lang} />
          ))}
        </ol>
      </section>

      {guide.sources.length > 0 && (
        <section class="memo-sources">
          <SourceList sources={guide.sources} lang={guide.lang} headingLevel={2} />
        </section>
      )}

      <section class="memo-notes" aria-labelledby="memo-notes-title">
        <h2 id="memo-notes-title">{i18n.t('memo.notes')}</h2>
        <p class="hint">{i18n.t('memo.notesHint')}</p>
        <div class="note-lines" aria-hidden="true">
          {Array.from({ length: NOTE_LINES }, (_, index) => (
            <div class="note-line" key={index} />
          ))}
        </div>
      </section>

      <footer class="memo-footer">
        <p>
          <Around message={(mark) => i18n.t('memo.footer', [mark, guide.version])} text={guide.title} lang={guide.lang} />
        </p>
      </footer>
    </article>
  );
}
