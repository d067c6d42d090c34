import type { BetterAuthPlugin } from "better-auth";
import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth";
import { describeAuthError } from "@/lib/auth-messages";

type ErrorCodes = Record<string, { code: string; message: string }>;

/** Better Auth's plugins, whose terse messages the browser words itself (lib/auth-messages.ts). */
const NOT_KEYHOLDS = new Set(["passkey"]);

const keyholdErrorCodes = () =>
  (auth().options.plugins as BetterAuthPlugin[])
    .filter((plugin) => !NOT_KEYHOLDS.has(plugin.id) && plugin.$ERROR_CODES)
    .flatMap((plugin) =>
      Object.values(plugin.$ERROR_CODES as ErrorCodes).map(
        ({ code, message }) => [plugin.id, code, message] as const,
      ),
    );

describe("user-facing messages", () => {
  it("has the app's own plugins' error codes to check", () => {
    expect(keyholdErrorCodes().length).toBeGreaterThan(20);
  });

  it.each(keyholdErrorCodes())("shows %s's %s in the browser as the server words it", (_, code, message) => {
    expect(describeAuthError({ code, message })).toBe(message);
  });
});
