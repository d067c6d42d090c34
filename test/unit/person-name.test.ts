import { describe, expect, it } from "vitest";
import { checkPersonName } from "@/lib/account/person-name";

describe("person names", () => {
  it.each([
    ["Ada Lovelace", "Ada Lovelace"],
    ["  Grace Hopper \n", "Grace Hopper"],
    ["x".repeat(100), "x".repeat(100)],
    ["😀".repeat(100), "😀".repeat(100)],
    ["José Müller-Lüdenscheidt", "José Müller-Lüdenscheidt"],
    // Decomposed: e followed by a combining acute accent.
    ["Rene\u0301e", "Rene\u0301e"],
    ["李小龍", "李小龍"],
    ["김민준", "김민준"],
    // Persian writes some names with a zero-width non-joiner between their parts.
    ["علی\u200Cرضا", "علی\u200Cرضا"],
    ["Ada 👩\u200D💻", "Ada 👩\u200D💻"],
  ])("accepts %j as %j", (raw, name) => {
    expect(checkPersonName(raw)).toEqual({ ok: true, name });
  });

  it.each([
    ["empty", ""],
    ["only spaces", " \t "],
    ["101 characters", "x".repeat(101)],
    ["101 emoji", "😀".repeat(101)],
    ["a newline", "Ada\nLovelace"],
    ["a NUL", "Ada\u0000"],
    ["a right-to-left override", "Ada \u202Enimda"],
    ["a left-to-right isolate", "\u2066Ada\u2069"],
    ["a zero-width space", "Ada\u200BLovelace"],
    ["a paragraph separator", "Ada\u2029Lovelace"],
    ["only a Hangul filler", "\u3164"],
    ["only Hangul fillers of every kind", "\u115F\u1160\u3164\uFFA0"],
    ["only braille blanks", "\u2800 \u2800"],
    ["only combining marks", "\u0301\u0302\u0303"],
    ["only variation selectors", "\uFE0F"],
    ["only a word joiner", "\u2060"],
    ["a lone surrogate", "Ada\uDC00"],
    ["a number", 42],
    ["null", null],
    ["an object", { first: "Ada" }],
  ])("refuses %s, with a message", (_, raw) => {
    const check = checkPersonName(raw);
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.message).not.toBe("");
  });
});
