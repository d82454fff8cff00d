import { useId, type ReactNode } from 'react';

/**
 * A titled section of a printed document. The heading's id comes from useId: the binder prints
 * the same parts once per system, and fixed ids would name every section after the first.
 */
export function PrintSection({ heading, children }: { heading: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="print-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}
