import path from "node:path";
import type { ServerConfig } from "@/config/env";

/** `scheme://host:port/path` of a connection URL: never its user or password. */
function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
}

/**
 * What a newcomer needs from the terminal, said once at start: the address to open (localhost:
 * the network address Next.js also prints is not a secure context, so no passkey works there),
 * where the data is kept and where the mail goes.
 */
export function whereThingsAre(config: ServerConfig, cwd = process.cwd()): string[] {
  const data = config.databaseUrl
    ? `PostgreSQL at ${withoutCredentials(config.databaseUrl)}`
    : config.pgliteDir.startsWith("memory://")
      ? "PGlite in memory (gone when the server stops)"
      : `PGlite in ${path.relative(cwd, config.pgliteDir) || "."}/ (delete the folder to start afresh)`;
  const mail = config.smtpUrl
    ? `sent through ${withoutCredentials(config.smtpUrl)}`
    : `not sent: read it at ${config.appUrl}/dev/outbox`;
  return [
    `  Open:  ${config.appUrl}   (passkeys need this address, not the network one)`,
    `  Data:  ${data}`,
    `  Mail:  ${mail}`,
  ];
}
