/** The production servers the end-to-end tests run against, started by playwright.config.ts. */
const port = Number(process.env.E2E_PORT ?? 3100);

export const APP_URL = `http://localhost:${port}`;

/**
 * The same build, with sessions that stop being fresh after a few seconds, so that a test can meet
 * the re-authentication path without waiting a day.
 */
export const SHORT_FRESHNESS_URL = `http://localhost:${port + 1}`;
export const SHORT_FRESHNESS_SECONDS = 4;
