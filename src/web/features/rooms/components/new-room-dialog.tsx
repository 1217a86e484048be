import { LogIn, Video } from 'lucide-react';
import { useState } from 'react';
import { createRoomInputSchema } from '#shared/schemas/rooms.ts';
import type { Room } from '#shared/schemas/rooms.ts';
import { checkedBy, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { SelectField } from '#web/components/ui/select-field.tsx';
import { TextField } from '#web/components/ui/text-field.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { usePatients } from '#web/features/patients/api/get-patients.ts';
import { useCreateRoom } from '#web/features/rooms/api/create-room.ts';
import { RoomShareLink } from './room-share-link';
import { saoPauloLocalToIso, saoPauloNowLocal } from '#web/lib/sao-paulo-input.ts';
import './rooms.css';

/** A patient chosen beforehand (from their page): the dialog skips the patient list. */
export interface PresetPatient {
  id: string;
  name: string;
  phone: string | null;
}

interface NewRoomDialogProps {
  open: boolean;
  onClose: () => void;
  patient?: PresetPatient | undefined;
}

/** "Nova consulta": choose the patient, optionally a date and a reason; then hand over the link. */
export function NewRoomDialog({ open, onClose, patient }: NewRoomDialogProps) {
  const [created, setCreated] = useState<{ room: Room; phone: string | null } | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={created ? 'Sala aberta' : 'Nova consulta'}
      description={
        created
          ? `Envie o link para ${created.room.patient.name}. Quando ${created.room.patient.name.split(' ')[0] ?? ''} entrar, você recebe um aviso.`
          : 'Abra uma sala de consulta por vídeo. Só você e o paciente escolhido podem entrar.'
      }
      actions={
        created ? (
          // One primary action in this dialog: sending the link (inside the panel). Entering is secondary.
          <>
            <Button variant="secondary" onClick={close}>
              Concluir
            </Button>
            <ButtonLink to={`/sala/${created.room.code}`} variant="secondary" icon={<LogIn aria-hidden="true" />}>
              Entrar na sala
            </ButtonLink>
          </>
        ) : undefined
      }
    >
      {created ? (
        <RoomShareLink room={created.room} phone={created.phone} />
      ) : open ? (
        <NewRoomForm patient={patient} onCancel={close} onCreated={(room, phone) => setCreated({ room, phone })} />
      ) : null}
    </Dialog>
  );
}

function NewRoomForm({
  patient,
  onCancel,
  onCreated,
}: {
  patient?: PresetPatient | undefined;
  onCancel: () => void;
  onCreated: (room: Room, phone: string | null) => void;
}) {
  const [patientId, setPatientId] = useState(patient?.id ?? '');
  const [when, setWhen] = useState('');
  const [reason, setReason] = useState('');
  const [minWhen] = useState(() => saoPauloNowLocal());
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateRoom();
  const patients = usePatients({ page: 1, pageSize: 100 });
  const choices = (patients.data?.items ?? []).filter((p) => p.status === 'active');
  const options = choices.map((p) => ({ value: p.id, label: p.activated ? p.name : `${p.name} (ainda não criou a senha)` }));
  // Without formRef, as before: in the dialog the focus stays where it is when a field is wrong.
  const { formError, onSubmit } = useSubmitForm({
    mutation: create,
    setErrors,
    check: () => {
      if (when && !saoPauloLocalToIso(when)) return { errors: { scheduledAt: 'Data e hora inválidas.' } };
      const scheduledAt = saoPauloLocalToIso(when);
      return checkedBy(createRoomInputSchema.safeParse({ patientId, scheduledAt, reason }), () => ({
        patientId,
        scheduledAt,
        reason: reason.trim() || undefined,
      }));
    },
    onSuccess: (room, sent) => onCreated(room, patient ? patient.phone : (choices.find((p) => p.id === sent.patientId)?.phone ?? null)),
  });

  return (
    <form className="new-room-form" onSubmit={onSubmit} noValidate>
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      {patient ? (
        <p className="new-room-patient">
          Paciente: <strong>{patient.name}</strong>
        </p>
      ) : (
        <SelectField
          label="Paciente"
          options={options}
          placeholder={patients.isPending ? 'Carregando pacientes…' : 'Escolha o paciente'}
          value={patientId}
          onChange={(e) => {
            setPatientId(e.target.value);
            setErrors(({ patientId: _removed, ...rest }) => rest);
          }}
          error={errors.patientId ?? (patients.isError ? messageOf(patients.error) : undefined)}
          hint={
            !patients.isPending && choices.length === 0
              ? 'Você ainda não tem pacientes ativos. Cadastre um paciente primeiro.'
              : (patients.data?.total ?? 0) > 100
                ? 'Mostrando os 100 pacientes mais recentes. Para outro paciente, abra a página dele e use “Nova sala”.'
                : undefined
          }
          required
        />
      )}
      <TextField
        label="Data e hora"
        type="datetime-local"
        optional
        value={when}
        min={minWhen}
        onChange={(e) => setWhen(e.target.value)}
        error={errors.scheduledAt}
        hint="Horário de Brasília. Deixe em branco para uma consulta agora."
      />
      <TextField
        label="Motivo da consulta"
        optional
        value={reason}
        maxLength={200}
        onChange={(e) => setReason(e.target.value)}
        error={errors.reason}
        placeholder="Ex.: retorno, resultado de exames"
      />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onCancel} disabled={create.isPending}>
          Cancelar
        </Button>
        <Button type="submit" loading={create.isPending} icon={<Video aria-hidden="true" />}>
          Abrir sala
        </Button>
      </div>
    </form>
  );
}
