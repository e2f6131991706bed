import type { Metadata } from 'next';
import Link from 'next/link';
import { COMMAND_REFERENCE_ANCHORS } from '@/lib/sandbox/command-reference-links';
import { MemcachedCommandTable } from './MemcachedCommandTable';
import { RedisDifferences } from './RedisDifferences';
import { ValkeyCommandTable } from './ValkeyCommandTable';

export const metadata: Metadata = {
  title: 'Commands in the sandbox',
  description:
    'Every Valkey 8, Redis OSS 7.0 and Memcached 1.6 command and whether it runs in the Keyspace sandbox, and if not, why.',
};

const SECTIONS = [
  { anchor: COMMAND_REFERENCE_ANCHORS.valkey, label: 'Valkey 8' },
  { anchor: COMMAND_REFERENCE_ANCHORS.redis, label: 'Redis OSS 7.0' },
  { anchor: COMMAND_REFERENCE_ANCHORS.memcached, label: 'Memcached 1.6' },
];

/** One section per engine, each reached by its anchor (the sandbox page links to its console's engine). */
export default function SandboxCommandsPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <p className="text-sm">
        <Link href="/sandbox" className="text-accent-text underline underline-offset-2">
          Back to the sandbox
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Commands in the sandbox</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Every command of each engine the console runs on, whether it runs here, and the reason when it is refused.
      </p>
      <nav aria-label="Engines" className="mt-4">
        <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          {SECTIONS.map((section) => (
            <li key={section.anchor}>
              <a href={`#${section.anchor}`} className="text-accent-text underline underline-offset-2">
                {section.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ValkeyCommandTable headingId={COMMAND_REFERENCE_ANCHORS.valkey} />
      <RedisDifferences
        headingId={COMMAND_REFERENCE_ANCHORS.redis}
        valkeyHeadingId={COMMAND_REFERENCE_ANCHORS.valkey}
      />
      <MemcachedCommandTable headingId={COMMAND_REFERENCE_ANCHORS.memcached} />
    </div>
  );
}
