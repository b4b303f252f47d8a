// biome-ignore-all lint: a corpus of forbidden forms, written exactly the way they must be caught
/**
 * Acting lines written on purpose: every line marked `// acts` must be caught
 * by scripts/never-act.ts (`// acts typed`: caught with the type checker only).
 * Never imported by the extension; type-checked like the rest, never run.
 */
declare const browser: {
  tabs: {
    update(id: number, details: { url?: string; active?: boolean }): Promise<unknown>;
    create(details: { url?: string }): Promise<unknown>;
    executeScript(id: number, details: { code?: string; file?: string }): Promise<unknown>;
  };
  windows: { create(details: { url?: string }): Promise<unknown> };
  scripting: { executeScript(details: { target: { tabId: number }; func?: () => void; files?: string[] }): Promise<unknown> };
};
declare function fireEvent(target: Element, event: Event): void;
declare const navigation: { navigate(url: string): void };

export function actOnPage(
  el: HTMLElement,
  form: HTMLFormElement,
  input: HTMLInputElement,
  select: HTMLSelectElement,
  tabId: number,
  site: string,
) {
  el.click(); // acts
  el['click'](); // acts
  (el as HTMLElement).click(); // acts
  HTMLElement.prototype.click.call(el); // acts
  HTMLElement.prototype['click'].apply(el, []); // acts
  Reflect.apply(HTMLElement.prototype.click, el, []); // acts
  const { requestSubmit } = HTMLFormElement.prototype; // acts
  requestSubmit.bind(form)(); // acts
  form.requestSubmit(); // acts
  form.submit(); // acts
  form['submit'](); // acts
  el.dispatchEvent(new MouseEvent('click', { bubbles: true })); // acts
  fireEvent(el, new Event('input')); // acts
  document.execCommand('insertText', false, 'x'); // acts
  input.setRangeText('typed for them'); // acts
  input.stepUp(); // acts
  input.value = 'typed for them'; // acts typed
  input.checked = true; // acts typed
  select.selectedIndex = 2; // acts typed
  el.innerText = 'x'; // acts typed
  input.value += 'more'; // acts typed
  (input as any).value = 'x'; // acts
  ((<unknown>input) as { value: string }).value = 'x'; // acts
  input['value'] = 'x'; // acts typed
  (input as any)['checked'] = true; // acts
  Object.assign(input, { value: 'x' }); // acts
  Object.defineProperties(input, { checked: { value: true } }); // acts
  Reflect.set(input, 'value', 'x'); // acts
  Object.defineProperty(input, 'value', { value: 'x' }); // acts
  input.setAttribute('value', 'x'); // acts
  input.toggleAttribute('checked'); // acts
  location.hash = '#suite'; // acts
  location.href = site; // acts
  window.location.search = '?a=1'; // acts
  document.location = site; // acts
  location.assign(site); // acts
  location['replace'](site); // acts
  location.reload(); // acts
  history.pushState({}, '', '/x'); // acts
  window.history.back(); // acts
  navigation.navigate(site); // acts
  window.open(site); // acts
  open(site); // acts
  void browser.tabs.update(tabId, { url: site }); // acts
  void browser.tabs.create({ url: site }); // acts
  void browser.tabs.create({ url: `https://${site}/` }); // acts
  void browser.windows.create({ url: site }); // acts
  void browser.scripting.executeScript({ target: { tabId }, func: () => {} }); // acts
  void browser.tabs.executeScript(tabId, { code: 'document.forms[0].submit()' }); // acts
  el.scrollIntoView({ block: 'center' }); // acts
  el['scrollIntoView'](); // acts
  el.scrollBy(0, 400); // acts
  el.parentElement?.scrollTo({ top: 9999 }); // acts
  el.scrollTop = el.scrollHeight; // acts
}
