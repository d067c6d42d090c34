import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { account, user } from "@/lib/db/schema";
import { hasPasswordCondition, passwordHashOf, signInMethodsOf } from "@/lib/sign-in-methods/queries";
import { insertPasskeyRow } from "../helpers/seed-rows";

type Seed = { passkeys?: number; accounts?: { providerId: string; password: string | null }[] };

async function seed({ passkeys = 0, accounts = [] }: Seed) {
  const id = randomUUID();
  await db()
    .insert(user)
    .values({ id, name: "Someone", email: `${id}@sign-in-methods.test` });
  const passkeyIds: string[] = [];
  for (let index = 0; index < passkeys; index++) passkeyIds.push(await insertPasskeyRow(id));
  for (const linked of accounts) {
    await db()
      .insert(account)
      .values({ id: randomUUID(), userId: id, accountId: id, ...linked });
  }
  return { id, passkeyIds };
}

/** The SQL condition, as the admin figures use it: correlated with the users table. */
async function hasPasswordInSql(userId: string): Promise<boolean> {
  const [row] = await db()
    .select({ hasPassword: hasPasswordCondition(user.id).mapWith(Boolean) })
    .from(user)
    .where(eq(user.id, userId));
  return row?.hasPassword ?? false;
}

describe("which ways in an account has", () => {
  it.each([
    ["a password", { accounts: [{ providerId: "credential", password: "hash" }] }, 0, true],
    ["two passkeys", { passkeys: 2 }, 2, false],
    ["both", { passkeys: 1, accounts: [{ providerId: "credential", password: "hash" }] }, 1, true],
    [
      "a password account without a hash",
      { accounts: [{ providerId: "credential", password: null }] },
      0,
      false,
    ],
    ["another provider's account", { accounts: [{ providerId: "github", password: "hash" }] }, 0, false],
  ] satisfies [string, Seed, number, boolean][])("%s", async (_, facts, passkeys, hasPassword) => {
    const { id } = await seed(facts);
    expect(await signInMethodsOf(id)).toEqual({ passkeys, hasPassword });
    expect(await hasPasswordInSql(id)).toBe(hasPassword);
    expect(await passwordHashOf(id)).toBe(hasPassword ? "hash" : null);
  });

  it("counts what would be left without one passkey", async () => {
    const { id, passkeyIds } = await seed({ passkeys: 2 });
    expect(await signInMethodsOf(id, { without: passkeyIds[0] })).toEqual({
      passkeys: 1,
      hasPassword: false,
    });
    expect(await signInMethodsOf(id, { without: "not-a-passkey" })).toEqual({
      passkeys: 2,
      hasPassword: false,
    });
  });
});
