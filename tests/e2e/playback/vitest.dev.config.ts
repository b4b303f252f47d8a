// TEMPORARY (dev only, to be deleted): playback e2e tests on patched copies of the builds.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  root: '/work/main',
  plugins: [WxtVitest()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    environment: 'node',
    include: ['tests/e2e/playback-*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    setupFiles: ['/tmp/pb/patch-builds.ts'],
  },
});
