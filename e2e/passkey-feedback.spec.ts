import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/accessibility";
import { addPasskey, declineWayBackIn, passkeyRows, signUpWithPassword } from "./fixtures/account";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill } from "./fixtures/webauthn-calls";

/** The focused element's outline: visible focus is a solid outline, not the `outline-none` of old. */
const focusOutline = (page: Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });

test("adding, renaming and removing a passkey each say so on screen; the new passkey is marked until the next change", async ({
  page,
}) => {
  await disableAutofill(page);
  await signUpWithPassword(page);
  await declineWayBackIn(page);

  await test.step("from the security overview, “Add a passkey” opens the passkeys page ready to add one", async () => {
    await page.goto("/settings/security");
    await expect(page.getByText("None yet")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Add a passkey" }).click();
    await expect(page).toHaveURL(/\/settings\/security\/passkeys\?add=1$/);
    await expect(page.getByLabel("Passkey name", { exact: true })).toBeFocused();
  });

  await test.step("added: a notice, focus on the new row, and a “New” badge", async () => {
    await addPasskey(page, "Laptop");
    const laptop = passkeyRows(page, "Laptop");
    await expect(page.getByText("Passkey “Laptop” added.")).toBeVisible();
    await expect(laptop.getByText("New", { exact: true })).toBeVisible();
    await expect(laptop.locator("[tabindex='-1']")).toBeFocused();
    await expect(laptop.locator("[tabindex='-1']")).toHaveText(/^Laptop\s*New/);
    expect(await focusOutline(page)).toBe("solid 2px");
    await expectNoAxeViolations(page);
  });

  await test.step("renamed: the notice says so, and the row is no longer new", async () => {
    await page.getByRole("button", { name: "Rename Laptop" }).click();
    const field = page.getByRole("textbox", { name: "Passkey name" }).first();
    await field.fill("Work laptop");
    await field.press("Enter");
    await expect(page.getByText("Renamed to “Work laptop”.")).toBeVisible();
    await expect(page.getByText("Passkey “Laptop” added.")).toBeHidden();
    await expect(passkeyRows(page, "Work laptop").getByText("New", { exact: true })).toHaveCount(0);
  });

  await test.step("removed: the notice says so, and focus shows on the list's heading", async () => {
    await page.getByRole("button", { name: "Remove Work laptop" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove passkey" }).click();
    await expect(page.getByText("Passkey “Work laptop” removed.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your passkeys" })).toBeFocused();
    expect(await focusOutline(page)).toBe("solid 2px");
    await expectNoAxeViolations(page);
  });
});

test("no sentence is said twice on the dashboard, the security overview, the passkeys and the sessions pages", async ({
  page,
}) => {
  await disableAutofill(page);
  await signUpWithPassword(page);
  for (const path of [
    "/dashboard",
    "/settings/security",
    "/settings/security/passkeys",
    "/settings/security/sessions",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const sentences = (await page.getByRole("main").innerText())
      .split(/(?<=[.!?])\s+|\n+/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.split(/\s+/).length >= 4);
    const repeated = sentences.filter((sentence, index) => sentences.indexOf(sentence) !== index);
    expect(repeated, path).toEqual([]);
  }
});
