import type { Evolution } from '#shared/schemas/records.ts';
import { durationText } from '#web/features/records/model/prescription-text.ts';

const DOCTOR_LABELS = [
  ['complaint', 'Queixa principal'],
  ['history', 'História'],
  ['exam', 'Exame'],
  ['plan', 'Conduta'],
  ['notes', 'Anotações'],
] as const;

type Audience = 'doctor' | 'patient';

/** The written parts of an entry, as text (never HTML), line breaks kept. */
export function EvolutionText({ entry, audience = 'doctor' }: { entry: Pick<Evolution, 'content'>; audience?: Audience }) {
  const c = entry.content;
  const sections: [string, string][] =
    audience === 'doctor'
      ? DOCTOR_LABELS.map(([field, label]) => [label, c[field]] as [string, string])
      : [
          ['O que foi conversado', [c.complaint, c.history, c.exam, c.notes].filter((t) => t.trim() !== '').join('\n\n')],
          ['Orientações', c.plan],
        ];
  const filled = sections.filter(([, text]) => text.trim() !== '');
  if (filled.length === 0) return <p className="evo-empty-text">Sem texto.</p>;
  return (
    <dl className="evo-text-view">
      {filled.map(([label, text]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="clinical-text">{text}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "J06.9 — Resfriado comum". */
export function DiagnosisList({ entry }: { entry: Pick<Evolution, 'diagnoses'> }) {
  if (entry.diagnoses.length === 0) return null;
  return (
    <div className="evo-view-block">
      <h4>Diagnósticos</h4>
      <ul className="evo-dx-list">
        {entry.diagnoses.map((d, i) => (
          <li key={`${d.code}-${i}`}>
            {d.code ? <strong className="evo-cid">{d.code}</strong> : null}
            <span>{d.description}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One prescription item in a line: "Dipirona 500 mg — 1 comprimido, oral, de 6 em 6 horas, por 3 dias". */
export function prescriptionLine(p: Evolution['prescriptions'][number]): string {
  const how = [p.dose, p.route, p.frequency, durationText(p.duration)].filter((s) => s.trim() !== '').join(', ');
  return how ? `${p.medicine} — ${how}` : p.medicine;
}

/** The numbered prescription items. */
export function PrescriptionList({ entry, title = 'Receita' }: { entry: Pick<Evolution, 'prescriptions'>; title?: string }) {
  if (entry.prescriptions.length === 0) return null;
  return (
    <div className="evo-view-block">
      <h4>{title}</h4>
      <ol className="evo-rx-list">
        {entry.prescriptions.map((p, i) => (
          <li key={`${p.medicine}-${i}`}>
            <span className="clinical-text">{prescriptionLine(p)}</span>
            {p.instructions ? <span className="evo-rx-instructions clinical-text">{p.instructions}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
