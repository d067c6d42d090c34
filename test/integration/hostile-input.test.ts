import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUp, TEST_PASSWORD, TestBrowser } from "../helpers/browser";
import { refused, snapshotGuardedTables } from "../helpers/database-snapshot";
import type { ApiError } from "../helpers/passkey-ceremonies";

/**
 * Input no person types, but a script sends in one line: strings PostgreSQL cannot store, nulls
 * where text belongs, emails longer than any mail server accepts. Each once answered 500; each must
 * be a 4xx with a code that leaves every guarded table as it was.
 */

const UNSTORABLE = [
  ["a NUL character", "Ada\u0000"],
  ["a lone surrogate", "Ada\ud800"],
] as const;

describe.each(UNSTORABLE)("text with %s", (_label, text) => {
  it("is refused in a body field with 400 INVALID_STRING: a name, a passkey ID, a session ID", async () => {
    const { browser } = await signUp();

    for (const [path, body] of [
      ["/sign-up/password", { token: text, password: TEST_PASSWORD }],
      ["/passkey/update-passkey", { id: text, name: "Laptop" }],
      ["/sessions/revoke", { id: text }],
      ["/sign-up/passkey", { name: text, email: "someone@example.test" }],
      ["/sign-in/email", { email: "someone@example.test", password: text }],
    ] as const) {
      const response = await refused(path.startsWith("/sign-up") ? new TestBrowser() : browser, path, body);
      expect(response.status, path).toBe(400);
      expect(response.body.code, path).toBe("INVALID_STRING");
    }
  });

  it("is refused anywhere in the body, keys and nested values included", async () => {
    const { browser } = await signUp();

    const nested = await refused(browser, "/passkey/update-passkey", {
      id: "none",
      name: "Laptop",
      extra: [{ deep: [text] }],
    });
    const key = await refused(browser, "/passkey/update-passkey", {
      id: "none",
      name: "Laptop",
      [text]: "x",
    });

    expect([nested.status, key.status]).toEqual([400, 400]);
    expect([nested.body.code, key.body.code]).toEqual(["INVALID_STRING", "INVALID_STRING"]);
  });
});

// A lone surrogate cannot come out of percent-decoding (it has no UTF-8 form), but NUL can.
it("refuses a NUL character in the query string with 400 INVALID_STRING", async () => {
  const { browser } = await signUp();
  const before = await snapshotGuardedTables();

  const response = await browser.get<ApiError>("/get-session?disableRefresh=%00");

  expect(response.status).toBe(400);
  expect(response.body.code).toBe("INVALID_STRING");
  expect(await snapshotGuardedTables()).toBe(before);
});

describe("an email of a few thousand characters", () => {
  // Random, so that PostgreSQL cannot compress it below an index's limit as it would "aaaa…".
  const longEmail = `${randomBytes(3_000).toString("base64url")}@example.test`;

  it.each([
    ["/sign-in/email", { email: longEmail, password: TEST_PASSWORD }],
    ["/sign-up/passkey", { name: "Ada", email: longEmail }],
  ])("is refused on %s with 400 INVALID_EMAIL, and changes nothing", async (path, body) => {
    const response = await refused(new TestBrowser(), path, body);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe("INVALID_EMAIL");
  });

  it("is refused as a new address for an account", async () => {
    const { browser } = await signUp();

    const response = await refused(browser, "/email-change/request", { newEmail: longEmail });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe("INVALID_EMAIL");
  });
});
