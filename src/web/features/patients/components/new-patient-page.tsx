import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { InviteCreatedCard } from '#web/components/invite/invite-created-card.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { PageHeader } from '#web/components/ui/page-header.tsx';
import { CreatePatientForm } from './create-patient-form';
import type { CreatedPatient } from './create-patient-form';

const BACK = { to: '/medico/pacientes', label: 'Pacientes' };

/** /medico/pacientes/novo: register a patient, then send them the invite. */
export function NewPatientPage() {
  const [patient, setPatient] = useState<CreatedPatient | null>(null);
  const [formKey, setFormKey] = useState(0);

  if (patient) {
    const { user, invite } = patient.created;
    return (
      <InviteCreatedCard
        name={user.name}
        email={user.email}
        invite={invite}
        phone={patient.phone}
        back={BACK}
        actions={
          <>
            <ButtonLink to={`/medico/pacientes/${user.id}`}>Ver paciente</ButtonLink>
            <Button
              variant="ghost"
              icon={<UserPlus aria-hidden="true" />}
              onClick={() => {
                setPatient(null);
                setFormKey((k) => k + 1);
              }}
            >
              Cadastrar outro paciente
            </Button>
          </>
        }
      />
    );
  }

  return (
    <>
      <PageHeader
        title="Novo paciente"
        back={BACK}
        description="Preencha os dados do paciente. Depois, envie o link de convite para ele criar a própria senha."
      />
      <CreatePatientForm key={formKey} onCreated={setPatient} />
    </>
  );
}
