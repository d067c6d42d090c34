/**
 * `npm run bench`: the app's passkey endpoints under load next to a minimal Better Auth passkey app
 * (the peer, bench/peer) and a bare baseline, page weight, Lighthouse, and start-up. Prints a
 * Markdown report on stdout, progress on stderr.
 *
 *   npm run bench                                  # the default run, a few minutes
 *   npm run bench -- --seconds 30                  # longer measurements per load level and server
 *   npm run bench -- --rounds 5                    # those seconds in 5 interleaved rounds (default 3)
 *   npm run bench -- --only load,pages             # some sections: load, pages, lighthouse, startup
 *   npm run bench -- --only suite                  # the wall time of `npm run test:unit` (not in the default run)
 *   npm run bench -- --only load --scenarios registration   # some load scenarios: sign-in, list, registration
 *   npm run bench -- --rebuild                     # build the app even if .next has an up-to-date build
 *   npm run bench -- --lighthouse-runs 5           # Lighthouse runs per page and profile, the median kept (default 3)
 *
 * Ports: BENCH_PORT (default 4100) for the app, +1 the baseline, +2 the peer, +3 the bare Next.js app
 * (bench/bare-next), +25 a mail sink, +50 and +51 `npm run dev` of the app and the bare app. Databases: keyhold_bench_app, keyhold_bench_peer and keyhold_bench_baseline on
 * BENCH_POSTGRES_URL (default the local PostgreSQL), dropped and recreated on every run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type BareNext, buildBareNext, prepareBareNext, startBareNext } from "./bare-next";
import { BASELINE_QUERIES } from "./baseline-queries";
import { type BenchUser, listPasskeys, register, signIn } from "./ceremonies";
import { CLIENT_ADDRESS_HEADER, clientAddressMode } from "./client-address";
import {
  type DatabaseWork,
  databaseUrl,
  databaseWork,
  freshDatabase,
  makeUsers,
  seed,
  withClient,
  workPerOperation,
} from "./database";
import { type Floor, measureFloor } from "./floor";
import type { BenchBrowser, Target } from "./http-client";
import { type LighthouseScores, lighthouseScores } from "./lighthouse";
import { type LoadResult, type RoundResult, runRound, summarize } from "./load";
import { type FirstLoadJs, firstLoadJs, timeToFirstByte } from "./pages";
import {
  appEnv,
  buildPeer,
  cpuSeconds,
  PEER_DIR,
  type RunningServer,
  residentMiB,
  startApp,
  startBaseline,
  startMailSink,
  startPeer,
  waitFor,
} from "./servers";
import { bareNextDevStartUp, devStartUp, type StartUp, unitSuiteMs } from "./startup";

const SECTIONS = ["load", "pages", "lighthouse", "startup", "suite"] as const;
// The unit suite takes minutes on a shared machine: only when asked for.
const DEFAULT_SECTIONS = SECTIONS.filter((section) => section !== "suite");
type Section = (typeof SECTIONS)[number];

const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string", default: process.env.BENCH_SECONDS ?? "9" },
    rounds: { type: "string", default: "3" },
    concurrency: { type: "string", default: "1,10,50" },
    only: { type: "string", default: DEFAULT_SECTIONS.join(",") },
    scenarios: { type: "string", default: "sign-in,list,registration" },
    rebuild: { type: "boolean", default: false },
    "lighthouse-runs": { type: "string", default: "3" },
  },
});
// Each server is measured for `seconds` per load level, in `rounds` rounds that alternate between the
// three servers, each round after a warm-up of its own (the closed loop's ramp from idle).
const seconds = Number(flags.seconds);
const rounds = Math.max(1, Number(flags.rounds));
const roundSeconds = seconds / rounds;
const roundWarmupSeconds = Math.max(1, roundSeconds / 2);
const levels = flags.concurrency.split(",").map(Number);
const sections = new Set(flags.only.split(",") as Section[]);
for (const section of sections) {
  if (!SECTIONS.includes(section))
    throw new Error(`Unknown section "${section}"; known: ${SECTIONS.join(", ")}`);
}

const portBase = Number(process.env.BENCH_PORT ?? 4100);
const ports = {
  app: portBase,
  baseline: portBase + 1,
  peer: portBase + 2,
  bareNext: portBase + 3,
  mail: portBase + 25,
  dev: portBase + 50,
  bareNextDev: portBase + 51,
};
const app: Target = {
  name: "app",
  url: `http://127.0.0.1:${ports.app}`,
  origin: `http://localhost:${ports.app}`,
};
const baseline: Target = {
  name: "baseline",
  url: `http://127.0.0.1:${ports.baseline}`,
  origin: `http://localhost:${ports.baseline}`,
};
const peer: Target = {
  name: "peer",
  url: `http://127.0.0.1:${ports.peer}`,
  origin: `http://localhost:${ports.peer}`,
};
/** Every load table's columns, in this order; the rounds rotate through them. */
const TARGETS = [app, peer, baseline] as const;
const databases = {
  app: "keyhold_bench_app",
  peer: "keyhold_bench_peer",
  baseline: "keyhold_bench_baseline",
};
// PostgreSQL publishes a backend's table counters when it has been idle for up to 10 s.
const STATS_SETTLE_MS = 11_000;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Scenario = "sign-in" | "list passkeys" | "registration";
/** `--scenarios`' names for them. */
const SCENARIO_FLAGS: Record<string, Scenario> = {
  "sign-in": "sign-in",
  list: "list passkeys",
  registration: "registration",
};
const loadScenarios = new Set(
  flags.scenarios.split(",").map((name) => {
    const scenario = SCENARIO_FLAGS[name];
    if (!scenario)
      throw new Error(`Unknown scenario "${name}"; known: ${Object.keys(SCENARIO_FLAGS).join(", ")}`);
    return scenario;
  }),
);
type LoadRow = { scenario: Scenario; results: Record<Target["name"], LoadResult> };
type Memory = { idle: number; loaded: number };
type WorkRow = { operation: Scenario; target: Target["name"]; work: ReturnType<typeof workPerOperation> };

