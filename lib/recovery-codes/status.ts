import { count, eq, max, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { recoveryCode, user } from "@/lib/db/schema";

export type RecoveryCodeStatus = {
  total: number;
  remaining: number;
  generatedAt: Date | null;
  /** When the user chose, knowingly, to go without codes. */
  declinedAt: Date | null;
};

/** How many of the user's recovery codes are left; read by the API and by server components alike. */
export async function recoveryCodeStatus(userId: string): Promise<RecoveryCodeStatus> {
  const [codes, [account]] = await Promise.all([
    db()
      .select({
        total: count(),
        remaining: sql<number>`count(*) filter (where ${recoveryCode.usedAt} is null)`,
        generatedAt: max(recoveryCode.createdAt),
      })
      .from(recoveryCode)
      .where(eq(recoveryCode.userId, userId)),
    db().select({ declinedAt: user.recoveryCodesDeclinedAt }).from(user).where(eq(user.id, userId)),
  ]);
  const [row] = codes;
  return {
    total: Number(row?.total ?? 0),
    remaining: Number(row?.remaining ?? 0),
    generatedAt: row?.generatedAt ?? null,
    declinedAt: account?.declinedAt ?? null,
  };
}
