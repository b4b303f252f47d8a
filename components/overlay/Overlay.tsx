import { i18n } from '#i18n';
import { currentStep } from './state';

/** Step text of any kind of guide item, shown as text (never as HTML). */
function itemText(item: NonNullable<typeof currentStep.value>['item']): string {
  switch (item.kind) {
    case 'step':
      return item.instruction;
    case 'question':
      return item.question;
    case 'end':
      return item.message ?? '';
  }
}

export function Overlay() {
  const step = currentStep.value;
  if (!step) return null;
  return (
    <div class="bubble" role="dialog" aria-modal="false" aria-labelledby="cac-bubble-title" lang={step.lang}>
      <p class="progress" lang={i18n.t('lang')}>
        {i18n.t('overlay.stepOf', [String(step.position), String(step.total)])}
      </p>
      <h2 id="cac-bubble-title" class="guide-title">
        {step.guideTitle}
      </h2>
      <p class="instruction" aria-live="polite">
        {itemText(step.item)}
      </p>
    </div>
  );
}
