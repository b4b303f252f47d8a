/**
 * A fake browser platform for the authoring service: tabs with addresses,
 * granted sites, what was put in which tab, what each tab's playback script
 * answers, the editor openings.
 */
import type { AuthoringPlatform } from '../../../utils/authoring/background/platform';
import type { TabMessage } from '../../../utils/messages';

export class FakePlatform implements AuthoringPlatform {
  /** Tab id → address; absent: the browser hides it (no permission) or the tab is gone. */
  readonly urls = new Map<number, string>();
  readonly granted = new Set<string>();
  readonly injected: { tabId: number; script: 'recorder' | 'playback' | 'trainer' }[] = [];
  /** Tabs whose overlay answers a trainer's messages (its trainer's copy was put there). */
  readonly listening = new Set<number>();
  /** What a listening tab answers to `overlay:test`. */
  testAnswer: unknown = { status: 'found' };
  /** What a listening tab answers to `overlay:verify`. */
  verifyAnswer: unknown = { status: 'found', host: 'moncompte.exemple.gouv.fr' };
  /** How many messages a freshly injected script misses before it listens (it sets up asynchronously). */
  missesAfterInjection = 2;
  readonly sent: { tabId: number; message: TabMessage }[] = [];
  /** Sites whose permission was taken back, in order. */
  readonly released: string[] = [];
  editorOpenings = 0;
  manifest: string[] = [];
  failInjection = false;
  #misses = new Map<number, number>();

  async tabUrl(tabId: number) {
    return this.urls.get(tabId);
  }
  async hasSite(site: string) {
    return this.granted.has(site);
  }
  async releaseSite(site: string) {
    this.released.push(site);
    this.granted.delete(site);
  }
  async injectRecorder(tabId: number) {
    if (this.failInjection) throw new Error('Cannot access contents of the page');
    this.injected.push({ tabId, script: 'recorder' });
  }
  async injectPlayback(tabId: number) {
    if (this.failInjection) throw new Error('Cannot access contents of the page');
    // A copy already running (a trainer's too) stays: the person's overlay never replaces one.
    this.injected.push({ tabId, script: 'playback' });
  }
  async injectTrainer(tabId: number) {
    if (this.failInjection) throw new Error('Cannot access contents of the page');
    this.injected.push({ tabId, script: 'trainer' });
    this.listening.add(tabId);
    this.#misses.set(tabId, this.missesAfterInjection);
  }
  async sendToTab(tabId: number, message: TabMessage) {
    this.sent.push({ tabId, message });
    const misses = this.#misses.get(tabId) ?? 0;
    if (!this.listening.has(tabId) || misses > 0) {
      this.#misses.set(tabId, Math.max(0, misses - 1));
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    if (message.type === 'overlay:test') return this.testAnswer;
    if (message.type === 'overlay:verify') return this.verifyAnswer;
    return { ok: true };
  }
  manifestSites() {
    return this.manifest;
  }
  async openEditor() {
    this.editorOpenings++;
  }
}
