import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// Playwright cannot download its own browser here; any Chromium works. CHROMIUM_PATH overrides,
// and without either, Playwright's own (after `npx playwright install chromium`) is used.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // One production server, one database: tests run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // A production build, as users get it. The migration step matters for DATABASE_URL: production
    // servers do not migrate on start.
    command: `npm run db:migrate && npm run build && npm run start -- --port ${port}`,
    url: `${baseURL}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      BETTER_AUTH_URL: baseURL,
      BETTER_AUTH_SECRET: "keyhold-e2e-secret-that-is-long-enough-0123456789",
      // Without DATABASE_URL, a throwaway in-memory PGlite: every run starts empty.
      PGLITE_DIR: process.env.DATABASE_URL ? "" : "memory://",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
