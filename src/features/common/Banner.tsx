import type { ReactNode } from 'react';

/** A message above a form or list: errors are announced at once, notes politely. */
export function Banner({
  kind,
  children,
}: {
  kind: 'error' | 'info' | 'success';
  children: ReactNode;
}) {
  return (
    <div className={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
