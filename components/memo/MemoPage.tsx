import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import { useDisplaySettings } from '../shared/display';
import { useGuide } from '../shared/hooks';
import { Memo } from './Memo';

/** The guide named by `?guide=<id>`, or null. */
export function guideParam(): string | null {
  const id = new URLSearchParams(location.search).get('guide');
  return id === null || id === '' ? null : id;
}

/** `memo.html?guide=<id>`: the memo sheet of a guide, with a button to print it (the button does not print). */
export function MemoPage() {
  const guideId = guideParam();
  const guide = useGuide(guideId);
  const ready = guide.state === 'ready' ? guide.value : null;
  // Text size and contrast chosen in the display settings apply to the memo too.
  useDisplaySettings(null);

  useEffect(() => {
    document.documentElement.lang = i18n.t('lang');
  }, []);
  useEffect(() => {
    document.title = ready ? i18n.t('memo.pageTitle', [ready.title]) : i18n.t('memo.brand');
  }, [ready]);

  return (
    <main class="memo-page">
      {guideId === null ? (
        <p role="alert">{i18n.t('memo.noGuide')}</p>
      ) : guide.state === 'loading' ? (
        <p aria-live="polite">{i18n.t('memo.loading')}</p>
      ) : guide.state === 'failed' ? (
        <p role="alert">{i18n.t('memo.error')}</p>
      ) : !ready ? (
        <p role="alert">{i18n.t('memo.missing')}</p>
      ) : (
        <>
          <div class="memo-toolbar no-print">
            <button type="button" class="print" onClick={() => window.print()}>
              {i18n.t('memo.print')}
            </button>
            <p class="hint">{i18n.t('memo.printHint')}</p>
          </div>
          <Memo guide={ready} />
        </>
      )}
    </main>
  );
}
