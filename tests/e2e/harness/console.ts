// The extension's errors, heard on its pages, its worker and Firefox's output, for the check after each test.
import type { Readable } from 'node:stream';
import type { ConsoleMessage, Page, WebWorker } from 'puppeteer-core';

/**
 * Records the errors of the extension: every console error and uncaught
 * exception of its own pages (popup, service worker), and those of the web
 * pages that come from its content script (their source is an extension URL).
 * The practice pages' own errors (a missing favicon, DSFR warnings) are not ours.
 */
/**
 * Firefox's answer to a call made by a content script while its tab's window is being torn down
 * (a test closes a tab the overlay is just being put in): `NS_ERROR_NOT_INITIALIZED`, printed as
 * an uncaught error of the script, with nothing shown and nothing done. Seen once, in « a tab
 * closed mid-run » on a clean clone (6 December 2026); only this code, only from a content script.
 */
const TEARDOWN =
  /^firefox\b.*: JavaScript error: moz-extension:\/\/[^/]+\/content-scripts\/[\w.-]+\.js, line \d+: NS_ERROR_NOT_INITIALIZED$/;

export class ExtensionErrors {
  readonly #origin: string;
  readonly #expected: RegExp[];
  readonly #errors: string[] = [];

  /** `origin`: `chrome-extension://<id>` or `moz-extension://<uuid>`; `expected`: errors a test provokes on purpose. */
  constructor(origin: string, expected: RegExp[] = []) {
    this.#origin = origin;
    this.#expected = expected;
  }

  get origin(): string {
    return this.#origin;
  }

  /**
   * Watches a tab: all of its errors while it shows an extension page (`extensionPage`, or
   * its URL says so), else only those coming from the extension's content script.
   */
  watchPage(page: Page, label: string, extensionPage = false): void {
    // Firefox's driver keeps reporting about:blank for a tab showing a moz-extension:// page.
    const own = () => extensionPage || page.url().startsWith(this.#origin);
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (own() || this.#fromExtension(message)) this.#record(`${label} console.error: ${message.text()}${this.#where(message)}`);
    });
    page.on('pageerror', (error) => {
      const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      if (own() || text.includes(this.#origin)) this.#record(`${label} exception: ${text}`);
    });
  }

  /** Watches a worker of the extension (Chromium's service worker): all of its errors. */
  watchWorker(worker: WebWorker, label: string): void {
    worker.on('console', (message) => {
      if (message.type() === 'error') this.#record(`${label} console.error: ${message.text()}${this.#where(message)}`);
    });
    worker.on('error', (error) => this.#record(`${label} exception: ${error.message}`));
  }

  /**
   * Watches a Firefox process's output. With `devtools.console.stdout.content`, Firefox prints
   * every uncaught exception and unhandled rejection as `JavaScript error: <url>, line N: …`:
   * those of the extension's own contexts (background page, popup, content script) start
   * with its origin. Its driver reports no console event for them, nor for the background page.
   */
  watchFirefoxOutput(stream: Readable, label: string): void {
    let rest = '';
    stream.on('data', (chunk: Buffer | string) => {
      const lines = (rest + String(chunk)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith(`JavaScript error: ${this.#origin}/`)) this.#record(`${label}: ${line}`);
      }
    });
  }

  /** The errors recorded since the last call that no test expected; clears the record. */
  takeUnexpected(): string[] {
    const errors = this.#errors.splice(0);
    return errors.filter((error) => !TEARDOWN.test(error) && !this.#expected.some((pattern) => pattern.test(error)));
  }

  #fromExtension(message: ConsoleMessage): boolean {
    const sources = [message.location(), ...message.stackTrace()].map((location) => location.url ?? '');
    return sources.some((url) => url.startsWith(this.#origin));
  }

  #where(message: ConsoleMessage): string {
    const url = message.location().url;
    return url ? ` (${url}:${message.location().lineNumber ?? '?'})` : '';
  }

  #record(error: string): void {
    this.#errors.push(error);
  }
}
