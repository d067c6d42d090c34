import path from "node:path";
import { defineConfig } from "@playwright/test";
import e2eConfig from "../../playwright.config";

const repositoryRoot = path.join(import.meta.dirname, "..", "..");

/**
 * `npm run screenshots`: the end-to-end tests' servers and browser (a production build, the mail
 * sink, Debian's Chromium), running the capture in this folder instead of the tests. The servers
 * start from the repository's root, as they do for the tests.
 */
export default defineConfig({
  ...e2eConfig,
  testDir: ".",
  testMatch: "capture.ts",
  timeout: 300_000,
  webServer: [e2eConfig.webServer ?? []].flat().map((server) => ({ ...server, cwd: repositoryRoot })),
});
