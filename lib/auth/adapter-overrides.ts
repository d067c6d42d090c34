import type { DBAdapter, DBTransactionAdapter } from "@better-auth/core/db/adapter";
import type { BetterAuthOptions } from "better-auth";

/** Better Auth's database adapter factory, as `betterAuth({ database })` takes it. */
export type AdapterFactory = (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions>;

type Overridable = Pick<DBTransactionAdapter, "create" | "findOne" | "findMany" | "update">;

/**
 * The one seam where a feature changes what Better Auth's adapter does for a plugin that offers no
 * hook of its own: `override` receives an adapter's methods and returns replacements for some of
 * them. It applies to the adapter and to every transaction's (Better Auth writes inside a
 * transaction through the latter). Instances are changed in place, since Better Auth keys its schema
 * check by the instance.
 */
export function overrideAdapter(
  factory: AdapterFactory,
  override: (original: Overridable) => Partial<Overridable>,
): AdapterFactory {
  const apply = <A extends Overridable>(adapter: A): A => {
    const original = {
      create: adapter.create,
      findOne: adapter.findOne,
      findMany: adapter.findMany,
      update: adapter.update,
    };
    return Object.assign(adapter, override(original));
  };
  return (options) => {
    const adapter = apply(factory(options));
    const { transaction } = adapter;
    adapter.transaction = (callback) => transaction((trx) => callback(apply(trx)));
    return adapter;
  };
}

/** Whether a query's `where` is exactly `field = value`. */
export function whereIsOnly(
  where: { field: string; value: unknown; operator?: string; connector?: string }[] | undefined,
  field: string,
  value: unknown,
): boolean {
  const [clause, ...rest] = where ?? [];
  return (
    rest.length === 0 &&
    clause?.field === field &&
    clause.value === value &&
    (clause.operator ?? "eq") === "eq" &&
    (clause.connector ?? "AND") === "AND"
  );
}
