import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its own WebAssembly and data files at run time; let Node resolve them from node_modules.
  serverExternalPackages: ["@electric-sql/pglite"],
  // `next dev` logs each request with its query string, and a mailed link carries its token there
  // (/settings/account/new-email?token=…): such requests stay out of the log.
  logging: { incomingRequests: { ignore: [/[?&]token=/] } },
};

export default nextConfig;
