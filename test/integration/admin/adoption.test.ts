import { randomUUID } from "node:crypto";
import { like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accountsWithoutRecovery, passkeyAdoption, signInsByDay } from "@/lib/admin/adoption";
import { db } from "@/lib/db";
import { account, recoveryCode, securityEvent, session, user } from "@/lib/db/schema";
import { insertPasskeyRow } from "../../helpers/seed-rows";

// A moment far from the real clock, so that only this file's rows fall in its windows, even on a
// PostgreSQL shared with other test files.
const NOW = new Date("2100-03-15T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY - hours * 3600_000);
const at = (iso: string) => new Date(iso);

type Kind = "synced" | "device-bound";
type Seed = {
  passkeys?: Kind[];
  password?: boolean;
  recoveryCodes?: { unused: number; used: number };
  /** When each of the user's sessions was last used. */
  sessions?: Date[];
  signIns?: { method: string; at: Date }[];
};

const seeded = new Map<string, string>();

async function seed(label: string, facts: Seed) {
  const id = randomUUID();
  const email = `${label}-${id}@adoption.test`;
  seeded.set(id, label);
  await db()
    .insert(user)
    .values({
      id,
      name: label,
      email,
      createdAt: new Date(at("2100-01-01T00:00:00Z").getTime() + seeded.size * DAY),
    });
  for (const kind of facts.passkeys ?? []) {
    await insertPasskeyRow(id, { synced: kind === "synced", createdAt: at("2100-01-02T00:00:00Z") });
  }
  if (facts.password) {
    await db()
      .insert(account)
      .values({ id: randomUUID(), userId: id, accountId: id, providerId: "credential", password: "hash" });
  }
  const codes = facts.recoveryCodes ?? { unused: 0, used: 0 };
  for (let index = 0; index < codes.unused + codes.used; index++) {
    await db()
      .insert(recoveryCode)
      .values({
        id: randomUUID(),
        userId: id,
        codeHash: randomUUID(),
        usedAt: index < codes.used ? ago(50) : null,
      });
  }
  for (const usedAt of facts.sessions ?? []) {
    await db()
      .insert(session)
      .values({
        id: randomUUID(),
        userId: id,
        token: randomUUID(),
        expiresAt: new Date(usedAt.getTime() + 7 * DAY),
        createdAt: usedAt,
        updatedAt: usedAt,
      });
  }
  for (const signIn of facts.signIns ?? []) await logSignIn(id, signIn.method, signIn.at);
  return id;
}

/**
 * A sign-in event as lib/security-log/events.ts writes it, at a moment of the test's choosing:
 * recordSecurityEvent stamps the real time, and these sign-ins happened in the seeded past.
 */
function logSignIn(userId: string | null, method: string, createdAt: Date, type = "sign_in") {
  return db()
    .insert(securityEvent)
    .values({ id: randomUUID(), userId, type, details: { method }, createdAt });
}

beforeAll(async () => {
  // A PostgreSQL kept between runs still holds the last run's seed; its events go with its users.
  await db().delete(user).where(like(user.email, "%@adoption.test"));
  await seed("synced-only", {
    passkeys: ["synced"],
    signIns: [{ method: "passkey", at: ago(2) }],
  });
  await seed("both-kinds", {
    passkeys: ["device-bound", "synced"],
    sessions: [ago(10)],
  });
  await seed("device-bound-with-codes", {
    passkeys: ["device-bound"],
    recoveryCodes: { unused: 10, used: 0 },
    signIns: [{ method: "passkey", at: at("2100-02-14T00:00:00Z") }],
  });
  await seed("password-only", {
    password: true,
    sessions: [ago(40), ago(0, 1)],
    signIns: [
      { method: "password", at: at("2100-03-15T01:00:00Z") },
      { method: "password", at: at("2100-03-14T23:30:00Z") },
    ],
  });
  await seed("inactive-two-passkeys", {
    passkeys: ["synced", "synced"],
    sessions: [ago(40)],
    signIns: [{ method: "passkey", at: ago(31) }],
  });
  await seed("recovered-codes-spent", {
    passkeys: ["device-bound"],
    recoveryCodes: { unused: 0, used: 10 },
    signIns: [
      { method: "recovery_code", at: at("2100-03-10T23:59:59Z") },
      // Signed in after the moment the figures are for: not counted.
      { method: "passkey", at: new Date(NOW.getTime() + 3600_000) },
    ],
  });
  await seed("password-and-passkey", { passkeys: ["synced"], password: true });
  const failing = await seed("failed-only", { passkeys: ["synced"] });
  await logSignIn(failing, "passkey", ago(1), "sign_in_failed");
});

describe("passkey adoption among active users", () => {
  it("counts users active in the last 30 days by sign-in or session, split by the kind of passkeys they have", async () => {
    expect(await passkeyAdoption(NOW)).toEqual({
      activeUsers: 5,
      withPasskey: 4,
      syncedOnly: 1,
      deviceBoundOnly: 2,
      both: 1,
    });
  });
});

describe("sign-ins by method per day", () => {
  it("covers the 30 UTC days that end today, with the days without sign-ins", async () => {
    const days = await signInsByDay(NOW);

    expect(days).toHaveLength(30);
    expect(days[0]?.day).toBe("2100-02-14");
    expect(days.at(-1)?.day).toBe("2100-03-15");
    expect(days.filter((day) => day.passkey + day.password + day.recovery_code > 0)).toEqual([
      { day: "2100-02-14", passkey: 1, password: 0, recovery_code: 0 },
      { day: "2100-03-10", passkey: 0, password: 0, recovery_code: 1 },
      { day: "2100-03-13", passkey: 1, password: 0, recovery_code: 0 },
      { day: "2100-03-14", passkey: 0, password: 1, recovery_code: 0 },
      { day: "2100-03-15", passkey: 0, password: 1, recovery_code: 0 },
    ]);
  });
});

describe("accounts with no recovery path", () => {
  it("lists accounts with no unused recovery code and at most one way to sign in, newest first", async () => {
    const { total, accounts } = await accountsWithoutRecovery({ now: NOW, limit: 1000 });
    const ours = accounts.filter((found) => seeded.has(found.id));

    expect(ours.map((found) => [seeded.get(found.id), found.passkeys, found.hasPassword])).toEqual([
      ["failed-only", 1, false],
      ["recovered-codes-spent", 1, false],
      ["password-only", 0, true],
      ["synced-only", 1, false],
    ]);
    expect(ours.at(-1)?.createdAt).toEqual(at("2100-01-02T00:00:00Z"));
    expect(total).toBe(accounts.length);
  });

  it("counts them all when it lists only some", async () => {
    const all = await accountsWithoutRecovery({ now: NOW, limit: 1000 });
    const some = await accountsWithoutRecovery({ now: NOW, limit: 2 });

    expect(some.accounts).toHaveLength(2);
    expect(some.total).toBe(all.total);
    expect(some.accounts).toEqual(all.accounts.slice(0, 2));
  });
});
