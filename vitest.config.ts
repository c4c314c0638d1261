import { defineConfig } from 'vitest/config';
import { engine as imageEngine, testImageName } from './scripts/image-engine.mjs';

// Projects: unit (no server), integration (real Cassandra), conformance (tscqlsh vs the reference
// cqlsh against the same server), repl-conformance (both REPLs in terminals, screens compared),
// completion-conformance (both REPLs' Tab completions compared), e2e (the built binary in a PTY),
// faults (the built binary, and the reference cqlsh, through a fault-injecting proxy:
// test/support/tcp-proxy.ts, faults.ts), image (below). The server-backed projects share one
// globalSetup that finds or starts Cassandra and fails the run when none can be had.
const serverSetup = ['test/support/global-setup.ts'];

export default defineConfig({
  test: {
    projects: [
      // property tests run 20,000-50,000 cases: give them room on a loaded 2-core machine
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: serverSetup,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          globalSetup: serverSetup,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        // the REPL typed into the reference cqlsh and tscqlsh in terminals; screens compared
        test: {
          name: 'repl-conformance',
          include: ['test/repl-conformance/**/*.test.ts'],
          globalSetup: serverSetup,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        // Tab completion typed into the reference cqlsh's REPL and tscqlsh's, compared
        test: {
          name: 'completion-conformance',
          include: ['test/completion-conformance/**/*.test.ts'],
          globalSetup: serverSetup,
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: serverSetup,
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        // the single-file binary (scripts/build-binary.mjs; built by the test when stale) run with
        // no Node on PATH
        test: {
          name: 'binary',
          include: ['test/binary/**/*.test.ts'],
          globalSetup: serverSetup,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          globalSetup: serverSetup,
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // one file at a time: each asserts how long the process takes to exit
          fileParallelism: false,
        },
      },
      // cluster: a local 3-node cluster in two data centers (test/support/cluster-setup.ts), nodes
      // taken down and brought back; in a test group of its own (no other file runs meanwhile), so
      // its node restarts never load the machine under other tests' timing; the nodes start when
      // its files run (test/support/cluster-start.ts), not beside the other projects' tests
      {
        test: {
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts'],
          globalSetup: ['test/support/cluster-setup.ts'],
          setupFiles: ['test/support/cluster-start.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      // image: docker/Dockerfile built and run for real (test/image/), where buildah or a Docker
      // engine is present; in a group of its own, never alongside the other projects' files (its
      // build would load the machine under their timing)
      ...(imageEngine()
        ? [
            {
              test: {
                name: 'image',
                include: ['test/image/**/*.test.ts'],
                globalSetup: serverSetup,
                testTimeout: 120_000,
                hookTimeout: 1_200_000,
                fileParallelism: false,
                sequence: { groupOrder: 1 },
                env: { TSCQLSH_IMAGE: testImageName },
              },
            },
          ]
        : []),
    ],
  },
});
