import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ResetResult } from '#shared/schemas/reset.ts';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useResetPreview } from '#web/features/backups/api/reset.ts';
import { adminsText, erasesLines } from '#web/features/backups/model/backup-text.ts';
import { ResetForm } from './reset-form';
import { ResetResultPanel } from './reset-result';
import './backups.css';

/**
 * /admin/redefinir: says what a reset erases and keeps, then asks for REDEFINIR and the
 * password. Afterwards every cached answer is stale (everyone else is gone), so the cache is
 * emptied but for who is signed in: that query is kept as it is rather than cleared and set
 * again, because a mounted observer stays on the query object it had (after clear() the
 * layout's useMe would read a removed query until it re-renders).
 */
export function ResetPage() {
  const preview = useResetPreview();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<ResetResult | null>(null);

  const done = (made: ResetResult) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
    setResult(made);
    // The pages still mounted (menu, this page) fetch again as they render; the session is asked again too.
    void queryClient.refetchQueries({ type: 'active' });
  };

  return (
    <>
      <PageHeader
        title="Redefinir banco de dados"
        back={{ to: '/admin', label: 'Início' }}
        description="Apaga todos os dados da clínica e deixa só as contas de administração. Use para recomeçar do zero, por exemplo depois de um período de testes."
      />
      {result ? (
        <ResetResultPanel result={result} />
      ) : preview.isPending ? (
        <LoadingState />
      ) : preview.isError ? (
        <Card>
          <ErrorState message={messageOf(preview.error)} onRetry={() => void preview.refetch()} retrying={preview.isFetching} />
        </Card>
      ) : !preview.data.enabled ? (
        <Card as="section" aria-labelledby="reset-off-title">
          <CardHeader id="reset-off-title" title="A redefinição está desligada" />
          <p>Este servidor foi configurado para nunca apagar os dados da clínica (RESET_ENABLED=false). Nada pode ser apagado por aqui.</p>
          <p>
            <ButtonLink to="/admin/backups">Ver backups</ButtonLink>
          </p>
        </Card>
      ) : (
        <div className="reset-layout">
          <Card as="section" className="reset-card-erase" aria-labelledby="reset-erase-title">
            <CardHeader id="reset-erase-title" title="O que será apagado" />
            <ul className="reset-list">
              {erasesLines(preview.data.erases).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <p>Também saem salas, mensagens do chat, termos de consentimento, fechamentos, convites, registros de acesso e o histórico de alterações.</p>
          </Card>
          <Card as="section" aria-labelledby="reset-keep-title">
            <CardHeader id="reset-keep-title" title="O que fica" />
            <ul className="reset-list">
              <li>{adminsText(preview.data.keeps.admins)}, com perfil e foto, e a sua sessão: você continua conectado</li>
              <li>O registro das redefinições (quem fez, quando, o que apagou e qual backup)</li>
              <li>Valores da consulta e repasse, que voltam ao padrão</li>
            </ul>
          </Card>
          <Card as="section" aria-labelledby="reset-before-title">
            <CardHeader id="reset-before-title" title="Antes de apagar" />
            <ul className="reset-list">
              <li>
                Um backup completo é feito e conferido (aberto, contado e com SHA-256). Se o backup falhar, <strong>nada é apagado</strong>.
              </li>
              <li>O backup fica na pasta de backups do servidor e aparece na tela Backups, de onde pode ser baixado e restaurado.</li>
              <li>As consultas em andamento são encerradas e todas as outras pessoas saem do sistema.</li>
            </ul>
          </Card>
          <Card as="section" className="reset-card-confirm">
            <ResetForm onDone={done} />
          </Card>
        </div>
      )}
    </>
  );
}
