import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer } from "smtp-server";
import { APP_PROXY_ENV } from "./client-address";

export const BENCH_SECRET = "keyhold-bench-secret-that-is-long-enough-0123456789";

export type RunningServer = { process: ChildProcess; stop: () => Promise<void> };

/** The production server's environment: what `next start` insists on, pointed at `databaseUrl`. */
export function appEnv(port: number, databaseUrl: string, smtpPort: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...APP_PROXY_ENV,
    NODE_ENV: "production",
    BETTER_AUTH_SECRET: BENCH_SECRET,
    BETTER_AUTH_URL: `http://localhost:${port}`,
    DATABASE_URL: databaseUrl,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** A child in its own process group, so that stopping it also stops whatever it started. */
export function startProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): RunningServer {
  const child = spawn(command, args, { env, cwd, detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.on("exit", (code) => {
    if (code && code !== 143 && !stopping)
      process.stderr.write(`${command} ${args.join(" ")} exited ${code}\n${stderr}`);
  });
  let stopping = false;
  return {
    process: child,
    async stop() {
      stopping = true;
      const running = () => child.exitCode === null && child.signalCode === null;
      if (!running() || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      signalGroup(child.pid, "SIGTERM");
      await Promise.race([exited, sleep(5000)]);
      if (running()) signalGroup(child.pid, "SIGKILL");
    },
  };
}

/** Signals a process group that may already be gone. */
function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

export function startApp(port: number, databaseUrl: string, smtpPort: number): RunningServer {
  return startProcess(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--port", String(port)],
    appEnv(port, databaseUrl, smtpPort),
  );
}

/** The peer (bench/peer): a minimal Next.js app with Better Auth and its passkey plugin only. */
export const PEER_DIR = "bench/peer";

/** The peer's environment: the same secret and URL conventions as the app's. */
function peerEnv(port: number, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    BETTER_AUTH_SECRET: BENCH_SECRET,
    BETTER_AUTH_URL: `http://localhost:${port}`,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

export function buildPeer(port: number, databaseUrl: string): void {
  // Webpack: Turbopack takes a project's proxy.ts and instrumentation.ts from its root (the
  // repository's, where the peer finds node_modules), which would make the peer run Keyhold's.
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build", "--webpack", PEER_DIR], {
    stdio: ["ignore", "ignore", "inherit"],
    env: peerEnv(port, databaseUrl),
  });
}

export function startPeer(port: number, databaseUrl: string): RunningServer {
  return startProcess(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", PEER_DIR, "--port", String(port)],
    peerEnv(port, databaseUrl),
  );
}

export function startBaseline(port: number, databaseUrl: string): RunningServer {
  return startProcess(process.execPath, ["--import", "tsx", "bench/baseline-server.ts"], {
    ...process.env,
    NODE_ENV: "production",
    BASELINE_PORT: String(port),
    BASELINE_ORIGIN: `http://localhost:${port}`,
    BETTER_AUTH_SECRET: BENCH_SECRET,
    DATABASE_URL: databaseUrl,
  });
}

/** Polls `url` until it answers `status`; the milliseconds it took. */
export async function waitFor(url: string, { status = 200, timeoutMs = 120_000 } = {}): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const answered = await fetch(url, { redirect: "manual" })
      .then((response) => response.status)
      .catch(() => 0);
    if (answered === status) return performance.now() - started;
    await sleep(50);
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs / 1000} s`);
}

/** A process and all its descendants, from /proc: `next start` may run workers of its own. */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(procStat(Number(entry))[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {}
  }
  const tree: number[] = [];
  const pending = [pid];
  while (pending.length) {
    const current = pending.pop() as number;
    tree.push(current);
    pending.push(...(children.get(current) ?? []));
  }
  return tree;
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): state, ppid, … */
function procStat(pid: number): string[] {
  const line = readFileSync(`/proc/${pid}/stat`, "utf8");
  return line.slice(line.lastIndexOf(") ") + 2).split(" ");
}

/** Resident memory of a process and all its descendants, in MiB. */
export function residentMiB(pid: number): number {
  let kib = 0;
  for (const current of processTree(pid)) {
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, "utf8"))?.[1];
      kib += Number(rss ?? 0);
    } catch {}
  }
  return kib / 1024;
}

const CLOCK_TICKS_PER_SECOND =
  Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/**
 * CPU time (user + system) a server process and its descendants have used so far, in seconds: what
 * `process.cpuUsage()` would report inside it, read from outside (/proc/<pid>/stat's utime and stime),
 * so that no server needs a bench-only endpoint.
 */
export function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const current of processTree(pid)) {
    try {
      const fields = procStat(current);
      // utime and stime are the 14th and 15th fields of the line; 12th and 13th after the name.
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** An SMTP server that accepts and drops everything, in case an endpoint under load sends mail. */
export function startMailSink(port: number): { count: () => number; stop: () => Promise<void> } {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The app's mail pool keeps its connections open: close them at once rather than after 30 s.
    closeTimeout: 100,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  server.listen(port, "127.0.0.1");
  return { count: () => received, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
