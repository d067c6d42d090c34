import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { PoolClient } from "pg";
import { describe, expect, it } from "vitest";
import * as schema from "@/lib/db/schema";
import { PostgresCluster, useOwnPostgres } from "../helpers/postgres-cluster";

/**
 * PostgreSQL stops while requests are writing: each sign-up is whole or absent, never a user
 * without its account, and the process stays up. A PostgreSQL of this test's own (FAULTS_PG_PORT + 1,
 * default 3346).
 *
 * The process crash is what this file was written for: postgres.js 3.4.9 threw an uncatchable
 * TypeError ("Cannot read properties of null (reading 'write')", from nextWrite) when a connection
 * died with a write queued (porsager/postgres#1154, #1208), which is why the app uses node-postgres.
 * There, a dying connection emits "error", which crashes a process that does not listen for it.
 */

const binaries = PostgresCluster.binDir();
const port = Number(process.env.FAULTS_PG_PORT ?? 3345) + 1;

describe.skipIf(!binaries)("writes in flight when PostgreSQL stops", () => {
  const own = useOwnPostgres(port);

  it("leaves every sign-up caught by the stop whole or absent, never a user without its account", async () => {
    const emails = Array.from({ length: 24 }, () => own.app.uniqueEmail("outage"));
    const tokens = await Promise.all(emails.map((email) => own.app.startSignUp(email)));
    const attempts = tokens.map((token) =>
      new own.app.TestBrowser().post("/sign-up/password", {
        token,
        password: "correct horse battery staple",
      }),
    );
    // Stop while the sign-ups are in flight (password hashing keeps them busy for a while).
    await new Promise((resolve) => setTimeout(resolve, 50));
    await own.cluster.stop();
    const statuses = (await Promise.all(attempts)).map((response) => response.status);
    own.cluster.start();

    expect(
      statuses.every((status) => status === 200 || status === 503),
      JSON.stringify(statuses),
    ).toBe(true);
    const { db } = own.database;
    let whole = 0;
    for (const email of emails) {
      const [user] = await db().select().from(schema.user).where(eq(schema.user.email, email));
      const accounts = user
        ? await db().select().from(schema.account).where(eq(schema.account.userId, user.id))
        : [];
      expect(accounts.length, `${email}: user without its account`).toBe(user ? 1 : 0);
      if (user) whole += 1;
    }
    console.log(
      `Sign-ups in flight at the stop: ${statuses.filter((status) => status === 200).length} answered 200, ${statuses.filter((status) => status === 503).length} answered 503; ${whole} whole, ${emails.length - whole} absent, 0 half-written`,
    );
  });

  it("stays up when PostgreSQL stops under an open transaction and beside an idle connection", async () => {
    const open = own.database.connection();
    if (open.kind !== "postgres") throw new Error("This test needs the PostgreSQL pool");
    const pool = open.client;
    const { db } = own.database;
    // Two connections at once, so that one stays idle in the pool while the transaction holds the other.
    await Promise.all([db().execute(sql`select 1`), db().execute(sql`select 1`)]);
    expect(pool.idleCount).toBeGreaterThanOrEqual(2);

    const held = new Promise<PoolClient>((resolve) => pool.once("acquire", resolve));
    let written!: () => void;
    const inserted = new Promise<void>((resolve) => {
      written = resolve;
    });
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const email = own.app.uniqueEmail("held");
    const transaction = db().transaction(async (tx) => {
      await tx.insert(schema.user).values({ id: randomUUID(), name: "Held", email });
      written();
      // Between two statements: no query is running to receive the error, the connection emits it.
      await paused;
      await tx
        .insert(schema.user)
        .values({ id: randomUUID(), name: "Held", email: own.app.uniqueEmail("held") });
    });
    const client = await held;
    await inserted;

    const idleDropped = new Promise((resolve) => pool.once("remove", resolve));
    const heldClosed = new Promise((resolve) => client.once("end", resolve));
    await own.cluster.stop();
    await Promise.all([idleDropped, heldClosed]);
    resume();
    await expect(transaction).rejects.toThrow();

    own.cluster.start();
    expect(await db().select().from(schema.user).where(eq(schema.user.email, email))).toEqual([]);
  });
});

if (!binaries)
  console.warn("Skipped the in-flight write tests: no PostgreSQL server binaries under /usr/lib/postgresql.");
