import path from "node:path";
import type { NextConfig } from "next";

// The repository's root: the peer has no node_modules of its own and resolves everything from there.
const root = path.join(__dirname, "..", "..");

const nextConfig: NextConfig = {
  outputFileTracingRoot: root,
  // The root's `tsc --noEmit` checks these files along with the rest; a second check here would only
  // make the bench's build slower.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
