import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  extensionSuite,
  messages,
  OVERLAY_HOST,
  PRACTICE_GUIDE_ID,
  PRACTICE_GUIDE_ITEM,
  practiceGuide,
  practiceSitesSuite,
  readable,
  WAIT_MS,
  waitUntil,
} from './harness';
import { practiceAtFirstStep } from './playback/start';

/**
 * RGAA 10.12 (WCAG 1.4.12, text spacing) and 10.11 (WCAG 1.4.10, reflow at
 * 320 px) on every view of ours, in real Chromium: the popup, the side panel,
 * the memo sheet, « Mes progrès », the settings page, the editor (its opening
 * screen and a whole guide open for editing) and the bubble on the page.
 * The spacing is the user style of the criterion — line height 1.5, paragraphs
 * 2 em apart, letters 0.12 em, words 0.16 em, all `!important` — put in each
 * page, and inside the overlay's shadow root (a page's user style does not
 * reach it). Nothing may then be cut or out of reach. Also RGAA 12.7: the
 * editor's quick-access link takes the keyboard to the steps; and axe-core on
 * the editor, the one view the other real-browser axe checks do not open.
 */

const guide = practiceGuide();
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 320, height: 640 };
/** The side panel as browsers show it. */
const PANEL = { width: 360, height: 800 };

/** The criterion's user style (WCAG 1.4.12; RGAA 10.12). */
const SPACING = `
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
`;
const STYLE_ID = 'wcag-text-spacing';

/** Puts the spacing style in the page, or in the shadow root of `host`; says whether it is in force on a paragraph. */
function setSpacing(page: Page, on: boolean, host: string | null = null): Promise<{ lineHeight: number; letterSpacing: number } | null> {
  return page.evaluate(
    (css, id, on, host) => {
      const root: Document | ShadowRoot | null | undefined = host ? document.querySelector(host)?.shadowRoot : document;
      if (!root) throw new Error(`pas de racine ${host}`);
      root.getElementById(id)?.remove();
      if (on) {
        const style = document.createElement('style');
        style.id = id;
        style.textContent = css;
        (host ? root : document.head).append(style);
      }
      const p = root.querySelector('p');
      if (!p) return null;
      const s = getComputedStyle(p);
      const size = Number.parseFloat(s.fontSize);
      return { lineHeight: Number.parseFloat(s.lineHeight) / size, letterSpacing: Number.parseFloat(s.letterSpacing) / size };
    },
    SPACING,
    STYLE_ID,
    on,
    host,
  );
}

async function spacingOn(page: Page, host: string | null = null): Promise<void> {
  const applied = await setSpacing(page, true, host);
  // The style is in force: a paragraph has the criterion's line height and letter spacing.
  expect(applied?.lineHeight).toBeCloseTo(1.5, 1);
  expect(applied?.letterSpacing).toBeCloseTo(0.12, 2);
}

/**
 * What is lost in the view (the document, or the bubble in the overlay's shadow
 * root): a horizontal scroll, a box whose text overflows it across or down
 * (cut, or spilling over what follows), anything out of the viewport or wider
 * than the bubble. What scrolls on purpose (the bubble, a text area) is not a
 * loss; its content is checked. Empty when nothing is lost.
 */
