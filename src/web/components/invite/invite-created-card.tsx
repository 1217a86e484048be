import { CircleCheck } from 'lucide-react';
import type { ReactNode } from 'react';
import type { InviteLink } from '#shared/schemas/auth.ts';
import { Card } from '#web/components/ui/card.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { InviteLinkPanel } from './invite-link-panel';
import './invite-link-panel.css';

interface InviteCreatedCardProps {
  name: string;
  email: string;
  invite: InviteLink;
  phone: string | null;
  back: { to: string; label: string };
  actions: ReactNode;
}

/** After creating an account: the success message and the invite to hand over. */
export function InviteCreatedCard({ name, email, invite, phone, back, actions }: InviteCreatedCardProps) {
  return (
    <>
      <PageHeader title="Conta criada" back={back} description={`Agora envie o convite para ${name} criar a própria senha.`} />
      <Card className="invite-created">
        <div className="invite-created-header">
          <span className="invite-created-icon" aria-hidden="true">
            <CircleCheck />
          </span>
          <div>
            <h2>Convite pronto para {name}</h2>
            <p className="muted">
              O acesso será pelo e-mail <strong>{email}</strong>. Copie o link ou envie pelo WhatsApp.
            </p>
          </div>
        </div>
        <InviteLinkPanel invite={invite} name={name} phone={phone} />
        <div className="invite-created-actions">{actions}</div>
      </Card>
    </>
  );
}
