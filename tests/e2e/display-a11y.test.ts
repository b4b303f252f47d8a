import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings, THEMES } from '../../utils/settings/settings';
import {
  axeViolations,
  type BrowserKind,
  type ExtensionBrowser,
  extensionSuite,
  inExtensionPage,
  messages,
  messagesOf,
  OVERLAY_HOST,
  openPracticePage,
  PRACTICE_GUIDE_ID,
  PRACTICE_GUIDE_ITEM,
  practiceGuide,
  practiceSitesSuite,
  readable,
  storageIn,
  type Translate,
  WAIT_MS,
  waitForState,
  waitUntil,
} from './harness';
import { clickablePoint } from './playback/gestures';
import { pressKeys, waitForFocusOnBubble } from './playback/keyboard';
import { clickBubbleButton, readOverlay, waitForBubbleText, waitForSpotlightOn } from './playback/overlay';
import { FIRST_TARGET, PRACTICE_QUESTION } from './playback/person';
import { forgetPausedRuns, latestRun } from './playback/runs';
import { practiceAtFirstStep } from './playback/start';

/**
 * The display settings (utils/settings) in real browsers: chosen on the
 * settings page with the person's own clicks and keys, they are kept, and the
 * popup, the side panel, the memo sheet, « Mes progrès », the settings page
 * and the bubble on the page all follow them. At 200 % text and in high
 * contrast every view stays accessible (axe-core), no content is lost
 * (WCAG 1.4.4 / 1.4.10: no horizontal scroll, no text cut, every control of the
 * bubble reachable), and with fewer animations the spotlight does not pulse.
 */

const guide = practiceGuide();
/**
 * Firefox's driver opens the popup in a tab: checked there as wide as Chromium's
 * real popup is at 200 % text (measured: 350 px; popup.css keeps it between 320 and 420).
 */
const POPUP_WIDTH = 350;
/** A side panel as browsers show it, and the narrowest width of WCAG 1.4.10 reflow. */
const PANEL_WIDTH = 360;
const REFLOW_WIDTH = 320;
/** The window size at which the bubble is checked. */
const WINDOW = { width: 1280, height: 800 };

/** `#rrggbb` as browsers give computed colours. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
const COLOURS = {
  normal: { text: rgb(THEMES.normal.text), muted: rgb(THEMES.normal.muted), bg: rgb(THEMES.normal.bg) },
  contrast: { text: rgb(THEMES.contrast.text), muted: rgb(THEMES.contrast.muted), bg: rgb(THEMES.contrast.bg) },
};

/** Figures measured, printed at the end (for the report). */
const figures: string[] = [];

const sites = practiceSitesSuite();

afterAll(() => {
  if (figures.length) console.info(`Mesures des réglages d’affichage :\n${figures.join('\n')}`);
});

// ---------------------------------------------------------------------------
// The settings, as kept and as chosen on the settings page

type Choice = Pick<Settings, 'textScale' | 'highContrast' | 'reduceMotion'>;
const DEFAULT_CHOICE: Choice = { textScale: null, highContrast: false, reduceMotion: false };

const matches = (stored: unknown, choice: Choice) => {
  const s = stored as Partial<Settings> | undefined;
  return (
    (s?.textScale ?? null) === choice.textScale &&
    (s?.highContrast ?? false) === choice.highContrast &&
    (s?.reduceMotion ?? false) === choice.reduceMotion
  );
};

/**
 * Makes the choices on an open settings page as a person does: a click on the
 * label of the text size, Space on a focused checkbox. Waits until they are kept.
 */
