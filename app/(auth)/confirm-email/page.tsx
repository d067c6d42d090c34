import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SwitchAccount } from "@/components/account-switch/switch-account";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { otherAccountOfLink, verifyEmailPath } from "@/lib/account-switch/link";
import { getSession } from "@/lib/session";

// The token is in the address: no Referer carries it to another site.
export const metadata: Metadata = { title: "Switch accounts?", referrer: "no-referrer" };

type SearchParams = Promise<{ token?: string | string[]; callbackURL?: string | string[] }>;

/**
 * Where a mailed link for one account leads a browser signed in to another
 * (lib/account-switch): the person decides whether to switch. In any other case there is
 * nothing to ask, and the link goes on at once.
 */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const { token, callbackURL } = await searchParams;
  if (typeof token !== "string") {
    return (
      <Notice tone="error">
        This link is incomplete. Open the link from the mail again, or{" "}
        <TextLink href={routes.dashboard} tone="inherit">
          go to your dashboard
        </TextLink>
        .
      </Notice>
    );
  }
  const link = verifyEmailPath(token, callbackURL);
  const session = await getSession();
  const otherAccount = session && (await otherAccountOfLink(token, session.user.email));
  if (!session || !otherAccount) redirect(link);

  return (
    <>
      <PageHeader
        size="card"
        title="Switch accounts?"
        description={
          <>
            You're signed in as <strong className="font-medium">{session.user.email}</strong>. The link you
            opened is for <strong className="font-medium">{otherAccount}</strong>. If you didn't expect it,
            stay where you are.
          </>
        }
      />
      <SwitchAccount link={link} from={session.user.email} to={otherAccount} />
    </>
  );
}
