import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { OutboxList } from "@/components/dev/outbox-list";
import { serverConfig } from "@/lib/env";
import { listOutbox } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Development outbox" };

export default async function OutboxPage() {
  await connection();
  if (serverConfig().isProduction) notFound();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold">Development outbox</h1>
      <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
        Mail the app would send. Set <code>SMTP_URL</code> to deliver it for real; production requires it.
      </p>
      <OutboxList mails={await listOutbox()} />
    </main>
  );
}
