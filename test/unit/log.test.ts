import { afterEach, describe, expect, it, vi } from "vitest";
import { writeAuthLog } from "@/lib/auth/logger";

/** What a database driver throws: the query and its parameters in the message, the server's error as the cause. */
function databaseError(code: string, message: string) {
  const cause = Object.assign(new Error(message), { code, detail: "Key (credential_id)=(c2VjcmV0) exists." });
  return Object.assign(
    new Error('Failed query: insert into "passkeys" values ($1)\nparams: pQECAyYgASFYIAWx05Va', { cause }),
    { name: "DrizzleQueryError", params: ["pQECAyYgASFYIAWx05Va"] },
  );
}

function written(level: "warn" | "error") {
  return vi.spyOn(console, level).mockImplementation(() => {});
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the auth log", () => {
  it("writes a duplicate credential as one warn line naming the constraint, not the parameters", () => {
    const warn = written("warn");

    writeAuthLog(
      "error",
      "Failed to verify registration",
      databaseError(
        "23505",
        'duplicate key value violates unique constraint "passkeys_credential_id_unique"',
      ),
    );

    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]?.[0]);
    expect(line).toMatch(
      /WARN \[Better Auth\]: Failed to verify registration .*passkeys_credential_id_unique/,
    );
    expect(line).not.toContain("\n");
    expect(line).not.toContain("pQECAy");
    expect(line).not.toContain("c2VjcmV0");
  });

  it("keeps a database failure an error, with stack frames but without the parameters", () => {
    const error = written("error");

    writeAuthLog("error", "Failed to verify registration", databaseError("57P01", "terminating connection"));

    const text = String(error.mock.calls[0]?.[0]);
    expect(text).toContain(
      "ERROR [Better Auth]: Failed to verify registration Error: terminating connection",
    );
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toContain("pQECAy");
  });

  it("writes what JSON cannot hold without throwing", () => {
    const warn = written("warn");
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;

    writeAuthLog("warn", "Odd", cycle, 1n);

    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Odd \[object Object\] 1$/));
  });

  it("writes anything else on one line at its own level", () => {
    const warn = written("warn");

    writeAuthLog("warn", "Blocked", { reason: "multi\nline" }, "text");

    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/WARN \[Better Auth\]: Blocked \{"reason":"multi\\nline"\} text$/),
    );
  });

  it("says a refused password sign-in was refused, not that a user who may well exist was not found", () => {
    const warn = written("warn");

    writeAuthLog("warn", "User not found");
    writeAuthLog("warn", "Password not found");
    writeAuthLog("warn", "Invalid password");

    const lines = warn.mock.calls.map(([line]) => String(line));
    expect(lines.some((line) => line.includes("User not found"))).toBe(false);
    expect(lines).toEqual([
      expect.stringMatching(
        /WARN \[Better Auth\]: Refused a password sign-in: no account with a password for that address$/,
      ),
      expect.stringMatching(
        /WARN \[Better Auth\]: Refused a password sign-in: no account with a password for that address$/,
      ),
      expect.stringMatching(/WARN \[Better Auth\]: Refused a password sign-in: wrong password$/),
    ]);
  });
});
