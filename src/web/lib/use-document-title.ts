import { useEffect } from 'react';

/** Sets the tab title to "<title> · MedConnect" while the page is shown. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · MedConnect` : 'MedConnect';
  }, [title]);
}
