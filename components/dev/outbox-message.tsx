import type { OutboxMail } from "@/lib/mail/outbox";

const URL_PATTERN = /(https?:\/\/[^\s]+)/g;

/** One mail, with its links clickable so a developer can follow a sign-up link from here. */
export function OutboxMessage({ mail }: { mail: OutboxMail }) {
  return (
    <article className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
      <header className="text-sm">
        <h2 className="font-medium">{mail.subject}</h2>
        <p className="text-neutral-600 dark:text-neutral-400">
          To {mail.to} ·{" "}
          <time dateTime={mail.createdAt.toISOString()}>{mail.createdAt.toLocaleString("en")}</time>
        </p>
      </header>
      <p className="mt-3 whitespace-pre-wrap break-words text-sm">
        {mail.text.split(URL_PATTERN).map((part, index) =>
          index % 2 === 1 ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never reorder
            <a key={index} href={part} className="text-blue-700 underline dark:text-blue-400">
              {part}
            </a>
          ) : (
            part
          ),
        )}
      </p>
    </article>
  );
}
