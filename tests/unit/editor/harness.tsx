/**
 * Test harness for the editor page: the real French messages, the real
 * background answering `send()` (in the fake browser's storage), and helpers
 * to type, pick and drop files.
 */
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UserGuidesStore } from '../../../utils/authoring/background/user-store';
import type { UserGuideStore } from '../../../utils/authoring/user-guides';
import { fromStored, listWorking, type WorkingCopy, workingKey } from '../../../utils/editor';
import type { Guide } from '../../../utils/guide/schema';
import type { TabMessage, TargetTestResult } from '../../../utils/messages';
import { userGuidesItem } from '../../../utils/storage/schema-items';
import { FakePlatform } from '../authoring-service/fakes';
import { TestBackground } from '../popup/harness';

// Browsers have `ondragstart` & co. on every element, happy-dom does not: Preact then
// listens to "DragStart" instead of "dragstart". Give happy-dom the browsers' handlers.
for (const name of ['ondragstart', 'ondragend', 'ondragenter', 'ondragover', 'ondragleave', 'ondrop']) {
  if (!(name in HTMLElement.prototype))
    Object.defineProperty(HTMLElement.prototype, name, { value: null, writable: true, configurable: true });
}

export { buttonByText, click, installFrench, mount, settle, unmount, waitFor } from '../popup/harness';

/** Every tab listens and answers "Tester" with `testAnswer`: the editor's tests are about the editor. */
class ListeningPlatform extends FakePlatform {
  override async sendToTab(tabId: number, message: TabMessage) {
    this.sent.push({ tabId, message });
    return message.type === 'overlay:test' ? this.testAnswer : { ok: true };
  }
}

/** The real background (its services and router over the fake browser's storage), as the editor page sees it. */
export class EditorBackground extends TestBackground {
  constructor(bundled: Guide[]) {
    // Each save gets its own time, a second apart.
    let clock = Date.parse('2026-03-01T10:00:00.000Z');
    super(bundled, { platform: new ListeningPlatform(), clock: () => (clock += 1000) });
  }

  get store(): UserGuidesStore {
    return this.background.userGuides;
  }

  get testAnswer(): TargetTestResult {
    return this.platform.testAnswer as TargetTestResult;
  }

  set testAnswer(answer: TargetTestResult) {
    this.platform.testAnswer = answer;
  }
}

/** "My guides" exactly as stored. */
export async function storedGuides(): Promise<UserGuideStore['guides']> {
  const raw = (await fakeBrowser.storage.local.get(userGuidesItem.key))[userGuidesItem.key] as UserGuideStore | undefined;
  return raw?.guides ?? {};
}

/** Saves guides in "my guides" as the background would have. */
export async function seedMyGuides(background: EditorBackground, ...guides: Guide[]): Promise<void> {
  for (const guide of guides) {
    const answer = await background.store.save(guide, 'imported');
    if (!answer.ok) throw new Error(`seed refused: ${JSON.stringify(answer.problems)}`);
  }
}

/** The working copies in storage. */
export async function storedWorking(): Promise<WorkingCopy[]> {
  const all = (await fakeBrowser.storage.local.get(null)) as Record<string, unknown>;
  return listWorking(all).map((summary) => fromStored(all[workingKey(summary.doc)])!.copy);
}

/** The page's address, as the browser opened it. */
export function openAt(search = ''): void {
  window.happyDOM?.setURL(`chrome-extension://${fakeBrowser.runtime.id}/editor.html${search}`);
}

/** Types a whole value into a field, as one input event (what a paste does). */
export async function typeInto(field: Element | null | undefined, value: string): Promise<void> {
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) throw new Error('no field to type into');
  await act(() => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(select: Element | null | undefined, value: string): Promise<void> {
  if (!(select instanceof HTMLSelectElement)) throw new Error('no select');
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function key(target: EventTarget, init: KeyboardEventInit): Promise<void> {
  await act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
}

/** A file as the file picker gives it. */
export function jsonFile(content: string | object, name = 'guide.json'): File {
  return new File([typeof content === 'string' ? content : JSON.stringify(content, null, 2)], name, { type: 'application/json' });
}

/** Chooses a file in a file input. */
export async function pickFile(input: Element | null | undefined, file: File): Promise<void> {
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** A drag event with a data transfer (happy-dom has none of its own). */
export function dragEvent(type: string, data: { files?: File[]; types?: string[] } = {}): Event {
  const store = new Map<string, string>();
  const transfer = {
    files: data.files ?? [],
    types: data.types ?? (data.files ? ['Files'] : []),
    dropEffect: 'none',
    effectAllowed: 'all',
    setData: (format: string, value: string) => store.set(format, value),
    getData: (format: string) => store.get(format) ?? '',
    setDragImage: () => undefined,
  };
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: transfer });
  Object.defineProperty(event, 'clientY', { value: 0 });
  return event;
}

export async function fire(target: Element | null | undefined, event: Event): Promise<void> {
  if (!target) throw new Error('no target');
  await act(() => {
    target.dispatchEvent(event);
  });
}

/** The text of the element with this id. */
export const textOf = (id: string) => document.getElementById(id)?.textContent ?? '';
