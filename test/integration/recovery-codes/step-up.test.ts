import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { session } from "@/lib/db/schema";
import { signUp } from "../../helpers/browser";
import { type ApiError, sessionCount } from "../../helpers/passkey-ceremonies";
import { verifiedMinutesAgo } from "../../helpers/rows";

/** The recovery codes' part of test/integration/step-up.test.ts. */

const PASSWORD = "correct horse battery staple";

describe("stepping up with the password", () => {
  it("stamps the current session when the password is right, and only then", async () => {
    const { browser, user } = await signUp();
    await verifiedMinutesAgo(user.id, null);
    const before = await sessionCount(user.id);

    const wrong = await browser.post<ApiError>("/step-up/password", { password: "not my password" });
    const [afterWrong] = await db().select().from(session).where(eq(session.userId, user.id));
    const right = await browser.post("/step-up/password", { password: PASSWORD });

    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe("STEP_UP_PASSWORD_INCORRECT");
    expect(afterWrong?.stepUpAt).toBeNull();
    expect(right.status).toBe(200);
    expect(await sessionCount(user.id)).toBe(before);
    expect((await browser.post("/recovery-codes/generate")).status).toBe(200);
  });
});
