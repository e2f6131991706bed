import type { Metadata } from 'next';
import { SandboxPanel } from '@/components/sandbox/SandboxPanel';
import { SandboxProvider } from '@/components/sandbox/SandboxProvider';
import { Prose } from '@/components/ui/Prose';
import AuthoringGuide from '@/content/guides/authoring.mdx';

export const metadata: Metadata = {
  title: 'Authoring guide',
  description:
    'How to write a Keyspace lesson: every component live with its source, the frontmatter, the challenge check language and the content checker.',
};

export default function AuthoringPage() {
  return (
    <SandboxProvider>
      <div className="mx-auto grid max-w-[90rem] gap-8 px-4 py-6 sm:px-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <article className="min-w-0">
          <p className="text-sm text-slate-500 dark:text-slate-400">For instructors</p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">Authoring guide</h1>
          <Prose className="mt-6">
            <AuthoringGuide />
          </Prose>
        </article>
        <SandboxPanel heading="Sandbox" />
      </div>
    </SandboxProvider>
  );
}
