import { ReactNode, useState } from 'react';

/** A summary that opens to its content; the content is made only once opened (forms and queries wait until asked for). */
export function Disclosure({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}
