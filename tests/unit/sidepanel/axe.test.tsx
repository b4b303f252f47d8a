import axe from 'axe-core';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../../components/popup/Popup';
import { SidePanel } from '../../../components/sidepanel/SidePanel';
import { advance, startRun } from '../../../utils/run';
import { accountGuide, otherGuide } from '../popup/fixtures';
import { buttonByText, click, installFrench, mount, serveTab, TestBackground, unmount, waitFor } from '../popup/harness';

/**
 * axe-core on the rendered views. happy-dom has no layout, so contrast is
 * left to the real-browser tests; structure, names, labels and ARIA are checked here.
 */
let background: TestBackground;
let tabId: number;
let container: HTMLElement | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  background = new TestBackground([accountGuide, otherGuide]);
  background.install();
  tabId = (await fakeBrowser.tabs.create({ url: 'https://exemple.gouv.fr/connexion' })).id!;
  document.documentElement.lang = 'fr';
  document.title = 'Côte à côte';
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

async function violations(): Promise<string[]> {
  const results = await axe.run(document, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

it('the popup list and start screen have no axe violation', async () => {
  serveTab(tabId);
  await background.setPaused(startRun(otherGuide, 'alone', background.now));
  container = await mount(<Popup />);
  await waitFor(() => container?.querySelector(`li.guide[data-guide-id="${otherGuide.id}"] .resume`), 'the lists');
  expect(await violations()).toEqual([]);
  await click(buttonByText(container.querySelector(`li.guide[data-guide-id="${accountGuide.id}"]`)!, 'Commencer'));
  await waitFor(() => container?.querySelector('.start-screen .prepare'), 'the start screen');
  expect(await violations()).toEqual([]);
});

it('the side panel, during and at the end of a guide, has no axe violation', async () => {
  serveTab(tabId, 'sidepanel.html');
  let run = advance(accountGuide, startRun(accountGuide, 'advisor', 1), { type: 'manual-done' }, 2);
  await background.setRun(tabId, run);
  container = await mount(<SidePanel />);
  await waitFor(() => container?.querySelector('.run-view .choices'), 'the question');
  expect(await violations()).toEqual([]);
  for (const event of [{ type: 'answer', choice: 1 }, { type: 'manual-done' }, { type: 'manual-done' }] as const) {
    run = advance(accountGuide, run, event, 3);
  }
  await background.setRun(tabId, run);
  await waitFor(() => container?.querySelector('.recap'), 'the recap');
  expect(await violations()).toEqual([]);
});
