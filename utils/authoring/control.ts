/**
 * What kind of control a target description is, from its tag, type and role:
 * the drafted instruction's verb and the facts the recorder keeps depend on
 * it. No dependency on the guide schema: the recorder script imports it.
 */
import type { TargetDescription } from '../locate/target';
import { isTypedField } from './sensitive';

export type Control = 'button' | 'link' | 'field' | 'checkbox' | 'radio' | 'select' | 'file' | 'form' | 'other';

/** What kind of control the description is, from its tag, type and role. */
export function controlOf(facts: Pick<TargetDescription, 'tag' | 'type' | 'role'>, inputType?: string): Control {
  const tag = facts.tag.toLowerCase();
  const type = (facts.type ?? inputType ?? '').toLowerCase();
  const role = facts.role?.toLowerCase();
  if (type === 'checkbox' || role === 'checkbox' || role === 'switch' || role === 'menuitemcheckbox') return 'checkbox';
  if (type === 'radio' || role === 'radio' || role === 'menuitemradio') return 'radio';
  if (type === 'file') return 'file';
  if (tag === 'select' || role === 'listbox' || (role === 'combobox' && tag !== 'input')) return 'select';
  if (tag === 'form') return 'form';
  if (tag === 'input' && /^(?:submit|button|reset|image)$/.test(type)) return 'button';
  if (isTypedField({ tag, role, type: type || undefined })) return 'field';
  if (role === 'link' || tag === 'a') return 'link';
  if (role === 'button' || tag === 'button' || tag === 'summary' || role === 'tab' || role === 'menuitem') return 'button';
  return 'other';
}
