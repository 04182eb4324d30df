// A wide table's frame: on a narrow screen it scrolls sideways, and since a keyboard user must be
// able to scroll it too, it takes the focus and is named after its table.
import type { ReactNode } from 'react';

export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
