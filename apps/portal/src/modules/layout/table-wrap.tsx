import { ReactNode } from 'react';

/**
 * A table's frame: on a narrow screen the table scrolls inside it, never the page. The frame
 * is a named group that takes keyboard focus, so it can be scrolled without a mouse (a group,
 * not a region: the section around it is already the landmark).
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <div className="ln-table-wrap" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A column heading: its text, and whether the column holds numbers (right-aligned). `false` leaves the column out. */
export type Column = ReactNode | { label: ReactNode; numeric?: boolean; className?: string } | false;

const isSpec = (c: Column): c is { label: ReactNode; numeric?: boolean; className?: string } =>
  typeof c === 'object' && c !== null && 'label' in c;

/**
 * The portal's table: framed (TableWrap), captioned for screen readers (or visibly, with
 * `showCaption`), with one header row of column headings (`columns`) or a header row of its own
 * (`head`), and the rows as children.
 */
export function DataTable({
  label,
  caption = label,
  showCaption = false,
  columns,
  head,
  testId,
  className,
  size,
  children,
}: {
  label: string;
  caption?: string;
  showCaption?: boolean;
  columns?: Column[];
  head?: ReactNode;
  testId?: string;
  className?: string;
  size?: 'sm' | 'md' | 'lg';
  children: ReactNode;
}) {
  return (
    <TableWrap label={label}>
      <table className={className ? `ds-table ${className}` : 'ds-table'} data-testid={testId} data-size={size}>
        <caption className={showCaption ? undefined : 'ln-visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {head ??
              (columns ?? [])
                .filter((c) => c !== false)
                .map((c, i) =>
                  isSpec(c) ? (
                    <th key={i} scope="col" className={[c.numeric ? 'ln-num' : '', c.className ?? ''].join(' ').trim() || undefined}>
                      {c.label}
                    </th>
                  ) : (
                    <th key={i} scope="col">
                      {c}
                    </th>
                  ),
                )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableWrap>
  );
}
