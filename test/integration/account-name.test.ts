import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { user as userTable } from "@/lib/db/schema";
import { signUp, TestBrowser, uniqueEmail } from "../helpers/browser";
import { type ApiError, registrationOptions } from "../helpers/passkey-ceremonies";
import { finishPasskeySignUp, startPasskeySignUp } from "../helpers/passkey-sign-up";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

type Stored = typeof userTable.$inferSelect;

async function stored(userId: string): Promise<Stored> {
  const [row] = await db().select().from(userTable).where(eq(userTable.id, userId));
  return row as Stored;
}

const rename = (browser: TestBrowser, body: unknown) =>
  browser.post<ApiError>("/update-user", undefined, { rawBody: JSON.stringify(body) });

describe("changing one's name", () => {
  it("stores the new name, trimmed, and the session reads it", async () => {
    const { browser, user } = await signUp();

    const answer = await rename(browser, { name: "  Ada King  " });

    expect(answer.status).toBe(200);
    expect((await stored(user.id)).name).toBe("Ada King");
    const session = await browser.get<{ user: { name: string } }>("/get-session");
    expect(session.body.user.name).toBe("Ada King");
  });

  it.each([
    ["an image", { name: "Ada", image: "https://evil.example/me.png" }],
    ["an email", { email: "someone-else@example.test" }],
    ["a confirmed email", { emailVerified: true }],
    ["a role", { role: "admin" }],
    ["a date", { name: "Ada", createdAt: "2000-01-01T00:00:00Z" }],
    ["no object", ["name", "Ada"]],
    ["null", null],
  ])("refuses %s with 400, and changes nothing", async (_, body) => {
    const { browser, user } = await signUp();
    const before = await stored(user.id);

    const answer = await rename(browser, body);

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("NAME_ONLY");
    expect(await stored(user.id)).toEqual(before);
  });

  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["a bidirectional override", "Ada \u202Eevil"],
    ["too long", "A".repeat(101)],
    ["not text", 42],
    ["null", null],
  ])("refuses a name that is %s with 400 INVALID_NAME", async (_, name) => {
    const { browser, user } = await signUp();

    const answer = await rename(browser, { name });

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("INVALID_NAME");
    expect((await stored(user.id)).name).toBe("Test User");
  });

  it("needs a session", async () => {
    expect((await rename(new TestBrowser(), { name: "Ada" })).status).toBe(401);
  });
});

describe("the name in the passkey manager", () => {
  it("is the display name of a new passkey; the email stays its account name", async () => {
    const { browser, user } = await signUp();
    await rename(browser, { name: "Ada King" });

    const options = await registrationOptions(browser);

    expect(options.status).toBe(200);
    expect(options.body.user).toMatchObject({ name: user.email, displayName: "Ada King" });
  });

  it("is the name given at sign-up for the first passkey of a passkey-first sign-up", async () => {
    const email = uniqueEmail();
    const token = await startPasskeySignUp(email);

    const { options } = await finishPasskeySignUp(new TestBrowser(), token, new SoftwareAuthenticator());

    expect(options.body.user).toMatchObject({ name: email, displayName: "Grace Hopper" });
  });
});
