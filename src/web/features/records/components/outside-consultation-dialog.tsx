import { ClipboardCheck, Phone, Stethoscope } from 'lucide-react';
import { useState } from 'react';
import { OUTSIDE_CONSULTATION_MAX_AGE_DAYS, outsideConsultationInputSchema } from '#shared/schemas/consultations.ts';
import { checkedBy, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { Field } from '#web/components/ui/field.tsx';
import { RadioCards } from '#web/components/ui/radio-cards.tsx';
import { TextField } from '#web/components/ui/text-field.tsx';
import { Textarea } from '#web/components/ui/textarea.tsx';
import type { FieldErrors } from '#web/lib/form-errors.ts';
import { saoPauloLocalToIso, saoPauloNowLocal } from '#web/lib/sao-paulo-input.ts';
import { useRegisterOutsideConsultation } from '#web/features/records/api/register-outside-consultation.ts';

type OutsideKind = 'in_person' | 'phone';

const KIND_OPTIONS = [
  { value: 'in_person', label: 'Presencial', description: 'No consultório', icon: <Stethoscope aria-hidden="true" /> },
  { value: 'phone', label: 'Por telefone', description: 'Uma ligação', icon: <Phone aria-hidden="true" /> },
] as const;

/**
 * "Registrar consulta": a consultation held in person or by phone, so it enters the patient's
 * record and the doctor's earnings like a video one.
 */
export function OutsideConsultationDialog({ open, onClose, patient }: { open: boolean; onClose: () => void; patient: { id: string; name: string } }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Registrar consulta"
      description={`Uma consulta com ${patient.name} feita no consultório ou por telefone. Ela entra no prontuário e no seu faturamento.`}
    >
      {/* Mounted per opening: a fresh form, and a fresh id so a retry of this one registers it once. */}
      {open ? <OutsideConsultationForm patientId={patient.id} onDone={onClose} /> : null}
    </Dialog>
  );
}

function OutsideConsultationForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const [id] = useState(() => crypto.randomUUID());
  const [kind, setKind] = useState<OutsideKind>('in_person');
  const [now] = useState(() => saoPauloNowLocal());
  const [when, setWhen] = useState(now);
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const register = useRegisterOutsideConsultation(patientId);
  // Without formRef, as before: in the dialog the focus stays where it is when a field is wrong.
  const { formError, onSubmit } = useSubmitForm({
    mutation: register,
    setErrors,
    check: () => {
      const heldAt = saoPauloLocalToIso(when);
      if (!heldAt) return { errors: { heldAt: 'Informe a data e a hora da consulta.' } };
      const durationMinutes = minutes.trim() === '' ? undefined : Number(minutes);
      const input = { id, kind, heldAt, durationMinutes, note: note.trim() || undefined };
      return checkedBy(outsideConsultationInputSchema.safeParse(input), () => input);
    },
    success: 'Consulta registrada no prontuário.',
    onSuccess: () => onDone(),
  });

  return (
    <form className="outside-consultation-form" onSubmit={onSubmit} noValidate>
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <RadioCards legend="Como foi a consulta" name="outside-kind" value={kind} options={KIND_OPTIONS} onChange={setKind} />
      {errors.kind ? <p className="field-error">{errors.kind}</p> : null}
      <TextField
        label="Data e hora"
        type="datetime-local"
        value={when}
        max={now}
        onChange={(e) => setWhen(e.target.value)}
        error={errors.heldAt}
        hint={`Horário de Brasília. Até ${OUTSIDE_CONSULTATION_MAX_AGE_DAYS} dias atrás.`}
        required
      />
      <TextField
        label="Duração em minutos"
        optional
        type="number"
        inputMode="numeric"
        min={1}
        max={480}
        step={1}
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        error={errors.durationMinutes}
      />
      <Field label="Observação" optional error={errors.note} hint="Só você e os médicos do paciente veem. Para a evolução clínica, use o prontuário.">
        {(control) => <Textarea {...control} value={note} rows={3} maxLength={1000} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onDone} disabled={register.isPending}>
          Cancelar
        </Button>
        <Button type="submit" loading={register.isPending} icon={<ClipboardCheck aria-hidden="true" />}>
          Registrar consulta
        </Button>
      </div>
    </form>
  );
}