const report = {
  started: new Date(),
  loadAverageBefore: os.loadavg(),
  floor: undefined as Floor | undefined,
  load: [] as LoadRow[],
  work: [] as WorkRow[],
  memory: {} as Partial<Record<Target["name"], Memory>>,
  pages: [] as { page: string; js: FirstLoadJs }[],
  ttfb: undefined as { p50: number; p95: number } | undefined,
  lighthouse: [] as LighthouseRow[],
  startUp: undefined as StartUp | undefined,
  suiteMs: undefined as number | undefined,
  mailed: 0,
};

/** The newest modification time under the folders and files a production build is made from. */
function newestSource(paths: string[]): number {
  let newest = 0;
  for (const entry of paths) {
    if (!existsSync(entry)) continue;
    const stat = statSync(entry);
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestSource(readdirSync(entry).map((name) => path.join(entry, name))));
    }
  }
  return newest;
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "package-lock.json",
];

// The peer's own files (not its .next) and the one file of Keyhold's it imports: the schema.
const PEER_BUILD_INPUTS = [
  `${PEER_DIR}/app`,
  `${PEER_DIR}/lib`,
  `${PEER_DIR}/next.config.ts`,
  "lib/db/schema.ts",
  "package-lock.json",
];

/** Whether the build in `distDir` is older than its sources (or missing, or --rebuild). */
function isStale(distDir: string, inputs: string[]): boolean {
  const built = existsSync(`${distDir}/BUILD_ID`) ? statSync(`${distDir}/BUILD_ID`).mtimeMs : 0;
  return flags.rebuild || built <= newestSource(inputs);
}

function ensureBuilds() {
  if (isStale(".next", BUILD_INPUTS)) {
    log("building the app (next build)");
    execFileSync("npm", ["run", "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: appEnv(ports.app, databaseUrl(databases.app), ports.mail),
    });
  }
  if (isStale(`${PEER_DIR}/.next`, PEER_BUILD_INPUTS)) {
    log("building the peer (next build bench/peer)");
    buildPeer(ports.peer, databaseUrl(databases.peer));
  }
}

/**
 * Runs `count` of each operation one after another on both servers, then reads PostgreSQL's
 * counters for each database once they have settled.
 */
async function measureWork(
  operations: { operation: Scenario; run: (target: Target) => Promise<unknown> }[],
  count: number,
) {
  const targets = TARGETS;
  await sleep(STATS_SETTLE_MS);
  let before = await Promise.all(targets.map((target) => databaseWork(databaseUrl(databases[target.name]))));
  for (const { operation, run } of operations) {
    for (const target of targets) for (let i = 0; i < count; i++) await run(target);
    await sleep(STATS_SETTLE_MS);
    const after = await Promise.all(
      targets.map((target) => databaseWork(databaseUrl(databases[target.name]))),
    );
    targets.forEach((target, i) => {
      const work = workPerOperation(before[i] as DatabaseWork, after[i] as DatabaseWork, count);
      report.work.push({ operation, target: target.name, work });
    });
    before = after;
  }
}

