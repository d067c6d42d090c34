import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { db } from "@/lib/db";
import { account, passkey, user } from "@/lib/db/schema";

/**
 * A passkey row written straight into the database, for tests about what is stored rather than
 * how it got there (no ceremony, no usable key). Synced unless said otherwise.
 */
export async function insertPasskeyRow(
  userId: string,
  { synced = true, createdAt }: { synced?: boolean; createdAt?: Date } = {},
): Promise<string> {
  const [added] = await db()
    .insert(passkey)
    .values({
      id: randomUUID(),
      userId,
      publicKey: "pk",
      credentialID: randomUUID(),
      deviceType: synced ? "multiDevice" : "singleDevice",
      backedUp: synced,
      ...(createdAt && { createdAt }),
    })
    .returning({ id: passkey.id });
  if (!added) throw new Error("the passkey row was not written");
  return added.id;
}

/**
 * An account as the password sign-up form of earlier versions left it: created the moment someone
 * typed the address, with that person's password, and its address never confirmed.
 */
export async function insertUnconfirmedAccount(
  email: string,
  password: string,
  { createdAt = new Date() }: { createdAt?: Date } = {},
): Promise<string> {
  const id = randomUUID();
  await db().insert(user).values({ id, name: "Squatter", email, emailVerified: false, createdAt });
  await db()
    .insert(account)
    .values({
      id: randomUUID(),
      userId: id,
      accountId: id,
      providerId: "credential",
      password: await hashPassword(password),
      createdAt,
    });
  return id;
}
