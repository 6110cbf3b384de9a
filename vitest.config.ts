import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'sample-data/**/*.test.ts', 'renderer/src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts', 'fidelity/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Vitest leaves a core to itself, which on a two-core machine (CI's, and this project's) runs
    // the test files one at a time: most of them wait on brokers, workers and files rather than
    // compute, so two at a time took the suite from 6.5 to 4 minutes there, all passing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
