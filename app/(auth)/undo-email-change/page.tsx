import type { Metadata } from "next";
import { UndoEmailChange } from "@/components/account/undo-email-change";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { site } from "@/config/site";
import { findEmailChangeLink } from "@/lib/account/email-change-links";

// The token is in the address: no Referer carries it to another site.
export const metadata: Metadata = { title: "Undo the email change", referrer: "no-referrer" };

type SearchParams = Promise<{ token?: string | string[] }>;

/**
 * Where the link mailed to the old address after an email change leads (lib/account/email-change-links.ts).
 * No session needed: the link is the proof, since it went to the address the account had. Opening
 * it changes nothing; the button does.
 */
export default async function UndoEmailChangePage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  const change = typeof token === "string" ? await findEmailChangeLink("undo", token) : null;
  if (!change || typeof token !== "string") {
    return (
      <Notice tone="error">
        This link has expired or was already used.{" "}
        <TextLink href="/sign-in" tone="inherit">
          Sign in
        </TextLink>{" "}
        to see your account's email.
      </Notice>
    );
  }
  return (
    <>
      <PageHeader
        size="card"
        title="Change your email back?"
        description={
          <>
            The email of your {site.name} account was changed from{" "}
            <strong className="font-medium">{change.from}</strong> to{" "}
            <strong className="font-medium">{change.to}</strong>. If you didn't do this, change it back:
            whoever did is signed out along with everyone else.
          </>
        }
      />
      <UndoEmailChange token={token} oldEmail={change.from} />
    </>
  );
}
