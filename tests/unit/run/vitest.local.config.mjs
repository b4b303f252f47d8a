import { defineConfig } from 'vitest/config';
export default defineConfig({
  root: '/work/main',
  esbuild: { tsconfigRaw: { compilerOptions: { target: 'es2022', useDefineForClassFields: true } } },
  test: { environment: 'happy-dom', include: ['tests/unit/run/**/*.test.ts', 'tests/unit/observe/**/*.test.ts', 'tests/unit/catalogue/sites.test.ts'] },
});
