/**
 * A source for a fact that can change (a price, a quota, a version), with the date it holds for.
 * Its link is out of the Tab order (a lesson can cite 30 times): a screen reader still reads and
 * follows it in place, and the keyboard reaches every source once, in the lesson's <Sources> list
 * (the content checker requires each cited address there).
 */
export function Cite({ source, href, date }: { source: string; href?: string; date: string }) {
  const label = `${source}, ${date}`;
  return (
    <sup className="ml-0.5 text-[0.7em] font-normal">
      [
      {href ? (
        <a
          href={href}
          className="text-accent-text underline-offset-2 hover:underline"
          rel="noreferrer"
          target="_blank"
          tabIndex={-1}
          title={`Source: ${label}`}
        >
          {label}
        </a>
      ) : (
        <span title={`Source: ${label}`}>{label}</span>
      )}
      ]
    </sup>
  );
}
