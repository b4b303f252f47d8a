/**
 * « Vérifier ce guide sur le site », on the background's side: a step checked
 * on the tab (the playback script put there when missing and allowed), the
 * tab waiting for the trainer's click, the element clicked described again
 * through the recorder's privacy rules, and the report kept for its page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAuthoringService } from '../../../utils/authoring/background/service';
import { createUserGuidesStore } from '../../../utils/authoring/background/user-store';
import type { ActionStep } from '../../../utils/guide/schema';
import type { Request, VerifyCheck } from '../../../utils/messages';
import { verifyPickItem, verifyReports } from '../../../utils/storage/schema-items';
import { buildReport } from '../../../utils/verify/report';
import { recordOutcome, startVerification } from '../../../utils/verify/session';
import { FakePlatform } from '../authoring-service/fakes';
import { asker } from '../harness/background';

const TAB = 3;
const OTHER_TAB = 4;
const STEP: ActionStep = {
  kind: 'step',
  id: 'connexion',
  action: 'click',
  target: { tag: 'button', role: 'button', name: 'Se connecter' },
  instruction: 'Cliquez sur « Se connecter ».',
  sensitive: false,
};
const CHECK: VerifyCheck = { guide: { title: 'Se connecter', lang: 'fr' }, item: STEP, position: 1, total: 2 };

let platform: FakePlatform;
let service: ReturnType<typeof createAuthoringService>;
let clock = 1000;

const ask = asker(() => service.handlers) as <R extends Request>(request: R, senderTabId?: number) => Promise<unknown>;

beforeEach(() => {
  fakeBrowser.reset();
  platform = new FakePlatform();
  platform.urls.set(TAB, 'https://moncompte.exemple.gouv.fr/connexion');
  platform.granted.add('https://moncompte.exemple.gouv.fr/*');
  service = createAuthoringService({ platform, userGuides: createUserGuidesStore(), now: () => clock, pause: async () => {} });
});

describe('checking a step on the tab', () => {
  it('asks the trainer’s overlay with the step, and answers its outcome and host', async () => {
    platform.listening.add(TAB);
    platform.verifyAnswer = { status: 'not-found', host: 'moncompte.exemple.gouv.fr' };
    expect(await ask({ type: 'verify:check', tabId: TAB, check: CHECK })).toEqual({
      status: 'not-found',
      host: 'moncompte.exemple.gouv.fr',
    });
    expect(platform.sent).toEqual([{ tabId: TAB, message: { type: 'overlay:verify', check: CHECK } }]);
  });

  it('puts the trainer’s overlay (never the person’s, which has no trainer’s tools) in an allowed tab that lacks it', async () => {
    expect(await ask({ type: 'verify:check', tabId: TAB, check: CHECK })).toMatchObject({ status: 'found' });
    expect(platform.injected).toEqual([{ tabId: TAB, script: 'trainer' }]);
  });

  it('says why a tab cannot be reached, and refuses a step that is not a guide step', async () => {
    platform.granted.clear();
    expect(await ask({ type: 'verify:check', tabId: TAB, check: CHECK })).toEqual({ status: 'unreachable', reason: 'no-access' });
    const broken = { ...CHECK, item: { ...STEP, action: 'dance' } } as unknown as VerifyCheck;
    expect(await ask({ type: 'verify:check', tabId: TAB, check: broken })).toEqual({ status: 'unreachable', reason: 'target' });
  });

  it('does not take an answer that is not an outcome', async () => {
    platform.listening.add(TAB);
    platform.verifyAnswer = { status: 'maybe', host: 'x' };
    expect(await ask({ type: 'verify:check', tabId: TAB, check: CHECK })).toEqual({ status: 'unreachable', reason: 'no-answer' });
  });

  it('is for the extension pages only', async () => {
    await expect(ask({ type: 'verify:check', tabId: TAB, check: CHECK }, TAB)).rejects.toThrow(/not allowed/);
  });
});

describe('pointing at the right element', () => {
  const clicked = {
    kind: 'click',
    facts: { tag: 'input', type: 'text', role: 'textbox', label: 'Identifiant', name: 'Identifiant', value: 'jeanne@exemple.fr' },
    url: 'https://moncompte.exemple.gouv.fr/connexion?email=jeanne%40exemple.fr',
    inputType: 'text',
  };

  it('has the tab wait, then keeps the element clicked there, through the recorder’s rules', async () => {
    platform.listening.add(TAB);
    expect(await ask({ type: 'verify:pick', tabId: TAB })).toEqual({ ok: true });
    expect(platform.sent.at(-1)).toEqual({ tabId: TAB, message: { type: 'overlay:pick' } });
    expect(await verifyPickItem.get()).toEqual({ tabId: TAB, state: 'waiting', at: clock });
    clock = 2000;
    expect(await ask({ type: 'verify:picked', event: clicked }, TAB)).toEqual({ ok: true });
    const pick = await verifyPickItem.get();
    expect(pick).toMatchObject({ tabId: TAB, state: 'picked', at: 2000, target: { tag: 'input', label: 'Identifiant' } });
    // Nothing typed comes through: the description is rebuilt from the target schema's keys only.
    expect(JSON.stringify(pick)).not.toContain('jeanne');
  });

  it('listens to the waiting tab only, once', async () => {
    platform.listening.add(TAB);
    await ask({ type: 'verify:pick', tabId: TAB });
    expect(await ask({ type: 'verify:picked', event: clicked }, OTHER_TAB)).toEqual({ ok: false });
    expect(await verifyPickItem.get()).toMatchObject({ state: 'waiting' });
    expect(await ask({ type: 'verify:picked', event: clicked }, TAB)).toEqual({ ok: true });
    expect(await ask({ type: 'verify:picked', event: { ...clicked, facts: { tag: 'a', name: 'Autre' } } }, TAB)).toEqual({ ok: false });
    expect(await verifyPickItem.get()).toMatchObject({ target: { label: 'Identifiant' } });
  });

  it('is refused from an extension page, and when nothing waits', async () => {
    await expect(ask({ type: 'verify:picked', event: clicked })).rejects.toThrow(/not allowed/);
    expect(await ask({ type: 'verify:picked', event: clicked }, TAB)).toEqual({ ok: false });
  });

  it('says why the tab cannot wait, and keeps nothing waiting', async () => {
    platform.granted.clear();
    expect(await ask({ type: 'verify:pick', tabId: TAB })).toEqual({ ok: false, reason: 'no-access' });
    expect(await verifyPickItem.get()).toBeNull();
  });

  it('stops: nothing waits any more, and the tab’s overlay is cleared', async () => {
    platform.listening.add(TAB);
    await ask({ type: 'verify:pick', tabId: TAB });
    expect(await ask({ type: 'verify:stop', tabId: TAB })).toEqual({ ok: true });
    expect(await verifyPickItem.get()).toBeNull();
    expect(platform.sent.at(-1)).toEqual({ tabId: TAB, message: { type: 'overlay:clear' } });
  });
});

describe('the report', () => {
  it('is kept by guide, and a malformed one is refused', async () => {
    const guide = { id: 'se-connecter', title: 'Se connecter', lang: 'fr', version: '1.1.0', steps: [STEP] };
    const walk = recordOutcome(
      startVerification(guide) ?? { path: [], checks: {}, fixes: {}, answers: {} },
      'connexion',
      'found',
      'exemple.gouv.fr',
    );
    const report = buildReport({ ...guide, version: '1.0.0' }, guide, walk, '2026-12-05');
    expect(await ask({ type: 'verify:report', report })).toEqual({ ok: true });
    expect(await verifyReports.of('se-connecter').get()).toEqual(report);
    expect(await ask({ type: 'verify:report', report: { ...report, on: 'hier' } })).toEqual({ ok: false });
  });
});