/** A server's process, for its CPU clock and its memory. */
function serverPid(target: Target): number {
  return servers[target.name]?.process.pid as number;
}

async function loadSection(users: BenchUser[]) {
  log("floor: ES256 and @simplewebauthn/server verification");
  report.floor = await measureFloor();

  const signedIn = new Map<Target["name"], BenchBrowser[]>();
  for (const target of TARGETS) {
    // Warm each: JIT, connection pools, Next's route compilation caches.
    for (let i = 0; i < 30; i++) await signIn(target, users[i % users.length] as BenchUser);
    signedIn.set(target.name, await Promise.all(users.map((user) => signIn(target, user))));
    report.memory[target.name] = { idle: residentMiB(serverPid(target)), loaded: 0 };
  }

  log("database work per operation (sequential, PostgreSQL's table counters)");
  const first = (target: Target) => signedIn.get(target.name)?.[0] as BenchBrowser;
  await measureWork(
    [
      { operation: "sign-in", run: (target) => signIn(target, users[0] as BenchUser) },
      { operation: "list passkeys", run: (target) => listPasskeys(first(target)) },
      { operation: "registration", run: (target) => register(first(target)) },
    ],
    40,
  );

  const scenarios: { scenario: Scenario; iteration: (target: Target) => (vu: number) => Promise<void> }[] = [
    {
      scenario: "sign-in",
      iteration: (target) => async (vu) => {
        await signIn(target, users[vu] as BenchUser);
      },
    },
    {
      scenario: "list passkeys",
      iteration: (target) => (vu) => listPasskeys(signedIn.get(target.name)?.[vu] as BenchBrowser),
    },
    {
      scenario: "registration",
      iteration: (target) => (vu) => register(signedIn.get(target.name)?.[vu] as BenchBrowser),
    },
  ];
  for (const { scenario, iteration } of scenarios.filter(({ scenario }) => loadScenarios.has(scenario))) {
    // Fresh sessions for every scenario: Keyhold asks a session older than its step-up window to
    // confirm again before adding a passkey, and the rounds before may have taken longer than that.
    for (const target of TARGETS) {
      signedIn.set(target.name, await Promise.all(users.map((user) => signIn(target, user))));
    }
    for (const concurrency of levels) {
      log(
        `${scenario}: ${concurrency} concurrent users, ${rounds} rounds of ${roundWarmupSeconds}+${roundSeconds} s per server`,
      );
      const perTarget = new Map<Target["name"], RoundResult[]>(TARGETS.map((target) => [target.name, []]));
      for (let round = 0; round < rounds; round++) {
        // Rotated each round (A P B, P B A, B A P, …), so that no server always follows the same one.
        const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length] as Target);
        for (const target of order) {
          const result = await runRound(
            concurrency,
            { seconds: roundSeconds, warmupSeconds: roundWarmupSeconds },
            iteration(target),
            () => cpuSeconds(serverPid(target)),
          );
          perTarget.get(target.name)?.push(result);
        }
      }
      const results = Object.fromEntries(
        TARGETS.map((target) => [
          target.name,
          summarize(concurrency, roundSeconds, perTarget.get(target.name) ?? []),
        ]),
      ) as Record<Target["name"], LoadResult>;
      report.load.push({ scenario, results });
    }
  }
  for (const target of TARGETS) {
    const memory = report.memory[target.name];
    if (memory) memory.loaded = residentMiB(serverPid(target));
  }
  return signedIn.get("app")?.[0] as BenchBrowser;
}

async function pagesSection(signedIn: BenchBrowser) {
  log("pages: first-load JavaScript and time to first byte");
  const cookie = signedIn.cookieHeader();
  report.pages.push({
    page: "404 page: the Next.js floor, no client code of ours",
    js: await firstLoadJs(`${app.origin}/no-such-page`, { status: 404 }),
  });
  report.pages.push({ page: "/sign-in", js: await firstLoadJs(`${app.origin}/sign-in`) });
  report.pages.push({
    page: "/settings/security/passkeys",
    js: await firstLoadJs(`${app.origin}/settings/security/passkeys`, { cookie }),
  });
  report.ttfb = await timeToFirstByte(`${app.origin}/sign-in`, 50);
}

