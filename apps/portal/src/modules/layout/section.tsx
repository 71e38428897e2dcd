import { Heading } from '@digdir/designsystemet-react';
import { ReactNode } from 'react';

/**
 * A part of a page: a region named by its own heading (level 2), so that screen-reader users can
 * jump between the parts. `id` names the heading; the section is labelled by it.
 */
export function Section({ id, title, className, children }: { id: string; title: ReactNode; className?: string; children?: ReactNode }) {
  return (
    <section aria-labelledby={id} className={className}>
      <Heading level={2} data-size="sm" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
