import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and the postgres driver opens sockets: both must load from node_modules, not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
