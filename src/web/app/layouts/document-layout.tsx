import { Outlet } from 'react-router';
import { Footer } from '#web/components/ui/footer.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { SignedIn } from './signed-in';

/**
 * Printable documents: signed-in people only, without the app's sidebar, so the page prints as
 * the document alone (the brand footer shows on screen only). The server decides who may see each document.
 */
export function DocumentLayout() {
  return (
    <SignedIn pending={<LoadingState fullPage label="Preparando o documento…" />}>
      {() => (
        // The brand footer under the document on screen; it is left out of the printout (footer.css).
        <>
          <Outlet />
          <Footer />
        </>
      )}
    </SignedIn>
  );
}
