import { expect } from "vitest";
import type { TestBrowser } from "../../helpers/browser";

/** Gives a signed-in account, recently verified, the recovery codes' way back in: a set of codes. */
export async function giveWayBackIn(browser: TestBrowser): Promise<void> {
  expect((await browser.post("/recovery-codes/generate")).status).toBe(200);
}
