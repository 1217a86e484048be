import { Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { MAX_PRESCRIPTION_ITEMS } from '../../../../shared/schemas/records';
import { Button } from '../../../components/ui/button';
import { emptyPrescription } from '../model/evolution-form';
import type { PrescriptionField, PrescriptionRow } from '../model/evolution-form';
import { RowField } from './row-field';

const FIELDS: { field: PrescriptionField; label: string; placeholder: string; max: number; wide?: boolean }[] = [
  { field: 'medicine', label: 'Medicamento', placeholder: 'Ex.: Dipirona 500 mg', max: 200, wide: true },
  { field: 'dose', label: 'Dose', placeholder: '1 comprimido', max: 100 },
  { field: 'route', label: 'Via', placeholder: 'Oral', max: 60 },
  { field: 'frequency', label: 'Frequência', placeholder: 'De 6 em 6 horas', max: 100 },
  { field: 'duration', label: 'Duração', placeholder: '3 dias', max: 100 },
  { field: 'instructions', label: 'Instruções', placeholder: 'Se tiver febre ou dor', max: 500, wide: true },
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
      {rows.length === 0 ? <p className="evo-group-empty">Nenhum medicamento. Adicione para gerar a receita.</p> : null}
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
                {FIELDS.map(({ field, label, placeholder, max, wide }) => (
                  <RowField
                    key={field}
                    id={`${row.key}-${field}`}
                    className={wide ? 'evo-rx-wide' : undefined}
                    label={label}
                    labelSuffix={`do item ${n}`}
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
