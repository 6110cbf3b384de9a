import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'sample-data/**/*.test.ts', 'renderer/src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts', 'fidelity/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
