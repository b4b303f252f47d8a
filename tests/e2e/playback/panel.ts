// The side panel of a run, opened as a page: what it shows, waits on it, and clicks in it.
import type { Page } from 'puppeteer-core';
import { type ExtensionBrowser, WAIT_MS, waitForState } from '../harness';

/** The side panel as shown (read from its DOM, nothing written). */
export interface PanelState {
  /** The language of the panel's own texts. */
  lang: string;
  /** « Avec un conseiller · Guidé »… */
  summary: string | null;
  /** The current item's text in « Maintenant »; null once finished. */
  now: string | null;
  /** The « Maintenant » section of a finished run is shown. */
  finished: boolean;
  /** The list of steps: each line's item id and state (`done`, `manual`, `current`, `ahead`…). */
  lines: { id: string; state: string }[];
  /** The item marked `aria-current="step"` in the list. */
  current: string | null;
  /** The question's choices offered in the panel. */
  choices: string[];
  /** The notice under the buttons (« Regardez la page… »). */
  notice: string | null;
  /** Buttons present in « Maintenant », by class. */
  showMe: boolean;
  lost: boolean;
  lostBack: boolean;
  /** The tip for the advisor is shown. */
  advisorTip: boolean;
  /** The radios of the settings section. */
  mode: string | null;
  level: string | null;
}

export function readPanel(panel: Page): Promise<PanelState> {
  return panel.evaluate(() => {
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const one = (css: string) => document.querySelector(css);
    return {
      lang: document.documentElement.lang,
      summary: clean(one('.run-settings-summary')?.textContent) || null,
      now: clean(one('section.now .now-text .instruction')?.textContent) || null,
      finished: !!one('section.now.end'),
      lines: [...document.querySelectorAll<HTMLElement>('ol.steps li.step')].map((li) => ({
        id: li.dataset.itemId ?? '',
        state: li.dataset.state ?? '',
      })),
      current: one('ol.steps li[aria-current="step"]')?.getAttribute('data-item-id') ?? null,
      choices: [...document.querySelectorAll('section.now fieldset.choices button.choice')].map((b) => clean(b.textContent)),
      notice: clean(one('section.now .status')?.textContent) || null,
      showMe: !!one('section.now button.show-me'),
      lost: !!one('section.now button.lost'),
      lostBack: !!one('section.now button.lost-back'),
      advisorTip: !!one('aside.advisor'),
      mode: document.querySelector<HTMLInputElement>('input[name="panel-mode"]:checked')?.value ?? null,
      level: document.querySelector<HTMLInputElement>('input[name="panel-level"]:checked')?.value ?? null,
    };
  });
}

/** Waits until the side panel shows what `check` wants, and returns it. */
export function waitForPanel(panel: Page, what: string, check: (state: PanelState) => boolean): Promise<PanelState> {
  return waitForState(`le panneau : ${what}`, () => readPanel(panel), check);
}

/** The side panel of the run of `tabId`, opened as a page in a tab, once it shows the run; `page` is brought back to the front. */
export async function openRunPanel(ext: ExtensionBrowser, tabId: number, page: Page): Promise<Page> {
  const panel = await ext.openExtensionPage(`sidepanel.html?tab=${tabId}`);
  try {
    await waitForPanel(panel, 'le guide en cours est affiché', (state) => state.lines.length > 0);
  } finally {
    await page.bringToFront();
  }
  return panel;
}

/**
 * A trusted click on `selector` in the side panel, as the advisor or the
 * person does it: the panel is brought to the front (a background tab gets no
 * animation frames), then `page` again, where the overlay follows on those.
 */
export async function clickInPanel(panel: Page, selector: string, page: Page): Promise<void> {
  await panel.bringToFront();
  try {
    await panel.locator(selector).setTimeout(WAIT_MS).click();
  } finally {
    await page.bringToFront();
  }
}
