import { Save } from 'lucide-react';
import type { ClinicFees } from '#shared/schemas/fees.ts';
import { clinicFeesInputSchema } from '#shared/schemas/fees.ts';
import { formatBRL } from '#shared/domain/money.ts';
import { checkedBy, useSubmitForm } from '#web/components/forms/use-submit-form.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { TextField } from '#web/components/ui/text-field.tsx';
import { useFormValues } from '#web/lib/use-form-values.ts';
import { useUpdateFees } from '#web/features/billing/api/update-fees.ts';
import { shareInputValue, typedFees } from '#web/features/billing/model/fee-text.ts';
import { SplitExample } from './split-example';
import '#web/components/forms/form-section.css';

function valuesFrom(fees: ClinicFees) {
  return { price: formatBRL(fees.priceCents), share: shareInputValue(fees.clinicBps), reviewBelowMinutes: String(Math.round(fees.reviewBelowSeconds / 60)) };
}

/** The clinic's price, share and short-call minimum; after a save it shows what the server stored. */
export function ClinicFeesForm({ fees }: { fees: ClinicFees }) {
  const form = useFormValues(() => valuesFrom(fees));
  const update = useUpdateFees();
  const { values, errors } = form;

  // The example follows what is typed, and falls back to the saved values while a field is half-written.
  const example = typedFees(values.price, values.share) ?? { priceCents: fees.priceCents, clinicBps: fees.clinicBps };
  const minutes = Number(values.reviewBelowMinutes);
  const minutesShown = Number.isInteger(minutes) && minutes >= 0 ? minutes : Math.round(fees.reviewBelowSeconds / 60);

  const { formRef, formError, onSubmit } = useSubmitForm({
    mutation: update,
    setErrors: form.setErrors,
    check: () => {
      const input = {
        price: values.price,
        share: values.share,
        reviewBelowMinutes: values.reviewBelowMinutes.trim() === '' ? undefined : values.reviewBelowMinutes.trim(),
      };
      return checkedBy(clinicFeesInputSchema.safeParse(input), (parsed) => ({
        price: values.price.trim(),
        share: values.share.trim(),
        reviewBelowMinutes: parsed.reviewBelowMinutes,
      }));
    },
    success: 'Valores salvos',
    onSuccess: (saved) => form.setValues(valuesFrom(saved)),
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="clinic-fees-title">
      <Card className="form-card">
        <CardHeader id="clinic-fees-title" title="Valores da clínica" description="Valem para todos os médicos que não têm valores próprios." />
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        <div className="fees-fields">
          <TextField
            label="Valor da consulta"
            inputMode="decimal"
            autoComplete="off"
            placeholder="R$ 150,00"
            value={values.price}
            onChange={(e) => form.setField('price', e.target.value)}
            error={errors.price}
            hint="Escreva como R$ 150,00."
          />
          <TextField
            label="Comissão da clínica"
            inputMode="decimal"
            autoComplete="off"
            placeholder="20"
            value={values.share}
            onChange={(e) => form.setField('share', e.target.value)}
            error={errors.share}
            hint="Em %, com até duas casas decimais (ex.: 20 ou 12,5)."
          />
          <TextField
            label="Tempo mínimo de consulta, em minutos"
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            step={1}
            value={values.reviewBelowMinutes}
            onChange={(e) => form.setField('reviewBelowMinutes', e.target.value)}
            error={errors.reviewBelowMinutes}
            hint={`Consultas mais curtas que ${minutesShown} ${minutesShown === 1 ? 'minuto ficam' : 'minutos ficam'} em análise até você aprovar.`}
          />
        </div>
        <SplitExample
          priceCents={example.priceCents}
          clinicBps={example.clinicBps}
          lead="Uma mudança vale para as consultas que terminarem depois dela; as anteriores continuam com o valor da época."
        />
        <div className="form-footer">
          <Button type="submit" loading={update.isPending} icon={<Save aria-hidden="true" />}>
            Salvar valores
          </Button>
        </div>
      </Card>
    </form>
  );
}
