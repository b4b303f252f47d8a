import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { send } from '../../utils/send';
import type { ErasedTraces } from '../../utils/traces/service';
import { ConfirmButton } from './ConfirmButton';

/** What was erased, in words: each kind named with its count, or that there was nothing. */
export function erasedText(erased: ErasedTraces): string {
  if (erased.runs + erased.paused + erased.progress === 0) return i18n.t('traces.nothing');
  return i18n.t('traces.erased', [String(erased.runs), String(erased.paused), String(erased.progress)]);
}

/**
 * « Effacer les traces de Côte à côte »: the runs, the paused runs and the
 * progress kept on this computer go, after one confirmation; the result is
 * said in a live region. `beforeErase` runs just before the request: the end
 * screen in a page uses it to stay on screen when its own run is erased.
 */
export function EraseTraces({ class: className, beforeErase }: { class?: string; beforeErase?: () => void }) {
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);

  async function erase() {
    beforeErase?.();
    try {
      setSaid({ text: erasedText(await send({ type: 'traces:erase' })), failed: false });
    } catch {
      setSaid({ text: i18n.t('traces.failed'), failed: true });
    }
  }

  return (
    <div class={`erase-traces ${className ?? ''}`}>
      <ConfirmButton
        class="erase"
        label={i18n.t('traces.erase')}
        question={i18n.t('traces.confirm')}
        yes={i18n.t('traces.yes')}
        no={i18n.t('traces.no')}
        onConfirm={() => void erase()}
      />
      <p class="erase-status" aria-live="polite" aria-atomic="true">
        {said && !said.failed ? said.text : ''}
      </p>
      {said?.failed && <p role="alert">{said.text}</p>}
    </div>
  );
}
