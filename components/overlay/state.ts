import { signal } from '@preact/signals';
import type { CurrentStep } from '../../utils/messages';

/** The current step of this tab's run, as the background answers it; null when no run. */
export const currentStep = signal<CurrentStep | null>(null);
