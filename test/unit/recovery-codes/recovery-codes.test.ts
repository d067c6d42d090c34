import { describe, expect, it } from "vitest";
import {
  formatRecoveryCode,
  generateRecoveryCodes,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_ENTROPY_BITS,
  recoveryCodeHasher,
} from "@/lib/recovery-codes/codes";
import { RECOVERY_CODE_EVENTS } from "@/lib/recovery-codes/events";
import { recoveryPath } from "@/lib/recovery-codes/recovery-path";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const FORMATTED = /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/;

describe("generating recovery codes", () => {
  it("makes ten grouped Crockford base32 codes by default", () => {
    const codes = generateRecoveryCodes();
    expect(RECOVERY_CODE_COUNT).toBe(10);
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(FORMATTED);
  });

  it("makes as many as asked", () => {
    expect(generateRecoveryCodes(0)).toEqual([]);
    expect(generateRecoveryCodes(3)).toHaveLength(3);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses a count of %s", (count) => {
    expect(() => generateRecoveryCodes(count)).toThrow(RangeError);
  });

  it("carries at least 60 bits of entropy per code", () => {
    expect(RECOVERY_CODE_ENTROPY_BITS).toBe(75);
    expect(RECOVERY_CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(60);
  });

  it("never repeats a code over 2,000 sets, and spreads symbols evenly", () => {
    const codes = Array.from({ length: 2_000 }, () => generateRecoveryCodes()).flat();
    expect(codes).toHaveLength(20_000);
    expect(new Set(codes).size).toBe(codes.length);

    const counts = new Map<string, number>();
    for (const code of codes) {
      for (const symbol of code.replaceAll("-", "")) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...ALPHABET].sort());
    // 300,000 symbols: the mean is 9,375 with a standard deviation near 95, so a 20% band is
    // about 20 standard deviations wide. A fair generator cannot fail it; a biased one (say,
    // byte % 32 swapped for byte % 33, or a dropped symbol) does.
    const mean = (codes.length * 15) / ALPHABET.length;
    for (const [symbol, count] of counts) {
      expect(Math.abs(count - mean) / mean, `symbol ${symbol}`).toBeLessThan(0.2);
    }
  });
});

describe("normalising what a user typed", () => {
  const canonical = "0123456789abcde";

  it.each([
    ["the grouped form", "01234-56789-abcde"],
    ["the canonical form", "0123456789abcde"],
    ["upper case", "01234-56789-ABCDE"],
    ["spaces", "01234 56789 abcde"],
    ["underscores", "01234_56789_abcde"],
    ["mixed separators", " 0-1_2 3 4--56789abc de "],
    ["surrounding whitespace", "\t 01234-56789-abcde \n"],
    ["O for zero", "O1234-56789-abcde"],
    ["o for zero", "o1234-56789-abcde"],
    ["I for one", "0I234-56789-abcde"],
    ["i for one", "0i234-56789-abcde"],
    ["L for one", "0L234-56789-abcde"],
    ["l for one", "0l234-56789-abcde"],
  ])("reads %s", (_, input) => {
    expect(normalizeRecoveryCode(input)).toBe(canonical);
  });

  it.each([
    ["too short", "01234-56789-abcd"],
    ["too long", "01234-56789-abcdef"],
    ["empty", ""],
    ["only separators", " - - _ "],
    ["u, which is not in the alphabet", "01234-56789-abcdu"],
    ["U", "01234-56789-abcdU"],
    ["punctuation", "01234.56789.abcde"],
    ["a slash", "01234/56789/abcde"],
    ["non-ASCII letters", "01234-56789-abcdé"],
    ["the Kelvin sign", "01234-56789-abcd\u212A"],
    ["a zero-width space", "01234\u200B56789abcde"],
    ["a 10 kB string", "a".repeat(10_000)],
    ["a long string that would be a code without its padding", `${" ".repeat(100)}0123456789abcde`],
  ])("refuses %s", (_, input) => {
    expect(normalizeRecoveryCode(input)).toBeNull();
  });

  it.each([
    ["a number", 123456789012345],
    ["null", null],
    ["undefined", undefined],
    ["an object", { toString: () => "0123456789abcde" }],
    ["an array", ["0123456789abcde"]],
  ])("refuses %s", (_, input) => {
    expect(normalizeRecoveryCode(input)).toBeNull();
  });

  it("round-trips generated codes through formatting", () => {
    for (const code of generateRecoveryCodes()) {
      const normalised = normalizeRecoveryCode(code);
      expect(normalised).toMatch(/^[0-9a-hjkmnp-tv-z]{15}$/);
      expect(formatRecoveryCode(normalised ?? "")).toBe(code);
      expect(normalizeRecoveryCode(code.toUpperCase().replaceAll("-", " "))).toBe(normalised);
    }
  });

  it("formats a canonical code in groups of five", () => {
    expect(formatRecoveryCode(canonical)).toBe("01234-56789-abcde");
  });

  it.each(["01234-56789-abcde", "0123456789ABCDE", "0123456789abcd"])("refuses to format %j", (input) => {
    expect(() => formatRecoveryCode(input)).toThrow(TypeError);
  });
});

