import { randomUUID } from "node:crypto";

/** The production servers the end-to-end tests run against, started by playwright.config.ts. */
const port = Number(process.env.E2E_PORT ?? 3100);

export const APP_URL = `http://localhost:${port}`;

/**
 * The same build, where a sign-in or a step-up allows sensitive changes for a few seconds instead
 * of five minutes, so that a test can meet the step-up dialog without waiting.
 */
export const SHORT_STEP_UP_URL = `http://localhost:${port + 1}`;
export const SHORT_STEP_UP_SECONDS = 4;

/** The SMTP server both app servers send mail to, and where the tests read it (e2e/mail-sink.ts). */
export const MAIL_SINK_SMTP_PORT = port + 25;
export const MAIL_SINK_HTTP_PORT = port + 26;
export const MAIL_SINK_URL = `http://127.0.0.1:${MAIL_SINK_HTTP_PORT}`;

/**
 * The address the servers are told to create as an admin (ADMIN_EMAILS). New on every run, so that
 * a reused database holds no account with it yet; kept in the environment, which Playwright's
 * workers inherit, so that the tests see the value the servers were given.
 */
process.env.E2E_ADMIN_EMAIL ??= `e2e-admin-${randomUUID()}@example.test`;
export const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL;
