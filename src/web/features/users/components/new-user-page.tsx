import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { InviteCreatedCard } from '#web/components/invite/invite-created-card.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { CreateUserForm } from './create-user-form';
import type { CreatedAccount } from './create-user-form';

const BACK = { to: '/admin/usuarios', label: 'Usuários' };

/** /admin/usuarios/novo: create a doctor or patient, then hand over the invite link. */
export function NewUserPage() {
  const [account, setAccount] = useState<CreatedAccount | null>(null);
  // A new key gives a blank form after "Cadastrar outra pessoa".
  const [formKey, setFormKey] = useState(0);

  if (account) {
    const { user, invite } = account.created;
    return (
      <InviteCreatedCard
        name={user.name}
        email={user.email}
        invite={invite}
        phone={account.phone}
        back={BACK}
        actions={
          <>
            <ButtonLink to={`/admin/usuarios/${user.id}`}>Ver cadastro</ButtonLink>
            <Button
              variant="ghost"
              icon={<UserPlus aria-hidden="true" />}
              onClick={() => {
                setAccount(null);
                setFormKey((k) => k + 1);
              }}
            >
              Cadastrar outra pessoa
            </Button>
          </>
        }
      />
    );
  }

  return (
    <>
      <PageHeader
        title="Novo usuário"
        back={BACK}
        description="Cadastre um médico ou paciente. Ao final, você recebe um link de convite para a pessoa criar a própria senha."
      />
      <CreateUserForm key={formKey} onCreated={setAccount} />
    </>
  );
}
