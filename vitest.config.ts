import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    // Most files spend their time waiting on the child processes they spawn (the CLI, MCP servers), and
    // the CPU-bound ones measure CPU time, not wall time. Vitest's default of one worker fewer than the
    // cores runs one file at a time on a 2-core machine (CI's): two workers there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/*.test.ts'],
          // The first test of a scanner file builds the scanner and compiles its patterns (~1–2 s of
          // CPU); on a shared 2-core machine under load that alone passed 5 s. Tests that judge
          // speed do so by relative growth, not by this limit.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Property-based fuzzing and the soak over the built CLI (issue #10 §8); FUZZ_SCALE
          // (set by `npm run fuzz`) makes them run longer.
          name: 'fuzz',
          include: ['test/fuzz/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
