import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll } from "vitest";

/**
 * A throwaway PostgreSQL server of the test's own, which the test may stop and start at will: the
 * shared one must never be touched. Uses the installed server binaries (Debian's layout, as CI's
 * `apt-get install postgresql` provides); `binDir()` is undefined where there are none.
 */
export class PostgresCluster {
  readonly dataDir: string;
  readonly url: string;
  running = false;

  private constructor(
    private readonly bin: string,
    readonly port: number,
  ) {
    this.dataDir = mkdtempSync("/tmp/keyhold-faults-pg-");
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  /** Where initdb and pg_ctl live, newest version first; undefined when PostgreSQL is not installed. */
  static binDir(): string | undefined {
    const root = "/usr/lib/postgresql";
    if (!existsSync(root)) return undefined;
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    return versions
      .map((version) => path.join(root, version, "bin"))
      .find((bin) => existsSync(path.join(bin, "pg_ctl")));
  }

  static create(port: number): PostgresCluster {
    const bin = PostgresCluster.binDir();
    if (!bin) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql");
    const cluster = new PostgresCluster(bin, port);
    // PostgreSQL refuses to run as root: as root, hand the directory to the postgres user.
    if (userInfo().uid === 0) {
      const { uid, gid } = ownerOf("postgres");
      chownSync(cluster.dataDir, uid, gid);
    }
    cluster.run("initdb", [
      "-D",
      cluster.dataDir,
      "-U",
      "postgres",
      "-A",
      "trust",
      "--no-sync",
      "-E",
      "UTF8",
    ]);
    return cluster;
  }

  start(): void {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dataDir} -c fsync=off`;
    this.run("pg_ctl", [
      "-D",
      this.dataDir,
      "-o",
      options,
      "-l",
      path.join(this.dataDir, "log"),
      "-w",
      "start",
    ]);
    this.running = true;
  }

  /**
   * A fast shutdown: running transactions are rolled back and every connection is cut. The app
   * keeps running meanwhile, as in a real outage; with its event loop blocked it could not send
   * the startup packet of a connection it was opening, and the server would wait for that packet
   * (authentication_timeout, a minute) before it could finish stopping.
   */
  async stop(): Promise<void> {
    const [file, argv] = this.invocation("pg_ctl", ["-D", this.dataDir, "-m", "fast", "-w", "stop"]);
    await promisify(execFile)(file, argv);
    this.running = false;
  }

  async destroy(): Promise<void> {
    if (this.running) await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private run(program: string, args: string[]): void {
    const [file, argv] = this.invocation(program, args);
    execFileSync(file, argv, { stdio: "pipe" });
  }

  private invocation(program: string, args: string[]): [string, string[]] {
    const command = path.join(this.bin, program);
    return userInfo().uid === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  }
}

function ownerOf(user: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
  return { uid, gid };
}

/**
 * A fault test file's own PostgreSQL: started and migrated before its tests, with the app pointed
 * at it, and destroyed after them (started again first if a test left it stopped: closing the
 * pool needs a server to say goodbye to). The app's modules are imported only once DATABASE_URL
 * names it, since the configuration is read once.
 */
export function useOwnPostgres(port: number) {
  const own = {} as {
    cluster: PostgresCluster;
    app: typeof import("./browser");
    database: typeof import("@/lib/db");
  };
  beforeAll(async () => {
    own.cluster = PostgresCluster.create(port);
    own.cluster.start();
    process.env.DATABASE_URL = own.cluster.url;
    const { migrateDatabase } = await import("@/lib/db/migrate");
    await migrateDatabase();
    own.app = await import("./browser");
    own.database = await import("@/lib/db");
  });
  afterAll(async () => {
    if (own.cluster && !own.cluster.running) own.cluster.start();
    try {
      await own.database?.closeDatabase();
    } finally {
      await own.cluster?.destroy();
    }
  });
  return own;
}
