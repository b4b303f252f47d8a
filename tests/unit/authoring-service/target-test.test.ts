/**
 * The editor's "Tester", forwarded by the background to the real overlay in
 * a tab: the playback script is put there when it is missing and allowed;
 * otherwise a plain French reason comes back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAuthoringService } from '../../../utils/authoring/background/service';
import { createUserGuidesStore } from '../../../utils/authoring/background/user-store';
import type { Request } from '../../../utils/messages';
import { asker } from '../harness/background';
import { FakePlatform } from './fakes';

const TAB = 3;
const TARGET = { tag: 'button', role: 'button', name: 'Se connecter' };
const INSTRUCTION = 'Cliquez sur « Se connecter ».';

let platform: FakePlatform;
let service: ReturnType<typeof createAuthoringService>;

const ask = asker(() => service.handlers) as <R extends Request>(request: R) => Promise<unknown>;
const test = (target: unknown = TARGET) => ask({ type: 'target:test', tabId: TAB, target, instruction: INSTRUCTION } as never);

beforeEach(() => {
  fakeBrowser.reset();
  platform = new FakePlatform();
  platform.urls.set(TAB, 'https://moncompte.exemple.gouv.fr/connexion');
  platform.granted.add('https://moncompte.exemple.gouv.fr/*');
  service = createAuthoringService({ platform, userGuides: createUserGuidesStore(), now: () => 0, pause: async () => {} });
});

describe('Tester', () => {
  it('asks the trainer’s overlay already in the tab, and returns its answer', async () => {
    platform.listening.add(TAB);
    platform.testAnswer = { status: 'ambiguous' };
    expect(await test()).toEqual({ status: 'ambiguous' });
    // Out of sight (in a closed tab or section of the page) comes back as such.
    platform.testAnswer = { status: 'out-of-sight' };
    expect(await test()).toEqual({ status: 'out-of-sight' });
    expect(platform.sent).toEqual(
      Array(2).fill({ tabId: TAB, message: { type: 'overlay:test', target: TARGET, instruction: INSTRUCTION } }),
    );
    expect(platform.injected).toEqual([]);
  });

  it('puts the trainer’s overlay in an allowed tab that lacks it, and waits until it listens', async () => {
    platform.testAnswer = { status: 'found' };
    expect(await test()).toEqual({ status: 'found' });
    expect(platform.injected).toEqual([{ tabId: TAB, script: 'trainer' }]);
    expect(platform.sent.length).toBe(1 + platform.missesAfterInjection + 1);
  });

  it('asks the trainer’s overlay again after a run came into its tab: the person’s overlay left it there', async () => {
    await test();
    await platform.injectPlayback(TAB);
    platform.injected.length = 0;
    expect(await test()).toEqual({ status: 'found' });
    expect(platform.injected).toEqual([]);
  });

  it('says in French that the site is not allowed, and puts nothing in the tab', async () => {
    platform.granted.clear();
    expect(await test()).toEqual({ status: 'unreachable', reason: 'no-access' });
    expect(platform.injected).toEqual([]);
  });

  it('says so for a tab whose address is hidden or gone, and for a page that is not on the web', async () => {
    platform.urls.delete(TAB);
    expect(await test()).toEqual({ status: 'unreachable', reason: 'no-access' });
    platform.urls.set(TAB, 'about:blank');
    expect(await test()).toEqual({ status: 'unreachable', reason: 'not-web' });
  });

  it('says so when the page never answers', async () => {
    platform.missesAfterInjection = 1000;
    expect(await test()).toEqual({ status: 'unreachable', reason: 'no-answer' });
  });

  it('refuses a target that is not a target description, without sending it', async () => {
    platform.listening.add(TAB);
    expect(await test({ tag: 'BUTTON<script>', value: 'x' })).toEqual({ status: 'unreachable', reason: 'target' });
    expect(platform.sent).toEqual([]);
  });

  it('does not take a strange answer for a result', async () => {
    platform.listening.add(TAB);
    platform.testAnswer = { status: 'clicked' };
    expect(await test()).toEqual({ status: 'unreachable', reason: 'no-answer' });
  });

  it('clears the highlight, whether or not the tab has the script', async () => {
    expect(await ask({ type: 'target:clear', tabId: TAB })).toEqual({ ok: true });
    platform.listening.add(TAB);
    expect(await ask({ type: 'target:clear', tabId: TAB })).toEqual({ ok: true });
    expect(platform.sent.at(-1)).toEqual({ tabId: TAB, message: { type: 'overlay:clear' } });
  });
});