describe("hashing recovery codes", () => {
  const hash = recoveryCodeHasher("keyhold-test-secret");
  const code = "01234-56789-abcde";
  const canonical = "0123456789abcde";

  it("is deterministic for one secret", () => {
    expect(hash(canonical)).toBe(hash(canonical));
    expect(recoveryCodeHasher("keyhold-test-secret")(canonical)).toBe(hash(canonical));
  });

  it("keeps a pinned value, since changing the derivation would invalidate every stored code", () => {
    expect(hash(canonical)).toBe("tRo1mIkIEgX8gDJ5o6nftGs9mRU2NON3RBTwY1VFY88");
  });

  it("differs for another secret", () => {
    expect(recoveryCodeHasher("another-secret")(canonical)).not.toBe(hash(canonical));
  });

  it("differs for different codes", () => {
    const codes = generateRecoveryCodes(50).map((c) => normalizeRecoveryCode(c) ?? "");
    expect(new Set(codes.map(hash)).size).toBe(codes.length);
    expect(hash("0123456789abcdf")).not.toBe(hash(canonical));
  });

  it("reveals neither the code nor its canonical form", () => {
    const digest = hash(canonical);
    expect(digest).not.toContain(canonical);
    expect(digest).not.toContain(code);
    expect(digest.toLowerCase()).not.toContain(canonical);
  });

  it("is base64url of 32 bytes", () => {
    const digest = hash(canonical);
    expect(digest).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(digest, "base64url")).toHaveLength(32);
  });

  it("refuses anything but a canonical code, so hashing and checking cannot disagree", () => {
    expect(() => hash(code)).toThrow(TypeError);
    expect(() => hash(canonical.toUpperCase())).toThrow(TypeError);
  });

  it("refuses an empty secret", () => {
    expect(() => recoveryCodeHasher("")).toThrow(TypeError);
  });
});

describe("the recovery path", () => {
  const status = (remaining: number, declined = false) => ({
    total: 10,
    remaining,
    generatedAt: null,
    declinedAt: declined ? new Date() : null,
  });

  it("is ready with three codes or more, low with one or two, and missing with none", () => {
    expect(recoveryPath(status(3))).toBe("ready");
    expect(recoveryPath(status(2))).toBe("low");
    expect(recoveryPath(status(1))).toBe("low");
    expect(recoveryPath(status(0))).toBe("none");
    expect(recoveryPath(status(0, true))).toBe("declined");
  });
});

describe("recovery code activity", () => {
  it("draws attention to a refused code", () => {
    expect(RECOVERY_CODE_EVENTS.recovery_code_failed().attention).toBe(true);
  });
});
