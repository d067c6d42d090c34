import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

/**
 * A real SMTP server on a free loopback port, plain text, accepting any sender; `handlers` decide
 * what it does with each command. Answers with the URL the app's SMTP_URL takes.
 */
export async function startSmtpServer(
  handlers: Pick<SMTPServerOptions, "onConnect" | "onRcptTo" | "onData">,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The app's mail pool keeps its connection open: close it at once rather than after 30 s.
    closeTimeout: 100,
    ...handlers,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
