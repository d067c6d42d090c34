import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { routes } from "@/config/site";
import { addPasskey, submitSignUp } from "../../e2e/fixtures/account";
import { wayBackIn } from "../../e2e/fixtures/features";
import { firstLink, waitForMail } from "../../e2e/fixtures/mailbox";
import { expect, test, VirtualAuthenticator } from "../../e2e/fixtures/virtual-authenticator";

const FOLDER = path.join(process.cwd(), "docs", "screenshots");

/**
 * Each page as most people see it, in dark mode, and on a small phone, where the whole page is
 * captured so that anything too wide or clipped shows.
 */
const VARIANTS = [
  { suffix: "light", colorScheme: "light", viewport: { width: 1024, height: 900 }, fullPage: false },
  { suffix: "dark", colorScheme: "dark", viewport: { width: 1024, height: 900 }, fullPage: false },
  { suffix: "375", colorScheme: "light", viewport: { width: 375, height: 812 }, fullPage: true },
] as const;

/**
 * The page once per variant, into docs/screenshots/<name>-<variant>.png. A page with an address of
 * its own is loaded again at each size, as a phone would load it (the settings tabs scroll the
 * current one into view on load); a step reached by a form is captured as it is.
 */
/** `settled` waits for what the page finishes after it loads (a check that enables a button, say). */
async function capture(
  page: Page,
  name: string,
  { reload = true, settled }: { reload?: boolean; settled?: () => Promise<void> } = {},
): Promise<void> {
  for (const { suffix, colorScheme, viewport, fullPage } of VARIANTS) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme });
    if (reload) await page.reload();
    await settled?.();
    await page.screenshot({
      path: path.join(FOLDER, `${name}-${suffix}.png`),
      fullPage,
      animations: "disabled",
    });
  }
  await page.setViewportSize(VARIANTS[0].viewport);
}

test.use({ reducedMotion: "reduce" });

test("screenshots of the main pages", async ({ page, authenticator }) => {
  mkdirSync(FOLDER, { recursive: true });
  // The authenticator holds no passkey yet, so the sign-in page stays on its form.
  await page.goto("/sign-in");
  await capture(page, "sign-in");
  await page.goto("/sign-up");
  await capture(page, "sign-up");

  // Unique, as every run's server may keep its accounts, and short, as most people's are.
  const email = `ada.${Date.now().toString(36)}@example.com`;
  await submitSignUp(page, email);
  await capture(page, "check-inbox", { reload: false });

  await page.goto(firstLink(await waitForMail(email, /Finish creating/)));
  const createPasskey = page.getByRole("button", { name: "Create my passkey" });
  await capture(page, "finish-sign-up", { settled: () => expect(createPasskey).toBeEnabled() });
  await page.getByRole("button", { name: "Create my passkey" }).click();
  // The step after sign-up, when a feature offers a way back in: the recovery codes.
  if (wayBackIn) {
    await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await capture(page, "recovery-codes", { reload: false });
    await wayBackIn.save(page);
  }

  // One authenticator holds one passkey per account: the second comes from a phone.
  await authenticator.remove();
  await VirtualAuthenticator.attach(page, { synced: true });
  await addPasskey(page, "Phone");
  await page.goto(routes.dashboard);
  await capture(page, "dashboard");
  await page.goto(routes.security);
  await capture(page, "settings");
  await page.goto(routes.passkeys);
  await capture(page, "passkeys");
  await page.goto(routes.sessions);
  await capture(page, "sessions");
  await page.goto(routes.activity);
  await capture(page, "activity");
  await page.goto(routes.account);
  await capture(page, "account");
});
