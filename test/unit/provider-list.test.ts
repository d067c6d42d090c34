import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildProviderNames, readProviderList } from "@/lib/passkeys/build-provider-list";

const read = (path: string) => readFileSync(new URL(`../../lib/passkeys/${path}`, import.meta.url), "utf8");
const snapshot: unknown = JSON.parse(read("provider-list/aaguid.json"));
const origin = JSON.parse(read("provider-list/source.json"));

const GOOGLE = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4";
const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";
const svg = (text: string) => `data:image/svg+xml;base64,${Buffer.from(text).toString("base64")}`;

describe("the committed snapshot of the community provider list", () => {
  it("says where it came from: the repository and the commit", () => {
    expect(origin).toEqual({
      repository: "https://github.com/passkeydeveloper/passkey-authenticator-aaguids",
      path: "aaguid.json",
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      committedAt: expect.any(String),
    });
  });

  it("is what provider-names.json was built from, by `npm run authenticators:refresh`", () => {
    expect(read("provider-names.json")).toBe(buildProviderNames(snapshot, origin));
  });

  it("holds the providers' own icons, for a light and a dark background", () => {
    const google = readProviderList(snapshot).get(GOOGLE);
    expect(google?.name).toBe("Google Password Manager");
    expect(google?.icons?.light).toContain("<svg");
    expect(google?.icons?.dark).toContain("<svg");
  });
});

describe("readProviderList", () => {
  it("lower-cases and trims, drops the all-zero AAGUID and malformed ones, and lends a lone icon to both schemes", () => {
    const providers = readProviderList({
      [GOOGLE.toUpperCase()]: { name: " Google Password Manager ", icon_dark: svg("<svg>dark</svg>") },
      [ZERO_AAGUID]: { name: "Anonymous" },
      "not-an-aaguid": { name: "Nobody" },
    });
    expect([...providers]).toEqual([
      [
        GOOGLE,
        { name: "Google Password Manager", icons: { light: "<svg>dark</svg>", dark: "<svg>dark</svg>" } },
      ],
    ]);
  });

  it("keeps the name but no icon that is not an SVG data URI", () => {
    const png = `data:image/png;base64,${Buffer.from("png").toString("base64")}`;
    const providers = readProviderList({
      [GOOGLE]: { name: "Google Password Manager", icon_light: png, icon_dark: svg("not an svg") },
    });
    expect(providers.get(GOOGLE)).toEqual({ name: "Google Password Manager", icons: null });
  });

  it("refuses an emptied list, which is how upstream says it has retired it", () => {
    expect(() => readProviderList({})).toThrow(/no entries/);
    expect(() => readProviderList({ [ZERO_AAGUID]: { name: "Anonymous" } })).toThrow(/no entries/);
  });

  it("refuses one AAGUID listed twice", () => {
    expect(() =>
      readProviderList({
        [GOOGLE]: { name: "Google Password Manager" },
        [GOOGLE.toUpperCase()]: { name: "G" },
      }),
    ).toThrow(/twice/);
  });
});
