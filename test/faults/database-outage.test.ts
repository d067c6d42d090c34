import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresCluster } from "../helpers/postgres-cluster";

/**
 * PostgreSQL stops in the middle of a run, with the app's connection pool open: requests get a 503
 * that says so (not a hang, not a stack trace), work in flight is either whole or absent, and once
 * PostgreSQL is back the same process serves again without a restart. A real server is stopped,
 * a PostgreSQL of this test's own (FAULTS_PG_PORT, default 3345); never the shared one.
 */

const binaries = PostgresCluster.binDir();
const port = Number(process.env.FAULTS_PG_PORT ?? 3345);

describe.skipIf(!binaries)("the app while PostgreSQL stops and comes back", () => {
  let cluster: PostgresCluster;
  // Imported after DATABASE_URL points at this test's cluster: the configuration is read once.
  let app: typeof import("../helpers/browser");
  let database: typeof import("@/lib/db");
  let schema: typeof import("@/lib/db/schema");

  beforeAll(async () => {
    cluster = PostgresCluster.create(port);
    cluster.start();
    process.env.DATABASE_URL = cluster.url;
    const { migrateDatabase } = await import("@/lib/db/migrate");
    await migrateDatabase();
    app = await import("../helpers/browser");
    database = await import("@/lib/db");
    schema = await import("@/lib/db/schema");
  });

  afterAll(async () => {
    // Closing waits for the pool's connections, which needs a server to say goodbye to.
    if (cluster && !cluster.running) cluster.start();
    await database?.closeDatabase();
    cluster?.destroy();
  });

  it("answers 503 with Retry-After during the outage, and serves the same session again afterwards", async () => {
    const { browser } = await app.signUp();
    expect((await browser.get<{ user?: unknown }>("/get-session")).body?.user).toBeTruthy();

    cluster.stop();
    const password = "correct horse battery staple";
    const outage: Record<string, () => Promise<{ status: number; headers: Headers; body: unknown }>> = {
      "session read": () => browser.get("/get-session"),
      "password sign-in": () => browser.post("/sign-in/email", { email: app.uniqueEmail(), password }),
      "sign-up": () =>
        new app.TestBrowser().post("/sign-up/email", { name: "A", email: app.uniqueEmail(), password }),
      "passkey options": () => new app.TestBrowser().get("/passkey/generate-authenticate-options"),
      "recovery code": () =>
        new app.TestBrowser().post("/sign-in/recovery-code", {
          email: app.uniqueEmail(),
          code: "aaaaa-bbbbb-ccccc",
        }),
      "signed-in action": () => browser.post("/recovery-codes/generate"),
    };
    const started = performance.now();
    for (const [label, send] of Object.entries(outage)) {
      const response = await send();
      expect(response.status, label).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.body).toEqual({
        code: "SERVICE_UNAVAILABLE",
        message: expect.stringContaining("database"),
      });
    }
    console.log(
      `${Object.keys(outage).length} requests during the outage: all 503 in ${Math.round(performance.now() - started)} ms`,
    );

    cluster.start();
    // Same process, same connection pool object: postgres.js reconnects on the next query.
    expect((await browser.get<{ user?: unknown }>("/get-session")).body?.user).toBeTruthy();
    const again = await new app.TestBrowser().post("/sign-up/email", {
      name: "After",
      email: app.uniqueEmail(),
      password: "correct horse battery staple",
    });
    expect(again.status).toBe(200);
  });

  it("leaves every sign-up caught by the stop whole or absent, never a user without its account", async () => {
    if (!cluster.running) cluster.start();
    const emails = Array.from({ length: 24 }, () => app.uniqueEmail("outage"));
    const attempts = emails.map((email) =>
      new app.TestBrowser().post("/sign-up/email", {
        name: "In flight",
        email,
        password: "correct horse battery staple",
      }),
    );
    // Stop while the sign-ups are in flight (password hashing keeps them busy for a while).
    await new Promise((resolve) => setTimeout(resolve, 50));
    cluster.stop();
    const statuses = (await Promise.all(attempts)).map((response) => response.status);
    cluster.start();

    expect(
      statuses.every((status) => status === 200 || status === 503),
      JSON.stringify(statuses),
    ).toBe(true);
    const { db } = database;
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
});

if (!binaries)
  console.warn(
    "Skipped the PostgreSQL outage tests: no PostgreSQL server binaries under /usr/lib/postgresql.",
  );
