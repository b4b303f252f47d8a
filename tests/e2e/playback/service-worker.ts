// Chromium's service worker of the extension: stopped as after 30 s idle, and awaited once it runs again.
import type { Target } from 'puppeteer-core';
import { type ExtensionBrowser, WAIT_MS, waitUntil } from '../harness';
import { ChromiumNetworkWatch, type NetworkWatch } from './network';

const isOurWorker = (ext: ExtensionBrowser) => (target: Target) =>
  target.type() === 'service_worker' && target.url().startsWith(`${ext.origin}/`);

/**
 * Stops the extension's service worker, as Chromium does after 30 s idle:
 * closes its target and waits until Chromium says it is gone.
 */
export async function stopServiceWorker(ext: ExtensionBrowser, network?: NetworkWatch): Promise<void> {
  const target = ext.browser.targets().find(isOurWorker(ext));
  if (!target) return;
  if (network instanceof ChromiumNetworkWatch) await network.release(target);
  let gone = false;
  const onGone = (t: Target) => {
    if (t === target) gone = true;
  };
  ext.browser.on('targetdestroyed', onGone);
  try {
    const worker = await target.worker();
    if (!worker) throw new Error('Le service worker de l’extension n’est pas joignable.');
    await worker.close();
    await waitUntil('le service worker est arrêté', async () => gone || !ext.browser.targets().includes(target));
  } finally {
    ext.browser.off('targetdestroyed', onGone);
  }
}

/** Whether the extension's service worker runs now. */
export function serviceWorkerRuns(ext: ExtensionBrowser): boolean {
  return ext.browser.targets().some(isOurWorker(ext));
}

/** Waits for the extension's service worker to run again, and records its errors as the first one's. */
export async function waitForServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const target = await ext.browser.waitForTarget(isOurWorker(ext), { timeout: WAIT_MS });
  const worker = await target.worker();
  if (worker) ext.errors.watchWorker(worker, 'service worker (relancé)');
}
