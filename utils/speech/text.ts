import { assertNever } from '../assert-never';
import type { GuideItem } from '../guide/schema';

/**
 * What is read aloud for an item: the guide's own words only — the
 * instruction (of a step or of a step that runs another guide), or the question and its answers, or the end message.
 */
export function spokenText(item: GuideItem): string {
  switch (item.kind) {
    case 'step':
      return item.instruction;
    case 'question':
      return [item.question, ...item.choices.map((c) => c.label)].map((t) => (/[.?!…:]$/.test(t) ? t : `${t}.`)).join(' ');
    case 'end':
      return item.message ?? '';
    case 'guide':
      return item.instruction;
    default:
      return assertNever(item);
  }
}
