import type { PasskeyAdoption } from "@/lib/admin/adoption";

/** "3 of 4 (75%)"; no percentage of nothing. */
function share(part: number, whole: number): string {
  if (whole === 0) return String(part);
  return `${part} of ${whole} (${Math.round((part / whole) * 100)}%)`;
}

function Figure({ term, value, hint }: { term: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
      <dt className="text-sm text-neutral-600 dark:text-neutral-400">{term}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {hint && <dd className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">{hint}</dd>}
    </div>
  );
}

export function AdoptionFigures({ adoption }: { adoption: PasskeyAdoption }) {
  const { activeUsers, withPasskey, syncedOnly, deviceBoundOnly, both } = adoption;
  return (
    <section aria-labelledby="adoption-title">
      <h2 id="adoption-title" className="text-lg font-semibold">
        Active users with a passkey
      </h2>
      <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
        Active: signed in, or used a session, in the last 30 days. Device-bound: a passkey that cannot leave
        its authenticator (not backup eligible, not backed up), such as a security key; synced: one kept in a
        password manager or cloud keychain.
      </p>
      <dl className="mt-4 grid gap-3 sm:grid-cols-2">
        <Figure term="Active users" value={String(activeUsers)} />
        <Figure term="With at least one passkey" value={share(withPasskey, activeUsers)} />
      </dl>
      <h3 className="mt-6 font-medium">Their passkeys</h3>
      <dl className="mt-2 grid gap-3 sm:grid-cols-3">
        <Figure term="Synced only" value={share(syncedOnly, withPasskey)} />
        <Figure term="Device-bound only" value={share(deviceBoundOnly, withPasskey)} />
        <Figure term="Both kinds" value={share(both, withPasskey)} />
      </dl>
    </section>
  );
}
