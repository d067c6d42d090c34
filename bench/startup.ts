import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { BareNext } from "./bare-next";
import { startProcess, waitFor } from "./servers";

/** The first answer of a page the server has not compiled yet. */
export type FirstVisit = { path: string; status: number; ms: number };
export type StartUpRun = { signInMs: number; firstVisits: FirstVisit[] };
/**
 * `cacheBytes`: the size of Turbopack's persistent cache the warm start found (0 if Turbopack had
 * written none while the cold start's server ran).
 */
export type StartUp = {
  cold: StartUpRun;
  warm: StartUpRun;
  cacheBytes: number;
  bareNext?: BareNextStartUp;
};
export type BareNextStartUp = { coldMs: number; warmMs: number; cacheBytes: number };

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
  const runOnce = () =>
    withDevServer(".", env, async (started, exited) => {
      await Promise.race([waitFor(`${origin}/sign-in`, { timeoutMs: 300_000 }), exited]);
      const signInMs = performance.now() - started;
      const firstVisits: FirstVisit[] = [];
      for (const page of OTHER_PAGES)
        firstVisits.push(await Promise.race([firstVisit(origin, page), exited]));
      return { signInMs, firstVisits, cacheBytes: await turbopackCacheWritten(".") };
    });
  try {
    rmSync(path.join(".next", "dev"), { recursive: true, force: true });
    rmSync(pgliteDir, { recursive: true, force: true });
    const { cacheBytes, ...cold } = await runOnce();
    const { cacheBytes: _, ...warm } = await runOnce();
    return { cold, warm, cacheBytes };
  } finally {
    rmSync(pgliteDir, { recursive: true, force: true });
  }
}

/** The bare Next.js app's `npm run dev` to its page's first 200, cold then warm, on `port`. */
export async function bareNextDevStartUp(bare: BareNext, port: number): Promise<BareNextStartUp> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const runOnce = () =>
    withDevServer(bare.dir, env, async (started, exited) => {
      await Promise.race([waitFor(`http://localhost:${port}/`, { timeoutMs: 300_000 }), exited]);
      return { ms: performance.now() - started, cacheBytes: await turbopackCacheWritten(bare.dir) };
    });
  rmSync(path.join(bare.dir, ".next", "dev"), { recursive: true, force: true });
  const cold = await runOnce();
  const warm = await runOnce();
  return { coldMs: cold.ms, warmMs: warm.ms, cacheBytes: cold.cacheBytes };
}

/** `npm run dev` in `dir` for as long as `visit` takes. */
async function withDevServer<T>(
  dir: string,
  env: NodeJS.ProcessEnv,
  visit: (started: number, exited: Promise<never>) => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const server = startProcess("npm", ["run", "dev"], env, dir);
  const exited = new Promise<never>((_, reject) =>
    server.process.once("exit", (code) => reject(new Error(`npm run dev exited (${code}) before answering`))),
  );
  try {
    return await visit(started, exited);
  } finally {
    await server.stop();
  }
}

/**
 * The bytes of the persistent cache of the dev server running in `projectDir`, once they hold data
 * and have not changed for a few seconds; 0 if there are none after two minutes. Turbopack writes
 * the cache only when it has been idle for a while, never on the way out, and in this bench's runs
 * it sometimes wrote none, or only part of it: the report gives the size the warm start found.
 */
async function turbopackCacheWritten(projectDir: string): Promise<number> {
  const cacheDir = path.join(projectDir, ".next", "dev", "cache", "turbopack");
  const STILL_MS = 3000;
  let last = -1;
  let stillSince = performance.now();
  for (const deadline = performance.now() + 120_000; performance.now() < deadline; await sleep(250)) {
    const bytes = folderBytes(cacheDir);
    if (bytes !== last) {
      last = bytes;
      stillSince = performance.now();
    } else if (bytes > 0 && performance.now() - stillSince >= STILL_MS) {
      return bytes;
    }
  }
  return 0;
}

/** The bytes of the data files under `dir` (Turbopack's .sst and .meta), 0 if there are none. */
function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.(sst|meta)$/.test(name))
    .reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
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
