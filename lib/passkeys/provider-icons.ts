import { type ProviderIcons, readProviderList } from "./build-provider-list";
import providerList from "./provider-list/aaguid.json";

export type IconScheme = keyof ProviderIcons;

let icons: Map<string, ProviderIcons> | undefined;

/**
 * A provider's own icon, as SVG text, for the passkey list's rows; null for an AAGUID the committed
 * list gives no icon. Server only: the icons never reach the page's scripts, and the page shows them
 * as images, which run nothing (app/authenticator-icons/).
 */
export function providerIcon(aaguid: string, scheme: IconScheme): string | null {
  icons ??= new Map(
    [...readProviderList(providerList)].flatMap(([id, { icons }]) => (icons ? [[id, icons] as const] : [])),
  );
  return icons.get(aaguid)?.[scheme] ?? null;
}
