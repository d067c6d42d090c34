import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresCluster } from "../helpers/postgres-cluster";

/**
 * PostgreSQL stops in the middle of a run, with the app's connection pool open: requests get a 503
 * that says so (not a hang, not a stack trace), and once PostgreSQL is back the same process serves
 * again without a restart (in-flight-writes.test.ts stops it under running requests). A real server is stopped,
 * a PostgreSQL of this test's own (FAULTS_PG_PORT, default 3345); never the shared one.
 */

const binaries = PostgresCluster.binDir();
const port = Number(process.env.FAULTS_PG_PORT ?? 3345);

describe.skipIf(!binaries)("the app while PostgreSQL stops and comes back", () => {
  let cluster: PostgresCluster;
  // Imported after DATABASE_URL points at this test's cluster: the configuration is read once.
  let app: typeof import("../helpers/browser");
  let database: typeof import("@/lib/db");

  beforeAll(async () => {
    cluster = PostgresCluster.create(port);
    cluster.start();
    process.env.DATABASE_URL = cluster.url;
    const { migrateDatabase } = await import("@/lib/db/migrate");
    await migrateDatabase();
    app = await import("../helpers/browser");
    database = await import("@/lib/db");
  });

  afterAll(async () => {
    // Closing waits for the pool's connections, which needs a server to say goodbye to.
    if (cluster && !cluster.running) cluster.start();
    try {
      await database?.closeDatabase();
    } finally {
      await cluster?.destroy();
    }
  });

  it("answers 503 with Retry-After during the outage, and serves the same session again afterwards", async () => {
    const { browser } = await app.signUp();
    expect((await browser.get<{ user?: unknown }>("/get-session")).body?.user).toBeTruthy();

    await cluster.stop();
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
    // Same process, same pool: node-postgres opens new connections for the next queries.
    expect((await browser.get<{ user?: unknown }>("/get-session")).body?.user).toBeTruthy();
    const again = await new app.TestBrowser().post("/sign-up/email", {
      name: "After",
      email: app.uniqueEmail(),
      password: "correct horse battery staple",
    });
    expect(again.status).toBe(200);
  });
});

if (!binaries)
  console.warn(
    "Skipped the PostgreSQL outage tests: no PostgreSQL server binaries under /usr/lib/postgresql.",
  );
