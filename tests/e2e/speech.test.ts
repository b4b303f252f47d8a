import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { GuideItem } from '../../utils/guide/schema';
import { spokenText } from '../../utils/speech/text';
import {
  extensionSuite,
  messages,
  OVERLAY_HOST,
  openPracticePage,
  practiceGuide,
  practiceSitesSuite,
  readStorage,
  WAIT_MS,
  waitUntil,
} from './harness';
import { focusIsOn } from './playback/keyboard';
import { clickBubbleButton, waitForBubbleText, waitForSpotlightOn } from './playback/overlay';
import { clickInPanel, waitForPanel } from './playback/panel';
import { PERSON, PRACTICE_QUESTION, TYPED } from './playback/person';
import { ContentScriptWorld, installSpeechStub, type SpeechCall, speechCallsIn } from './playback/speech';
import { beginPractice, startFromPopup } from './playback/start';

/**
 * Reading aloud, in Chromium: the bubble's « Lire », the side panel's, and the
 * automatic reading of each new step. The browser's speech synthesis is
 * replaced by a stub that records what it is asked to say — in the content
 * script's isolated world (through CDP: a stub in the page's main world would
 * not reach it) and in the side panel's page. Everything said must be the
 * guide's own words, as `spokenText` builds them; never the page's.
 */

const guide = practiceGuide();
const item = (id: string): GuideItem => {
  const found = guide.steps.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`pas d’élément ${id} dans le guide`);
  return found;
};
/** Every text the extension may read aloud for this guide. */
const GUIDE_TEXTS = new Set(guide.steps.map(spokenText).filter((text) => text.trim() !== ''));

const speeches = (calls: SpeechCall[]) => calls.filter((call): call is Extract<SpeechCall, { op: 'speak' }> => call.op === 'speak');

const sites = practiceSitesSuite();
/** Every text spoken during the suite, by where it was asked (for the last check and the report). */
const spoken: { where: string; text: string }[] = [];

afterAll(() => {
  if (spoken.length > 0) console.info(`[chromium] lu à voix haute :\n${spoken.map((s) => `  ${s.where} : « ${s.text} »`).join('\n')}`);
});

/** Records what was said, and checks that each text is one of the guide's (never the page's). */
function keep(where: string, calls: SpeechCall[]): void {
  for (const call of speeches(calls)) {
    spoken.push({ where, text: call.text });
    expect(GUIDE_TEXTS.has(call.text), `spoken text is the guide's: « ${call.text} »`).toBe(true);
  }
}

/** The bubble's read button text, once it says `label`. */
function waitForReadButton(page: Page, label: string): Promise<boolean> {
  return waitUntil(`le bouton de lecture de la bulle dit « ${label} »`, () =>
    page.evaluate(
      (host, text) =>
        [...(document.querySelector(host)?.shadowRoot?.querySelectorAll('[role=dialog] button.read') ?? [])].some(
          (button) => (button.textContent ?? '').trim() === text,
        ),
      OVERLAY_HOST,
      label,
    ),
  );
}

/** Waits until the step `id` shows on its target and the page is still: a person clicks in the bubble then. */
async function stepShown(page: Page, id: string): Promise<void> {
  const target = PERSON[id]?.target;
  if (!target) throw new Error(`pas de cible connue pour ${id}`);
  await waitForBubbleText(page, spokenText(item(id)));
  await waitForSpotlightOn(page, target);
}

/** The calls recorded in the content script's world since `from`, once `done` accepts them. */
function waitForCalls(
  world: ContentScriptWorld,
  from: number,
  what: string,
  done: (calls: SpeechCall[]) => boolean,
): Promise<SpeechCall[]> {
  return waitUntil(
    what,
    async () => {
      const calls = ((await world.speechCalls()) ?? []).slice(from);
      return done(calls) ? calls : null;
    },
    { describe: async () => ({ calls: await world.speechCalls(), contexts: world.contexts() }) },
  );
}

