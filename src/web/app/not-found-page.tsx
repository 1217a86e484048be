import { Compass } from 'lucide-react';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import './not-found-page.css';

/** A friendly 404 with a way back. */
export function NotFoundPage() {
  useDocumentTitle('Página não encontrada');
  return (
    <Card className="not-found">
      <span className="not-found-icon" aria-hidden="true">
        <Compass />
      </span>
      <p className="not-found-code tabular" aria-hidden="true">
        404
      </p>
      <h1>Não encontramos esta página</h1>
      <p className="muted">O endereço pode ter sido digitado errado, ou a página mudou de lugar. Volte ao início e siga por lá.</p>
      <ButtonLink to="/" variant="primary">
        Voltar ao início
      </ButtonLink>
    </Card>
  );
}
