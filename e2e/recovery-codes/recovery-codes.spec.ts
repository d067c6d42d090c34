import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import {
  addPasskey,
  passkeyRows,
  signOut,
  signUpWithPasskey,
  signUpWithPassword,
  startPasswordSignUp,
  uniqueEmail,
} from "../fixtures/account";
import { expect, test, VirtualAuthenticator } from "../fixtures/virtual-authenticator";
import { disableAutofill } from "../fixtures/webauthn-calls";
import { RECOVERY_CODES_STEP, saveRecoveryCodes } from "./contribution";

const CODE_FORMAT = /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/;

test("lose every passkey, get back in with a recovery code, add a new passkey; the code is spent", async ({
  page,
  authenticator,
}) => {
  await disableAutofill(page);
  const email = await signUpWithPassword(page);

  const codes =
    await test.step("adding a first passkey leads straight to the recovery codes step, then back", async () => {
      const form = page.getByRole("form", { name: "Add a passkey" });
      await form.getByLabel("Passkey name").fill("Phone");
      await form.getByRole("button", { name: "Add a passkey" }).click();
      await expect(page).toHaveURL(RECOVERY_CODES_STEP);
      await expect(page.getByRole("heading", { level: 1, name: "Save your recovery codes" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Your new recovery codes" })).toBeFocused();
      await expect(page.getByRole("button", { name: "Done" })).toBeDisabled();
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      const codes = await saveRecoveryCodes(page);
      expect(codes).toHaveLength(10);
      for (const code of codes) expect(code).toMatch(CODE_FORMAT);
      await expect(page).toHaveURL(/\/settings\/security\/passkeys$/);
      await expect(passkeyRows(page, "Phone")).toBeVisible();
      await page.goto("/settings/security/recovery-codes");
      await expect(page.getByText("10 of 10 codes left")).toBeVisible();
      return codes;
    });

  await test.step("the device is lost", async () => {
    await signOut(page);
    await authenticator.remove();
  });

  await test.step("sign in with a recovery code instead", async () => {
    await page.getByRole("link", { name: "Lost your passkey?" }).click();
    await expect(page).toHaveURL(/\/sign-in\/recover$/);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Recovery code", { exact: true }).fill((codes[0] as string).toUpperCase());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/security\/passkeys\?recovered=1$/);
    await expect(page.getByText("You're back in. Add a new passkey now")).toBeVisible();
    await expect(page.getByText("You have 9 recovery codes left")).toBeVisible();
  });

  await test.step("add a passkey on the new device", async () => {
    await VirtualAuthenticator.attach(page);
    expect(await addPasskey(page, "New phone")).toBeNull();
    await expect(passkeyRows(page)).toHaveCount(2);
  });

  await test.step("the spent code no longer works; another one still does", async () => {
    await signOut(page);
    await page.goto("/sign-in/recover");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Recovery code", { exact: true }).fill(codes[0] as string);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and recovery code don't match an unused code.")).toBeVisible();
    await page.getByLabel("Recovery code", { exact: true }).fill(codes[1] as string);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("You have 8 recovery codes left")).toBeVisible();
  });
});

/** Holds back the answer that makes the codes, so that a test can look at the page meanwhile. */
async function holdCodeGeneration(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/auth/recovery-codes/generate", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

async function expectNoAxeViolations(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("after a passkey sign-up, the codes are a step of their own: made on arrival, nothing to wander off to", async ({
  page,
}) => {
  const release = await holdCodeGeneration(page);
  await signUpWithPasskey(page);

  await expect(
    page.getByRole("heading", { level: 1, name: "Your account is ready — save these codes" }),
  ).toBeVisible();
  await expect(page.getByText("Making your codes…")).toBeVisible();
  await expect(page.getByText("You have no recovery codes")).toHaveCount(0);
  release();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await expect(page.getByText("Making your codes…")).toHaveCount(0);

  // Neither the header's menu nor the settings tabs: the only ways on are the step's own.
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("link")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 375, height: 812 });
  await expectNoAxeViolations(page);

  await saveRecoveryCodes(page);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("after a password sign-up, the step warns before the tab leaves and asks before a skip, then goes on", async ({
  page,
}) => {
  await disableAutofill(page);
  const email = uniqueEmail();
  await startPasswordSignUp(page, email);
  await expect(
    page.getByRole("heading", { level: 1, name: "Your account is ready — save these codes" }),
  ).toBeVisible();
  const codes = page.getByRole("list", { name: "Recovery codes" });
  await expect(codes.getByRole("listitem")).toHaveCount(10);

  await test.step("leaving the page before saying the codes are saved makes the browser ask", async () => {
    // Browsers ask only on a page the user has interacted with.
    await codes.click();
    const asked = new Promise<string>((resolve) => {
      page.once("dialog", async (dialog) => {
        resolve(dialog.type());
        await dialog.dismiss();
      });
    });
    await page.evaluate(() => {
      window.location.href = "/dashboard";
    });
    expect(await asked).toBe("beforeunload");
    await expect(page).toHaveURL(RECOVERY_CODES_STEP);
    await expect(codes.getByRole("listitem")).toHaveCount(10);
  });

  await test.step("skipping asks first and says what it risks; going back keeps the codes", async () => {
    await page.getByRole("button", { name: "Skip for now" }).click();
    const confirm = page.getByRole("dialog", { name: "Skip your recovery codes?" });
    await expect(confirm).toContainText("can mean losing your account for good");
    await expect(confirm.getByRole("button", { name: "Back to my codes" })).toBeFocused();
    await expectNoAxeViolations(page);
    await confirm.getByRole("button", { name: "Back to my codes" }).click();
    await expect(confirm).toBeHidden();
    await expect(codes.getByRole("listitem")).toHaveCount(10);
  });

  await test.step("a confirmed skip removes the codes and goes on to the passkey invitation", async () => {
    await page.getByRole("button", { name: "Skip for now" }).click();
    await page
      .getByRole("dialog", { name: "Skip your recovery codes?" })
      .getByRole("button", { name: "Skip without codes" })
      .click();
    await expect(page).toHaveURL(/\/settings\/security\/passkeys\?welcome=1$/);
    await page.goto("/settings/security/recovery-codes");
    await expect(page.getByText("You have no recovery codes.")).toBeVisible();
  });

  await test.step("the settings page makes codes later without saying there are none meanwhile", async () => {
    const release = await holdCodeGeneration(page);
    await page.getByRole("button", { name: "Generate recovery codes" }).click();
    await expect(page.getByText("Making your codes…")).toBeVisible();
    await expect(page.getByText("You have no recovery codes")).toHaveCount(0);
    release();
    expect(await saveRecoveryCodes(page)).toHaveLength(10);
    await expect(page.getByText("10 of 10 codes left")).toBeVisible();
  });
});
