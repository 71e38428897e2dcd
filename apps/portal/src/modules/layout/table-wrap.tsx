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
