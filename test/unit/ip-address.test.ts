import { describe, expect, it } from "vitest";
import { readableIpAddress } from "@/lib/format/ip-address";

describe("addresses as people read them", () => {
  it("writes IPv6 in its shortest form", () => {
    expect(readableIpAddress("2001:0db8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(readableIpAddress("2001:DB8::A")).toBe("2001:db8::a");
    expect(readableIpAddress("::1")).toBe("::1");
  });

  it("shows an IPv4 client that reached an IPv6 socket as IPv4", () => {
    expect(readableIpAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(readableIpAddress("::ffff:c000:0201")).toBe("192.0.2.1");
  });

  it("leaves IPv4, and anything it cannot read, as it was stored", () => {
    expect(readableIpAddress("192.0.2.1")).toBe("192.0.2.1");
    expect(readableIpAddress("fe80::1%eth0")).toBe("fe80::1%eth0");
    expect(readableIpAddress("not:an:address")).toBe("not:an:address");
  });
});
