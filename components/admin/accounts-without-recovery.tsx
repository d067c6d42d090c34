import type { AccountWithoutRecovery } from "@/lib/admin/adoption";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function waysIn(account: AccountWithoutRecovery): string {
  if (account.passkeys === 1) return "One passkey";
  if (account.hasPassword) return "Password only";
  return "No way in";
}

export function AccountsWithoutRecovery({
  total,
  accounts,
}: {
  total: number;
  accounts: AccountWithoutRecovery[];
}) {
  return (
    <section aria-labelledby="no-recovery-title">
      <h2 id="no-recovery-title" className="text-lg font-semibold">
        Accounts with no recovery path: {total}
      </h2>
      <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
        No recovery path: no unused recovery code, and at most one way to sign in (one passkey and no
        password, or a password and no passkey). Losing that one device or password locks the account.
      </p>
      {accounts.length === 0 ? (
        <p className="mt-3 text-sm">None: every account has a second way in.</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">
            Accounts with no recovery path
            {accounts.length < total ? `, newest ${accounts.length} of ${total}` : ""}
          </caption>
          <thead>
            <tr className="border-b border-neutral-200 dark:border-neutral-800">
              <th scope="col" className="py-1 pr-4 font-medium">
                Email
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                Signs in with
              </th>
              <th scope="col" className="py-1 font-medium">
                Created
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id} className="border-b border-neutral-100 dark:border-neutral-900">
                <td className="break-all py-1 pr-4">{account.email}</td>
                <td className="py-1 pr-4">{waysIn(account)}</td>
                <td className="whitespace-nowrap py-1">
                  <time dateTime={account.createdAt.toISOString()}>
                    {dateFormat.format(account.createdAt)}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {accounts.length < total && (
        <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
          Showing the newest {accounts.length} of {total}.
        </p>
      )}
    </section>
  );
}
