/**
 * A stopped recording's draft as the background leaves it for the editor:
 * `{ guide, at }` (`at`: epoch ms of the stop). The guide is a valid guide, or
 * at least has the shape the editor's form can show (then the editor lists
 * its problems).
 */
import { parseGuide } from '../guide/parse';
import type { Guide } from '../guide/schema';
import { isWorkingGuide } from './autosave';
import type { WorkingGuide } from './model';

export interface EditorIncoming {
  guide: Guide | WorkingGuide;
  at: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The draft in a stored value, or null when it holds none the editor can show. */
export function readEditorIncoming(raw: unknown): EditorIncoming | null {
  if (!isRecord(raw)) return null;
  const parsed = parseGuide(raw.guide);
  const guide = parsed.ok ? parsed.guide : isWorkingGuide(raw.guide) ? raw.guide : null;
  if (!guide) return null;
  return { guide, at: typeof raw.at === 'number' ? raw.at : 0 };
}
