import { format } from "node:util";
import { expect, vi } from "vitest";
import type { TestBrowser } from "./browser";

export type Line = { level: string; text: string };

const LEVELS = ["debug", "log", "info", "warn", "error"] as const;

/** Everything the server writes to the console while `run` makes its requests. */
export async function serverLog(run: () => Promise<void>): Promise<Line[]> {
  const lines: Line[] = [];
  for (const level of LEVELS) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push({ level, text: format(...args) });
    });
  }
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return lines;
}

export const STACK_FRAME = /^\s+at /m;

/** The session token inside a browser's signed session cookie. */
export function sessionToken(browser: TestBrowser): string {
  const cookie = browser.cookieValue("session_token");
  if (!cookie) throw new Error("no session cookie");
  return decodeURIComponent(cookie).split(".")[0] as string;
}

export function expectNoneOf(lines: Line[], secrets: string[]) {
  const log = lines.map((line) => line.text).join("\n");
  for (const secret of secrets) expect(log).not.toContain(secret);
}
