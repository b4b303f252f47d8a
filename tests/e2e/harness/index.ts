/**
 * End-to-end harness: Debian's Chromium and Firefox ESR, driven by
 * puppeteer-core, with the practice build of the extension installed, and the
 * practice site (DSFR example pages) served on this machine.
 */
export { type AxeViolation, axeViolations, readable } from './axe';
export { type ExtensionBrowser, type KeptProfile, keptProfile, launchWithExtension, WAIT_MS } from './browsers';
export { ExtensionErrors } from './console';
export { type ExtensionApi, inExtensionPage, readStorage, sendMessage, storageIn, tabIdOf, withExtensionApi } from './extension-pages';
export { messages, messagesOf, type Translate } from './messages';
export {
  type BrowserKind,
  BUILDS,
  builtManifest,
  firstItemText,
  PRACTICE_GUIDE_ID,
  PRACTICE_START_PAGE,
  practiceGuide,
} from './paths';
export { openPracticePage, type PracticeSites, startPracticeSites } from './sites';
export { type ExtensionSuite, extensionSuite, practiceSitesSuite } from './suite';
export { guideListsOf, OVERLAY_HOST, overlayHostOf, PRACTICE_GUIDE_ITEM, waitInOverlay } from './views';
export { waitForState, waitUntil } from './wait';
