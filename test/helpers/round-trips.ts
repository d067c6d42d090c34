import { connection } from "@/lib/db";

/**
 * How many times `work` went to the database, counted as PostgreSQL counts transactions in
 * `pg_stat_database` (`npm run bench`'s round trips): a statement outside a transaction once, a
 * transaction once whatever it holds. On node-postgres every statement outside a transaction and
 * every transaction takes a connection from the pool; PGlite is called once for either.
 */
export async function roundTripsOf(work: () => Promise<unknown>): Promise<number> {
  const open = connection();
  const client: Record<string, unknown> = open.client as never;
  const entryPoints = open.kind === "postgres" ? ["connect"] : ["query", "exec", "transaction"];
  let count = 0;
  const originals = entryPoints.map((name) => {
    const original = client[name] as (...args: unknown[]) => unknown;
    client[name] = function (this: unknown, ...args: unknown[]) {
      count++;
      return original.apply(this, args);
    };
    return [name, original] as const;
  });
  try {
    await work();
  } finally {
    for (const [name, original] of originals) client[name] = original;
  }
  return count;
}
