import { Save } from 'lucide-react';
import { updatePatientInputSchema } from '../../../../shared/schemas/users';
import type { PatientDetail } from '../../../../shared/schemas/users';
import { PatientProfileFields } from '../../../components/forms/patient-profile-fields';
import { patientValuesFrom, toPatientProfileInput } from '../../../components/forms/patient-values';
import { checkedBy, useSubmitForm } from '../../../components/forms/use-submit-form';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardHeader } from '../../../components/ui/card';
import { useFormValues } from '../../../lib/use-form-values';
import { useUpdatePatient } from '../api/update-patient';
import '../../../components/forms/form-section.css';

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
