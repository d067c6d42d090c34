import { describe, expect, it } from "vitest";
import { checkPasskeyName } from "@/lib/passkeys/passkey-name";

describe("passkey names", () => {
  it.each([
    ["Work laptop", "Work laptop"],
    ["  iPhone  ", "iPhone"],
    ["x".repeat(64), "x".repeat(64)],
    ["😀".repeat(64), "😀".repeat(64)],
    ["Büro-PC (Zürich)", "Büro-PC (Zürich)"],
    ["👩‍💻 Dev box", "👩‍💻 Dev box"],
    ["❤️ phone", "❤️ phone"],
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
    ["only a Hangul filler", "\u3164"],
    ["only Hangul choseong and jungseong fillers", "\u115F\u1160"],
    ["only a halfwidth Hangul filler", "\uFFA0 \uFFA0"],
    ["only a braille blank", "\u2800\u2800"],
    ["only combining marks", "\u0301\u0308\u20DD"],
    ["only variation selectors", "\uFE0F\uFE0E"],
    ["only a combining grapheme joiner", "\u034F"],
    ["only joiners", "\u200D\u200C"],
    ["a soft hyphen", "Work\u00ADlaptop"],
    ["a left-to-right mark", "\u200EWork laptop"],
    ["a lone surrogate", "Work \uD800"],
    ["a number", 42],
    ["null", null],
  ])("refuses %s, with a message", (_, raw) => {
    const check = checkPasskeyName(raw);
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.message).not.toBe("");
  });
});
