import type { ReactNode } from "react";
import { TextLink } from "@/components/ui/text-link";

type Props = {
  /** What was sent, and what to do with it. */
  children: ReactNode;
  /** Where mail is kept instead of sent, in development (no SMTP_URL). */
  outbox: string | null;
  onRestart: () => void;
};

/** What a form that mails a link answers, whatever the address: the same for every one. */
export function CheckYourInbox({ children, outbox, onRestart }: Props) {
  return (
    <div role="status" className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">Check your inbox</h2>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">{children}</p>
      {outbox && (
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          In development nothing is sent: the mail is in the{" "}
          <TextLink href={outbox}>development outbox</TextLink>.
        </p>
      )}
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Nothing there? Check your spam folder, or{" "}
        <button type="button" onClick={onRestart} className="underline underline-offset-2 hover:no-underline">
          try another address
        </button>
        .
      </p>
    </div>
  );
}