/**
 * The pages people meet first, signed out, and the passkeys page, signed in. The mailed sign-up link
 * carries its token in the fragment; the page shows its form without checking it.
 */
const LIGHTHOUSE_PAGES = [
  { page: "/sign-in", withSession: false },
  { page: "/sign-up", withSession: false },
  { page: "/sign-up/passkey#token=bench-token", withSession: false },
  { page: "/settings/security/passkeys", withSession: true },
];

/** The bare Next.js app's one page, as the last row of each profile: the framework's floor. */
const BARE_NEXT_PAGE = "bare Next.js page (bench/bare-next)";
const lighthouseRuns = Math.max(1, Number(flags["lighthouse-runs"]));

type LighthouseRow = { page: string; formFactor: string; scores: LighthouseScores; performances: number[] };

/**
 * Each page `lighthouseRuns` times per profile, as Lighthouse's own guidance asks for scores that
 * move from run to run: the run with the median performance is reported, with the range of all.
 */
async function lighthouseSection(signedIn: BenchBrowser, bareNext: BareNext) {
  log("lighthouse: building the bare Next.js app");
  buildBareNext(bareNext);
  servers.bareNext = startBareNext(bareNext, ports.bareNext);
  await waitFor(`http://127.0.0.1:${ports.bareNext}/`);
  const cookie = signedIn.cookieHeader();
  const pages = [
    ...LIGHTHOUSE_PAGES.map(({ page, withSession }) => ({
      page,
      url: `${app.origin}${page}`,
      cookie: withSession ? cookie : undefined,
    })),
    { page: BARE_NEXT_PAGE, url: `http://localhost:${ports.bareNext}/`, cookie: undefined },
  ];
  for (const formFactor of ["mobile", "desktop"] as const) {
    for (const { page, url, cookie } of pages) {
      log(`lighthouse: ${page} (${formFactor}, ${lighthouseRuns} runs)`);
      const runs: LighthouseScores[] = [];
      for (let run = 0; run < lighthouseRuns; run++)
        runs.push(await lighthouseScores(url, { formFactor, cookie }));
      runs.sort((a, b) => a.performance - b.performance);
      const median = runs[Math.floor(runs.length / 2)] as LighthouseScores;
      report.lighthouse.push({
        page,
        formFactor,
        scores: median,
        performances: runs.map((r) => r.performance),
      });
    }
  }
}

const servers: Partial<Record<Target["name"] | "bareNext", RunningServer>> = {};

async function stopServers() {
  await Promise.all(Object.values(servers).map((server) => server.stop()));
}

async function main() {
  // What was measured before a later section fails is still worth printing.
  const bareNext = sections.has("lighthouse") || sections.has("startup") ? prepareBareNext() : undefined;
  try {
    const needsServers = sections.has("load") || sections.has("pages") || sections.has("lighthouse");
    if (needsServers) {
      ensureBuilds();
      log("databases: create, migrate, seed");
      const users = makeUsers(Math.max(...levels));
      const urls = {
        app: await freshDatabase(databases.app),
        peer: await freshDatabase(databases.peer),
        baseline: await freshDatabase(databases.baseline),
      };
      for (const url of Object.values(urls)) await seed(url, users);
      const mail = startMailSink(ports.mail);
      servers.app = startApp(ports.app, urls.app, ports.mail);
      servers.peer = startPeer(ports.peer, urls.peer);
      servers.baseline = startBaseline(ports.baseline, urls.baseline);
      try {
        await waitFor(`${app.url}/sign-in`);
        await waitFor(`${peer.url}/api/auth/ok`);
        await waitFor(`${baseline.url}/api/auth/passkey/generate-authenticate-options`);
        let browser: BenchBrowser | undefined;
        if (sections.has("load")) browser = await loadSection(users);
        browser ??= await signIn(app, users[0] as BenchUser);
        if (sections.has("pages")) await pagesSection(browser);
        if (bareNext && sections.has("lighthouse")) await lighthouseSection(browser, bareNext);
        report.mailed = mail.count();
      } finally {
        await stopServers();
        await mail.stop();
      }
    }
    if (sections.has("startup")) {
      log("start-up: npm run dev on PGlite, cold then warm");
      const startUp = await devStartUp(ports.dev);
      log("start-up: the bare Next.js app's npm run dev, cold then warm");
      report.startUp = {
        ...startUp,
        bareNext: bareNext && (await bareNextDevStartUp(bareNext, ports.bareNextDev)),
      };
    }
    if (sections.has("suite")) {
      log("test suite: npm run test:unit");
      report.suiteMs = unitSuiteMs();
    }
  } finally {
    bareNext?.remove();
    process.stdout.write(await renderReport());
  }
  // Keep-alive sockets of the load generator would hold the process open for a while.
  process.exit(0);
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 1 : 0) : "–");
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function postgresVersion(): Promise<string> {
  const { rows } = await withClient(databaseUrl("postgres"), (client) => client.query("show server_version"));
  return String(rows[0]?.server_version ?? "?");
}

