import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { validateCertificatePath } from "@simplewebauthn/server/helpers";
import { describe, expect, it } from "vitest";
import { ConfigError } from "@/config/env";
import { chainEndsAtAnchor } from "@/lib/admin/attestation/certificates";
import { adminPolicyWarnings } from "@/lib/admin/attestation/startup";
import { loadTrustAnchors } from "@/lib/admin/attestation/trust-anchors";
import { AttestationCA } from "../../helpers/attestation-ca";

const folder = () => mkdtempSync(path.join(tmpdir(), "keyhold-anchors-"));

describe("the admin policy at server start", () => {
  it("warns loudly when it takes the authenticator's word", () => {
    const [warning] = adminPolicyWarnings({
      passkeyPolicy: "claimed",
      attestationRoots: undefined,
      mdsBlob: undefined,
    });
    expect(warning).toMatch(/^WARNING: ADMIN_PASSKEY_POLICY=claimed: .*can become admin/);
  });

  it("says that nobody can open the admin area while no trust anchor is configured", () => {
    expect(
      adminPolicyWarnings({ passkeyPolicy: "attested", attestationRoots: undefined, mdsBlob: undefined }),
    ).toEqual([expect.stringMatching(/no passkey can be verified, so nobody can open the admin area/)]);
    expect(
      adminPolicyWarnings({ passkeyPolicy: "attested", attestationRoots: "/roots", mdsBlob: undefined }),
    ).toEqual([]);
  });
});

describe("trust anchors", () => {
  it("reads every certificate of a PEM file or a folder of them", async () => {
    const dir = folder();
    const [first, second] = await Promise.all([
      AttestationCA.create("First"),
      AttestationCA.create("Second"),
    ]);
    writeFileSync(path.join(dir, "first.pem"), first.pem);
    writeFileSync(path.join(dir, "second.crt"), `${second.pem}\n${first.pem}`);
    writeFileSync(path.join(dir, "README.txt"), "not a certificate");

    expect((await loadTrustAnchors({ attestationRoots: dir, mdsBlob: undefined })).roots).toHaveLength(3);
    expect(
      (await loadTrustAnchors({ attestationRoots: path.join(dir, "first.pem"), mdsBlob: undefined })).roots,
    ).toEqual([first.pem.trim()]);
  });

  it("stops the server on a roots file without a certificate, or a blob not signed under FIDO's root", async () => {
    const dir = folder();
    writeFileSync(path.join(dir, "empty.pem"), "nothing here");
    writeFileSync(path.join(dir, "blob.jwt"), "e30.e30.c2ln");

    await expect(
      loadTrustAnchors({ attestationRoots: path.join(dir, "empty.pem"), mdsBlob: undefined }),
    ).rejects.toThrow(ConfigError);
    await expect(
      loadTrustAnchors({ attestationRoots: undefined, mdsBlob: path.join(dir, "blob.jwt") }),
    ).rejects.toThrow(/FIDO_MDS_BLOB .* is not a metadata blob signed under the FIDO Alliance's root/);
  });
});

describe("a certificate chain ends at an anchor", () => {
  it("only when there is an anchor: @simplewebauthn's check passes any chain without one", async () => {
    const ca = await AttestationCA.create();
    const { certificates } = await ca.issue({ aaguid: null });

    expect(await validateCertificatePath([], [])).toBe(true);
    expect(await chainEndsAtAnchor(certificates, [])).toBe(false);
    expect(await chainEndsAtAnchor(certificates, [ca.pem])).toBe(true);
  });

  it("not when it brings a self-signed root of its own, which @simplewebauthn's check stops at", async () => {
    const [trusted, rogue] = await Promise.all([
      AttestationCA.create("Trusted"),
      AttestationCA.create("Rogue"),
    ]);
    const { certificates } = await rogue.issue({ aaguid: null, includeRoot: true });
    const pems = certificates.map(
      (der) =>
        `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString("base64")}\n-----END CERTIFICATE-----\n`,
    );

    expect(await validateCertificatePath(pems, [trusted.pem])).toBe(true);
    expect(await chainEndsAtAnchor(certificates, [trusted.pem])).toBe(false);
  });
});
