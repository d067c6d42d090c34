import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startProcess, waitFor } from "./servers";

export type StartUp = { coldMs: number; warmMs: number };

/**
 * `npm run dev` on an embedded PGlite until /sign-in first answers 200. Cold: no PGlite folder (so
 * it is created and migrated) and no dev build cache; warm: the same again with both left in place.
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
  const timeOnce = async () => {
    const started = performance.now();
    const server = startProcess("npm", ["run", "dev"], env);
    const exited = new Promise<never>((_, reject) =>
      server.process.once("exit", (code) =>
        reject(new Error(`npm run dev exited (${code}) before answering`)),
      ),
    );
    try {
      await Promise.race([waitFor(`http://localhost:${port}/sign-in`, { timeoutMs: 300_000 }), exited]);
      return performance.now() - started;
    } finally {
      await server.stop();
    }
  };
  try {
    rmSync(path.join(".next", "dev"), { recursive: true, force: true });
    rmSync(pgliteDir, { recursive: true, force: true });
    const coldMs = await timeOnce();
    const warmMs = await timeOnce();
    return { coldMs, warmMs };
  } finally {
    rmSync(pgliteDir, { recursive: true, force: true });
  }
}

/** Wall time of `npm run test:unit` (unit and integration tests, each file on its own PGlite). */
export function unitSuiteMs(): number {
  const started = performance.now();
  execFileSync("npm", ["run", "test:unit"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: "" } });
  return performance.now() - started;
}
