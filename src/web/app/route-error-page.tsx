import { RefreshCw, TriangleAlert } from 'lucide-react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button } from '#web/components/ui/button.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { Footer } from '#web/components/ui/footer.tsx';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import './not-found-page.css';

/** Catches anything a page throws (including a page's code failing to download after an update). */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useDocumentTitle(notFound ? 'Página não encontrada' : 'Algo deu errado');
  if (!notFound) console.error(error);
  return (
    <>
      <main id="conteudo" className="center-page">
        <Card className="not-found">
          <span className="not-found-icon" aria-hidden="true">
            <TriangleAlert />
          </span>
          {notFound ? (
            <>
              <h1>Não encontramos esta página</h1>
              <p className="muted">O endereço pode ter sido digitado errado, ou a página mudou de lugar.</p>
              <ButtonLink to="/" variant="primary">
                Voltar ao início
              </ButtonLink>
            </>
          ) : (
            <>
              <h1>Algo deu errado</h1>
              <p className="muted">Não conseguimos abrir esta página. Isso costuma se resolver carregando de novo.</p>
              <Button onClick={() => window.location.reload()} icon={<RefreshCw aria-hidden="true" />}>
                Tentar de novo
              </Button>
            </>
          )}
        </Card>
      </main>
      <Footer />
    </>
  );
}
