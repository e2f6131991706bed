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
  // Valkey clients live in route handlers only; keep ioredis out of the bundler.
  serverExternalPackages: ['ioredis'],
};

export default withMDX(nextConfig);
