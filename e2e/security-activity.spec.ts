import { expect, test } from "./fixtures/virtual-authenticator";

/** The sentence of each entry on the activity page, top to bottom. */
test("the development outbox does not exist in production", async ({ page }) => {
  const response = await page.goto("/dev/outbox");
  expect(response?.status()).toBe(404);
});
