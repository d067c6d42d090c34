import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { site } from "@/config/site";
import { sendMail } from "@/lib/mail";
import { listOutbox } from "@/lib/mail/outbox";
import { startSmtpServer } from "../helpers/smtp-server";

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
    const server = await receivingServer();
    const before = (await listOutbox()).length;
    try {
      await sendMail(
        { to: "bob@example.com", subject: "New passkey", text: "A passkey was added." },
        { smtpUrl: server.url, mailFrom: `${site.name} <no-reply@example.com>` },
      );
    } finally {
      await server.close();
    }

    expect(server.received).toEqual([
      {
        from: `"${site.name}" <no-reply@example.com>`,
        to: "bob@example.com",
        subject: "New passkey",
        text: "A passkey was added.\n",
      },
    ]);
    expect(await listOutbox()).toHaveLength(before);
  });

  it("sends one mail after another over the connection already open", async () => {
    const server = await receivingServer();
    const settings = { smtpUrl: server.url, mailFrom: "no-reply@example.com" };
    try {
      for (const to of ["one@example.com", "two@example.com", "three@example.com"]) {
        await sendMail({ to, subject: "New passkey", text: "A passkey was added." }, settings);
      }
    } finally {
      await server.close();
    }

    expect(server.received.map((mail) => mail.to)).toEqual([
      "one@example.com",
      "two@example.com",
      "three@example.com",
    ]);
    expect(server.connections).toBe(1);
  });
});

/** A real SMTP server that keeps what it receives and counts its connections. */
async function receivingServer() {
  const received: { from: string; to: string; subject: string; text: string }[] = [];
  let connections = 0;
  const server = await startSmtpServer({
    onConnect(_session, callback) {
      connections++;
      callback();
    },
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
  return {
    ...server,
    received,
    get connections() {
      return connections;
    },
  };
}
