import path from "node:path";
import { describe, expect, it } from "vitest";
import { readServerConfig } from "@/config/env";
import { whereThingsAre } from "@/lib/startup/where-things-are";

const SECRET = "a-secret-long-enough-for-the-test-0123456789";

describe("what the terminal says at start", () => {
  it("names localhost, the PGlite folder and the development outbox on a fresh clone", () => {
    const config = readServerConfig({ BETTER_AUTH_SECRET: SECRET, PORT: "3000" }, path.resolve(".data"));

    expect(whereThingsAre(config, process.cwd())).toEqual([
      "  Open:  http://localhost:3000   (passkeys need this address, not the network one)",
      "  Data:  PGlite in .data/pglite/ (delete the folder to start afresh)",
      "  Mail:  not sent: read it at http://localhost:3000/dev/outbox",
    ]);
  });

  it("names a real PostgreSQL and SMTP server without their passwords", () => {
    const config = readServerConfig({
      BETTER_AUTH_SECRET: SECRET,
      DATABASE_URL: "postgres://keyhold:hunter2@db.internal:5432/keyhold",
      SMTP_URL: "smtps://mailer:hunter2@smtp.example.com:465",
    });

    const lines = whereThingsAre(config).join("\n");

    expect(lines).toContain("PostgreSQL at postgres://db.internal:5432/keyhold");
    expect(lines).toContain("sent through smtps://smtp.example.com:465");
    expect(lines).not.toContain("hunter2");
  });
});
