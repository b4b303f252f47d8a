/**
 * `npm run screenshots`: pictures of Côte à côte for newcomers, taken in a
 * real Chromium with the practice build of the extension, on the practice site,
 * the steps done with trusted input as a person would (the end-to-end harness):
 * the popup, the bubble at each level of help, the side panel, the memo sheet,
 * the display settings, « Mes progrès », and the guide editor's review of a
 * guide's facts. PNG files in `docs/screenshots/`.
 *
 *   npx tsx scripts/screenshots.ts [--out DIR] [--build] [--only SCENE]
 *
 * `--only` takes one scene: guided, on-demand, autonomous, extension-pages
 * (after guided, for « Mes progrès »), editor-review.
 *
 * The extension's UI follows the browser's language: Chromium is started in
 * French (LANGUAGE=fr), which needs its French locale pack (Debian package
 * chromium-l10n); without it the script stops rather than take English pictures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  BUILDS,
  type ExtensionBrowser,
  launchWithExtension,
  messages,
  PRACTICE_GUIDE_ID,
  PRACTICE_START_PAGE,
  type PracticeSites,
  practiceGuide,
  startPracticeSites,
  WAIT_MS,
  waitUntil,
} from '../tests/e2e/harness';
import { EXECUTABLES } from '../tests/e2e/harness/paths';
import { type Box, clickBubbleButton, readOverlay, waitForBubbleText, waitForSpotlightOn } from '../tests/e2e/playback/overlay';
import { PERSON, pathFrom, textOf } from '../tests/e2e/playback/person';
import { startFromPopup } from '../tests/e2e/playback/start';
import { itemById } from '../utils/guide/graph';
import type { HelpLevel } from '../utils/run';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const repo = resolve(import.meta.dirname, '..');
const outDir = resolve(opt('--out') ?? join(repo, 'docs/screenshots'));
const only = opt('--only');
const SCENES = ['guided', 'on-demand', 'autonomous', 'extension-pages', 'editor-review'] as const;
if (only !== undefined && !(SCENES as readonly string[]).includes(only)) {
  throw new Error(`scène inconnue « ${only} » : ${SCENES.join(', ')}`);
}
const scene = (name: (typeof SCENES)[number]) => only === undefined || only === name;

/** A laptop's window; the side panel takes its right part, as Chrome's does. */
const WINDOW = { width: 1280, height: 800 };
const PANEL_WIDTH = 400;
/** Room kept around the bubble and its target in the cropped pictures. */
const MARGIN = 72;

const guide = practiceGuide();
/** The practice guide's first question, and its answer « pas encore de compte », which leads to the steps. */
function practiceQuestion() {
  const question = guide.steps[0];
  if (question?.kind !== 'question') throw new Error('le guide d’entraînement ne commence plus par une question.');
  const noAccount = question.choices.find((choice) => itemById(guide, choice.next)?.kind === 'step');
  if (!noAccount) throw new Error('le guide d’entraînement n’a plus de réponse « pas encore de compte ».');
  return { question, noAccount };
}
const stepOf = (id: string) => {
  const item = itemById(guide, id);
  if (item?.kind !== 'step') throw new Error(`le guide d’entraînement n’a plus d’étape « ${id} ».`);
  return item;
};
const personOf = (id: string) => {
  const person = PERSON[id];
  if (!person) throw new Error(`pas de geste prévu pour l’étape « ${id} » (tests/e2e/playback/person.ts).`);
  return person;
};

const written: string[] = [];

// ---------------------------------------------------------------- build and browser

