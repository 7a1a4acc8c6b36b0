/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (`npm run typecheck`) before anything else; the build
  // skipping it keeps `npm start` fast on a fresh clone.
  typescript: { ignoreBuildErrors: true },
  // better-sqlite3 and resvg (the chart PNGs) are native and Prisma's generated client loads wasm at
  // run time: keep them out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@resvg/resvg-js"],
};

export default nextConfig;
