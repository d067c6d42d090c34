import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { SECRET_CHECK_BUDGET } from "@/lib/auth/surface";
import { db } from "@/lib/db";
import { securityEvent } from "@/lib/db/schema";
import { signUp, TEST_PASSWORD, TestBrowser, uniqueEmail } from "../../helpers/browser";
import type { ApiError } from "../../helpers/passkey-ceremonies";

/** The recovery codes' part of test/integration/auth-surface.test.ts. */

describe("the one budget for secret checks (lib/auth/secret-checks.ts)", () => {
  it("adds up password sign-ins and step-ups on one account, not recovery codes, and logs every failure", async () => {
    const { max } = SECRET_CHECK_BUDGET.perAccount;
    const { browser, user } = await signUp();
    const third = Math.floor(max / 3);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < third; attempt++) {
      statuses.push(
        (await new TestBrowser().post("/sign-in/email", { email: user.email, password: "guess" })).status,
      );
      statuses.push(
        (
          await new TestBrowser().post("/sign-in/recovery-code", {
            email: user.email,
            code: "00000-00000-00000",
          })
        ).status,
      );
    }
    // The recovery codes above spend no per-account budget: `max` password checks are still to come.
    while (statuses.length < max + third)
      statuses.push((await browser.post("/step-up/password", { password: "guess" })).status);

    const withTheRightPassword = await browser.post<ApiError>("/step-up/password", {
      password: TEST_PASSWORD,
    });

    expect(statuses).toEqual(Array(max + third).fill(401));
    expect(withTheRightPassword.status).toBe(429);
    expect(withTheRightPassword.body.code).toBe("TOO_MANY_ATTEMPTS");
    expect(Number(withTheRightPassword.headers.get("retry-after"))).toBeGreaterThan(0);
    const failures = await db()
      .select({ type: securityEvent.type })
      .from(securityEvent)
      .where(eq(securityEvent.userId, user.id));
    const count = (type: string) => failures.filter((event) => event.type === type).length;
    expect([count("sign_in_failed"), count("recovery_code_failed"), count("step_up_failed")]).toEqual([
      third,
      third,
      max - third,
    ]);
  });

  it("adds up checks on many accounts, through every endpoint, from one address", async () => {
    const { max } = SECRET_CHECK_BUDGET.perAddress;
    const attacker = new TestBrowser();
    // Each endpoint up to just under its own per-address limit, each account under its budget.
    const perEndpoint = 9;
    const attempts: (() => Promise<{ status: number }>)[] = [];
    for (let index = 0; index < perEndpoint; index++) {
      attempts.push(() => attacker.post("/sign-in/email", { email: uniqueEmail(), password: "guess" }));
      attempts.push(() => attacker.post("/sign-in/recovery-code", { email: uniqueEmail(), code: "0" }));
    }
    while (attempts.length <= max) {
      const session = signUp().then(({ browser }) => browser.clone(undefined, attacker.ipAddress));
      for (let index = 0; index < perEndpoint; index++) {
        attempts.push(async () => (await session).post("/step-up/password", { password: "guess" }));
      }
    }

    const statuses: number[] = [];
    for (const attempt of attempts.slice(0, max + 1)) statuses.push((await attempt()).status);

    expect(statuses.slice(0, max)).toEqual(Array(max).fill(401));
    expect(statuses[max]).toBe(429);
  });
});
