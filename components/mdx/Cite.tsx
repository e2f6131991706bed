/** A source for a fact that can change (a price, a quota, a version), with the date it holds for. */
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