async function chooseOnSettingsPage(page: Page, choice: Choice): Promise<unknown> {
  await page.waitForSelector('#high-contrast', { timeout: WAIT_MS });
  // The page's language, once rendered (the HTML file says `fr` until the page sets the browser's).
  const t = await messagesOf(page);
  const size = choice.textScale === null ? t('settings.textAuto') : t('settings.textPercent', [String(choice.textScale * 100)]);
  // The radio whose label says the size wanted.
  const radioId = await page.evaluate((text) => {
    const clean = (value: string) => value.replace(/\s+/g, ' ').trim();
    const label = [...document.querySelectorAll<HTMLLabelElement>('fieldset.text-size label')].find(
      (l) => clean(l.textContent ?? '') === clean(text),
    );
    if (!label) return null;
    return (label.control as HTMLInputElement | null)?.checked ? '' : label.htmlFor;
  }, size);
  if (radioId === null) throw new Error(`pas de taille « ${size} » sur la page des réglages`);
  if (radioId) await page.click(`label[for="${radioId}"]`);
  for (const [id, on] of [
    ['high-contrast', choice.highContrast],
    ['reduce-motion', choice.reduceMotion],
  ] as const) {
    if ((await page.$eval(`#${id}`, (box) => (box as HTMLInputElement).checked)) !== on) {
      await page.focus(`#${id}`);
      await page.keyboard.press(' ');
    }
  }
  // The `settings` value in storage (undefined: never saved).
  const stored = await waitForState(
    `les réglages ${JSON.stringify(choice)} sont enregistrés`,
    async () => (await storageIn(page, 'settings')).settings,
    (settings) => matches(settings, choice),
  );
  return stored ?? DEFAULT_SETTINGS;
}

/** Opens the settings page, makes the choices there, closes it and brings `back` to the front. */
async function choose(ext: ExtensionBrowser, choice: Choice, back?: Page): Promise<void> {
  await inExtensionPage(ext, (page) => chooseOnSettingsPage(page, choice), { path: 'settings.html', bringBack: back });
}

// ---------------------------------------------------------------------------
// What a view looks like

interface Look {
  /** Computed font size of the representative text, in px. */
  fontSize: number;
  color: string;
  /** Colour of a secondary ("muted") text. */
  muted: string | null;
  /** The first opaque background behind the text. */
  background: string;
  /** The view's root says high contrast (`cac-hc` on extension pages, `hc` on the overlay's layer). */
  highContrast: boolean;
}

/** Representative texts of each view: a main text and a secondary one. */
const VIEWS = {
  popup: { text: 'main.popup h1', muted: 'main.popup .tagline' },
  panel: { text: '.now .instruction', muted: '.panel .brand' },
  memo: { text: '.memo-line .text', muted: '.memo .brand' },
  settings: { text: '.settings-page .intro', muted: '.settings-page .brand' },
  progress: { text: '.progress-page .intro', muted: '.progress-page .brand' },
  bubble: { text: '.bubble .text', muted: '.bubble .progress' },
} as const;
type View = keyof typeof VIEWS;

/** How the view's representative texts look (read in the page; inside the overlay's shadow root for the bubble). */
function lookOf(page: Page, view: View): Promise<Look | null> {
  return page.evaluate(
    (selectors, host) => {
      const root: ParentNode | null | undefined = host ? document.querySelector(host)?.shadowRoot : document;
      const text = root?.querySelector(selectors.text);
      if (!text) return null;
      const muted = root?.querySelector(selectors.muted);
      let background = 'rgba(0, 0, 0, 0)';
      for (let e: Element | null = text; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') {
          background = bg;
          break;
        }
      }
      const style = getComputedStyle(text);
      return {
        fontSize: Number.parseFloat(style.fontSize),
        color: style.color,
        muted: muted ? getComputedStyle(muted).color : null,
        background,
        highContrast: host ? !!text.closest('.layer.hc') : document.documentElement.classList.contains('cac-hc'),
      };
    },
    VIEWS[view],
    view === 'bubble' ? OVERLAY_HOST : null,
  );
}

function waitForLook(page: Page, view: View, ok: (look: Look) => boolean, what: string): Promise<Look> {
  return waitForState(
    `${view} : ${what}`,
    () => lookOf(page, view),
    (look) => !!look && ok(look),
  ) as Promise<Look>;
}

/** The text size factor and theme in force on a view's root (`--cac-scale`, high contrast). */
function displayOf(page: Page, view: View): Promise<{ scale: number; highContrast: boolean } | null> {
  return page.evaluate(
    (host) => {
      const element = host ? document.querySelector(host)?.shadowRoot?.querySelector('.layer') : document.documentElement;
      if (!element) return null;
      const scale = Number.parseFloat(getComputedStyle(element).getPropertyValue('--cac-scale')) || 1;
      return { scale, highContrast: element.classList.contains(host ? 'hc' : 'cac-hc') };
    },
    view === 'bubble' ? OVERLAY_HOST : null,
  );
}

