import { Save } from 'lucide-react';
import { updatePatientInputSchema } from '#shared/schemas/users.ts';
import type { PatientDetail } from '#shared/schemas/users.ts';
import { PatientProfileFields } from '#web/components/forms/patient-profile-fields.tsx';
import { patientValuesFrom, toPatientProfileInput } from '#web/components/forms/patient-values.ts';
import { checkedBy, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { useFormValues } from '#web/lib/use-form-values.ts';
import { useUpdatePatient } from '#web/features/patients/api/update-patient.ts';
import '#web/components/forms/form-section.css';

/**
 * The doctor edits a patient's data (the e-mail is changed only by the clinic). Opened from
 * "Editar dados"; `onDone` closes it after a save or "Cancelar".
 */
export function EditPatientForm({ detail, onDone }: { detail: PatientDetail; onDone: () => void }) {
  const form = useFormValues(() => patientValuesFrom(detail.user.name, detail.patient));
  const update = useUpdatePatient(detail.user.id);
  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: update,
    setErrors: form.setErrors,
    check: () => checkedBy(updatePatientInputSchema.safeParse({ profile: toPatientProfileInput(form.values) })),
    success: 'Dados do paciente salvos',
    onSuccess: () => onDone(),
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <Card className="form-card">
        <CardHeader id="edit-patient-title" title="Editar dados" description="Para mudar o e-mail de acesso, fale com a administração da clínica." />
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <PatientProfileFields values={form.values} errors={form.errors} onChange={form.setField} />
        <div className="form-footer">
          <Button variant="secondary" onClick={onDone} disabled={update.isPending}>
            Cancelar
          </Button>
          <Button type="submit" loading={update.isPending} icon={<Save aria-hidden="true" />}>
            Salvar
          </Button>
        </div>
      </Card>
    </form>
  );
}
