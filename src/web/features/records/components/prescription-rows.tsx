import { MAX_PRESCRIPTION_ITEMS } from '#shared/schemas/records.ts';
import { emptyPrescription } from '#web/features/records/model/evolution-form.ts';
import type { PrescriptionField, PrescriptionRow } from '#web/features/records/model/evolution-form.ts';
import { PRESCRIPTION_LABELS, REQUIRED_PRESCRIPTION_FIELDS } from '#web/features/records/model/blocking-fields.ts';
import { RemoveRowButton, RowGroup } from './row-group';
import { RowField } from './row-field';
import { useRowList } from './use-row-list';

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

/** "Receita": one small card per medicine, with add and remove. */
export function PrescriptionRows({ rows, errors, onChange }: Props) {
  const { addId, add, remove, update } = useRowList(rows, onChange, emptyPrescription, 'medicine');

  return (
    <RowGroup
      title="Receita"
      emptyText="Nenhum medicamento. Adicione para gerar a receita."
      empty={rows.length === 0}
      addId={addId}
      addLabel="Adicionar medicamento"
      onAdd={add}
      full={rows.length >= MAX_PRESCRIPTION_ITEMS}
    >
      {rows.map((row, index) => {
        const n = index + 1;
        const rowErrors = errors[row.key] ?? {};
        return (
          <li key={row.key} className="evo-rx-item">
            <div className="evo-rx-head">
              <span className="evo-rx-number" aria-hidden="true">
                {n}
              </span>
              <RemoveRowButton label={`Remover item ${n}`} onClick={() => remove(index)} />
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
                  onChange={(e) => update(row.key, { [field]: e.target.value })}
                />
              ))}
            </div>
          </li>
        );
      })}
    </RowGroup>
  );
}
