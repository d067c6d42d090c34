import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { safeNext } from "@/lib/http/safe-next";

export const metadata: Metadata = { title: "This page needs JavaScript" };

/** Where proxy.ts sends a form the browser submitted itself (lib/http/native-form-post.ts). */
export default async function NeedsJavaScriptPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string | string[] }>;
}) {
  const { from } = await searchParams;
  const back = safeNext(typeof from === "string" ? from : undefined, "/");
  return (
    <>
      <PageHeader size="card" title="This page needs JavaScript" />
      <div className="flex flex-col gap-3 text-sm text-neutral-700 dark:text-neutral-300">
        <p>
          Nothing you typed was used or kept. Signing in, creating an account and changing your settings run
          in JavaScript, which is turned off or blocked in this browser, or had not finished loading.
        </p>
        <p>Turn JavaScript on, or wait for the page to load, then try again.</p>
        <p>
          <TextLink href={back}>Go back and try again</TextLink>
        </p>
      </div>
    </>
  );
}
