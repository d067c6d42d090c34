import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ConfirmNewEmail } from "@/components/account/confirm-new-email";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { routes, site } from "@/config/site";
import { findEmailChangeLink } from "@/lib/account/email-change-links";
import { requireSession } from "@/lib/session";

// The token is in the address: no Referer carries it to another site.
export const metadata: Metadata = { title: "Confirm your new email", referrer: "no-referrer" };

type SearchParams = Promise<{ token?: string | string[] }>;

/**
 * Where the link mailed to a new address leads (lib/account/email-change-links.ts). Opening it
 * changes nothing: signed out, the browser is sent to sign in first and comes back here; the
 * account's owner then confirms, and only that changes the email.
 */
export default async function NewEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireSession();
  const { token } = await searchParams;
  const change = typeof token === "string" ? await findEmailChangeLink("confirm", token) : null;

  const expired = (
    <Refused>This link has expired or was already used. Your email is still {user.email}.</Refused>
  );
  if (!change || typeof token !== "string") return expired;
  if (change.userId !== user.id) {
    return (
      <Refused>
        This link is for another {site.name} account. Sign out, then sign in as the account that asked for the
        change.
      </Refused>
    );
  }
  // The account's email changed since the link was sent: the link's change no longer applies.
  if (change.from !== user.email) return expired;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Confirm your new email" />
      <p>
        Sign in as <strong className="font-medium">{change.to}</strong> from now on, instead of{" "}
        <strong className="font-medium">{user.email}</strong>? We'll tell {user.email} about the change, with
        a way to undo it for 7 days.
      </p>
      <ConfirmNewEmail token={token} newEmail={change.to} />
    </div>
  );
}

function Refused({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Confirm your new email" />
      <Notice tone="error">
        {children}{" "}
        <TextLink href={routes.account} tone="inherit">
          Go to your account
        </TextLink>
        .
      </Notice>
    </div>
  );
}
