import { CircleAlert, Plus, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import { MAX_DIAGNOSES } from '#shared/schemas/records.ts';
import { isValidCid10, normalizeCid10 } from '#shared/domain/cid10.ts';
import { Button } from '#web/components/ui/button.tsx';
import { emptyDiagnosis } from '#web/features/records/model/evolution-form.ts';
import type { DiagnosisRow } from '#web/features/records/model/evolution-form.ts';
import { RowField } from './row-field';

const CID_FORMAT = 'Código CID-10 inválido. Use letra + dois números, ex.: J06.9.';

interface Props {
  rows: DiagnosisRow[];
  errors: Record<string, Record<string, string>>;
  onChange: (rows: DiagnosisRow[]) => void;
}

function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** "Diagnósticos": CID-10 code and description per row; the code is tidied and checked when the doctor leaves it. */
export function DiagnosisRows({ rows, errors, onChange }: Props) {
  const [formatErrors, setFormatErrors] = useState<Record<string, string>>({});
  const addId = useId();

  const update = (key: string, patch: Partial<DiagnosisRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const add = () => {
    const row = emptyDiagnosis();
    onChange([...rows, row]);
    focusSoon(`${row.key}-code`);
  };

  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    if (neighbour) focusSoon(`${neighbour.key}-code`);
    else focusSoon(addId);
  };

  const checkCode = (row: DiagnosisRow) => {
    const code = row.code.trim();
    if (code === '') {
      setFormatErrors(({ [row.key]: _gone, ...rest }) => rest);
      return;
    }
    const normalized = normalizeCid10(code);
    if (normalized !== row.code) update(row.key, { code: normalized });
    setFormatErrors((all) => {
      const { [row.key]: _old, ...rest } = all;
      return isValidCid10(normalized) ? rest : { ...rest, [row.key]: CID_FORMAT };
    });
  };

  return (
    <fieldset className="evo-group">
      <legend className="evo-group-title">Diagnósticos</legend>
      {rows.length === 0 ? (
        <p className="evo-group-empty">Nenhum diagnóstico. Adicione se quiser registrar um CID-10.</p>
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
            <li key={row.key} className="evo-row evo-dx-row">
              <RowField
                id={`${row.key}-code`}
                className="evo-dx-code"
                label="CID-10"
                labelSuffix={`do diagnóstico ${n}`}
                value={row.code}
                maxLength={10}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                placeholder="Ex.: J06.9"
                requiredToSign
                error={formatErrors[row.key] ?? rowErrors.code}
                errorOutside
                onChange={(e) => update(row.key, { code: e.target.value })}
                onBlur={() => checkCode(row)}
              />
              <RowField
                id={`${row.key}-description`}
                className="evo-dx-description"
                label="Descrição"
                labelSuffix={`do diagnóstico ${n}`}
                value={row.description}
                maxLength={200}
                placeholder="Ex.: resfriado comum"
                requiredToSign
                error={rowErrors.description ?? rowErrors._row}
                onChange={(e) => update(row.key, { description: e.target.value })}
              />
              <Button variant="ghost" size="sm" className="btn-icon evo-row-remove" icon={<Trash2 aria-hidden="true" />} onClick={() => remove(index)}>
                <span className="sr-only">Remover diagnóstico {n}</span>
              </Button>
              {(formatErrors[row.key] ?? rowErrors.code) ? (
                <p className="field-error evo-dx-code-error" id={`${row.key}-code-error`}>
                  <CircleAlert aria-hidden="true" />
                  <span>{formatErrors[row.key] ?? rowErrors.code}</span>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <Button id={addId} variant="secondary" size="sm" icon={<Plus aria-hidden="true" />} onClick={add} disabled={rows.length >= MAX_DIAGNOSES}>
        Adicionar diagnóstico
      </Button>
    </fieldset>
  );
}
