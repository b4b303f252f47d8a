/**
 * Stands in for WXT's `ContentScriptContext` in the built content scripts
 * (alias in wxt.config.ts): WXT's entry code constructs one before `main`, and
 * the real one posts a message and dispatches events into the page. This one
 * does nothing; `main` starts our own (./context.ts).
 */
export class ContentScriptContext {
  constructor(readonly contentScriptName: string) {}
}