async function waitForDisplay(page: Page, view: View, choice: Choice): Promise<void> {
  const scale = choice.textScale ?? 1;
  await waitForState(
    `${view} : affichage ${JSON.stringify(choice)} en place`,
    () => displayOf(page, view),
    (shown) => !!shown && shown.scale === scale && shown.highContrast === choice.highContrast,
  );
}

// ---------------------------------------------------------------------------
// Content lost (WCAG 1.4.4, 1.4.10)

/**
 * What is cut or out of reach in an extension page: a horizontal scroll of the
 * document, a control or text whose content is wider than its box, anything
 * rendered outside the viewport horizontally. Empty when nothing is lost.
 */
function contentLost(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (e: Element) =>
      `${e.localName}${e.className && typeof e.className === 'string' ? `.${e.className.trim().replace(/\s+/g, '.')}` : ''} « ${(e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)} »`;
    const problems: string[] = [];
    const de = document.documentElement;
    const width = de.clientWidth;
    if (de.scrollWidth > width + 1) problems.push(`défilement horizontal : ${de.scrollWidth} > ${width}`);
    for (const e of document.querySelectorAll('button, label, legend, summary, a, h1, h2, h3, p, li, input, select, progress')) {
      if (e.closest('.visually-hidden') || getComputedStyle(e).visibility === 'hidden') continue;
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (e.localName !== 'input' && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) {
        problems.push(`${name(e)} coupé : ${e.scrollWidth} > ${e.clientWidth}`);
      }
      if (r.left < -1 || r.right > width + 1)
        problems.push(`${name(e)} hors de la fenêtre : ${Math.round(r.left)}…${Math.round(r.right)} / ${width}`);
    }
    return problems;
  });
}

/**
 * What is lost in the bubble: the bubble out of the viewport, a horizontal
 * scroll inside it, a control or text cut or wider than the bubble.
 */
function bubbleContentLost(page: Page): Promise<string[]> {
  return page.evaluate((host) => {
    const root = document.querySelector(host)?.shadowRoot;
    const bubble = root?.querySelector<HTMLElement>('[role=dialog]');
    if (!bubble) return ['pas de bulle'];
    const name = (e: Element) => `${e.localName}.${e.className} « ${(e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)} »`;
    const problems: string[] = [];
    const b = bubble.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    if (b.left < -1 || b.top < -1 || b.right > vw + 1 || b.bottom > vh + 1) {
      problems.push(`bulle hors de la fenêtre : ${JSON.stringify({ x: b.x, y: b.y, w: b.width, h: b.height })} / ${vw}×${vh}`);
    }
    if (bubble.scrollWidth > bubble.clientWidth + 1)
      problems.push(`défilement horizontal dans la bulle : ${bubble.scrollWidth} > ${bubble.clientWidth}`);
    for (const e of bubble.querySelectorAll('button, label, legend, h2, h3, p, li, input')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (e.localName !== 'input' && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) {
        problems.push(`${name(e)} coupé : ${e.scrollWidth} > ${e.clientWidth}`);
      }
      if (r.left < b.left - 1 || r.right > b.right + 1) problems.push(`${name(e)} plus large que la bulle`);
    }
    return problems;
  }, OVERLAY_HOST);
}

/** The bubble's size in the window, and whether it scrolls inside (for the report). */
function bubbleSize(page: Page): Promise<string> {
  return page.evaluate((host) => {
    const bubble = document.querySelector(host)?.shadowRoot?.querySelector('[role=dialog]');
    if (!bubble) return 'pas de bulle';
    const r = bubble.getBoundingClientRect();
    const scrolls = bubble.scrollHeight > bubble.clientHeight + 1 ? `, défile (${bubble.scrollHeight} px de contenu)` : '';
    return `${Math.round(r.width)}×${Math.round(r.height)} px dans ${innerWidth}×${innerHeight}${scrolls}`;
  }, OVERLAY_HOST);
}

