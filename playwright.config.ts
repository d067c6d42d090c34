import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./e2e/chromium";
import {
  ADMIN_EMAIL,
  APP_URL,
  MAIL_SINK_SMTP_PORT,
  MAIL_SINK_URL,
  SHORT_STEP_UP_SECONDS,
  SHORT_STEP_UP_URL,
} from "./e2e/servers";

const reuseBuild = process.env.E2E_REUSE_BUILD === "1" && existsSync(".next/BUILD_ID");
const serverOutput = { reuseExistingServer: !process.env.CI, stdout: "ignore", stderr: "pipe" } as const;

export default defineConfig({
  testDir: "e2e",
  // The servers share one database and one CPU budget: tests run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    // Colours change at once (app/globals.css), so that axe never measures a button mid-fade.
    reducedMotion: "reduce",
    launchOptions: {
      // Without it, Playwright's own browser (after `npx playwright install chromium`).
      executablePath: existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: "npx tsx e2e/mail-sink.ts",
      url: `${MAIL_SINK_URL}/messages`,
      timeout: 30_000,
      ...serverOutput,
    },
    {
      // A production build, as users get it. The migration step matters for DATABASE_URL:
      // production servers do not migrate on start. E2E_REUSE_BUILD=1 serves the build already in
      // .next (it does not depend on the database: .ci/run builds once for its two passes).
      command: `npm run db:migrate && ${reuseBuild ? "" : "npm run build && "}npm run start -- --port ${new URL(APP_URL).port}`,
      url: `${APP_URL}/sign-in`,
      timeout: 600_000,
      env: serverEnv(APP_URL),
      ...serverOutput,
    },
    {
      // Started after the first one is up, so the build exists.
      command: `npm run start -- --port ${new URL(SHORT_STEP_UP_URL).port}`,
      url: `${SHORT_STEP_UP_URL}/sign-in`,
      timeout: 60_000,
      env: { ...serverEnv(SHORT_STEP_UP_URL), STEP_UP_WINDOW_SECONDS: String(SHORT_STEP_UP_SECONDS) },
      ...serverOutput,
    },
  ],
});

function serverEnv(url: string): Record<string, string> {
  return {
    BETTER_AUTH_URL: url,
    BETTER_AUTH_SECRET: "keyhold-e2e-secret-that-is-long-enough-0123456789",
    // Without DATABASE_URL, a throwaway in-memory PGlite: every run starts empty.
    PGLITE_DIR: process.env.DATABASE_URL ? "" : "memory://",
    SMTP_URL: `smtp://127.0.0.1:${MAIL_SINK_SMTP_PORT}`,
    ADMIN_EMAILS: ADMIN_EMAIL,
    // Chromium's virtual authenticator attests with one fixed, self-signed "Batch Certificate" whose
    // private key is in Chromium's source: a trust anchor for these tests only, never for a real site.
    ADMIN_ATTESTATION_ROOTS: "e2e/fixtures/chromium-virtual-authenticator-attestation.pem",
    // The test runner stands in for a reverse proxy: an X-Forwarded-For it sends names the client,
    // so that tests can come from addresses of their own (e2e/client-address.spec.ts runs a server
    // without it).
    TRUSTED_PROXIES: "127.0.0.1,::1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
