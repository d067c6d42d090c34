import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { OutboxMessage } from "@/components/dev/outbox-message";
import { serverConfig } from "@/lib/env";
import { listOutbox } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Development outbox" };

export default async function OutboxPage() {
  await connection();
  if (serverConfig().isProduction) notFound();
  const mails = await listOutbox();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Development outbox</h1>
      <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
        Mail the app would send. Set <code>SMTP_URL</code> to deliver it for real; production requires it.
      </p>
      {mails.length === 0 ? (
        <p className="mt-6 text-sm">No mail yet.</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {mails.map((mail) => (
            <li key={mail.id}>
              <OutboxMessage mail={mail} />
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
