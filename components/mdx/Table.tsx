import { Children, isValidElement, type ComponentProps, type ReactNode } from 'react';

/**
 * A table that scrolls sideways inside itself when it is wider than the screen, instead of making
 * the whole page pan. The scrolling box is a named region that takes focus, so a keyboard can
 * scroll it too (axe: scrollable-region-focusable).
 */
export function TableScroller({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="my-6 max-w-full overflow-x-auto rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-ring [&>table]:my-0"
    >
      {children}
    </div>
  );
}

/** The text of a React tree (strings and numbers only), for naming a table by its header row. */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

/** The header cells' text of a Markdown table: its <thead>'s first row. */
function headerCells(children: ReactNode): string[] {
  const head = Children.toArray(children).find((child) => isValidElement(child) && child.type === 'thead');
  if (!isValidElement<{ children?: ReactNode }>(head)) return [];
  const row = Children.toArray(head.props.children)[0];
  if (!isValidElement<{ children?: ReactNode }>(row)) return [];
  return Children.toArray(row.props.children)
    .map((cell) => textOf(cell).trim())
    .filter(Boolean);
}

/**
 * Markdown's tables in lessons (`| a | b |`): each is named after its columns ("Table: Aspect,
 * Serverless, Node-based"), so two tables on one page have different region names.
 */
export function Table({ children, ...props }: ComponentProps<'table'>) {
  const columns = headerCells(children);
  return (
    <TableScroller label={columns.length > 0 ? `Table: ${columns.join(', ')}` : 'Table'}>
      <table {...props}>{children}</table>
    </TableScroller>
  );
}
