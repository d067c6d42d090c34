import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/http/safe-next";

const FALLBACK = "/dashboard";

/** What a browser would do with the returned value as a Location header or link, from the app's own page. */
function expectSameOrigin(result: string) {
  expect(result.startsWith("/")).toBe(true);
  expect(result.startsWith("//")).toBe(false);
  expect(new URL(result, "https://app.example").origin).toBe("https://app.example");
}

// Sources: PayloadsAllTheThings "Open Redirect" (incl. its Open-Redirect-payloads list), the OWASP
// Unvalidated Redirects and Forwards cheat sheet, and variants of each. Every one must give the fallback.
const attacks: string[] = [
  // Protocol-relative and authority tricks.
  "//evil.com",
  "///evil.com",
  "////evil.com",
  "//evil.com/",
  "//evil.com/%2f..",
  "//evil.com#/dashboard",
  "//evil.com?/dashboard",
  "//evil.com@keyhold",
  "//keyhold@evil.com",
  "//keyhold.invalid@evil.com",
  "//;@evil.com",
  "//evil%E3%80%82com",
  "//evil\u3002com",
  "//0x7f.0x0.0x0.0x1",
  "//2130706433",
  "//[::1]",

  // Backslashes, which browsers read as "/" in http(s) URLs.
  "/\\evil.com",
  "\\/evil.com",
  "\\\\evil.com",
  "\\evil.com",
  "/\\/evil.com",
  "/\\\\evil.com",
  "\\/\\/evil.com",
  "/dashboard\\..\\..\\\\evil.com",

  // ASCII controls and whitespace, which browsers strip or trim.
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r/evil.com",
  "/\r\n/evil.com",
  "\t//evil.com",
  "/ /evil.com",
  " //evil.com",
  " /dashboard",
  "/dashboard ",
  "/dashboard\n",
  "/dashboard\r\nSet-Cookie: a=b",
  "/\u0000/evil.com",
  "/\u000b/evil.com",
  "/\u000c/evil.com",
  "/\u001f/evil.com",
  "/\u007f/evil.com",

  // Unicode whitespace, format and bidi characters, lookalike slashes.
  "\u3000//evil.com",
  "/\u3000/evil.com",
  "/\u00a0/evil.com",
  "/\u0085/evil.com",
  "/\u1680/evil.com",
  "/\u2028/evil.com",
  "/\u2029/evil.com",
  "/\u200b/evil.com",
  "/\u200e/evil.com",
  "\ufeff//evil.com",
  "/\u202e/moc.live",
  "/\u2066/evil.com",
  "/\u2215\u2215evil.com",
  "/\u2044\u2044evil.com",
  "/\uff0f\uff0fevil.com",
  "\uff0f\uff0fevil.com",
  "/\uff3cevil.com",
  "/\ufe68evil.com",

  // Percent-encoded variants of the above.
  "/%09/evil.com",
  "/%0a/evil.com",
  "/%0d/evil.com",
  "/%0d%0a/evil.com",
  "/%00/evil.com",
  "/%20/evil.com",
  "/%7f/evil.com",
  "/%2f%2fevil.com",
  "/%2F%2Fevil.com",
  "/%2fevil.com",
  "%2f%2fevil.com",
  "%2F/evil.com",
  "/%5cevil.com",
  "/%5c%5cevil.com",
  "/%5C/evil.com",
  "%5c%5cevil.com",
  "/%2e%2e//evil.com",
  "/%2e%2e%2f%2fevil.com",
  "/.%2e//evil.com",
  "/%E3%80%80/evil.com",
  "/%C2%A0/evil.com",
  "/%E2%80%A8/evil.com",
  "/%E2%80%8B/evil.com",
  "/%EF%BB%BF/evil.com",
  "/%E2%80%AE/moc.live",
  "/%E2%88%95%E2%88%95evil.com",
  "/%EF%BC%8F%EF%BC%8Fevil.com",

  // Double, triple and deeper encoding.
  "%252f%252fevil.com",
  "/%252fevil.com",
  "/%255cevil.com",
  "/%2509/evil.com",
  "/%25252fevil.com",
  "/%2525252fevil.com",
  "/%25252525252fevil.com",

  // Malformed or non-UTF-8 escapes (IIS %u, overlong UTF-8).
  "/%",
  "/%zz",
  "/dashboard%",
  "/%E0%A4%A",
  "/%c0%af%c0%afevil.com",
  "/%u002f%u002fevil.com",
  "%",

  // Other schemes, with case, whitespace and encoding tricks.
  "https://evil.com",
  "http://evil.com",
  "HTTPS://evil.com",
  "https:evil.com",
  "https:/evil.com",
  "https:\\\\evil.com",
  "http:\\/\\/evil.com",
  "https%3a%2f%2fevil.com",
  "https%253a%252f%252fevil.com",
  "ftp://evil.com",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "java%0d%0ascript:alert(1)",
  "java%09script:alert(1)",
  "javascript://%0aalert(1)",
  "javascript:alert(1)//",
  "%6a%61%76%61%73%63%72%69%70%74:alert(1)",
  "\u0001javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "mailto:a@evil.com",
  "file:///etc/passwd",
  "blob:https://evil.com/x",

  // Not a path at all: bare hosts and relative references that depend on where they are resolved.
  "evil.com",
  "evil.com/dashboard",
  "@evil.com",
  ".evil.com",
  "?next=//evil.com",
  "#//evil.com",
  "./evil",
  "../evil",
  "dashboard",

  // Dot segments that collapse into a protocol-relative URL.
  "/..//evil.com",
  "/../..//evil.com",
  "/.//evil.com",
  "/./\\evil.com",
  "/a/../..//evil.com",
  "/dashboard/..//evil.com",
  "/%2e/%2e%2e//evil.com",
  "/a/..%2f%2fevil.com",
];

