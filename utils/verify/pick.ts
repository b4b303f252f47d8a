/**
 * « Montrer le bon élément »: the tab that waits for the trainer's click, then
 * the element pointed at (its target, already through the recorder's privacy
 * rules). Kept by the background in `verifyPickItem`; the editor follows it.
 */
import { type TargetDescription, targetSchema } from '../locate/target';

export type VerifyPick =
  | { tabId: number; state: 'waiting'; at: number }
  | { tabId: number; state: 'picked'; target: TargetDescription; at: number };

/** Anything unreadable counts as no pick under way. */
export function readVerifyPick(raw: unknown): VerifyPick | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { tabId, state, at, target } = raw as Record<string, unknown>;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || typeof at !== 'number') return null;
  if (state === 'waiting') return { tabId, state, at };
  if (state !== 'picked') return null;
  const parsed = targetSchema.safeParse(target);
  return parsed.success ? { tabId, state, target: parsed.data, at } : null;
}
