import { serverConfig } from "@/config/env";
import type { HookContext } from "@/lib/auth/hook-context";
import { type Mail, sendMail } from "@/lib/mail";
import type { NoticeFacts } from "@/lib/security-activity/notices";
import type { RequestFacts } from "@/lib/security-log/events";

/** The facts every notice states, for the user `to`, about the request being handled now. */
export function noticeFacts(to: string, request: RequestFacts): NoticeFacts {
  const { appUrl } = serverConfig();
  return { to, at: new Date(), request, appUrl };
}

/**
 * Sends a security notice. What it reports has already happened and been logged, so a mail server
 * that is down must not turn the user's sign-in or change into an error: the failure is logged.
 */
export async function sendNotice(ctx: HookContext, mail: Mail): Promise<void> {
  try {
    await sendMail(mail);
  } catch (error) {
    ctx.context.logger.error(`Could not send the notice "${mail.subject}"`, error);
  }
}
