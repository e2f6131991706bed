import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React's server build; tests are server code by definition.
      'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts'],
    environment: 'node',
    // Starts the test profile's Valkey servers once for every suite and stops them at the end.
    globalSetup: ['lib/testing/valkey-global-setup.ts'],
    setupFiles: ['lib/testing/valkey-env.ts'],
    testTimeout: 20_000,
    // All test requests share one client address; tests of these limits set their own values.
    env: {
      KEYSPACE_SANDBOX_RATE_PER_ADDRESS: '10000',
      KEYSPACE_SANDBOX_SESSIONS_PER_MINUTE: '10000',
      KEYSPACE_WRITES_PER_ADDRESS: '10000',
      KEYSPACE_IMPORTS_PER_MINUTE: '10000',
    },
    hookTimeout: 60_000,
    // Tests share one pair of real servers; file-level parallelism is fine, each test owns its keys.
    fileParallelism: true,
    // Three workers on this 2-core machine, not Vitest's default of one (cores − 1): most of the
    // suite's time is spent waiting on real processes (labs forming, failovers, `npm start`), and
    // three overlap those waits (149 s → 105 s on 2026-12-05); four made it slower and flaky.
    maxWorkers: 3,
  },
});