async function renderReport(): Promise<string> {
  const cpus = os.cpus();
  const lines: string[] = [
    `## Run of ${report.started.toISOString()}`,
    "",
    `Command: \`npm run bench -- ${process.argv.slice(2).join(" ")}\``.replace(" -- `", "`"),
    "",
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${await postgresVersion()}. ` +
      `Load average before: ${report.loadAverageBefore.map((n) => n.toFixed(2)).join(" ")}, ` +
      `after: ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")}.`,
    "",
  ];
  if (report.floor) {
    lines.push(
      "### Floor (one core, no I/O)",
      "",
      `- one ES256 signature check (node:crypto): ${report.floor.es256VerifyMicros.toFixed(0)} µs`,
      `- @simplewebauthn/server verifyAuthenticationResponse: ${report.floor.simpleWebAuthnVerifyMicros.toFixed(0)} µs`,
      "",
    );
  }
  if (report.load.length) {
    lines.push(
      `### Load (${rounds} interleaved rounds per row and server, each ${roundWarmupSeconds} s warm-up + ${roundSeconds} s measured; ` +
        `client address: ${clientAddressMode}` +
        `${clientAddressMode === "per-ceremony" ? ` in \`${CLIENT_ADDRESS_HEADER}\`` : ""})`,
      "",
      "Servers: app = Keyhold; peer = bench/peer, Better Auth and its passkey plugin only; bare = bench/baseline-server.ts. " +
        "CPU is the server process's user + system time over the measured windows, per completed ceremony.",
      "",
      "| scenario | users | app /s | peer /s | bare /s | app ÷ peer | app ÷ bare | p50 / p99 ms app | peer | bare | p99 app ÷ peer | CPU ms per ceremony app / peer / bare | failed app / peer / bare |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const { scenario, results } of report.load) {
      const { app: a, peer: p, baseline: b } = results;
      const latency = (r: LoadResult) => `${ms(r.p50)} / ${ms(r.p99)}`;
      lines.push(
        `| ${scenario} | ${a.concurrency} | ${a.perSecond.toFixed(1)} | ${p.perSecond.toFixed(1)} | ${b.perSecond.toFixed(1)} | ` +
          `${(a.perSecond / p.perSecond).toFixed(2)} | ${(a.perSecond / b.perSecond).toFixed(2)} | ` +
          `${latency(a)} | ${latency(p)} | ${latency(b)} | ${(a.p99 / p.p99).toFixed(2)} | ` +
          `${ms(a.cpuMsPerCeremony)} / ${ms(p.cpuMsPerCeremony)} / ${ms(b.cpuMsPerCeremony)} | ${a.failed} / ${p.failed} / ${b.failed} |`,
      );
    }
    const errors = report.load.flatMap(({ scenario, results }) =>
      TARGETS.flatMap((target) => {
        const error = results[target.name].firstError;
        return error ? [`- ${scenario}, ${target.name}: ${error}`] : [];
      }),
    );
    if (errors.length) lines.push("", "First error seen:", "", ...errors);
    lines.push("");
  }
  const memories = TARGETS.flatMap((target) => {
    const memory = report.memory[target.name];
    return memory
      ? [`${target.name} ${memory.idle.toFixed(0)} warm → ${memory.loaded.toFixed(0)} after the load`]
      : [];
  });
  if (memories.length) {
    lines.push(
      `Resident memory (MiB): ${memories.join("; ")}. Mail sent during the run: ${report.mailed}.`,
      "",
    );
  }
  if (report.work.length) {
    lines.push(
      "### Database work per operation (PostgreSQL's counters: transactions, table reads, rows written)",
      "",
      "| operation | server | transactions | per table: reads / inserted / updated / deleted |",
      "| --- | --- | ---: | --- |",
    );
    for (const { operation, target, work } of report.work) {
      const tables = work.rows
        .map(
          (row) =>
            `${row.table} ${fmt(row.reads)}/${fmt(row.inserted)}/${fmt(row.updated)}/${fmt(row.deleted)}`,
        )
        .join(", ");
      lines.push(`| ${operation} | ${target} | ${fmt(work.transactions)} | ${tables} |`);
    }
    lines.push("", "The baseline's statements, one round trip each:", "");
    for (const [endpoint, queries] of Object.entries(BASELINE_QUERIES)) {
      lines.push(`- ${endpoint}: ${queries.join("; ")}`);
    }
    lines.push("");
  }
  if (report.pages.length) {
    lines.push(
      "### Pages",
      "",
      "| page | scripts | first-load JS (gzip) | raw |",
      "| --- | ---: | ---: | ---: |",
    );
    for (const { page, js } of report.pages) {
      lines.push(`| ${page} | ${js.scripts} | ${kib(js.gzipBytes)} | ${kib(js.rawBytes)} |`);
    }
    if (report.ttfb) {
      lines.push(
        "",
        `Time to first byte of /sign-in (next start, 50 requests): p50 ${ms(report.ttfb.p50)} ms, p95 ${ms(report.ttfb.p95)} ms.`,
      );
    }
    lines.push("");
  }
  if (report.lighthouse.length) {
    lines.push(
      "### Lighthouse (Debian Chromium, headless)",
      "",
      `Each page ${lighthouseRuns} times per profile; the run with the median performance score, and every run's score.`,
      "",
      "| page | profile | performance (median) | every run | accessibility | LCP ms | TBT ms | CLS |",
      "| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |",
    );
    for (const { page, formFactor, scores, performances } of report.lighthouse) {
      lines.push(
        `| ${page} | ${formFactor} | ${scores.performance} | ${performances.join(", ")} | ${scores.accessibility} | ${ms(scores.lcpMs)} | ${ms(scores.tbtMs)} | ${scores.cls.toFixed(3)} |`,
      );
    }
    const failures = report.lighthouse.filter(({ scores }) => scores.accessibilityFailures.length);
    if (failures.length) lines.push("", "Accessibility audits failed:");
    for (const { page, formFactor, scores } of failures) {
      lines.push(`- ${page} (${formFactor}): ${scores.accessibilityFailures.join("; ")}`);
    }
    lines.push("");
  }
  if (report.startUp || report.suiteMs !== undefined) {
    lines.push("### Start-up and tests", "");
    if (report.startUp) {
      const { cold, warm, cacheBytes, bareNext } = report.startUp;
      const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
      const seconds = (milliseconds: number) => (milliseconds / 1000).toFixed(1);
      lines.push(
        "`npm run dev` on PGlite: from the command to the first 200 on /sign-in, then each other page's first visit (signed-in pages with a cookie that names no session: compiled, rendered, sent to /sign-in).",
        "",
        `The warm starts found Turbopack's persistent cache at ${mib(cacheBytes)} MiB (the app) and ${bareNext ? mib(bareNext.cacheBytes) : "–"} MiB (the bare app); 0 means Turbopack had written none, and that warm start compiled from nothing.`,
        "",
        "| page | cold s | warm s | answer |",
        "| --- | ---: | ---: | ---: |",
        `| /sign-in, from \`npm run dev\` | ${seconds(cold.signInMs)} | ${seconds(warm.signInMs)} | 200 |`,
      );
      if (bareNext) {
        lines.push(
          `| the bare Next.js app's page (bench/bare-next), from its \`npm run dev\` | ${seconds(bareNext.coldMs)} | ${seconds(bareNext.warmMs)} | 200 |`,
        );
      }
      for (const [index, visit] of cold.firstVisits.entries()) {
        const warmVisit = warm.firstVisits[index];
        lines.push(
          `| ${visit.path} | ${seconds(visit.ms)} | ${warmVisit ? seconds(warmVisit.ms) : "–"} | ${visit.status} |`,
        );
      }
      lines.push("");
    }
    if (report.suiteMs !== undefined) {
      lines.push(`- \`npm run test:unit\` wall time: ${(report.suiteMs / 1000).toFixed(1)} s`);
    }
    lines.push("");
  }
  return `${lines.join("\n")}\n`;
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopServers();
  process.exit(1);
});
