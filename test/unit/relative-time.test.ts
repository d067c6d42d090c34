import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "@/lib/format/relative-time";

const now = new Date("2026-11-23T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("relative time", () => {
  it.each([
    [ago(10), "just now"],
    [ago(5 * 60), "5 minutes ago"],
    [ago(3 * 3600), "3 hours ago"],
    [ago(24 * 3600), "yesterday"],
    [ago(3 * 24 * 3600), "3 days ago"],
    [ago(14 * 24 * 3600), "2 weeks ago"],
    [ago(90 * 24 * 3600), "3 months ago"],
    [ago(800 * 24 * 3600), "2 years ago"],
  ])("says %s as %j", (date, expected) => {
    expect(formatRelativeTime(date, now)).toBe(expected);
  });

  it("accepts the ISO strings JSON carries", () => {
    expect(formatRelativeTime(ago(3 * 24 * 3600).toISOString(), now)).toBe("3 days ago");
  });
});
