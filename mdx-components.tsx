import type { MDXComponents } from 'mdx/types';
import { mdxComponents } from '@/components/mdx';

// Required by @next/mdx. Every tag an author may use is registered once, in components/mdx.
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...components, ...mdxComponents };
}
