import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { passkey } from "@/lib/db/schema";

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
