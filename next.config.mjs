import createMDX from '@next/mdx';

const withMDX = createMDX({
  options: {
    // Names, not functions: Turbopack passes loader options across threads, so they must serialize.
    remarkPlugins: ['remark-frontmatter', 'remark-gfm'],
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  pageExtensions: ['ts', 'tsx', 'mdx'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Valkey clients and the patterns lab's origin (PGlite loads its WebAssembly from its own folder) stay out of the bundler.
  serverExternalPackages: ['ioredis', '@electric-sql/pglite', 'pg'],
  // Inlined at build time: /api/bench/* works only in a build made with KEYSPACE_BENCH_ROUTES=1
  // (npm run bench:sandbox makes one); any other build answers 404 (lib/bench/baseline.ts).
  env: { BENCH_ROUTES_BUILT: process.env.KEYSPACE_BENCH_ROUTES === '1' ? '1' : '0' },
};

export default withMDX(nextConfig);
