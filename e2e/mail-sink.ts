/**
 * A real SMTP server for the end-to-end tests: the production build sends its mail here, and the
 * tests read it back over HTTP (GET /messages?to=…), as a user would read their inbox.
 */
import { createServer } from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { MAIL_SINK_HTTP_PORT, MAIL_SINK_SMTP_PORT } from "./servers";

type Received = { to: string[]; subject: string; text: string; receivedAt: string };

const received: Received[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push({
          to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(MAIL_SINK_SMTP_PORT, "127.0.0.1");

createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  const to = url.searchParams.get("to")?.toLowerCase();
  const messages = to ? received.filter((mail) => mail.to.includes(to)) : received;
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(messages));
}).listen(MAIL_SINK_HTTP_PORT, "127.0.0.1");
