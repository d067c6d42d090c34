import type { Passkey } from "@better-auth/passkey";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

type PasskeyRow = Passkey & { lastUsedAt?: Date | string | null };

/** The user's passkeys, newest first. Renaming and removing come with full passkey management. */
export function PasskeyList({ passkeys }: { passkeys: PasskeyRow[] }) {
  if (passkeys.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-neutral-300 p-4 text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">
        No passkeys yet. A passkey lets you sign in with your fingerprint, face or screen lock: nothing to
        remember, and nothing a fake site can steal.
      </p>
    );
  }
  const newestFirst = [...passkeys].sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt));
  return (
    <ul
      aria-label="Your passkeys"
      className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800"
    >
      {newestFirst.map((passkey) => (
        <li key={passkey.id} className="flex flex-col gap-0.5 px-4 py-3">
          <span className="font-medium">{passkey.name || "Passkey"}</span>
          <span className="text-sm text-neutral-600 dark:text-neutral-400">
            {passkey.backedUp ? "Synced to your password manager" : "Only on this device"} · Added{" "}
            {dateFormat.format(new Date(passkey.createdAt))} ·{" "}
            {passkey.lastUsedAt
              ? `Last used ${dateFormat.format(new Date(passkey.lastUsedAt))}`
              : "Never used"}
          </span>
        </li>
      ))}
    </ul>
  );
}