describe('chromium: reading aloud', () => {
  const suite = extensionSuite('chromium');

  /** A practice page with the content script's world followed from its first load. */
  async function practicePage(): Promise<{ page: Page; world: ContentScriptWorld }> {
    const attached: ContentScriptWorld[] = [];
    const page = await openPracticePage(suite, sites.guided, async (p) => attached.push(await ContentScriptWorld.attach(p, suite.ext)));
    const [world] = attached;
    if (!world) throw new Error('le monde du script de contenu n’est pas suivi');
    return { page, world };
  }

  it('« Lire » in the bubble speaks the item as spokenText builds it, in French and slower; pressed again it stops', {
    timeout: 180_000,
  }, async () => {
    const { page, world } = await practicePage();
    try {
      await startFromPopup(suite.ext, page);
      const { question, noAccount } = PRACTICE_QUESTION;
      const asked = await waitForBubbleText(page, question.question);
      const t = await messages(asked.lang ?? 'fr');
      await world.stubSpeech();
      expect(await world.speechCalls(), 'the stub is in the content script’s world, nothing said yet').toEqual([]);

      // The question: its text and its answers, as one text (not the bubble's visible text alone).
      await clickBubbleButton(page, t('speech.read'));
      const read = await waitForCalls(world, 0, 'la question est lue', (calls) => speeches(calls).length > 0);
      expect(read.map((call) => call.op)).toEqual(['cancel', 'speak']);
      const [said] = speeches(read);
      expect(said?.text).toBe(spokenText(question));
      expect(said?.text).not.toBe(question.question);
      expect(said?.lang.startsWith('fr'), `language ${said?.lang}`).toBe(true);
      // Never the network voice (« Google français »): the text would leave the machine.
      expect(said?.voice).toBe('Voix locale');
      expect(said?.rate).toBeLessThan(1);

      // While it reads, the button stops the reading.
      await waitForReadButton(page, t('speech.stop'));
      await clickBubbleButton(page, t('speech.stop'));
      const stopped = await waitForCalls(world, read.length, 'la lecture est arrêtée', (calls) => calls.length > 0);
      expect(stopped).toEqual([{ op: 'cancel' }]);
      await waitForReadButton(page, t('speech.read'));

      // A step: its instruction, exactly.
      await clickBubbleButton(page, noAccount.label);
      const first = item('identifiant');
      await stepShown(page, first.id);
      const before = ((await world.speechCalls()) ?? []).length;
      await clickBubbleButton(page, t('speech.read'));
      const step = await waitForCalls(world, before, 'l’étape est lue', (calls) => speeches(calls).length > 0);
      expect(speeches(step)).toEqual([{ op: 'speak', text: spokenText(first), lang: said?.lang, rate: said?.rate, voice: 'Voix locale' }]);
      keep('bulle', (await world.speechCalls()) ?? []);
    } finally {
      await world.detach();
    }
  });

  it('the side panel’s read button speaks the same text as the bubble’s', { timeout: 180_000 }, async () => {
    const { page, world } = await practicePage();
    try {
      const { tabId, t } = await beginPractice(suite.ext, page);
      await stepShown(page, 'identifiant');
      const first = item('identifiant');
      await world.stubSpeech();
      await clickBubbleButton(page, t('speech.read'));
      const [fromBubble] = speeches(await waitForCalls(world, 0, 'la bulle lit l’étape', (calls) => speeches(calls).length > 0));

      // The panel, an extension page: its stub is in place before its scripts run.
      const panel = suite.track(await suite.ext.newPage('side panel'));
      await panel.evaluateOnNewDocument(installSpeechStub);
      await panel.goto(`${suite.ext.origin}/sidepanel.html?tab=${tabId}`, { waitUntil: 'load' });
      await waitForPanel(panel, 'l’étape en cours est affichée', (state) => state.now === spokenText(first));
      const panelText = await messages(await panel.evaluate(() => document.documentElement.lang || 'fr'));
      const label = await panel.$eval('section.now button.read', (button) => (button.textContent ?? '').trim());
      expect(label).toBe(panelText('speech.read'));
      await clickInPanel(panel, 'section.now button.read', page);
      const calls = await waitUntil('le panneau lit l’étape', async () => {
        const recorded = await speechCallsIn(panel);
        return speeches(recorded).length > 0 ? recorded : null;
      });
      expect(speeches(calls)).toEqual([fromBubble]);
      expect(fromBubble?.text).toBe(spokenText(first));
      keep('bulle', (await world.speechCalls()) ?? []);
      keep('panneau latéral', calls);
    } finally {
      await world.detach();
    }
  });

  it('with automatic reading chosen in the settings page, the next step is read on arrival, without a click', {
    timeout: 180_000,
  }, async () => {
    const { ext } = suite;
    const { page, world } = await practicePage();
    try {
      const { t } = await beginPractice(ext, page);
      await stepShown(page, 'identifiant');
      await world.stubSpeech();

      // Control, automatic reading off: while « identifiant » is read, the person does it; the step
      // change stops the reading (so the new step's effect ran) and reads nothing.
      await clickBubbleButton(page, t('speech.read'));
      const read = await waitForCalls(world, 0, 'l’étape est lue', (calls) => speeches(calls).length > 0);
      await PERSON.identifiant?.act?.(page);
      await waitForBubbleText(page, spokenText(item('mot-de-passe')));
      const changed = await waitForCalls(world, read.length, 'le changement d’étape arrête la lecture', (calls) => calls.length > 0);
      expect(changed, 'automatic reading off: the new step is not read').toEqual([{ op: 'cancel' }]);

      // The settings page, as the person finds it: « Lire chaque nouvelle étape à voix haute ».
      const settings = suite.track(await ext.openExtensionPage('settings.html'));
      // A local voice arrives late, the way Chromium lists its voices: the option becomes available then.
      await settings.waitForSelector('#auto-read', { timeout: WAIT_MS });
      await settings.evaluate(installSpeechStub);
      await settings.waitForSelector('#auto-read:not(:checked):not([disabled])', { timeout: WAIT_MS });
      // Read once the page is rendered: it sets its language then.
      const settingsText = await messages(await settings.evaluate(() => document.documentElement.lang || 'fr'));
      const labelText = await settings.$eval('label[for="auto-read"]', (label) => (label.textContent ?? '').trim());
      expect(labelText).toBe(settingsText('settings.autoRead'));
      await settings.locator('label[for="auto-read"]').setTimeout(WAIT_MS).click();
      await settings.waitForSelector('#auto-read:checked', { timeout: WAIT_MS });
      await waitUntil('le réglage est enregistré', () =>
        settings.evaluate((saved) => document.querySelector('.status')?.textContent?.trim() === saved, settingsText('settings.saved')),
      );
      expect(((await readStorage(ext, page)).settings as { autoRead?: boolean } | undefined)?.autoRead).toBe(true);
      await settings.close();
      await page.bringToFront();
      // The content script's world sees the setting too (it follows the storage).
      expect(await world.evaluate('chrome.storage.local.get("settings").then((v) => !!v.settings && v.settings.autoRead === true)')).toBe(
        true,
      );

      // The person types the password in the field that has the focus and leaves it with Tab: no click.
      const password = PERSON['mot-de-passe']?.target ?? '';
      expect(await focusIsOn(page, password), 'the focus is in the password field after Tab').toBe(true);
      const mark = ((await world.speechCalls()) ?? []).length;
      await page.keyboard.type(TYPED.password);
      await page.keyboard.press('Tab');
      const next = item('mention-cnil-1');
      await waitForBubbleText(page, spokenText(next));
      const auto = await waitForCalls(world, mark, 'l’étape suivante est lue d’elle-même', (calls) => speeches(calls).length > 0);
      expect(speeches(auto)).toHaveLength(1);
      const [said] = speeches(auto);
      expect(said?.text).toBe(spokenText(next));
      expect(said?.lang.startsWith('fr'), `language ${said?.lang}`).toBe(true);
      expect(said?.rate).toBeLessThan(1);
      keep('lecture automatique', (await world.speechCalls()) ?? []);
    } finally {
      await world.detach();
    }
  });
});
