/**
 * The Chromium the end-to-end tests and the benchmarks' Lighthouse run: Playwright cannot download
 * its own browser here, and any Chromium works. CHROMIUM_PATH overrides Debian's.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** What a container allows and a test wants: no sandbox, no GPU, nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
