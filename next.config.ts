import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its own WebAssembly and data files at run time; let Node resolve them from node_modules.
  serverExternalPackages: ["@electric-sql/pglite"],
};

export default nextConfig;
