import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from './button';
import './pagination.css';
import { lazyIntl } from '#shared/domain/lazy-intl.ts';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  /** What is being counted, plural: "pessoas", "pacientes". */
  noun?: string;
}

const NUMBER = lazyIntl(() => new Intl.NumberFormat('pt-BR'));

/** "Mostrando 21–40 de 57" with previous/next buttons. Hidden when everything fits on one page. */
export function Pagination({ page, pageSize, total, onPageChange, noun = 'itens' }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Paginação">
      <p className="pagination-summary">
        {/* One item reads "Mostrando 1 de 1", not "1–1 de 1 acessos" (the noun is a plural). */}
        {total === 1 ? 'Mostrando 1 de 1' : `Mostrando ${NUMBER.format(first)}–${NUMBER.format(last)} de ${NUMBER.format(total)} ${noun}`}
      </p>
      {pages > 1 ? (
        <div className="pagination-controls">
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)} icon={<ChevronLeft aria-hidden="true" />}>
            Anterior
          </Button>
          <span className="pagination-page" aria-current="page">
            Página {page} de {pages}
          </span>
          <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
            Próxima
            <ChevronRight aria-hidden="true" />
          </Button>
        </div>
      ) : null}
    </nav>
  );
}
