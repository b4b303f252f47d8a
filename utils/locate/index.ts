/**
 * Playback side of the locating engine: `locate` and `watch`. `describe` (the
 * recorder side) lives in `./describe` so that this bundle stays small and
 * does not pull in @medv/finder or dom-accessibility-api.
 */
export { type LocateOptions, type LocateResult, type LocateRoot, locate } from './locate';
export { FOUND_THRESHOLD, MARGIN, MIN_EVIDENCE, WEIGHTS } from './score';
export type { TargetDescription } from './target';
export { type WatchOptions, watch } from './watch';
