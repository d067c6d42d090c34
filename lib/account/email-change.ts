import { site } from "@/config/site";
import { sendRequestedMail } from "@/lib/mail/requested";

type VerificationMail = { user: { email: string }; url: string };

/**
 * The mail Better Auth's `emailVerification.sendVerificationEmail` sends when a user changes their
 * email (lib/sign-up/server.ts routes it here): the link goes to the NEW address, and
 * following it makes the change. The caller names that address without owning it, so the mail
 * counts against the address's cap (lib/mail/requested.ts).
 */
export async function sendEmailChangeVerification({ user, url }: VerificationMail): Promise<void> {
  await sendRequestedMail({
    to: user.email,
    subject: `Confirm your email address for ${site.name}`,
    text: [
      `Someone asked to use this address for a ${site.name} account.`,
      "",
      `To confirm it, open this link within an hour:\n${url}`,
      "",
      "If that wasn't you, ignore this message: nothing changes until the link is opened.",
    ].join("\n"),
  });
}