// Odd-looking but harmless: the browser treats each as a path on this origin.
const harmless: [input: string, expected: string][] = [
  ["/@evil.com", "/@evil.com"],
  ["/.evil.com", "/.evil.com"],
  ["/evil.com", "/evil.com"],
  ["/javascript:alert(1)", "/javascript:alert(1)"],
  ["/https://evil.com", "/https://evil.com"],
  ["/settings?next=//evil.com", "/settings?next=//evil.com"],
  ["/login?next=%2F%2Fevil.com", "/login?next=%2F%2Fevil.com"],
];

const valid: [input: string, expected: string][] = [
  ["/dashboard", "/dashboard"],
  ["/", "/"],
  ["/settings/security/passkeys", "/settings/security/passkeys"],
  ["/settings?tab=1#x", "/settings?tab=1#x"],
  ["/a/../b", "/b"],
  ["/a/./b", "/a/b"],
  ["/../dashboard", "/dashboard"],
  ["/dashboard?", "/dashboard"],
  ["/dashboard#", "/dashboard"],
  ["/a//b", "/a//b"],
  ["/settings?tab=security&sort=-created", "/settings?tab=security&sort=-created"],
  ["/%7Euser", "/%7Euser"],
  ['/a"b', "/a%22b"],
];

describe("safeNext", () => {
  it("has no duplicate attack payloads", () => {
    expect(new Set(attacks).size).toBe(attacks.length);
    expect(attacks.length).toBeGreaterThanOrEqual(80);
  });

  it.each(attacks)("rejects %j", (payload) => {
    expect(safeNext(payload)).toBe(FALLBACK);
    expect(safeNext(payload, "/elsewhere")).toBe("/elsewhere");
  });

  it.each(harmless)("keeps the harmless path %j on this origin", (input, expected) => {
    const result = safeNext(input);
    expect(result).toBe(expected);
    expectSameOrigin(result);
  });

  it.each(valid)("accepts %j as %j", (input, expected) => {
    const result = safeNext(input);
    expect(result).toBe(expected);
    expectSameOrigin(result);
    expect(safeNext(result)).toBe(result);
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["the empty string", ""],
    ["a number", 42],
    ["an object", { toString: () => "/dashboard" }],
    ["an array", ["/dashboard"]],
    ["a String object", new String("/dashboard")],
    ["a URL object", new URL("https://evil.com")],
  ])("rejects %s", (_label, value) => {
    expect(safeNext(value as string)).toBe(FALLBACK);
  });

  it("rejects inputs over 2048 characters and accepts one at the limit", () => {
    expect(safeNext(`/${"a".repeat(5000)}`)).toBe(FALLBACK);
    expect(safeNext(`/${"a".repeat(2048)}`)).toBe(FALLBACK);
    const atLimit = `/${"a".repeat(2047)}`;
    expect(safeNext(atLimit)).toBe(atLimit);
  });

  it("rejects unencoded and percent-encoded non-ASCII, which a browser-built URL never contains", () => {
    expect(safeNext("/caf\u00e9")).toBe(FALLBACK);
    expect(safeNext("/caf%C3%A9")).toBe(FALLBACK);
  });

  it("uses the fallback argument, defaulting to /dashboard", () => {
    expect(safeNext("//evil.com")).toBe("/dashboard");
    expect(safeNext("//evil.com", "/")).toBe("/");
    expect(safeNext(null, "/login")).toBe("/login");
    expect(safeNext(undefined, "/login")).toBe("/login");
    expect(safeNext("/settings", "/login")).toBe("/settings");
  });
});
