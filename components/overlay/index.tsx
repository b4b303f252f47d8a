/** The playback overlay: spotlight + bubble, rendered by the content script in its shadow root. */
export { Overlay, SHORTCUT } from './Overlay';
export type { OverlayEvent, OverlayProps, TargetState } from './types';
