import { X509Certificate } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type MetadataStatement, SettingsService } from "@simplewebauthn/server";
import { verifyMDSBlob } from "@simplewebauthn/server/helpers";
import { type AdminConfig, ConfigError, serverConfig } from "@/config/env";
import { chainEndsAtAnchor } from "./certificates";

/**
 * The certificates an admin's attestation may chain to, as the operator supplies them: root
 * certificates of the makers they trust (ADMIN_ATTESTATION_ROOTS), and the FIDO Metadata Service's
 * statements (FIDO_MDS_BLOB), which give each authenticator model's roots, name and key protection.
 */
export type TrustAnchors = {
  /** PEM roots trusted for any model. */
  roots: string[];
  /** FIDO metadata by AAGUID (lower case), from a blob signed under FIDO's root. */
  statements: Map<string, MetadataStatement>;
};

/** What FIDO reports of a model whose attestation no longer proves anything. */
const COMPROMISED = new Set([
  "REVOKED",
  "USER_VERIFICATION_BYPASS",
  "ATTESTATION_KEY_COMPROMISE",
  "USER_KEY_REMOTE_COMPROMISE",
  "USER_KEY_PHYSICAL_COMPROMISE",
]);

export async function loadTrustAnchors(
  config: Pick<AdminConfig, "attestationRoots" | "mdsBlob">,
): Promise<TrustAnchors> {
  return {
    roots: config.attestationRoots ? readRoots(config.attestationRoots) : [],
    statements: config.mdsBlob ? await readMetadata(config.mdsBlob) : new Map(),
  };
}

let loaded: Promise<TrustAnchors> | undefined;

/** This server's anchors, read once; the server start reads them first, so a bad file stops it. */
export function trustAnchors(): Promise<TrustAnchors> {
  loaded ??= loadTrustAnchors(serverConfig().admin);
  return loaded;
}

/** A PEM file of one or more certificates, or a folder of .pem/.crt files. */
function readRoots(location: string): string[] {
  const files = statSync(location).isDirectory()
    ? readdirSync(location)
        .filter((name) => /\.(pem|crt)$/i.test(name))
        .map((name) => path.join(location, name))
    : [location];
  const roots = files.flatMap((file) => readFileSync(file, "utf8").match(PEM_CERTIFICATE) ?? []);
  if (roots.length === 0) {
    throw new ConfigError(`ADMIN_ATTESTATION_ROOTS has no PEM certificate in "${location}".`);
  }
  for (const pem of roots) {
    try {
      new X509Certificate(pem);
    } catch {
      throw new ConfigError(
        `ADMIN_ATTESTATION_ROOTS holds a certificate that cannot be read, in "${location}".`,
      );
    }
  }
  return roots;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/g;

/**
 * The blob as https://mds3.fidoalliance.org/ serves it: a JWT whose header carries its signing
 * chain. @simplewebauthn checks the chain against FIDO's root and the signature; models FIDO reports
 * compromised are left out, so their attestation verifies to nothing.
 */
async function readMetadata(file: string): Promise<Map<string, MetadataStatement>> {
  const blob = readFileSync(file, "utf8").trim();
  const mdsRoots = SettingsService.getRootCertificates({ identifier: "mds" });
  let payload: Awaited<ReturnType<typeof verifyMDSBlob>>["payload"];
  try {
    ({ payload } = await verifyMDSBlob(blob));
    if (!(await chainEndsAtAnchor(headerChain(blob), mdsRoots))) throw new Error("untrusted chain");
  } catch {
    throw new ConfigError(
      `FIDO_MDS_BLOB "${file}" is not a metadata blob signed under the FIDO Alliance's root: download it again from https://mds3.fidoalliance.org/.`,
    );
  }
  const statements = new Map<string, MetadataStatement>();
  for (const entry of payload.entries) {
    const compromised = entry.statusReports.some((report) => COMPROMISED.has(report.status));
    if (entry.aaguid && entry.metadataStatement && !compromised) {
      statements.set(entry.aaguid.toLowerCase(), entry.metadataStatement);
    }
  }
  return statements;
}

function headerChain(jwt: string): Uint8Array[] {
  const header = JSON.parse(Buffer.from(jwt.split(".")[0] ?? "", "base64url").toString("utf8"));
  const x5c: unknown = header?.x5c;
  if (!Array.isArray(x5c)) return [];
  return x5c.map((certificate) => new Uint8Array(Buffer.from(String(certificate), "base64")));
}
