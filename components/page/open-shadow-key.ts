/**
 * The storage key by which the end-to-end harness asks a practice build for
 * open shadow roots (./test-access.ts). Never read by a store build.
 */
export const OPEN_SHADOW_KEY = 'e2e:open-shadow-roots';
