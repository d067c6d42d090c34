import { serverConfig } from "@/config/env";
import { startSmtpServer } from "./smtp-server";

/**
 * Runs `work` while the app's mail goes to a real SMTP server that refuses every recipient at
 * RCPT TO ("550 no such mailbox"), as a mail server does for an address it does not host.
 */
export async function withMailRefused<T>(work: () => Promise<T>): Promise<T> {
  const server = await startSmtpServer({
    onRcptTo(_address, _session, callback) {
      callback(Object.assign(new Error("No such mailbox here"), { responseCode: 550 }));
    },
  });
  const config = serverConfig();
  const outbox = config.smtpUrl;
  config.smtpUrl = server.url;
  try {
    return await work();
  } finally {
    config.smtpUrl = outbox;
    await server.close();
  }
}
