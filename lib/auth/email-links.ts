import { verifyJWT } from "better-auth/crypto";
import * as z from "zod";

/**
 * What the signed token of a mailed /verify-email link says: the account it acts on (`email`) and,
 * for an email change, the new address. Better Auth signs it with the app's secret; the app's hooks
 * on that endpoint read it here, and only once it verifies, so a forged link decides nothing.
 */
const emailLinkToken = z.object({
  email: z.string(),
  updateTo: z.string().optional(),
  requestType: z.string().optional(),
});

export type EmailLink = z.infer<typeof emailLinkToken>;

/** A /verify-email token Better Auth signed and that has not expired, read; anything else is null. */
export async function readEmailLink(token: unknown, secret: string): Promise<EmailLink | null> {
  if (typeof token !== "string") return null;
  return emailLinkToken.safeParse(await verifyJWT(token, secret)).data ?? null;
}

/**
 * The link makes an email change: the one mailed to the new address. (With a confirmation step,
 * Better Auth first mails the old address a "change-email-confirmation" link, which changes nothing.)
 */
export function changesEmail(link: EmailLink): link is EmailLink & { updateTo: string } {
  return link.requestType === "change-email-verification" && link.updateTo !== undefined;
}
