import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, test } from "@playwright/test";
import { signUpWithPassword, uniqueEmail } from "./fixtures/account";
import { contributions, type SecretForm } from "./fixtures/features";

/** The app's own, then each feature's (e2e/<feature>/contribution.ts). */
const SIGNED_OUT_FORMS: SecretForm[] = [
  {
    path: "/sign-in?next=%2Fsettings%2Faccount",
    form: "Sign in with password",
    fields: { Email: uniqueEmail(), Password: "correct horse battery staple" },
    submit: "Sign in",
  },
  {
    path: "/sign-up",
    form: "Create your account",
    fields: { Name: "Ada Byron-Lovelace", Email: uniqueEmail() },
    submit: "Create account",
  },
  {
    path: "/forgot-password",
    form: "Reset your password",
    fields: { Email: uniqueEmail() },
    submit: "Mail me a link",
  },
  {
    path: "/reset-password",
    form: "Choose a new password",
    fields: { "New password": "a brand new passphrase" },
    submit: "Set new password",
  },
  ...contributions.flatMap((feature) => feature.signedOutForms ?? []),
];

const SIGNED_IN_FORMS: SecretForm[] = [
  {
    path: "/settings/account",
    form: "Change your email",
    fields: { "New email": uniqueEmail() },
    submit: "Change email",
  },
  {
    path: "/settings/account",
    form: "Change your name",
    fields: { Name: "Ada King" },
    submit: "Save name",
  },
  {
    path: "/settings/account",
    form: "Change your password",
    fields: { "Current password": "correct horse battery staple", "New password": "a brand new passphrase" },
    submit: "Change password",
  },
  {
    path: "/settings/security/passkeys",
    form: "Add a passkey",
    fields: { "Passkey name": "Ada's work laptop" },
    submit: "Add a passkey",
  },
];

/** Whether a URL holds the value, however a form would have encoded it into a query string. */
function holds(url: string, value: string): boolean {
  const query = new URLSearchParams({ v: value }).toString().slice(2);
  return url.includes(value) || url.includes(query) || url.includes(encodeURIComponent(value));
}

/**
 * Fills and sends the form as the browser does by itself, then proves that it was a POST, that the
 * person lands on a page that says what happened, and that no URL seen (requests, redirects, the
 * address bar, every history entry) holds any field. Soft checks: one run lists every failure.
 */
async function submitWithoutScripts(context: BrowserContext, { path, form, fields, submit }: SecretForm) {
  const page = await context.newPage();
  await page.goto(path);
  const formElement = page.getByRole("form", { name: form });
  // getByText never looks inside <noscript>, even where the browser shows it.
  const notice = formElement.locator("noscript > *");
  await expect.soft(notice).toBeVisible();
  await expect.soft(notice).toHaveText("This form needs JavaScript, which is turned off in this browser.");
  for (const [label, value] of Object.entries(fields)) {
    await formElement.getByLabel(label, { exact: true }).fill(value);
  }

  const seen: { method: string; url: string; navigation: boolean }[] = [];
  const locations: string[] = [];
  page.on("request", (request) =>
    seen.push({ method: request.method(), url: request.url(), navigation: request.isNavigationRequest() }),
  );
  page.on("response", (response) => locations.push(response.headers().location ?? ""));
  await Promise.all([page.waitForEvent("load"), formElement.getByRole("button", { name: submit }).click()]);

  expect.soft(seen.find((request) => request.navigation)?.method, `${form}: sent with`).toBe("POST");
  await expect.soft(page.getByRole("heading", { name: "This page needs JavaScript" })).toBeVisible();
  await expect.soft(page.getByRole("link", { name: "Go back and try again" })).toHaveAttribute("href", path);

  const urls = [...seen.map((request) => request.url), ...locations, page.url()];
  while (await page.goBack()) urls.push(page.url());
  const leaks = urls.filter((url) => Object.values(fields).some((value) => holds(url, value)));
  expect.soft(leaks, `${form}: URLs holding a field`).toEqual([]);
  await page.close();
}

test("no form sends a secret in a URL: without JavaScript each one posts and lands on a clear page", async ({
  browser,
  page,
}) => {
  const withoutScripts = await browser.newContext({ javaScriptEnabled: false });
  for (const form of SIGNED_OUT_FORMS) await submitWithoutScripts(withoutScripts, form);
  await withoutScripts.close();

  await signUpWithPassword(page);
  const signedInWithoutScripts = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  for (const form of SIGNED_IN_FORMS) await submitWithoutScripts(signedInWithoutScripts, form);
  await signedInWithoutScripts.close();
});

test("the page a form without JavaScript lands on is accessible, and leads back only within the app", async ({
  page,
}) => {
  await page.goto("/needs-javascript?from=%2Fsign-in%3Fnext%3D%252Fsettings");
  await expect(page.getByRole("link", { name: "Go back and try again" })).toHaveAttribute(
    "href",
    "/sign-in?next=%2Fsettings",
  );
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.goto("/needs-javascript?from=https%3A%2F%2Fevil.example%2F");
  await expect(page.getByRole("link", { name: "Go back and try again" })).toHaveAttribute("href", "/");
});
