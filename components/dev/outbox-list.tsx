import type { OutboxMail } from "@/lib/mail/outbox";
import { OutboxMessage } from "./outbox-message";

/** The development outbox's mail, in the order given (newest first from `listOutbox`). */
export function OutboxList({ mails }: { mails: OutboxMail[] }) {
  if (mails.length === 0) return <p className="mt-6 text-sm">No mail yet.</p>;
  return (
    <ol aria-label="Mail" className="mt-6 space-y-4">
      {mails.map((mail) => (
        <li key={mail.id}>
          <OutboxMessage mail={mail} />
        </li>
      ))}
    </ol>
  );
}
