import { useEffect } from 'react';

let pageTitle = 'MedConnect';
let alertText: string | null = null;

function apply(): void {
  document.title = alertText ? `${alertText} · ${pageTitle}` : pageTitle;
}

/** Sets the tab title to "<title> · MedConnect" while the page is shown (after any alert, see setTitleAlert). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    pageTitle = title ? `${title} · MedConnect` : 'MedConnect';
    apply();
  }, [title]);
}

/**
 * Puts something that needs the person in front of the tab's title, whatever page is open
 * ("José na sala de espera · Pacientes · MedConnect"), until it is cleared with null. Kept apart
 * from the page's own title so a page change does not wipe it.
 */
export function setTitleAlert(text: string | null): void {
  alertText = text;
  apply();
}