/** The bubble's controls that take the focus, by their text, in order. */
function bubbleControls(page: Page): Promise<string[]> {
  return page.evaluate((host) => {
    const bubble = document.querySelector(host)?.shadowRoot?.querySelector('[role=dialog]');
    return [...(bubble?.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input') ?? [])]
      .filter((c) => !c.disabled && c.getClientRects().length > 0)
      .map((c) => (c.closest('label') ?? c).textContent?.replace(/\s+/g, ' ').trim() ?? '');
  }, OVERLAY_HOST);
}

/** The focused control of the bubble: its text, and whether it is wholly visible (in the bubble's visible part and the viewport). */
function focusedInBubble(page: Page): Promise<{ text: string; visible: boolean; mostlyVisible: boolean; box: unknown } | null> {
  return page.evaluate((host) => {
    const root = document.querySelector(host)?.shadowRoot;
    const bubble = root?.querySelector('[role=dialog]');
    const focused = root?.activeElement;
    if (!bubble || !focused || focused === bubble || !bubble.contains(focused)) return null;
    const r = focused.getBoundingClientRect();
    const b = bubble.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const inside = (o: { left: number; top: number; right: number; bottom: number }) =>
      r.left >= o.left - 1 && r.top >= o.top - 1 && r.right <= o.right + 1 && r.bottom <= o.bottom + 1;
    return {
      text: (focused.closest('label') ?? focused).textContent?.replace(/\s+/g, ' ').trim() ?? '',
      visible: inside(b) && inside({ left: 0, top: 0, right: vw, bottom: vh }),
      // At least half its height in the bubble's view and the window's: not obscured (WCAG 2.2, 2.4.11).
      mostlyVisible:
        r.left >= b.left - 1 &&
        r.right <= Math.min(b.right, vw) + 1 &&
        Math.min(r.bottom, b.bottom, vh) - Math.max(r.top, b.top, 0) >= r.height / 2,
      box: {
        x: Math.round(r.x),
        y: Math.round(r.y),
        w: Math.round(r.width),
        h: Math.round(r.height),
        bubble: [Math.round(b.top), Math.round(b.bottom)],
        scroll: [bubble.scrollTop, bubble.scrollHeight, bubble.clientHeight],
      },
    };
  }, OVERLAY_HOST);
}

/**
 * Every control of the bubble reached with the keyboard, as a person who
 * cannot see it all would: the bubble's shortcut, then Tab through it. Each
 * control, once focused, must be wholly visible (the bubble scrolls to it) in
 * Chromium. Firefox scrolls a box to a focused control only when none of it
 * shows (the same on any page: a control whose bottom edge peeks out stays
 * so); there each control must show at least half its height, so that the
 * focus is not obscured (WCAG 2.2, 2.4.11). Returns the controls reached, in order.
 */
async function tabThroughBubble(page: Page, kind: BrowserKind): Promise<string[]> {
  const controls = await bubbleControls(page);
  await page.bringToFront();
  await pressKeys(page, 'Alt+Shift+K');
  await waitForFocusOnBubble(page);
  const reached: string[] = [];
  for (const expected of controls) {
    await page.keyboard.press('Tab');
    const focused = (await waitForState(
      `« ${expected} » a le focus`,
      () => focusedInBubble(page),
      (now) => now?.text === expected,
    )) as NonNullable<Awaited<ReturnType<typeof focusedInBubble>>>;
    // The browser brings the focused control into the bubble's view in a later frame (Firefox may take a few):
    // wait for it, and fail with where the control was if it never comes wholly into view.
    const seen = await waitForState(
      `« ${expected} » visible une fois atteint au clavier`,
      () => focusedInBubble(page),
      (now) => now?.text !== expected || (kind === 'chromium' ? now.visible : now.mostlyVisible),
      5_000,
    ).catch(() => focusedInBubble(page));
    expect(seen?.text, `« ${expected} » garde le focus`).toBe(expected);
    expect(
      kind === 'chromium' ? seen?.visible : seen?.mostlyVisible,
      `« ${expected} » visible une fois atteint au clavier : ${JSON.stringify(seen?.box ?? focused.box)}`,
    ).toBe(true);
    reached.push(focused.text);
  }
  return reached;
}

// ---------------------------------------------------------------------------

describe.each<BrowserKind>(['chromium', 'firefox'])('%s: display settings', (kind) => {
  const suite = extensionSuite(kind);

  const practicePage = (viewport = WINDOW) => openPracticePage(suite, sites.guided, (page) => page.setViewport(viewport));

  const atFirstStep = () => practiceAtFirstStep(suite, sites.guided, WINDOW);

  const open = async (path: string) => suite.track(await suite.ext.openExtensionPage(path));
  const panelPath = (tabId: number) => `sidepanel.html?tab=${tabId}`;
  const memoPath = `memo.html?guide=${PRACTICE_GUIDE_ID}`;

  it('applies what the settings page sets to every view: 200 % text and high contrast', { timeout: 180_000 }, async () => {
    await choose(suite.ext, DEFAULT_CHOICE);
    const { page, tabId } = await atFirstStep();

    // At default settings: every view measured.
    const popup = suite.track(await suite.ext.openPopup(page));
    const popupBefore = await waitForLook(popup, 'popup', (l) => l.fontSize > 0, 'texte affiché');
    await popup.close();
    await page.bringToFront();
    const views: [View, Page][] = [
      ['bubble', page],
      ['panel', await open(panelPath(tabId))],
      ['memo', await open(memoPath)],
      ['progress', await open('progress.html')],
      ['settings', await open('settings.html')],
    ];
    const before = new Map<View, Look>([['popup', popupBefore]]);
    for (const [view, p] of views) before.set(view, await waitForLook(p, view, (l) => l.fontSize > 0, 'texte affiché'));
    for (const [view, look] of before) {
      expect({ view, color: look.color, muted: look.muted, background: look.background, hc: look.highContrast }).toEqual({
        view,
        color: COLOURS.normal.text,
        muted: COLOURS.normal.muted,
        background: COLOURS.normal.bg,
        hc: false,
      });
    }

    // The person's own choices on the settings page: a click on « 200 % », Space on « Contraste élevé ».
    const settingsPage = views.find(([view]) => view === 'settings')?.[1] as Page;
    await settingsPage.bringToFront();
    const stored = await chooseOnSettingsPage(settingsPage, { textScale: 2, highContrast: true, reduceMotion: false });
    expect(stored).toEqual({ textScale: 2, highContrast: true, reduceMotion: false, autoRead: false, sharedComputer: null });

    // The views already open follow at once; the popup, opened again, too.
    await page.bringToFront();
    const after = new Map<View, Look>();
    for (const [view, p] of views) {
      const was = before.get(view) as Look;
      after.set(
        view,
        await waitForLook(
          p,
          view,
          (l) => Math.abs(l.fontSize - 2 * was.fontSize) < 0.5 && l.highContrast,
          'texte à 200 % et contraste élevé',
        ),
      );
    }
    const popupAgain = suite.track(await suite.ext.openPopup(page));
    after.set(
      'popup',
      await waitForLook(
        popupAgain,
        'popup',
        (l) => Math.abs(l.fontSize - 2 * popupBefore.fontSize) < 0.5 && l.highContrast,
        '200 % et contraste',
      ),
    );
    for (const [view, look] of after) {
      const was = before.get(view) as Look;
      figures.push(
        `${kind} ${view} : ${was.fontSize}px → ${look.fontSize}px ; texte ${was.color} → ${look.color}, secondaire ${was.muted} → ${look.muted}`,
      );
      expect({ view, ratio: look.fontSize / was.fontSize, color: look.color, muted: look.muted, background: look.background }).toEqual({
        view,
        ratio: 2,
        color: COLOURS.contrast.text,
        muted: COLOURS.contrast.muted,
        background: COLOURS.contrast.bg,
      });
    }
    // The bubble's own high-contrast frame: thicker, black.
    const frame = await page.evaluate((host) => {
      const bubble = document.querySelector(host)?.shadowRoot?.querySelector('[role=dialog]');
      const style = bubble ? getComputedStyle(bubble) : null;
      return style && { color: style.borderTopColor, width: style.borderTopWidth };
    }, OVERLAY_HOST);
    expect(frame).toEqual({ color: COLOURS.contrast.text, width: '3px' });

    await choose(suite.ext, DEFAULT_CHOICE, page);
  });

  /** The choices under which every view is checked with axe-core. */
  const axeChoices: [string, Choice][] = [
    ['200 % et contraste élevé', { textScale: 2, highContrast: true, reduceMotion: false }],
    ['200 % seul', { textScale: 2, highContrast: false, reduceMotion: false }],
    ['contraste élevé seul', { textScale: null, highContrast: true, reduceMotion: false }],
  ];

  it.each(axeChoices)('finds no axe-core violation in any view at %s', { timeout: 240_000 }, async (label, choice) => {
    await choose(suite.ext, choice);
    const page = await practicePage();
    await forgetPausedRuns(suite.ext, page);
    const found: Record<string, string[]> = {};

    // The popup: guide list, start screen, started.
    const popup = suite.track(await suite.ext.openPopup(page));
    await waitForDisplay(popup, 'popup', choice);
    await popup.waitForSelector(`${PRACTICE_GUIDE_ITEM} button.start`, { timeout: WAIT_MS });
    found['popup: liste des guides'] = readable(await axeViolations(popup));
    await popup.locator(`${PRACTICE_GUIDE_ITEM} button.start`).setTimeout(WAIT_MS).click();
    await popup.waitForSelector('.start-screen ul.checklist.prepare', { timeout: WAIT_MS });
    found['popup: écran de départ'] = readable(await axeViolations(popup));
    await popup.locator('.start-screen button.go').setTimeout(WAIT_MS).click();
    await popup.waitForSelector('section.started', { timeout: WAIT_MS });
    found['popup: démarré'] = readable(await axeViolations(popup));
    await popup.close();
    await page.bringToFront();

    // The bubble on the first step, on its target.
    const { question, noAccount } = PRACTICE_QUESTION;
    await waitForBubbleText(page, question.question);
    await waitForDisplay(page, 'bubble', choice);
    found['bulle: question'] = readable(await axeViolations(page, [[OVERLAY_HOST]]));
    await clickBubbleButton(page, noAccount.label);
    await waitForSpotlightOn(page, FIRST_TARGET);
    found['bulle: étape sur sa cible'] = readable(await axeViolations(page, [[OVERLAY_HOST]]));

    // The side panel with the guide under way, the memo sheet, the settings page, « Mes progrès ».
    const { tabId } = await latestRun(suite.ext, page);
    for (const [view, path] of [
      ['panel', panelPath(tabId)],
      ['memo', memoPath],
      ['settings', 'settings.html'],
      ['progress', 'progress.html'],
    ] as [View, string][]) {
      const p = await open(path);
      await waitForLook(p, view, (l) => l.fontSize > 0, 'texte affiché');
      await waitForDisplay(p, view, choice);
      found[view] = readable(await axeViolations(p));
      await p.close();
    }
    figures.push(`${kind} axe à ${label} : ${Object.values(found).flat().length} violation(s) dans ${Object.keys(found).length} vues`);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])));
    await page.bringToFront();
  });

  it('loses no content at 200 % text: popup, side panel at 360 and 320 px, bubble at 1280×800', { timeout: 240_000 }, async () => {
    const choice: Choice = { textScale: 2, highContrast: true, reduceMotion: false };
    await choose(suite.ext, choice);
    const page = await practicePage();
    await forgetPausedRuns(suite.ext, page);
    const lost: Record<string, string[]> = {};

    // The popup at its real width (Firefox: a tab as wide as the popup would be).
    const popup = suite.track(await suite.ext.openPopup(page));
    if (kind === 'firefox') await popup.setViewport({ width: POPUP_WIDTH, height: 600 });
    await waitForDisplay(popup, 'popup', choice);
    await popup.waitForSelector(`${PRACTICE_GUIDE_ITEM} button.start`, { timeout: WAIT_MS });
    const popupWidth = await popup.evaluate(() => document.documentElement.clientWidth);
    figures.push(`${kind} popup : ${popupWidth} px de large à 200 %`);
    expect(popupWidth).toBeGreaterThanOrEqual(300);
    lost['popup: liste'] = await contentLost(popup);
    await popup.locator(`${PRACTICE_GUIDE_ITEM} button.start`).setTimeout(WAIT_MS).click();
    await popup.waitForSelector('.start-screen ul.checklist.prepare', { timeout: WAIT_MS });
    lost['popup: écran de départ'] = await contentLost(popup);
    await popup.locator('.start-screen button.go').setTimeout(WAIT_MS).click();
    await popup.waitForSelector('section.started', { timeout: WAIT_MS });
    lost['popup: démarré'] = await contentLost(popup);
    await popup.close();
    await page.bringToFront();

    // The bubble: the question (in the corner), the step on its target, the end screen.
    const { question, noAccount, hasAccount: yes } = PRACTICE_QUESTION;
    const t = await messages((await waitForBubbleText(page, question.question)).lang ?? 'fr');
    await waitForDisplay(page, 'bubble', choice);
    lost['bulle: question'] = await bubbleContentLost(page);
    figures.push(`${kind} bulle (question) à 200 % : ${await bubbleSize(page)}`);
    expect(await tabThroughBubble(page, kind), 'question : contrôles atteints').toEqual(await bubbleControls(page));

    await clickBubbleButton(page, noAccount.label);
    await waitForSpotlightOn(page, FIRST_TARGET);
    lost['bulle: étape'] = await bubbleContentLost(page);
    figures.push(`${kind} bulle (étape) à 200 % : ${await bubbleSize(page)}`);
    // The bubble, too tall to fit whole beside the target, is shortened (its text scrolls) rather than cover it.
    const reachable = await clickablePoint(page, FIRST_TARGET);
    figures.push(
      `${kind} cible de l’étape à 200 % : ${reachable ? (reachable.covered ? 'en partie sous la bulle' : 'dégagée') : 'entièrement sous la bulle'}`,
    );
    expect(reachable?.covered, 'the step’s target is clear of the bubble at 200 %').toBe(false);
    expect(await tabThroughBubble(page, kind), 'étape : contrôles atteints').toEqual(await bubbleControls(page));

    // The side panel at a side panel's width, then at 320 px (reflow).
    const { tabId } = await latestRun(suite.ext, page);
    const panel = await open(panelPath(tabId));
    await panel.setViewport({ width: PANEL_WIDTH, height: 800 });
    await waitForLook(panel, 'panel', (l) => l.fontSize > 0, 'étape affichée');
    await waitForDisplay(panel, 'panel', choice);
    lost[`panneau: ${PANEL_WIDTH} px`] = await contentLost(panel);
    await panel.setViewport({ width: REFLOW_WIDTH, height: 800 });
    await waitUntil('le panneau a 320 px de large', () => panel.evaluate((w) => document.documentElement.clientWidth <= w, REFLOW_WIDTH));
    lost[`panneau: ${REFLOW_WIDTH} px`] = await contentLost(panel);
    // The probe itself sees a text that does not reflow (a line that cannot wrap, added for the check).
    await panel.evaluate(() => {
      const line = document.createElement('p');
      line.style.whiteSpace = 'nowrap';
      line.textContent = 'Une ligne qui ne peut pas revenir à la ligne, bien plus large que le panneau';
      document.querySelector('main')?.append(line);
    });
    expect((await contentLost(panel)).some((problem) => problem.startsWith('défilement horizontal'))).toBe(true);
    await panel.close();

    // The end screen (its recap and checklist make the tallest bubble).
    await page.bringToFront();
    await clickBubbleButton(page, t('overlay.back'));
    await waitForBubbleText(page, question.question);
    await clickBubbleButton(page, yes.label);
    const end = guide.steps.find((item) => item.id === yes.next);
    if (end?.kind !== 'end') throw new Error('la réponse « oui » ne mène pas à une fin');
    await waitForBubbleText(page, end.message ?? '');
    lost['bulle: fin'] = await bubbleContentLost(page);
    figures.push(`${kind} bulle (fin) à 200 % : ${await bubbleSize(page)}`);
    expect(await tabThroughBubble(page, kind), 'fin : contrôles atteints').toEqual(await bubbleControls(page));

    expect(lost).toEqual(Object.fromEntries(Object.keys(lost).map((view) => [view, []])));
    await choose(suite.ext, DEFAULT_CHOICE, page);
  });

  /**
   * Watches, from the page, every pulse of the spotlight's ring: when « Je ne
   * trouve pas » makes the ring pulse, a new `g.ring.pulse` is added; its
   * animations are read at once (a pulse lasts under 2 s).
   */
  function watchPulses(page: Page): Promise<void> {
    return page.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      if (!root) throw new Error('pas d’overlay');
      const seen: { animations: { name: string; state: string }[]; computed: string; calm: boolean }[] = [];
      (window as unknown as { __cacPulses: typeof seen }).__cacPulses = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            const rings = node.matches('g.ring.pulse') ? [node] : [...node.querySelectorAll('g.ring.pulse')];
            for (const ring of rings) {
              seen.push({
                animations: ring
                  .getAnimations({ subtree: true })
                  .map((a) => ({ name: (a as CSSAnimation).animationName ?? '', state: a.playState })),
                computed: getComputedStyle(ring).animationName,
                calm: !!ring.closest('.layer.calm'),
              });
            }
          }
        }
      }).observe(root, { childList: true, subtree: true });
    }, OVERLAY_HOST);
  }

  type Pulse = { animations: { name: string; state: string }[]; computed: string; calm: boolean };
  const pulses = (page: Page) => page.evaluate(() => (window as unknown as { __cacPulses: Pulse[] }).__cacPulses);

  async function pulseOnce(page: Page, t: Translate): Promise<Pulse> {
    const count = (await pulses(page)).length;
    await clickBubbleButton(page, t('overlay.cantFind'));
    return waitUntil('l’anneau du projecteur est remis en avant', async () => (await pulses(page))[count]);
  }

  it('does not pulse the spotlight with fewer animations (setting, or the system’s preference)', { timeout: 180_000 }, async () => {
    await choose(suite.ext, DEFAULT_CHOICE);
    const { page, t } = await atFirstStep();
    await watchPulses(page);

    // Normally « Je ne trouve pas » makes the ring pulse.
    const normal = await pulseOnce(page, t);
    expect(normal.calm).toBe(false);
    expect(normal.computed).toBe('cac-pulse');
    expect(normal.animations.map((a) => a.name)).toContain('cac-pulse');
    expect(normal.animations.some((a) => a.state === 'running')).toBe(true);

    // « Réduire les animations » chosen on the settings page: no pulse.
    await choose(suite.ext, { ...DEFAULT_CHOICE, reduceMotion: true }, page);
    await waitUntil('la bulle suit le réglage', () =>
      page.evaluate((host) => !!document.querySelector(host)?.shadowRoot?.querySelector('.layer.calm'), OVERLAY_HOST),
    );
    const calm = await pulseOnce(page, t);
    expect(calm).toEqual({ animations: [], computed: 'none', calm: true });
    await choose(suite.ext, DEFAULT_CHOICE, page);
    await waitUntil('la bulle suit le réglage', () =>
      page.evaluate((host) => !document.querySelector(host)?.shadowRoot?.querySelector('.layer.calm'), OVERLAY_HOST),
    );

    // The system asks for less motion (prefers-reduced-motion: reduce): no pulse either.
    // (Chromium only: Firefox's driver cannot emulate media features; its system setting would need another profile.)
    if (kind === 'chromium') {
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      await waitUntil('le système demande moins d’animations', () =>
        page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches),
      );
      const system = await pulseOnce(page, t);
      expect(system).toEqual({ animations: [], computed: 'none', calm: false });
      await page.emulateMediaFeatures([]);
    }
    figures.push(
      `${kind} anneau : normal ${JSON.stringify(normal.animations)} ; réglage « moins d’animations » ${JSON.stringify(calm.animations)}`,
    );
    expect((await readOverlay(page)).ring).not.toBeNull();
  });
});
