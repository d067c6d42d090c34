import type { Metadata } from "next";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { DeleteAccount } from "@/components/account/delete-account";
import { NameSection } from "@/components/account/name-section";
import { features } from "@/components/features";
import { PasswordSettings } from "@/components/password/password-settings";
import { wayBackInUiOf } from "@/components/slots/feature-ui";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { site } from "@/config/site";
import { auth } from "@/lib/auth";
import { passwordStatus } from "@/lib/password/passwordless";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Account" };

type SearchParams = Promise<{ email?: string }>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireSession();
  const { email } = await searchParams;
  const password = await passwordStatus(auth().options, user.id);
  return (
    <div className="flex flex-col gap-10">
      <PageHeader
        title="Account"
        description={`Your name, email address and password, and leaving ${site.name}.`}
      />
      {email === "changed" && <Notice tone="success">Your email is now {user.email}.</Notice>}
      <NameSection name={user.name} />
      <section aria-labelledby="email-heading" className="flex flex-col gap-3">
        <h2 id="email-heading" className="text-lg font-medium">
          Email
        </h2>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          You sign in as{" "}
          <strong className="font-medium text-neutral-900 dark:text-white">{user.email}</strong>. A new
          address takes effect once you open the link we send to it and confirm, signed in; we then tell{" "}
          {user.email}, with a way to undo the change.
        </p>
        <ChangeEmailForm />
      </section>
      <PasswordSettings status={password} getWayBackIn={wayBackInUiOf(features)?.getOne ?? null} />
      <section aria-labelledby="delete-heading" className="flex flex-col gap-3">
        <h2 id="delete-heading" className="text-lg font-medium">
          Delete your account
        </h2>
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          Removes your account, passkeys, recovery codes and sessions for good. This cannot be undone.
        </p>
        <DeleteAccount email={user.email} />
      </section>
    </div>
  );
}
