/**
 * An address as people read it: IPv6 in its shortest form (`2001:db8::1`, not
 * `2001:0db8:0000:…:0001`), and an IPv4 client that reached an IPv6 socket as plain IPv4
 * (`::ffff:192.0.2.1` is `192.0.2.1`). Anything else is shown as it was stored.
 */
export function readableIpAddress(address: string): string {
  if (!address.includes(":")) return address;
  let canonical: string;
  try {
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return address;
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const [high, low] = [Number.parseInt(mapped[1] as string, 16), Number.parseInt(mapped[2] as string, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}
