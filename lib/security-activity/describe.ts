import type { BetterAuthOptions, BetterAuthPlugin } from "better-auth";
import type { SecurityEventType } from "@/lib/security-log/events";
import type { SecurityActivityEvent } from "./list";

export type EventDescription = {
  /** A sentence about what happened, as the user would say it. */
  summary: string;
  /** Worth a second look: a refused attempt, or a sign-in from a device not seen before. */
  attention: boolean;
  /** A short label shown next to the sentence, e.g. "New device". */
  badge?: string;
};

/** What the features put in an event's `details`, as far as their sentences read it. */
export type EventDetails = {
  method?: string;
  deviceType?: string;
  name?: string | null;
  previousName?: string | null;
  remaining?: number;
  newDevice?: boolean;
  count?: number;
};

/** How each kind of event reads, from the feature that logs it. */
export type EventDescriptions = { [Type in SecurityEventType]?: (details: EventDetails) => EventDescription };

/** How a plugin of the app describes the events it logs: `options: { events: { … } }`. */
export type PluginEvents = { events: EventDescriptions };

export const plain = (summary: string): EventDescription => ({ summary, attention: false });

export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function passkeyKind(details: EventDetails): string {
  return details.deviceType === "multiDevice" ? "synced" : "device-bound";
}

export function quoted(name: string | null | undefined): string {
  return name ? `"${name}"` : "without a name";
}

const composed = new WeakMap<readonly BetterAuthPlugin[], EventDescriptions>();
const NO_PLUGINS: readonly BetterAuthPlugin[] = [];

/** Every plugin's sentences for the events it logs, read once per configuration. */
export function eventDescriptionsOf(options: Pick<BetterAuthOptions, "plugins">): EventDescriptions {
  const plugins = options.plugins ?? NO_PLUGINS;
  let descriptions = composed.get(plugins);
  if (!descriptions) {
    descriptions = Object.assign(
      {},
      ...plugins.map((plugin) => (plugin.options as Partial<PluginEvents> | undefined)?.events ?? {}),
    ) as EventDescriptions;
    composed.set(plugins, descriptions);
  }
  return descriptions;
}

/**
 * What an entry of the security log says to the account's owner. A kind no feature describes (a
 * row from another version, or from a feature since removed) is named by its type, never guessed.
 */
export function describeSecurityEvent(
  event: Pick<SecurityActivityEvent, "type" | "details">,
  descriptions: EventDescriptions,
): EventDescription {
  const details = (event.details ?? {}) as EventDetails;
  const describe = Object.hasOwn(descriptions, event.type)
    ? descriptions[event.type as SecurityEventType]
    : undefined;
  return describe ? describe(details) : plain(event.type.replaceAll("_", " "));
}
