import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Loaded by Node from node_modules instead of bundled. Every page reads the session, so every
  // page's server bundle holds the whole auth graph: bundling these packages made `next dev`
  // compile them for tens of seconds before the first page. They run on the server only; PGlite
  // also loads its own WebAssembly and data files at run time.
  serverExternalPackages: [
    "@better-auth/core",
    "@better-auth/passkey",
    "@electric-sql/pglite",
    "@simplewebauthn/server",
    "better-auth",
    "drizzle-orm",
    "ioredis",
    "nodemailer",
    "zod",
  ],
  // `next dev` logs each request with its query string, and a mailed link carries its token there
  // (/settings/account/new-email?token=…): such requests stay out of the log.
  logging: { incomingRequests: { ignore: [/[?&]token=/] } },
};

export default nextConfig;
