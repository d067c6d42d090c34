import { expect, type Locator, type Page, test } from "@playwright/test";

/** Tabs to `target` as a keyboard user does, and returns the focus outline it then shows. */
async function outlineOnKeyboardFocus(page: Page, target: Locator): Promise<string> {
  for (let step = 0; step < 30; step++) {
    if (await target.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
  return target.evaluate(async (element) => {
    // Buttons fade their colours in (transition-colors): read the outline once it has settled.
    await Promise.all(element.getAnimations().map((animation) => animation.finished));
    const style = getComputedStyle(element);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.outlineOffset].join(" ");
  });
}

test("a link that looks like a button shows the button's focus outline", async ({ page }) => {
  await page.goto("/sign-in");
  const button = await outlineOnKeyboardFocus(
    page,
    page.getByRole("button", { name: "Sign in", exact: true }),
  );
  expect(button).toMatch(/^solid 2px /);

  await page.goto("/");
  for (const name of ["Create an account", "Sign in"]) {
    expect(await outlineOnKeyboardFocus(page, page.getByRole("link", { name, exact: true }))).toBe(button);
  }
});
