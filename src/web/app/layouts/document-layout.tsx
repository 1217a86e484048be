import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { Footer } from '../../components/ui/footer';
import { LoadingState } from '../../components/ui/loading-state';
import { useMe } from '../../lib/get-me';
import { messageOf } from '../../lib/api-error';

/**
 * Printable documents: signed-in people only, without the app's sidebar, so the page prints as
 * the document alone (the brand footer shows on screen only). The server decides who may see each document.
 */
export function DocumentLayout() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState fullPage label="Preparando o documento…" />;
  if (me.isError) {
    return (
      <main className="center-page">
        <ErrorState message={messageOf(me.error)} onRetry={() => void me.refetch()} retrying={me.isFetching} />
      </main>
    );
  }
  if (!me.data) return <Navigate to="/entrar" replace state={{ from: location.pathname + location.search }} />;
  // The brand footer under the document on screen; it is left out of the printout (footer.css).
  return (
    <>
      <Outlet />
      <Footer />
    </>
  );
}
