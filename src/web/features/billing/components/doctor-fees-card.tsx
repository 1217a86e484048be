import { RotateCcw, Save } from 'lucide-react';
import type { ClinicFees, DoctorFees } from '#shared/schemas/fees.ts';
import { doctorFeesInputSchema } from '#shared/schemas/fees.ts';
import { formatBRL, formatBasisPoints, parseBRL, parsePercentToBasisPoints } from '#shared/domain/money.ts';
import { checkedBy, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Badge } from '#web/components/ui/badge.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { ErrorState } from '#web/components/ui/error-state.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { TextField } from '#web/components/ui/text-field.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useFormValues } from '#web/lib/use-form-values.ts';
import { useDoctorFees } from '#web/features/billing/api/get-doctor-fees.ts';
import { useFees } from '#web/features/billing/api/get-fees.ts';
import { useUpdateDoctorFees } from '#web/features/billing/api/update-doctor-fees.ts';
import type { DoctorFeesInput } from '#web/features/billing/api/update-doctor-fees.ts';
import { shareInputValue } from '#web/features/billing/model/fee-text.ts';
import { FeeHistory } from './fee-history';
import { SplitExample } from './split-example';
import '#web/components/forms/form-section.css';
import './fees.css';

const TITLE = 'Valor e repasse deste médico';

function valuesFrom(fees: DoctorFees) {
  return { price: fees.priceCents === null ? '' : formatBRL(fees.priceCents), share: fees.clinicBps === null ? '' : shareInputValue(fees.clinicBps) };
}

/** "Segue a clínica" or what is the doctor's own, in plain words. */
function statusText(fees: DoctorFees): string {
  const { priceCents, clinicBps, effective } = fees;
  if (priceCents === null && clinicBps === null) return 'Este médico segue os valores da clínica. Se a clínica mudar os valores, muda para ele também.';
  if (clinicBps === null)
    return `Valor próprio deste médico: consulta de ${formatBRL(priceCents!)}. A comissão segue a da clínica (${formatBasisPoints(effective.clinicBps)}).`;
  if (priceCents === null)
    return `Comissão própria deste médico: ${formatBasisPoints(clinicBps)}. O valor da consulta segue o da clínica (${formatBRL(effective.priceCents)}).`;
  return `Valores próprios deste médico: consulta de ${formatBRL(priceCents)} e comissão da clínica de ${formatBasisPoints(clinicBps)}.`;
}

function DoctorFeesForm({ fees, clinic }: { fees: DoctorFees; clinic: ClinicFees | undefined }) {
  const form = useFormValues(() => valuesFrom(fees));
  const update = useUpdateDoctorFees(fees.doctorId);
  const { values, errors } = form;
  const ownValues = fees.priceCents !== null || fees.clinicBps !== null;

  // The example follows what is typed; a blank field means the clinic's value.
  const clinicPrice = clinic?.priceCents ?? fees.effective.priceCents;
  const clinicShare = clinic?.clinicBps ?? fees.effective.clinicBps;
  const typedPrice = values.price.trim() === '' ? clinicPrice : parseBRL(values.price);
  const typedShare = values.share.trim() === '' ? clinicShare : parsePercentToBasisPoints(values.share);
  const example = typedPrice !== null && typedShare !== null ? { priceCents: typedPrice, clinicBps: typedShare } : fees.effective;

  const { formRef, formError, onSubmit, send } = useSubmitForm({
    mutation: update,
    setErrors: form.setErrors,
    check: () => {
      const input: DoctorFeesInput = { price: values.price.trim() || null, share: values.share.trim() || null };
      return checkedBy(doctorFeesInputSchema.safeParse(input), () => input);
    },
    success: 'Valores do médico salvos',
    onSuccess: (saved) => form.setValues(valuesFrom(saved)),
  });

  const backToClinic = () => send({ price: null, share: null }, 'O médico voltou a seguir os valores da clínica');

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form-card">
      <div className="doctor-fees-status">
        <Badge tone={ownValues ? 'info' : 'neutral'}>{ownValues ? 'Valores próprios' : 'Segue a clínica'}</Badge>
        <p>{statusText(fees)}</p>
      </div>
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <div className="fees-fields fees-fields-2">
        <TextField
          label="Valor da consulta"
          inputMode="decimal"
          autoComplete="off"
          placeholder={formatBRL(clinicPrice)}
          value={values.price}
          onChange={(e) => form.setField('price', e.target.value)}
          error={errors.price}
          hint={`Em branco, usa o da clínica (${formatBRL(clinicPrice)}).`}
        />
        <TextField
          label="Comissão da clínica"
          inputMode="decimal"
          autoComplete="off"
          placeholder={shareInputValue(clinicShare)}
          value={values.share}
          onChange={(e) => form.setField('share', e.target.value)}
          error={errors.share}
          hint={`Em %. Em branco, usa a da clínica (${formatBasisPoints(clinicShare)}).`}
        />
      </div>
      <SplitExample
        priceCents={example.priceCents}
        clinicBps={example.clinicBps}
        lead="Vale para as consultas deste médico que terminarem depois da mudança."
      />
      <div className="form-footer">
        {ownValues ? (
          <Button variant="secondary" onClick={backToClinic} disabled={update.isPending} icon={<RotateCcw aria-hidden="true" />}>
            Usar os valores da clínica
          </Button>
        ) : null}
        <Button type="submit" loading={update.isPending} icon={<Save aria-hidden="true" />}>
          Salvar valores do médico
        </Button>
      </div>
    </form>
  );
}

/** On a doctor's page in user management: their own price and share, or the clinic's, with history. */
export function DoctorFeesCard({ doctorId }: { doctorId: string }) {
  const fees = useDoctorFees(doctorId);
  const clinic = useFees();

  return (
    <Card as="section" aria-labelledby="doctor-fees-title" className="doctor-fees-card">
      <CardHeader id="doctor-fees-title" title={TITLE} description="Quanto custa a consulta com este médico e quanto fica com a clínica." />
      {fees.isPending ? (
        <LoadingState />
      ) : fees.isError ? (
        <ErrorState message={messageOf(fees.error)} onRetry={() => void fees.refetch()} retrying={fees.isFetching} />
      ) : (
        <div className="stack">
          <DoctorFeesForm key={doctorId} fees={fees.data} clinic={clinic.data} />
          <FeeHistory history={fees.data.history} title="Histórico deste médico" empty="Nenhuma mudança ainda para este médico." level={3} />
        </div>
      )}
    </Card>
  );
}
