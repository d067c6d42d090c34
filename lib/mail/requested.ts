import { consumeRateLimit } from "@/lib/rate-limit";
import { type Mail, sendMail } from "./index";

/**
 * Mails per recipient and hour that callers who need not own the address can make the app send:
 * enough for a person to ask again a few times, too few to flood anyone's inbox.
 */
export const REQUESTED_MAILS_PER_RECIPIENT = { max: 5, windowSeconds: 60 * 60 };

/**
 * The way to send a mail that someone asked for on behalf of an address they have not proven is
 * theirs: a sign-up link, the "you already have an account" notice, the link that confirms a new
 * address. One count per recipient, whichever form asked, so that no form (or mix of forms) turns
 * the app into a mail cannon aimed at one inbox. Over the cap the mail is dropped, silently: the
 * caller answers exactly as when it goes, since a refusal would tell a stranger that somebody has
 * been asking about that address. Returns whether the mail went.
 */
export async function sendRequestedMail(mail: Mail): Promise<boolean> {
  const recipient = mail.to.trim().toLowerCase();
  const verdict = await consumeRateLimit(`requested-mail:${recipient}`, REQUESTED_MAILS_PER_RECIPIENT);
  if (!verdict.allowed) return false;
  await sendMail(mail);
  return true;
}