function ensureBuild(): void {
  if (existsSync(join(BUILDS.chromium, 'manifest.json')) && !args.includes('--build')) return;
  console.log('Construction de la version d’entraînement (wxt build --mode practice)…');
  const built = spawnSync('npx', ['wxt', 'build', '--mode', 'practice'], { cwd: repo, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('la construction de la version d’entraînement a échoué (wxt build --mode practice).');
}

/**
 * Chromium takes its UI language, and so the extension's, from LANGUAGE on
 * Linux (`--lang` is ignored there); it needs the locale pack to exist.
 */
function frenchBrowser(): void {
  const pack = join(dirname(EXECUTABLES.chromium), '..', 'lib/chromium/locales/fr.pak');
  if (EXECUTABLES.chromium === '/usr/bin/chromium' && !existsSync(pack)) {
    throw new Error(
      'Chromium n’a pas son pack de langue français (/usr/lib/chromium/locales/fr.pak) : l’extension s’afficherait en anglais. Installez-le : apt-get install chromium-l10n',
    );
  }
  process.env.LANGUAGE = 'fr';
  process.env.LANG = 'fr_FR.UTF-8';
}

async function sized(page: Page, width: number, height: number): Promise<Page> {
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  return page;
}

/**
 * tsx compiles with esbuild's keepNames: the functions that the harness hands
 * to `page.evaluate` then call a `__name` helper that only exists in Node. The
 * page gets a do-nothing one (vitest's compiler does not add these calls).
 */
const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** A tab on the practice guide's first page, the content script there. */
async function practicePage(ext: ExtensionBrowser, sites: PracticeSites, width = WINDOW.width): Promise<Page> {
  const page = await sized(await ext.newPage('practice page'), width, WINDOW.height);
  await page.evaluateOnNewDocument(KEEP_NAMES_SHIM);
  await page.goto(`${sites.guided}${PRACTICE_START_PAGE}`, { waitUntil: 'load' });
  // DSFR's own script has set the page up (its display-settings modal, its fields).
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'), { timeout: WAIT_MS });
  return page;
}

// ---------------------------------------------------------------- pictures

async function save(name: string, png: Uint8Array): Promise<void> {
  const file = join(outDir, name);
  writeFileSync(file, png);
  written.push(file);
}

/** What the page shows in its window, or the part `clip` of it. */
async function shoot(page: Page, name: string, clip?: Box): Promise<Uint8Array> {
  await page.bringToFront();
  const png = await page.screenshot({ type: 'png', ...(clip ? { clip } : {}) });
  if (name) await save(name, png);
  return png;
}

/**
 * The real popup as Chromium opens it (350 × 510 here, headless): its window
 * cannot be captured beyond what it shows, so `scrollTo` picks the part shown,
 * as the person would scroll it.
 */
async function shootPopup(popup: Page, name: string, scrollTo?: string): Promise<void> {
  await popup.evaluate((selector) => {
    const target = selector ? document.querySelector(selector) : null;
    if (target) target.scrollIntoView({ block: 'end', behavior: 'instant' });
    else window.scrollTo({ top: 0, behavior: 'instant' });
  }, scrollTo ?? null);
  await shoot(popup, name);
}

/** The bubble and the element it is about (if any), with some of the page around them. */
async function bubbleArea(page: Page): Promise<Box> {
  const state = await readOverlay(page);
  if (!state.bubble) throw new Error(`la bulle manque : ${JSON.stringify(state)}`);
  const boxes = state.ring ? [state.bubble, state.ring] : [state.bubble];
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - MARGIN);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - MARGIN);
  const right = Math.min(WINDOW.width, Math.max(...boxes.map((b) => b.x + b.width)) + MARGIN);
  const bottom = Math.min(WINDOW.height, Math.max(...boxes.map((b) => b.y + b.height)) + MARGIN);
  // The overlay's boxes are in the window; puppeteer's clip is in the document.
  const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  return { x: Math.floor(x + scroll.x), y: Math.floor(y + scroll.y), width: Math.ceil(right - x), height: Math.ceil(bottom - y) };
}

/**
 * The page and the side panel side by side, as one window shows them: Chrome's
 * side panel cannot be captured headless, so its page (opened in a tab at the
 * panel's width) is put beside the site's, in a blank page of the browser.
 */
