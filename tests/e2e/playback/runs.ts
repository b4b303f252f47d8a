// The runs of the practice guide as the background keeps them in storage, read from an extension page.
import type { Page } from 'puppeteer-core';
import { doneWhenOf, itemById, nextItemId } from '../../../utils/guide/graph';
import type { Guide } from '../../../utils/guide/schema';
import type { Run, RunEvent } from '../../../utils/run';
import { type ExtensionBrowser, inExtensionPage, PRACTICE_GUIDE_ID, readStorage, withExtensionApi } from '../harness';

/** The practice guide's run started last, with its tab id. */
export async function latestRun(ext: ExtensionBrowser, bringBack?: Page): Promise<{ tabId: number; run: Run }> {
  const storage = await readStorage(ext, bringBack);
  const runs = Object.entries(storage)
    .filter(([key, value]) => key.startsWith('run:') && (value as Run).guideId === PRACTICE_GUIDE_ID)
    .map(([key, value]) => ({ tabId: Number(key.slice('run:'.length)), run: value as Run }))
    .sort((a, b) => b.run.startedAt - a.run.startedAt);
  const latest = runs[0];
  if (!latest) throw new Error(`Aucun parcours du guide d’entraînement : ${JSON.stringify(storage)}`);
  return latest;
}

/** The run of a tab. */
export async function runOfTab(ext: ExtensionBrowser, tabId: number, bringBack?: Page): Promise<Run | null> {
  return ((await readStorage(ext, bringBack))[`run:${tabId}`] as Run | undefined) ?? null;
}

/**
 * Forgets the runs left unfinished by earlier tests (their tabs are closed):
 * the popup would offer « Reprendre » for them instead of « Commencer ». Test
 * isolation only, as a fresh browser profile would be.
 */
export function forgetPausedRuns(ext: ExtensionBrowser, bringBack?: Page): Promise<void> {
  return inExtensionPage(
    ext,
    (page) =>
      withExtensionApi(page, async (api) => {
        const keys = Object.keys(await api.storage.local.get(null)).filter((key) => key.startsWith('paused:'));
        await api.storage.local.remove(keys);
      }),
    { bringBack },
  );
}

/**
 * The events of a run through the practice guide without any help: "no account yet",
 * then each step done the way the extension sees it (action, page reached, or « C'est fait »
 * for a step only the person can say they did).
 */
export function eventsWithoutHelp(guide: Guide, site: string): RunEvent[] {
  const question = guide.steps[0];
  if (question?.kind !== 'question') throw new Error('le guide d’entraînement commence par une question');
  const choice = question.choices.findIndex((c) => itemById(guide, c.next)?.kind === 'step');
  const events: RunEvent[] = [{ type: 'answer', choice }];
  let item = itemById(guide, question.choices[choice]?.next ?? '');
  while (item?.kind === 'step') {
    const how = doneWhenOf(item);
    if (how === 'action') events.push({ type: 'action-done', stepId: item.id });
    else if (how === 'manual') events.push({ type: 'manual-done' });
    else events.push({ type: 'page', url: `${site}${(item.donePage ?? item.page ?? '/').replaceAll('*', 'index.html')}` });
    item = itemById(guide, nextItemId(guide, item.id) ?? '');
  }
  if (item?.kind !== 'end') throw new Error('le chemin sans aide ne mène pas à une fin');
  return events;
}