function lost(page: Page, host: string | null = null): Promise<string[]> {
  return page.evaluate((host) => {
    const root = host ? document.querySelector(host)?.shadowRoot : document;
    const scope: Element | null | undefined = host ? root?.querySelector('[role=dialog]') : document.body;
    if (!scope) return [host ? 'pas de bulle' : 'pas de page'];
    const name = (e: Element) =>
      `${e.localName}${typeof e.className === 'string' && e.className ? `.${e.className.trim().replace(/\s+/g, '.')}` : ''} « ${(e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)} »`;
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const frame = host ? scope.getBoundingClientRect() : { left: 0, right: vw, top: 0, bottom: Number.POSITIVE_INFINITY };
    if (host && (frame.left < -1 || frame.top < -1 || frame.right > vw + 1 || frame.bottom > vh + 1)) {
      problems.push(
        `bulle hors de la fenêtre : ${Math.round(frame.left)},${Math.round(frame.top)}…${Math.round(frame.right)},${Math.round(frame.bottom)} / ${vw}×${vh}`,
      );
    }
    const scroller = host ? scope : document.documentElement;
    if (scroller.scrollWidth > scroller.clientWidth + 1)
      problems.push(`défilement horizontal : ${scroller.scrollWidth} > ${scroller.clientWidth}`);
    const selector = 'button, a, label, legend, summary, h1, h2, h3, h4, p, li, dt, dd, kbd, .badge, input, select, textarea, progress';
    for (const e of scope.querySelectorAll(selector)) {
      // Said to screen readers only, or shown only on focus: not on the screen now.
      if (e.closest('.visually-hidden, .sr-only, .skip-links')) continue;
      const style = getComputedStyle(e);
      if (style.visibility === 'hidden') continue;
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const control = e.matches('input, select, textarea, progress');
      const scrolls = /auto|scroll/.test(style.overflowX + style.overflowY);
      if (!control && !scrolls && e.clientWidth > 0) {
        if (e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} coupé en largeur : ${e.scrollWidth} > ${e.clientWidth}`);
        if (e.scrollHeight > e.clientHeight + 1) problems.push(`${name(e)} coupé en hauteur : ${e.scrollHeight} > ${e.clientHeight}`);
      }
      if (r.left < frame.left - 1 || r.right > frame.right + 1) {
        problems.push(
          `${name(e)} hors ${host ? 'de la bulle' : 'de la fenêtre'} : ${Math.round(r.left)}…${Math.round(r.right)} / ${Math.round(frame.left)}…${Math.round(frame.right)}`,
        );
      }
    }
    return problems;
  }, host);
}

/** A page at a width, once it has it. */
async function atWidth(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewport(viewport);
  await waitUntil(`${viewport.width} px de large`, () => page.evaluate((w) => document.documentElement.clientWidth === w, viewport.width));
}

const sites = practiceSitesSuite();

describe('chromium: text spacing and reflow of our views (RGAA 10.11, 10.12)', () => {
  const suite = extensionSuite('chromium');

  const atFirstStep = () => practiceAtFirstStep(suite, sites.guided, WIDE);

  const open = async (path: string) => suite.track(await suite.ext.openExtensionPage(path));

  it('loses nothing in the extension pages with the spacing, nor at 320 px', { timeout: 240_000 }, async () => {
    const { page, tabId } = await atFirstStep();
    const found: Record<string, string[]> = {};

    // The popup, at the width Chromium gives it, with the guide under way and the guide lists.
    const popup = suite.track(await suite.ext.openPopup(page));
    await popup.waitForSelector(PRACTICE_GUIDE_ITEM, { timeout: WAIT_MS });
    await spacingOn(popup);
    found['popup, espacement'] = await lost(popup);
    await popup.close();
    await page.bringToFront();

    /** A page checked at its width with the spacing, then at 320 px without, then at 320 px with it. */
    async function check(label: string, view: Page, width: { width: number; height: number }): Promise<void> {
      await atWidth(view, width);
      await spacingOn(view);
      found[`${label}, ${width.width} px, espacement`] = await lost(view);
      await setSpacing(view, false);
      await atWidth(view, NARROW);
      found[`${label}, 320 px`] = await lost(view);
      await spacingOn(view);
      found[`${label}, 320 px, espacement`] = await lost(view);
    }

    const panel = await open(`sidepanel.html?tab=${tabId}`);
    await panel.waitForSelector('.now .instruction', { timeout: WAIT_MS });
    await check('panneau latéral', panel, PANEL);

    const memo = await open(`memo.html?guide=${PRACTICE_GUIDE_ID}`);
    await memo.waitForSelector('.memo-line .text', { timeout: WAIT_MS });
    await check('fiche mémo', memo, WIDE);

    const progress = await open('progress.html');
    await progress.waitForSelector('.progress-page .file', { timeout: WAIT_MS });
    await check('Mes progrès', progress, WIDE);

    const settings = await open('settings.html');
    await settings.waitForSelector('.preview', { timeout: WAIT_MS });
    // The probe sees a loss: a box of fixed height, too small for its text once spaced.
    await settings.evaluate(() => {
      const canary = document.createElement('p');
      canary.id = 'canary';
      canary.style.cssText = 'height: 1.2em; overflow: hidden';
      canary.textContent = 'Une boîte de hauteur fixe, trop petite pour son texte une fois espacé, sur plusieurs lignes.';
      document.querySelector('main')?.append(canary);
    });
    await atWidth(settings, NARROW);
    await spacingOn(settings);
    expect((await lost(settings)).some((problem) => problem.includes('coupé en hauteur') && problem.includes('Une boîte'))).toBe(true);
    await settings.evaluate(() => document.getElementById('canary')?.remove());
    await setSpacing(settings, false);
    await check('réglages', settings, WIDE);

    // The editor: the opening screen, then the practice guide copied for editing, every step open.
    const editor = await open('editor.html');
    const copy = `${PRACTICE_GUIDE_ITEM} .copy-bundled`;
    await editor.waitForSelector(copy, { timeout: WAIT_MS });
    await check('éditeur, accueil', editor, WIDE);
    await setSpacing(editor, false);
    await atWidth(editor, WIDE);
    await editor.click(copy);
    await editor.waitForSelector('main.editor .open-all', { timeout: WAIT_MS });
    await editor.click('main.editor .open-all');
    const items = guide.steps.length;
    await waitUntil('toutes les étapes ouvertes', () =>
      editor.evaluate((n) => document.querySelectorAll('.item-body').length === n, items),
    );
    await check('éditeur, guide ouvert', editor, WIDE);

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])));
  });

  it('takes the keyboard past the editor’s toolbar to the steps (RGAA 12.7)', { timeout: 120_000 }, async () => {
    const editor = await open('editor.html');
    const copy = `${PRACTICE_GUIDE_ITEM} .copy-bundled`;
    await editor.waitForSelector(copy, { timeout: WAIT_MS });
    await editor.click(copy);
    await editor.waitForSelector('main.editor .skip-links', { timeout: WAIT_MS });
    // Loaded afresh (the address names the copy): the keyboard starts from the top of the page.
    await editor.reload({ waitUntil: 'load' });
    await editor.waitForSelector('main.editor .skip-links', { timeout: WAIT_MS });
    const t = await messages(await editor.evaluate(() => document.documentElement.lang));
    // Tab, Tab reaches « Aller aux étapes », shown once focused.
    const focusedLink = () =>
      editor.evaluate(() => {
        const a = document.activeElement;
        if (!(a instanceof HTMLAnchorElement)) return null;
        const r = a.getBoundingClientRect();
        return { text: a.textContent, width: Math.round(r.width), height: Math.round(r.height) };
      });
    await editor.keyboard.press('Tab');
    const first = await waitUntil('un lien d’accès rapide a le focus', focusedLink);
    expect(first.text).toBe(t('editor.edit.skipToContent'));
    await editor.keyboard.press('Tab');
    const second = await waitUntil('« Aller aux étapes » a le focus', async () => {
      const link = await focusedLink();
      return link?.text === t('editor.edit.skipToSteps') ? link : null;
    });
    // Visible on focus (RGAA 12.7.2): a real box, not the 1 px of the hidden state.
    expect(second.width).toBeGreaterThan(40);
    expect(second.height).toBeGreaterThan(20);
    await editor.keyboard.press('Enter');
    await waitUntil('le focus est sur le titre « Les étapes »', () => editor.evaluate(() => document.activeElement?.id === 'steps-title'));
    // And the next Tab goes on from there, into the steps.
    await editor.keyboard.press('Tab');
    const next = await waitUntil('le focus suit, dans les étapes', () =>
      editor.evaluate(() => {
        const a = document.activeElement;
        return a && a !== document.body ? !!a.closest('section.steps') : null;
      }),
    );
    expect(next).toBe(true);
  });

  it('finds no axe-core violation in the editor: the opening screen, a whole guide open for editing', { timeout: 120_000 }, async () => {
    const editor = await open('editor.html');
    const copy = `${PRACTICE_GUIDE_ITEM} .copy-bundled`;
    await editor.waitForSelector(copy, { timeout: WAIT_MS });
    const found: Record<string, string[]> = { accueil: readable(await axeViolations(editor)) };
    await editor.click(copy);
    await editor.waitForSelector('main.editor .open-all', { timeout: WAIT_MS });
    await editor.click('main.editor .open-all');
    await waitUntil('toutes les étapes ouvertes', () =>
      editor.evaluate((n) => document.querySelectorAll('.item-body').length === n, guide.steps.length),
    );
    found['guide ouvert'] = readable(await axeViolations(editor));
    expect(found).toEqual({ accueil: [], 'guide ouvert': [] });
  });

  /**
   * The bubble is placed again when its size or the window's changes (a resize
   * observer, before the next frame): waits until it is inside the window.
   */
  function placedInWindow(page: Page, what: string): Promise<boolean> {
    const box = () =>
      page.evaluate((host) => {
        const b = document.querySelector(host)?.shadowRoot?.querySelector('[role=dialog]')?.getBoundingClientRect();
        const de = document.documentElement;
        return b ? { left: b.left, top: b.top, right: b.right, bottom: b.bottom, vw: de.clientWidth, vh: de.clientHeight } : null;
      }, OVERLAY_HOST);
    return waitUntil(
      what,
      async () => {
        const b = await box();
        return !!b && b.left >= -1 && b.top >= -1 && b.right <= b.vw + 1 && b.bottom <= b.vh + 1;
      },
      { describe: box },
    );
  }

  it('loses nothing in the bubble with the spacing, nor in a window 320 px wide', { timeout: 180_000 }, async () => {
    const { page } = await atFirstStep();
    const found: Record<string, string[]> = {};
    await spacingOn(page, OVERLAY_HOST);
    await placedInWindow(page, 'la bulle espacée est placée dans la fenêtre');
    found['bulle, 1280 px, espacement'] = await lost(page, OVERLAY_HOST);
    await setSpacing(page, false, OVERLAY_HOST);
    await atWidth(page, NARROW);
    await placedInWindow(page, 'la bulle est placée dans la fenêtre étroite');
    found['bulle, 320 px'] = await lost(page, OVERLAY_HOST);
    await spacingOn(page, OVERLAY_HOST);
    await placedInWindow(page, 'la bulle espacée est placée dans la fenêtre étroite');
    found['bulle, 320 px, espacement'] = await lost(page, OVERLAY_HOST);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])));
  });
});
