import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    environment: "node",
    env: {
      // Each integration file gets its own in-memory PGlite, unless DATABASE_URL names a real PostgreSQL.
      PGLITE_DIR: "memory://",
      BETTER_AUTH_SECRET: "keyhold-test-secret-that-is-long-enough-0123456789",
      // The origin test/helpers/browser.ts sends, whatever PORT the shell has.
      BETTER_AUTH_URL: "http://localhost:3000",
      // The tests stand behind one declared proxy (a documentation address): a TestBrowser's
      // x-forwarded-for is what that proxy would have appended (test/helpers/browser.ts).
      TRUSTED_PROXIES: "192.0.2.10",
      // Sign-up answers wait out a floor in production, so their timing names no account; the
      // suite signs up hundreds of times, and the one test of the floor sets its own.
      SIGN_UP_ANSWER_FLOOR_MS: "0",
    },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          setupFiles: ["test/setup/database.ts"],
        },
      },
      {
        extends: true,
        // Each file runs its own PostgreSQL server, stops it and starts it again.
        test: { name: "faults", include: ["test/faults/**/*.test.ts"], testTimeout: 60_000 },
      },
    ],
  },
});
