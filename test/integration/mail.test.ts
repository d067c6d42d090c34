import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { describe, expect, it } from "vitest";
import { site } from "@/config/site";
import { sendMail } from "@/lib/mail";
import { listOutbox } from "@/lib/mail/outbox";

describe("mailer", () => {
  it("keeps mail for the development outbox when no SMTP server is configured", async () => {
    await sendMail({ to: "ada@example.com", subject: "Hello", text: "Follow http://localhost:3000/x" });

    const [newest] = await listOutbox();
    expect(newest).toMatchObject({
      to: "ada@example.com",
      subject: "Hello",
      text: "Follow http://localhost:3000/x",
    });
  });

  it("delivers over SMTP when SMTP_URL is set, from MAIL_FROM", async () => {
    const received: { from: string; to: string; subject: string; text: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          received.push({
            from: mail.from?.text ?? "",
            to: [mail.to].flat()[0]?.text ?? "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
          });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    const before = (await listOutbox()).length;
    try {
      await sendMail(
        { to: "bob@example.com", subject: "New passkey", text: "A passkey was added." },
        { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: `${site.name} <no-reply@example.com>` },
      );
    } finally {
      await new Promise<void>((resolve) => server.close(resolve));
    }

    expect(received).toEqual([
      {
        from: `"${site.name}" <no-reply@example.com>`,
        to: "bob@example.com",
        subject: "New passkey",
        text: "A passkey was added.\n",
      },
    ]);
    expect(await listOutbox()).toHaveLength(before);
  });
});
