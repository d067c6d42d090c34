import { type Mail, sendMail } from "@/lib/mail";
import { consumeRateLimit } from "@/lib/rate-limit";

/**
 * Reset mails one address receives per hour, whoever asks: enough for its owner to ask again, too
 * few to flood anyone's inbox from the "Forgot password?" form.
 */
export const RESET_MAILS_PER_RECIPIENT = { max: 3, windowSeconds: 60 * 60 };

/**
 * Sends a mail a stranger asked for, unless its recipient has had its share this hour. Over the cap
 * the mail is dropped, silently: the form answers the same either way, since a refusal would tell a
 * stranger that someone has been asking about that address. Returns whether the mail went.
 */
export async function sendWithinRecipientCap(mail: Mail): Promise<boolean> {
  const recipient = mail.to.trim().toLowerCase();
  const verdict = await consumeRateLimit(`password-reset-mail:${recipient}`, RESET_MAILS_PER_RECIPIENT);
  if (!verdict.allowed) return false;
  await sendMail(mail);
  return true;
}
