import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and the postgres driver opens sockets: both must load from node_modules, not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  // Lets several checkouts or test runs on one machine build side by side.
  distDir: process.env.ARBOR_DIST_DIR || ".next",
  typedRoutes: false,
};

export default nextConfig;
