import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type RunningServer, startProcess } from "./servers";

/**
 * A bare Next.js app (bench/bare-next): one page, no client component of its own, no stylesheet,
 * on the app's Next.js and React. Its Lighthouse scores and its `npm run dev` start are the
 * framework's floor on this machine, measured in the same run as the app's.
 */
export type BareNext = { dir: string; remove: () => void };

const SOURCE = "bench/bare-next";

/**
 * A copy in a folder of its own outside the repository, with the repository's node_modules
 * hard-linked in: Turbopack resolves nothing outside a project's root, and a symbolic link to the
 * repository's node_modules would lead outside it.
 */
export function prepareBareNext(): BareNext {
  const dir = mkdtempSync(path.join(tmpdir(), "keyhold-bench-bare-next-"));
  cpSync(SOURCE, dir, { recursive: true });
  const modules = path.join(dir, "node_modules");
  try {
    execFileSync("cp", ["-al", path.resolve("node_modules"), modules]);
  } catch {
    // Hard links cannot cross file systems: a copy, slower but the same files.
    rmSync(modules, { recursive: true, force: true });
    execFileSync("cp", ["-a", path.resolve("node_modules"), modules]);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const productionEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
});

export function buildBareNext({ dir }: BareNext): void {
  execFileSync("npm", ["run", "build"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: productionEnv(),
  });
}

export function startBareNext({ dir }: BareNext, port: number): RunningServer {
  return startProcess("npm", ["run", "start", "--", "--port", String(port)], productionEnv(), dir);
}
