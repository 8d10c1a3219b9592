import { defineConfig } from 'vitest/config';
import TongbanSequencer from './apps/server/test/sequencer';

// Three tiers (ARCHITECTURE.md "Tests"): pure unit tests next to the code, integration tests through
// the HTTP app against a real database, and browser tests in Debian's Chromium.
export default defineConfig({
  test: {
    sequence: { sequencer: TongbanSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/**/*.integration.test.ts'],
          // Migrates and seeds template databases once per run; each file starts from a copy.
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are memory-hungry WASM; two workers fit the 2-core machines.
          maxWorkers: 2,
          // A 64 MB young generation: the suites allocate fast (requests, PGlite's copies), and
          // V8's default spends a tenth of the workers' time in scavenges.
          execArgv: ['--max-semi-space-size=64'],
          // Files share a worker's module graph instead of importing the whole app again each
          // (~2 s a file): every file builds its own app on its own database copy, and the
          // process-wide caches are keyed by database or reset by the tests that need them.
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/e2e/**/*.spec.ts'],
          // Seeds the demo once into a template data directory that every spec's server copies.
          globalSetup: ['apps/e2e/fixtures/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Two spec files at a time: each has its own server (own port and data directory) and
          // browser, and a spec spends much of its time waiting on the page, so two overlap on
          // the 2-core machines (E2E_WORKERS=1 runs them one by one).
          maxWorkers: Number(process.env.E2E_WORKERS ?? 2),
        },
      },
    ],
  },
});
