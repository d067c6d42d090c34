import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { serverConfig } from "@/config/env";

/**
 * Runs `work` while the app's mail goes to a real SMTP server that refuses every recipient at
 * RCPT TO ("550 no such mailbox"), as a mail server does for an address it does not host.
 */
export async function withMailRefused<T>(work: () => Promise<T>): Promise<T> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The app's mail pool keeps its connection open: close it at once rather than after 30 s.
    closeTimeout: 100,
    onRcptTo(_address, _session, callback) {
      callback(Object.assign(new Error("No such mailbox here"), { responseCode: 550 }));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const config = serverConfig();
  const outbox = config.smtpUrl;
  config.smtpUrl = `smtp://127.0.0.1:${port}`;
  try {
    return await work();
  } finally {
    config.smtpUrl = outbox;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
