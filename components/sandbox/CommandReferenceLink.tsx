'use client';

import Link from 'next/link';
import { commandReferenceHref } from '@/lib/sandbox/command-reference-links';
import { DEFAULT_ENGINE, ENGINE_LABELS } from '@/lib/sandbox/engines';
import { useSandbox } from './SandboxProvider';

/**
 * The link to the command reference for the engine the console is on: its text names the engine
 * (a link read out of context must say where it goes), and it lands on that engine's section.
 */
export function CommandReferenceLink() {
  const engine = useSandbox()?.engine ?? DEFAULT_ENGINE;
  return (
    <Link href={commandReferenceHref(engine)} className="text-accent-text underline underline-offset-2">
      Every {ENGINE_LABELS[engine].name} command, and whether it runs here
    </Link>
  );
}