async function composeWindow(ext: ExtensionBrowser, site: Page, panel: Page, name: string): Promise<void> {
  const left = Buffer.from(await shoot(site, '')).toString('base64');
  const right = Buffer.from(await shoot(panel, '')).toString('base64');
  const sheet = await sized(await ext.browser.newPage(), WINDOW.width, WINDOW.height);
  try {
    await sheet.setContent(
      `<body style="margin:0;display:flex;background:#fff">
        <img alt="" src="data:image/png;base64,${left}">
        <img alt="" src="data:image/png;base64,${right}" style="border-left:1px solid #929292;margin-left:-1px">
      </body>`,
    );
    await sheet.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0), { timeout: WAIT_MS });
    await shoot(sheet, name);
  } finally {
    await sheet.close();
  }
}

// ---------------------------------------------------------------- the person's and the advisor's gestures

/** Clicks, with the mouse, the button of `page` matching `selector` whose text is `text`. */
async function clickButton(page: Page, selector: string, text: string): Promise<void> {
  await page.bringToFront();
  const found = await waitUntil(`le bouton « ${text} »`, async () => {
    for (const button of await page.$$(selector)) {
      const label = await button.evaluate((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim());
      if (label === text) return button;
      await button.dispose();
    }
    return null;
  });
  await found.click();
  await found.dispose();
}

/** The advisor starts the practice guide from the popup at `level`, with the defaults otherwise (advisor mode). */
function startAt(ext: ExtensionBrowser, page: Page, level: HelpLevel, shots?: { list: string; start: string }): Promise<number> {
  return startFromPopup(
    ext,
    page,
    { level },
    {
      async onList(popup) {
        const lang = await popup.evaluate(() => document.documentElement.lang);
        if (lang !== 'fr') {
          throw new Error(`l’extension s’affiche en « ${lang} » et non en français : le pack de langue français de Chromium manque-t-il ?`);
        }
        if (shots) await shootPopup(popup, shots.list);
      },
      async onStartScreen(popup) {
        if (shots) await shootPopup(popup, shots.start, '.start-screen .actions');
      },
    },
  );
}

/** The side panel of the run on tab `tabId`, opened in a tab at the panel's width. */
async function sidePanel(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const panel = await sized(await ext.openExtensionPage(`sidepanel.html?tab=${tabId}`), PANEL_WIDTH, WINDOW.height);
  await panel.waitForSelector('.run-view', { timeout: WAIT_MS });
  return panel;
}

/** Waits until the side panel shows `id` as the current item. */
async function panelOn(panel: Page, id: string): Promise<void> {
  await panel.waitForSelector(`ol.steps li[aria-current="step"][data-item-id="${id}"]`, { timeout: WAIT_MS });
}

/** The person does step `id` on `page` with the mouse and the keyboard. */
async function personDoes(page: Page, id: string): Promise<void> {
  await page.bringToFront();
  const act = personOf(id).act;
  if (!act) throw new Error(`l’étape « ${id} » ne se fait pas d’un geste sur la page.`);
  await act(page);
}

// ---------------------------------------------------------------- the pictures, one scene each

/**
 * The popup (list, start screen), the bubble on the first step, the side panel
 * with the advisor's tip, then the person goes on to the end: the end screen,
 * and a finished run for « Mes progrès ».
 */
async function guided(ext: ExtensionBrowser, sites: PracticeSites): Promise<void> {
  const { question, noAccount } = practiceQuestion();
  const page = await practicePage(ext, sites);
  const tabId = await startAt(ext, page, 'guided', { list: 'popup.png', start: 'popup-ecran-de-depart.png' });
  const t = await messages((await waitForBubbleText(page, question.question)).lang ?? 'fr');
  await clickBubbleButton(page, noAccount.label);
  const { steps, end } = pathFrom(noAccount.next);
  const [first, second] = steps;
  if (first?.id !== 'identifiant' || second?.id !== 'mot-de-passe')
    throw new Error('le guide d’entraînement ne commence plus par l’identifiant puis le mot de passe.');
  await waitForBubbleText(page, first.instruction);
  await waitForSpotlightOn(page, personOf(first.id).target);
  await shoot(page, 'bulle-avec-guidage.png', await bubbleArea(page));

  for (const [index, step] of steps.entries()) {
    await waitForBubbleText(page, step.instruction);
    if (step.target) await waitForSpotlightOn(page, personOf(step.id).target);
    // On the second step, which has a tip for the advisor: the side panel.
    if (step.id === second.id) {
      if (!second.advisorTip) throw new Error('l’étape « mot-de-passe » n’a plus de conseil pour le conseiller.');
      const panel = await sidePanel(ext, tabId);
      await panelOn(panel, second.id);
      await panel.waitForSelector('aside.advisor', { timeout: WAIT_MS });
      await shoot(panel, 'panneau-lateral.png');
      await panel.close();
      await page.bringToFront();
    }
    if (personOf(step.id).act) await personDoes(page, step.id);
    else await clickBubbleButton(page, t('overlay.done'));
    await waitForBubbleText(page, textOf(steps[index + 1] ?? end));
  }
  const ended = await readOverlay(page);
  if (ended.trace.items.length === 0) throw new Error('l’écran de fin n’a pas la liste « ne laissez aucune trace ».');
  await shoot(page, 'bulle-fin.png', await bubbleArea(page));
  await page.close();
}

/** Level « en cas de besoin »: nothing on the page until « Montre-moi » in the side panel. */
async function onDemand(ext: ExtensionBrowser, sites: PracticeSites): Promise<void> {
  const { question, noAccount } = practiceQuestion();
  const page = await practicePage(ext, sites, WINDOW.width - PANEL_WIDTH);
  const tabId = await startAt(ext, page, 'on-demand');
  const panel = await sidePanel(ext, tabId);
  await panelOn(panel, question.id);
  await clickButton(panel, 'fieldset.choices button.choice', noAccount.label);
  await panelOn(panel, 'identifiant');
  await personDoes(page, 'identifiant');
  const step = stepOf('mot-de-passe');
  await panelOn(panel, step.id);
  if ((await readOverlay(page)).dialog) throw new Error('au niveau « en cas de besoin », la bulle est là avant « Montre-moi ».');
  await panel.bringToFront();
  await panel.locator('button.show-me').setTimeout(WAIT_MS).click();
  await panel.waitForFunction(() => (document.querySelector('.now .status')?.textContent ?? '').trim() !== '', { timeout: WAIT_MS });
  await page.bringToFront();
  await waitForBubbleText(page, step.instruction);
  await waitForSpotlightOn(page, personOf(step.id).target);
  await composeWindow(ext, page, panel, 'bulle-en-cas-de-besoin.png');
  await panel.close();
  await page.close();
}

/** Level « autonome »: the page as the person sees it, and the list of steps ticked as they are done. */
async function autonomous(ext: ExtensionBrowser, sites: PracticeSites): Promise<void> {
  const { question, noAccount } = practiceQuestion();
  const page = await practicePage(ext, sites, WINDOW.width - PANEL_WIDTH);
  const tabId = await startAt(ext, page, 'autonomous');
  const panel = await sidePanel(ext, tabId);
  await panelOn(panel, question.id);
  await clickButton(panel, 'fieldset.choices button.choice', noAccount.label);
  for (const id of ['identifiant', 'mot-de-passe', 'mention-cnil-1', 'mention-cnil-2']) {
    await panelOn(panel, id);
    await personDoes(page, id);
  }
  await panelOn(panel, 'valider-identifiant');
  if ((await readOverlay(page)).dialog) throw new Error('au niveau « autonome », une bulle est affichée sur la page.');
  // The panel scrolled to its list of steps, where the person ticks off the procedure.
  await panel.evaluate(() => document.getElementById('steps-title')?.scrollIntoView({ block: 'start', behavior: 'instant' }));
  await composeWindow(ext, page, panel, 'autonome-liste.png');
  await panel.close();
  await page.close();
}

/** The memo sheet, the display settings and « Mes progrès », as pages of the extension. */
async function extensionPages(ext: ExtensionBrowser): Promise<void> {
  const memo = await sized(await ext.openExtensionPage(`memo.html?guide=${PRACTICE_GUIDE_ID}`), WINDOW.width, WINDOW.height);
  await memo.waitForSelector('.memo h1', { timeout: WAIT_MS });
  await shoot(memo, 'fiche-memo.png');
  await memo.close();

  const settings = await sized(await ext.openExtensionPage('settings.html'), WINDOW.width, WINDOW.height);
  // Its form once the settings are read (a bare title until then).
  await settings.waitForSelector('main.settings-page header h1', { timeout: WAIT_MS });
  await shoot(settings, 'reglages.png');
  await settings.close();

  const progress = await sized(await ext.openExtensionPage('progress.html'), WINDOW.width, WINDOW.height);
  // The guided run above, finished: one guide done.
  await progress.waitForSelector('main.progress-page ul.reports', { timeout: WAIT_MS });
  await shoot(progress, 'mes-progres.png');
  await progress.close();
}

/**
 * The guide editor's review, on a copy of the practice guide: the facts of a
 * step's target, the one shaped like an e-mail (the example « nom@domaine.fr »)
 * marked; then the question « Exporter le fichier » asks about it. The
 * question is cancelled: nothing is exported.
 */
async function editorReview(ext: ExtensionBrowser): Promise<void> {
  const editor = await sized(await ext.openExtensionPage('editor.html'), WINDOW.width, WINDOW.height);
  await editor.evaluate(KEEP_NAMES_SHIM);
  const copy = `li[data-guide-id="${PRACTICE_GUIDE_ID}"] .copy-bundled`;
  await editor.waitForSelector(copy, { timeout: WAIT_MS });
  await editor.click(copy);
  await editor.waitForSelector('li[data-item-id="identifiant"] .toggle', { timeout: WAIT_MS });
  await editor.click('li[data-item-id="identifiant"] .toggle');
  const facts = await editor.waitForSelector('li[data-item-id="identifiant"] .target', { timeout: WAIT_MS });
  await editor.waitForSelector('li[data-item-id="identifiant"] .review-facts li.personal', { timeout: WAIT_MS });
  if (!facts) throw new Error('la liste des faits de l’étape « identifiant » manque.');
  await save('editor-review-facts.png', await facts.screenshot({ type: 'png' }));
  await editor.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await editor.click('button.export');
  const question = await editor.waitForSelector('section.review-confirm', { timeout: WAIT_MS });
  if (!question) throw new Error('la question avant l’export manque.');
  await save('editor-review.png', await question.screenshot({ type: 'png' }));
  await editor.click('section.review-confirm .review-cancel');
  await editor.close();
}

// ---------------------------------------------------------------- main

let sites: PracticeSites | undefined;
let ext: ExtensionBrowser | undefined;
try {
  ensureBuild();
  frenchBrowser();
  mkdirSync(outDir, { recursive: true });
  sites = await startPracticeSites();
  ext = await launchWithExtension('chromium');
  if (scene('guided')) await guided(ext, sites);
  if (scene('on-demand')) await onDemand(ext, sites);
  if (scene('autonomous')) await autonomous(ext, sites);
  if (scene('extension-pages')) await extensionPages(ext);
  if (scene('editor-review')) await editorReview(ext);
  const errors = ext.errors.takeUnexpected();
  if (errors.length > 0) throw new Error(`l’extension a signalé des erreurs pendant les captures :\n${errors.join('\n')}`);
  console.log(`Captures d’écran écrites (${written.length}) :`);
  for (const file of written) console.log(`  ${relative(process.cwd(), file)}  ${(statSync(file).size / 1024).toFixed(0)} Ko`);
} catch (error) {
  console.error(`Les captures d’écran ont échoué : ${error instanceof Error ? error.message : String(error)}`);
  if (written.length > 0) console.error(`Déjà écrites : ${written.map((file) => relative(process.cwd(), file)).join(', ')}`);
  process.exitCode = 1;
} finally {
  await ext?.close().catch(() => undefined);
  await sites?.close().catch(() => undefined);
}
