import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startProcess, waitFor } from "./servers";

/** The first answer of a page the server has not compiled yet. */
export type FirstVisit = { path: string; status: number; ms: number };
export type StartUpRun = { signInMs: number; firstVisits: FirstVisit[] };
export type StartUp = { cold: StartUpRun; warm: StartUpRun };

/**
 * The other main pages, each visited once after /sign-in. The signed-in ones are asked for with a
 * session cookie that names no session: proxy.ts lets it through, so the page is compiled and
 * rendered, and its session check (lib/session.ts) answers with the trip to /sign-in.
 */
const OTHER_PAGES = [
  "/sign-up",
  "/sign-up/passkey",
  "/dashboard",
  "/settings",
  "/settings/security/passkeys",
  "/settings/security/sessions",
  "/settings/security/activity",
  "/settings/account",
];
const STALE_SESSION_COOKIE = "better-auth.session_token=bench-no-such-session";

/**
 * `npm run dev` on an embedded PGlite until /sign-in first answers 200, then the first visit of
 * each other main page. Cold: no PGlite folder (so it is created and migrated) and no dev build
 * cache; warm: the same again with both left in place.
 */
export async function devStartUp(port: number): Promise<StartUp> {
  const pgliteDir = mkdtempSync(path.join(tmpdir(), "keyhold-bench-pglite-"));
  // What a developer has after cloning: no database server, no public URL, no secret.
  const { DATABASE_URL, BETTER_AUTH_URL, BETTER_AUTH_SECRET, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: "development",
    PORT: String(port),
    PGLITE_DIR: pgliteDir,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const origin = `http://localhost:${port}`;
  const runOnce = async (): Promise<StartUpRun> => {
    const started = performance.now();
    const server = startProcess("npm", ["run", "dev"], env);
    const exited = new Promise<never>((_, reject) =>
      server.process.once("exit", (code) =>
        reject(new Error(`npm run dev exited (${code}) before answering`)),
      ),
    );
    try {
      await Promise.race([waitFor(`${origin}/sign-in`, { timeoutMs: 300_000 }), exited]);
      const signInMs = performance.now() - started;
      const firstVisits: FirstVisit[] = [];
      for (const page of OTHER_PAGES)
        firstVisits.push(await Promise.race([firstVisit(origin, page), exited]));
      return { signInMs, firstVisits };
    } finally {
      await server.stop();
    }
  };
  try {
    rmSync(path.join(".next", "dev"), { recursive: true, force: true });
    rmSync(pgliteDir, { recursive: true, force: true });
    const cold = await runOnce();
    const warm = await runOnce();
    return { cold, warm };
  } finally {
    rmSync(pgliteDir, { recursive: true, force: true });
  }
}

async function firstVisit(origin: string, page: string): Promise<FirstVisit> {
  const started = performance.now();
  const response = await fetch(`${origin}${page}`, {
    headers: { cookie: STALE_SESSION_COOKIE },
    redirect: "manual",
    signal: AbortSignal.timeout(300_000),
  });
  await response.arrayBuffer();
  return { path: page, status: response.status, ms: performance.now() - started };
}

/** Wall time of `npm run test:unit` (unit and integration tests, each file on its own PGlite). */
export function unitSuiteMs(): number {
  const started = performance.now();
  execFileSync("npm", ["run", "test:unit"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: "" } });
  return performance.now() - started;
}
