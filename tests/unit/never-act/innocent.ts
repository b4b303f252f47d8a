/**
 * Look-alikes that must not be flagged by scripts/never-act.ts: reading a
 * field (the product observes whether it is filled, never keeps its value),
 * our own signals and objects, our own pages, event listeners.
 * Never imported by the extension; type-checked like the rest, never run.
 */
declare const browser: {
  tabs: { update(id: number, details: { active?: boolean }): Promise<unknown>; create(details: { url?: string }): Promise<unknown> };
  runtime: { getURL(path: string): string };
  scripting: { executeScript(details: { target: { tabId: number }; files?: string[] }): Promise<unknown> };
};
declare const signal: { value: number };
declare const actions: Record<'click' | 'fill', string>;

const ownPage = (id: string) => browser.runtime.getURL(`/memo.html#${id}`);

export function lookAlikes(el: HTMLElement, input: HTMLInputElement, tabId: number, handlers: Record<string, () => void>) {
  const filled = input.value.trim() !== '';
  const checked = input.checked;
  signal.value = 2;
  const mine = { value: '', checked: false };
  mine.value = 'ours';
  // biome-ignore lint/complexity/useLiteralKeys: the element-access form is the point of this line
  mine['checked'] = true;
  const label = actions.click;
  el.addEventListener('click', () => {});
  el.onclick = null;
  el.focus();
  window.scrollBy({ top: 10, behavior: 'instant' });
  const seen = el.scrollTop + el.scrollLeft;
  el.setAttribute('aria-checked', 'true');
  el.textContent = 'ours';
  Object.assign(el.style, { top: '0px' });
  Object.assign(mine, { other: 1 });
  const url = location.href;
  const same = location.hash === '#x';
  handlers.send?.();
  const replaced = url.replace('a', 'b');
  void browser.tabs.update(tabId, { active: true });
  void browser.tabs.create({ url: browser.runtime.getURL('/editor.html') });
  void browser.tabs.create({ url: ownPage('guide') });
  void browser.scripting.executeScript({ target: { tabId }, files: ['content-scripts/overlay.js'] });
  const link = document.createElement('a');
  link.click(); // never-act: own page — the download link of our own extension page
  return { filled, checked, label, same, replaced, seen };
}
