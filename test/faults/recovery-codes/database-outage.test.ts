import { describe, expect, it } from "vitest";
import { PostgresCluster, useOwnPostgres } from "../../helpers/postgres-cluster";

/**
 * PostgreSQL stops in the middle of a run, with the app's connection pool open: requests get a 503
 * that says so (not a hang, not a stack trace), and once PostgreSQL is back the same process serves
 * again without a restart (in-flight-writes.test.ts stops it under running requests). A real server is stopped,
 * a PostgreSQL of this test's own (FAULTS_PG_PORT, default 3345); never the shared one.
 */

const binaries = PostgresCluster.binDir();
const port = Number(process.env.FAULTS_PG_PORT ?? 3345);

describe.skipIf(!binaries)("the app while PostgreSQL stops and comes back", () => {
  const own = useOwnPostgres(port);

  it("answers 503 with Retry-After during the outage, and serves the same session again afterwards", async () => {
    const { browser } = await own.app.signUp();
    expect((await browser.get<{ user?: unknown }>("/get-session")).body?.user).toBeTruthy();

    await own.cluster.stop();
    const password = "correct horse battery staple";
    const outage: Record<string, () => Promise<{ status: number; headers: Headers; body: unknown }>> = {
      "session read": () => browser.get("/get-session"),
      "password sign-in": () => browser.post("/sign-in/email", { email: own.app.uniqueEmail(), password }),
      "sign-up": () =>
        new own.app.TestBrowser().post("/sign-up/passkey", { name: "A", email: own.app.uniqueEmail() }),
      "passkey options": () => new own.app.TestBrowser().get("/passkey/generate-authenticate-options"),
      "recovery code": () =>
        new own.app.TestBrowser().post("/sign-in/recovery-code", {
          email: own.app.uniqueEmail(),
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

    own.cluster.start();
    // Same process, same pool: node-postgres opens new connections for the next queries.
    expect((await browser.get<{ user?: unknown }>("/get-session")).body?.user).toBeTruthy();
    const again = await new own.app.TestBrowser().post("/sign-up/passkey", {
      name: "After",
      email: own.app.uniqueEmail(),
    });
    expect(again.status).toBe(200);
  });
});

if (!binaries)
  console.warn(
    "Skipped the PostgreSQL outage tests: no PostgreSQL server binaries under /usr/lib/postgresql.",
  );
