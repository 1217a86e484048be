import { Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { MAX_PRESCRIPTION_ITEMS } from '#shared/schemas/records.ts';
import { Button } from '#web/components/ui/button.tsx';
import { emptyPrescription } from '#web/features/records/model/evolution-form.ts';
import type { PrescriptionField, PrescriptionRow } from '#web/features/records/model/evolution-form.ts';
import { PRESCRIPTION_LABELS, REQUIRED_PRESCRIPTION_FIELDS } from '#web/features/records/model/blocking-fields.ts';
import { RowField } from './row-field';

// "Ex.:" placeholders: a bare "Oral" looked like a value already filled in, and signing then failed.
const FIELDS: { field: PrescriptionField; placeholder: string; max: number; wide?: boolean }[] = [
  { field: 'medicine', placeholder: 'Ex.: Dipirona 500 mg', max: 200, wide: true },
  { field: 'dose', placeholder: 'Ex.: 1 comprimido', max: 100 },
  { field: 'route', placeholder: 'Ex.: oral', max: 60 },
  { field: 'frequency', placeholder: 'Ex.: de 6 em 6 horas', max: 100 },
  { field: 'duration', placeholder: 'Ex.: 3 dias ou uso contínuo', max: 100 },
  { field: 'instructions', placeholder: 'Ex.: se tiver febre ou dor', max: 500, wide: true },
];

interface Props {
  rows: PrescriptionRow[];
  errors: Record<string, Record<string, string>>;
  onChange: (rows: PrescriptionRow[]) => void;
}

function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** "Receita": one small card per medicine, with add and remove. */
export function PrescriptionRows({ rows, errors, onChange }: Props) {
  const addId = useId();
  const update = (key: string, field: PrescriptionField, value: string) => onChange(rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));

  const add = () => {
    const row = emptyPrescription();
    onChange([...rows, row]);
    focusSoon(`${row.key}-medicine`);
  };

  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    if (neighbour) focusSoon(`${neighbour.key}-medicine`);
    else focusSoon(addId);
  };

  return (
    <fieldset className="evo-group">
      <legend className="evo-group-title">Receita</legend>
      {rows.length === 0 ? (
        <p className="evo-group-empty">Nenhum medicamento. Adicione para gerar a receita.</p>
      ) : (
        <p className="evo-group-empty">
          <span aria-hidden="true">* </span>Obrigatório para assinar.
        </p>
      )}
      <ol className="evo-rows">
        {rows.map((row, index) => {
          const n = index + 1;
          const rowErrors = errors[row.key] ?? {};
          return (
            <li key={row.key} className="evo-rx-item">
              <div className="evo-rx-head">
                <span className="evo-rx-number" aria-hidden="true">
                  {n}
                </span>
                <Button variant="ghost" size="sm" className="btn-icon evo-row-remove" icon={<Trash2 aria-hidden="true" />} onClick={() => remove(index)}>
                  <span className="sr-only">Remover item {n}</span>
                </Button>
              </div>
              <div className="evo-rx-fields">
                {FIELDS.map(({ field, placeholder, max, wide }) => (
                  <RowField
                    key={field}
                    id={`${row.key}-${field}`}
                    className={wide ? 'evo-rx-wide' : undefined}
                    label={PRESCRIPTION_LABELS[field]}
                    labelSuffix={`do item ${n}`}
                    requiredToSign={REQUIRED_PRESCRIPTION_FIELDS.has(field)}
                    value={row[field]}
                    maxLength={max}
                    placeholder={placeholder}
                    error={rowErrors[field] ?? (field === 'medicine' ? rowErrors._row : undefined)}
                    onChange={(e) => update(row.key, field, e.target.value)}
                  />
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      <Button id={addId} variant="secondary" size="sm" icon={<Plus aria-hidden="true" />} onClick={add} disabled={rows.length >= MAX_PRESCRIPTION_ITEMS}>
        Adicionar medicamento
      </Button>
    </fieldset>
  );
}
