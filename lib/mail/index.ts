import { randomUUID } from "node:crypto";
import { createTransport, type Transporter } from "nodemailer";
import { serverConfig } from "@/config/env";
import { db } from "@/lib/db";
import { mailOutbox } from "@/lib/db/schema";

export type Mail = { to: string; subject: string; text: string };

type MailSettings = { smtpUrl: string | undefined; mailFrom: string };

const transporters = new Map<string, Transporter>();

/**
 * The one way the app sends mail. With SMTP_URL (required in production) it goes to that server;
 * without it, it is kept in the database for the development outbox at /dev/outbox.
 */
export async function sendMail(
  mail: Mail,
  { smtpUrl, mailFrom }: MailSettings = serverConfig(),
): Promise<void> {
  if (!smtpUrl) {
    await db()
      .insert(mailOutbox)
      .values({ id: randomUUID(), ...mail });
    return;
  }
  let transporter = transporters.get(smtpUrl);
  if (!transporter) {
    // Pooled: a connection per mail would pay the server's greeting and EHLO (and, over TLS, a
    // handshake) for every notice (profiled in BENCHMARKS.md). The pool keeps up to five
    // connections open and closes each after 4 idle minutes.
    transporter = createTransport({ url: smtpUrl, pool: true });
    transporters.set(smtpUrl, transporter);
  }
  await transporter.sendMail({ from: mailFrom, ...mail });
}

/**
 * Whether `sendMail` failed because the mail server refused the recipient (an SMTP 4xx or 5xx
 * reply to RCPT TO, which nodemailer reports as EENVELOPE): the address, not the server, is the
 * problem, and the person who typed it can do something about it.
 */
export function isRecipientRefused(error: unknown): boolean {
  const { code, command } = (error ?? {}) as { code?: unknown; command?: unknown };
  return code === "EENVELOPE" && command === "RCPT TO";
}
