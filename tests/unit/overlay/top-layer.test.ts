import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepOnTop } from '../../../components/overlay/topLayer';

/** happy-dom has no popovers: give an element the popover API, and a page dialog that says it is modal. */
function popoverLayer() {
  const layer = document.createElement('div') as HTMLDivElement & { open: boolean };
  let open = false;
  const shown: number[] = [];
  layer.showPopover = vi.fn(() => {
    open = true;
    shown.push(shown.length);
  });
  layer.hidePopover = vi.fn(() => {
    open = false;
  });
  const matches = layer.matches.bind(layer);
  layer.matches = (s: string) => (s === ':popover-open' ? open : matches(s));
  document.body.append(layer);
  return { layer, shown, isOpen: () => open };
}

function modal(isModal: boolean) {
  const dialog = document.createElement('dialog');
  const matches = dialog.matches.bind(dialog);
  dialog.matches = (s: string) => (s === ':modal' ? isModal && dialog.hasAttribute('open') : matches(s));
  document.body.append(dialog);
  return dialog;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => document.body.replaceChildren());

describe('keepOnTop', () => {
  it('shows the layer as a manual popover (no light dismiss)', () => {
    const { layer, isOpen } = popoverLayer();
    const stop = keepOnTop(layer);
    expect(layer.getAttribute('popover')).toBe('manual');
    expect(isOpen()).toBe(true);
    stop();
    expect(isOpen()).toBe(false);
  });

  it('shows the layer again after the page opens a modal dialog, so that it stays above it', async () => {
    const { layer, shown } = popoverLayer();
    const stop = keepOnTop(layer);
    const dialog = modal(true);
    dialog.setAttribute('open', '');
    await flush();
    expect(shown).toHaveLength(2);
    expect(layer.hidePopover).toHaveBeenCalledTimes(1);
    stop();
  });

  it('leaves the layer alone for a non-modal dialog or a details element', async () => {
    const { layer, shown } = popoverLayer();
    const stop = keepOnTop(layer);
    modal(false).setAttribute('open', '');
    const details = document.createElement('details');
    document.body.append(details);
    details.dispatchEvent(Object.assign(new Event('toggle'), { newState: 'open' }));
    await flush();
    expect(shown).toHaveLength(1);
    stop();
  });

  it('moves its shadow host into an open modal dialog (the rest of the page is inert), and back home when it closes', async () => {
    const home = document.createElement('main');
    const host = document.createElement('cote-a-cote-overlay');
    home.append(host);
    document.body.append(home);
    const { layer, isOpen } = popoverLayer();
    host.attachShadow({ mode: 'open' }).append(layer);
    const stop = keepOnTop(layer);
    const dialog = modal(true);
    dialog.setAttribute('open', '');
    await flush();
    expect(host.parentNode).toBe(dialog);
    expect(isOpen()).toBe(true);
    dialog.removeAttribute('open');
    await flush();
    expect(host.parentNode).toBe(home);
    // A page that removes its open dialog, our host inside, does not take the overlay with it.
    dialog.setAttribute('open', '');
    await flush();
    expect(host.parentNode).toBe(dialog);
    dialog.remove();
    await flush();
    expect(host.parentNode).toBe(home);
    stop();
  });

  it('does nothing where popovers do not exist', () => {
    const layer = document.createElement('div');
    expect(() => keepOnTop(layer)()).not.toThrow();
    expect(layer.hasAttribute('popover')).toBe(false);
  });
});
