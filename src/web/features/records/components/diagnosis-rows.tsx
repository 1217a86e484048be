import { CircleAlert } from 'lucide-react';
import { useState } from 'react';
import { MAX_DIAGNOSES } from '#shared/schemas/records.ts';
import { isValidCid10, normalizeCid10 } from '#shared/domain/cid10.ts';
import { emptyDiagnosis } from '#web/features/records/model/evolution-form.ts';
import type { DiagnosisRow } from '#web/features/records/model/evolution-form.ts';
import { RemoveRowButton, RowGroup } from './row-group';
import { RowField } from './row-field';
import { useRowList } from './use-row-list';

const CID_FORMAT = 'Código CID-10 inválido. Use letra + dois números, ex.: J06.9.';

interface Props {
  rows: DiagnosisRow[];
  errors: Record<string, Record<string, string>>;
  onChange: (rows: DiagnosisRow[]) => void;
}

/** "Diagnósticos": CID-10 code and description per row; the code is tidied and checked when the doctor leaves it. */
export function DiagnosisRows({ rows, errors, onChange }: Props) {
  const [formatErrors, setFormatErrors] = useState<Record<string, string>>({});
  const { addId, add, remove, update } = useRowList(rows, onChange, emptyDiagnosis, 'code');

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
    <RowGroup
      title="Diagnósticos"
      emptyText="Nenhum diagnóstico. Adicione se quiser registrar um CID-10."
      empty={rows.length === 0}
      addId={addId}
      addLabel="Adicionar diagnóstico"
      onAdd={add}
      full={rows.length >= MAX_DIAGNOSES}
    >
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
            <RemoveRowButton label={`Remover diagnóstico ${n}`} onClick={() => remove(index)} />
            {(formatErrors[row.key] ?? rowErrors.code) ? (
              <p className="field-error evo-dx-code-error" id={`${row.key}-code-error`}>
                <CircleAlert aria-hidden="true" />
                <span>{formatErrors[row.key] ?? rowErrors.code}</span>
              </p>
            ) : null}
          </li>
        );
      })}
    </RowGroup>
  );
}
