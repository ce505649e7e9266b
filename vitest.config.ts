import { defineConfig } from "vitest/config";

/** Process-level suites: real child processes, whole-app runs, a simulated year, a real browser. */
const SLOW = [
  "test/app/**/*.test.ts",
  "test/cli/**/*.test.ts",
  "test/delivery/crash-restart.test.ts",
  "test/delivery/two-processes.test.ts",
  "test/delivery/schedule/dst-year.test.ts",
  "test/browser/**/*.test.ts",
  "test/multi/**/*.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "fast", include: ["test/**/*.test.ts", "src/**/*.test.ts"], exclude: SLOW },
      },
      { extends: true, test: { name: "slow", include: SLOW } },
    ],
  },
});
