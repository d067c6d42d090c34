const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";
const AAGUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An AAGUID as the lists key it: a UUID in lower case. */
export function isAaguid(value: string): boolean {
  return AAGUID.test(value);
}
const SVG_DATA_URI = "data:image/svg+xml;base64,";
const MAX_ICON_BYTES = 64 * 1024;

/** Where the committed snapshot of the community list came from (provider-list/source.json). */
export type ProviderListSource = { repository: string; path: string; commit: string; committedAt: string };

/** An icon's SVG text for a light and for a dark background; a provider that gave one has it for both. */
export type ProviderIcons = { light: string; dark: string };

export type Provider = { name: string; icons: ProviderIcons | null };

/**
 * The community list passkeydeveloper/passkey-authenticator-aaguids (its `aaguid.json`), read and
 * checked: lower-case AAGUIDs without the all-zero one (it means "not saying", not any product),
 * trimmed names, and only icons that are SVG data URIs, as the list's schema requires. An icon that
 * is not is dropped, and the row falls back to the app's own drawing.
 */
export function readProviderList(source: unknown): Map<string, Provider> {
  if (typeof source !== "object" || source === null) throw new Error("The provider list is not an object");
  const providers = new Map<string, Provider>();
  for (const [rawAaguid, entry] of Object.entries(source)) {
    const aaguid = rawAaguid.trim().toLowerCase();
    const name = typeof entry?.name === "string" ? entry.name.trim() : "";
    if (aaguid === ZERO_AAGUID || !isAaguid(aaguid) || name === "") continue;
    if (providers.has(aaguid)) throw new Error(`AAGUID ${aaguid} is listed twice`);
    const light = svgFromDataUri(entry.icon_light);
    const dark = svgFromDataUri(entry.icon_dark);
    const icons = light || dark ? { light: light ?? dark ?? "", dark: dark ?? light ?? "" } : null;
    providers.set(aaguid, { name, icons });
  }
  // The README: "When this list is officially retired … leaving an empty object". Refuse it, rather
  // than silently forget every name and icon.
  if (providers.size === 0) throw new Error("The provider list has no entries: upstream may have retired it");
  return providers;
}

/**
 * The committed provider-names.json: each listed AAGUID's name and whether it has an icon, with the
 * snapshot it came from. This is all the browser gets; the icons stay on the server. Pure, so the
 * unit test can rebuild it from the committed snapshot and fail when the two drift apart.
 */
export function buildProviderNames(source: unknown, origin: ProviderListSource): string {
  const providers = [...readProviderList(source)]
    // Code-unit order, not localeCompare, so the bytes don't depend on the machine's locale.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([aaguid, { name, icons }]) => [aaguid, { name, icon: icons !== null }]);
  return `${JSON.stringify({ source: origin, providers: Object.fromEntries(providers) }, null, 2)}\n`;
}

function svgFromDataUri(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith(SVG_DATA_URI)) return null;
  const bytes = Buffer.from(value.slice(SVG_DATA_URI.length), "base64");
  if (bytes.length === 0 || bytes.length > MAX_ICON_BYTES) return null;
  const text = bytes.toString("utf8");
  return text.includes("<svg") ? text : null;
}
