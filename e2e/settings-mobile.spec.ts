import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { signUpWithPassword } from "./fixtures/account";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill } from "./fixtures/webauthn-calls";

const settingsNav = (page: Page) => page.getByRole("navigation", { name: "Settings" });

/** How far the focus outline (2px, offset 2px) of `link` reaches past the box of the nav that scrolls it. */
async function outlineOverflow(nav: Locator, link: Locator): Promise<number> {
  return link.evaluate(
    (element, navElement) => {
      const outer = navElement.getBoundingClientRect();
      const inner = element.getBoundingClientRect();
      const reach = 4;
      return Math.max(
        0,
        outer.left - (inner.left - reach),
        inner.right + reach - outer.right,
        outer.top - (inner.top - reach),
        inner.bottom + reach - outer.bottom,
      );
    },
    await nav.elementHandle(),
  );
}

const mask = (nav: Locator) => nav.evaluate((element) => getComputedStyle(element).maskImage);
// As the browser computes them: `transparent` reads back as rgba(0, 0, 0, 0), `black` as rgb(0, 0, 0).
const TRANSPARENT = "rgba\\(0, 0, 0, 0\\)";

test.use({ viewport: { width: 375, height: 800 } });

test("at 375 px the settings tabs show that they scroll, and keyboard focus is never clipped", async ({
  page,
}) => {
  await disableAutofill(page);
  await signUpWithPassword(page);
  await page.goto("/settings/security");
  const nav = settingsNav(page);

  await test.step("the row is wider than the screen, and its hidden end fades out", async () => {
    const { scrollWidth, clientWidth } = await nav.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await expect
      .poll(() => mask(nav))
      .toMatch(new RegExp(`^linear-gradient\\(to right, rgb\\(0, 0, 0\\), .*${TRANSPARENT}\\)$`));
  });

  await test.step("each tab, reached with Tab, shows its whole focus outline", async () => {
    const links = nav.getByRole("link");
    await page.getByRole("heading", { name: "Security", level: 1 }).click();
    await links.first().focus();
    for (let index = 0; index < (await links.count()); index++) {
      const link = links.nth(index);
      if (index > 0) await page.keyboard.press("Tab");
      await expect(link).toBeFocused();
      await expect.poll(() => outlineOverflow(nav, link)).toBe(0);
    }
    await expect.poll(() => mask(nav)).toMatch(new RegExp(`^linear-gradient\\(to right, ${TRANSPARENT}`));
  });

  await test.step("a page far along the row scrolls its tab into view", async () => {
    await page.goto("/settings/security/activity");
    const current = nav.getByRole("link", { name: "Activity" });
    await expect(current).toHaveAttribute("aria-current", "page");
    await expect.poll(() => outlineOverflow(nav, current)).toBe(0);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  }
});
