import { KeyBrowserDisclosure } from './KeyBrowserDisclosure';
import { Repl } from './Repl';

/** The console and key browser beside a page's text: sticky on wide screens, below it on phones. */
export function SandboxPanel({ heading, className = '' }: { heading: string; className?: string }) {
  return (
    <div className={`flex flex-col gap-2 xl:sticky xl:top-20 xl:h-[calc(100vh-7rem)] xl:self-start ${className}`}>
      <Repl heading={heading} className="h-[28rem] xl:h-auto xl:min-h-0 xl:flex-1" />
      <KeyBrowserDisclosure className="shrink-0" />
    </div>
  );
}
