import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { OutboxList } from "@/components/dev/outbox-list";
import { PageHeader } from "@/components/ui/page-header";
import { serverConfig } from "@/config/env";
import { listOutbox } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Development outbox" };

export default async function OutboxPage() {
  await connection();
  if (serverConfig().isProduction) notFound();
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <PageHeader
        title="Development outbox"
        description={
          <>
            Mail the app would send. Set <code>SMTP_URL</code> to deliver it for real; production requires it.
          </>
        }
      />
      <OutboxList mails={await listOutbox()} />
    </main>
  );
}
