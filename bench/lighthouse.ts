import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/chromium";

export type LighthouseScores = {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The accessibility audits the page fails, each with the elements it names. */
  accessibilityFailures: string[];
};

type LighthouseOptions = { cookie?: string; formFactor: "mobile" | "desktop" };

/** Lighthouse asks to be run again when it failed to record a load (NO_NAVSTART, NO_FCP on a busy machine). */
const ATTEMPTS = 3;

/**
 * Lighthouse's performance and accessibility scores for `url` in Debian's Chromium, with
 * Lighthouse's own throttling: the mobile profile (its default) or the desktop one.
 */
export async function lighthouseScores(url: string, options: LighthouseOptions): Promise<LighthouseScores> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseRun(url, options);
    } catch (error) {
      if (!(error instanceof LighthouseRuntimeError) || attempt === ATTEMPTS) throw error;
    }
  }
}

class LighthouseRuntimeError extends Error {}

async function lighthouseRun(
  url: string,
  { cookie, formFactor }: LighthouseOptions,
): Promise<LighthouseScores> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: cookie ? { cookie } : undefined,
      },
      formFactor === "desktop" ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    saveReport(url, formFactor, result.report);
    const { categories, audits, finalDisplayedUrl, runtimeError } = result.lhr;
    // Scores of a run that did not load the page are zeros, not figures.
    if (runtimeError)
      throw new LighthouseRuntimeError(
        `Lighthouse could not measure ${url}: ${runtimeError.code} ${runtimeError.message}`,
      );
    if (new URL(finalDisplayedUrl).pathname !== new URL(url).pathname) {
      throw new Error(`Lighthouse ended on ${finalDisplayedUrl}, not ${url}`);
    }
    const accessibilityFailures = (categories.accessibility?.auditRefs ?? [])
      .map((ref) => audits[ref.id])
      .filter((audit) => audit && audit.score !== null && audit.score < 1)
      .map((audit) => `${audit?.id}: ${failingSelectors(audit?.details).join(", ")}`);
    return {
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
      lcpMs: audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
      tbtMs: audits["total-blocking-time"]?.numericValue ?? Number.NaN,
      cls: audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
      accessibilityFailures,
    };
  } finally {
    chrome.kill();
  }
}

/**
 * With BENCH_LIGHTHOUSE_DIR set, each run's whole report is kept there as JSON (one file per page
 * and profile), for the metrics and opportunities behind a score.
 */
function saveReport(url: string, formFactor: string, report: string | string[]) {
  const dir = process.env.BENCH_LIGHTHOUSE_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const { pathname } = new URL(url);
  const name = `${pathname.replace(/^\/|\/$/g, "").replace(/\//g, "_") || "root"}.${formFactor}.json`;
  writeFileSync(path.join(dir, name), Array.isArray(report) ? report.join("\n") : report);
}

/** The CSS selectors of the elements an audit's table lists. */
function failingSelectors(details: unknown): string[] {
  const items = (details as { items?: { node?: { selector?: string } }[] } | undefined)?.items ?? [];
  return items.flatMap((item) => (item.node?.selector ? [item.node.selector] : []));
}
