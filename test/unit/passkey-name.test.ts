import { describe, expect, it } from "vitest";
import { checkPasskeyName } from "@/lib/passkeys/passkey-name";

describe("passkey names", () => {
  it.each([
    ["Work laptop", "Work laptop"],
    ["  iPhone  ", "iPhone"],
    ["x".repeat(64), "x".repeat(64)],
    ["😀".repeat(64), "😀".repeat(64)],
    ["Büro-PC (Zürich)", "Büro-PC (Zürich)"],
  ])("accepts %j as %j", (raw, name) => {
    expect(checkPasskeyName(raw)).toEqual({ ok: true, name });
  });

  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["65 characters", "x".repeat(65)],
    ["65 emoji", "😀".repeat(65)],
    ["a newline", "Work\nlaptop"],
    ["a tab", "Work\tlaptop"],
    ["a right-to-left override", "abc\u202Edef"],
    ["a zero-width space", "Work\u200Blaptop"],
    ["a line separator", "Work\u2028laptop"],
    ["a number", 42],
    ["null", null],
  ])("refuses %s, with a message", (_, raw) => {
    const check = checkPasskeyName(raw);
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.message).not.toBe("");
  });
});
