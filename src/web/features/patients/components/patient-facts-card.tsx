import type { ReactNode } from 'react';
import type { PatientDetail } from '#shared/schemas/users.ts';
import { formatCpf } from '#shared/domain/cpf-cnpj.ts';
import { Card } from '#web/components/ui/card.tsx';
import { UserStatusBadge } from '#web/components/user-status-badge.tsx';
import { ageFrom, formatCalendarDate, formatDate } from '#web/lib/format-date.ts';
import { formatPhone } from '#web/lib/format-phone.ts';
import '#web/components/person-card.css';

/** "Dados pessoais": birth date, CPF, contact, account state and consent, with actions below. */
export function PatientFactsCard({ detail, consent, children }: { detail: PatientDetail; consent: string; children?: ReactNode }) {
  const { birthDate, phone, cpf } = detail.patient;
  const age = birthDate ? ageFrom(birthDate) : null;
  const facts: [string, ReactNode][] = [
    ['Nascimento', birthDate ? `${formatCalendarDate(birthDate)}${age !== null ? ` (${age} anos)` : ''}` : 'Não informado'],
    ['CPF', cpf ? formatCpf(cpf) : 'Não informado'],
    ['Telefone', phone ? formatPhone(phone) : 'Não informado'],
    ['E-mail', detail.user.email],
    ['Acesso', <UserStatusBadge key="status" user={detail.user} />],
    ['Termo de consentimento', consent],
    ['Cadastrado em', formatDate(detail.user.createdAt)],
  ];
  return (
    <Card as="section" className="person-card" aria-labelledby="patient-facts-title">
      <h2 id="patient-facts-title" className="patient-facts-title">
        Dados pessoais
      </h2>
      <dl className="person-facts patient-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {children ? <div className="person-card-actions">{children}</div> : null}
    </Card>
  );
}
