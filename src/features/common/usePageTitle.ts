import { useEffect } from 'react';

/** Sets the tab title, so a screen reader and the task bar name the screen. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — 備え`;
  }, [title]);
}
