import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkPersonName } from "@/lib/account/person-name";
import { db } from "@/lib/db";
import { user as userTable } from "@/lib/db/schema";
import { TEST_PASSWORD, TestBrowser, uniqueEmail } from "../helpers/browser";
import { firstLink, latestMailTo, mailTo } from "../helpers/mailbox";
import type { ApiError } from "../helpers/passkey-ceremonies";

/** Names nobody can read, or that read as something else; and values that are not names at all. */
const BAD_NAMES: [string, unknown][] = [
  ["a Hangul filler", "\u3164"],
  ["a braille blank", "\u2800"],
  ["combining marks only", "\u0301\u0308"],
  ["a right-to-left override", "Ada \u202Enimda"],
  ["a newline", "Ada\nAdmin"],
  ["101 characters", "x".repeat(101)],
  ["spaces only", "   "],
  ["null", null],
  ["a number", 42],
];

function usersWithEmail(email: string) {
  return db().select().from(userTable).where(eq(userTable.email, email));
}

describe("a person's name", () => {
  it.each(BAD_NAMES)("with %s is refused by the sign-up, which stores and mails nothing", async (_, name) => {
    const email = uniqueEmail();

    const response = await new TestBrowser().post<ApiError>("/sign-up/passkey", { name, email });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe("INVALID_NAME");
    // The sentence the sign-up form shows for the same name, without asking.
    const check = checkPersonName(name);
    expect(response.body.message).toBe(check.ok ? "" : check.message);
    expect(await usersWithEmail(email)).toHaveLength(0);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it("is stored trimmed, from the sign-up form", async () => {
    const email = uniqueEmail();
    await new TestBrowser().post("/sign-up/passkey", { name: "  Ada Lovelace ", email });
    const token = new URLSearchParams(firstLink(await latestMailTo(email)).hash.slice(1)).get("token");
    await new TestBrowser().post("/sign-up/password", { token, password: TEST_PASSWORD });
    expect((await usersWithEmail(email))[0]?.name).toBe("Ada Lovelace");
  });
});
