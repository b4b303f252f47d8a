/**
 * End-to-end harness: Debian's Chromium and Firefox ESR, driven by
 * puppeteer-core, with the practice build of the extension installed, and the
 * practice site (DSFR example pages) served on this machine.
 */
export { type ExtensionBrowser, launchWithExtension, WAIT_MS } from './browsers';
export { ExtensionErrors } from './console';
export {
  type BrowserKind,
  BUILDS,
  builtManifest,
  firstItemText,
  PRACTICE_GUIDE_ID,
  PRACTICE_START_PAGE,
  practiceGuide,
} from './paths';
export { type PracticeSites, startPracticeSites } from './sites';
export { guideListsOf, OVERLAY_HOST, overlayHostOf, waitInOverlay } from './views';
