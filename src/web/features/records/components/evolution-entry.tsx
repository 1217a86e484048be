import clsx from 'clsx';
import type { ReactNode } from 'react';
import type { Evolution } from '#shared/schemas/records.ts';
import { Badge } from '#web/components/ui/badge.tsx';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { entryMoment, entryTitle } from '#web/features/records/model/record-text.ts';
import { DiagnosisList, EvolutionText, PrescriptionList } from './evolution-content';
import './records.css';

interface EvolutionEntryProps {
  entry: Evolution;
  addenda?: readonly Evolution[];
  audience?: 'doctor' | 'patient';
  /** Heading level of the entry's title, to fit the page outline. */
  level?: 2 | 3;
  /** A link for the title (the timeline links each entry to its page). */
  titleLink?: (children: ReactNode) => ReactNode;
  actions?: ReactNode;
  /** False on the entry's own page, whose h1 already says it. */
  showTitle?: boolean;
}

/** "Atendimento de 28/11/2026 14:30", for the patient. */
function patientTitle(entry: Evolution): string {
  return `${entry.kind === 'addendum' ? 'Complemento' : 'Atendimento'} de ${formatDateTime(entryMoment(entry))}`;
}

function Signature({ entry }: { entry: Evolution }) {
  return (
    <p className="evo-signature">
      {entry.status === 'final' && entry.finalizedAt
        ? `Assinada por ${doctorTitle(entry.doctor.name)} (${entry.doctor.crm}) em ${formatDateTime(entry.finalizedAt)}`
        : `Rascunho de ${doctorTitle(entry.doctor.name)}, ainda não assinado`}
    </p>
  );
}

/** A read-only entry: its text, diagnoses, prescription, signature, and the addenda that correct it. */
export function EvolutionEntry({ entry, addenda = [], audience = 'doctor', level = 3, titleLink, actions, showTitle = true }: EvolutionEntryProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const draft = entry.status === 'draft';
  const title = audience === 'patient' ? patientTitle(entry) : entryTitle(entry);
  return (
    <article className={clsx('evo-entry', draft && 'evo-entry-draft')}>
      <header className="evo-entry-head">
        <div>
          {showTitle ? <Heading className="evo-entry-title">{titleLink ? titleLink(title) : title}</Heading> : null}
          <p className="evo-entry-by">
            {doctorTitle(entry.doctor.name)} · {entry.doctor.crm}
            {entry.doctor.specialty ? ` · ${entry.doctor.specialty}` : ''}
          </p>
        </div>
        {draft ? <Badge tone="warning">Rascunho</Badge> : audience === 'doctor' ? <Badge tone="success">Assinada</Badge> : null}
      </header>
      <EvolutionText entry={entry} audience={audience} />
      <DiagnosisList entry={entry} />
      <PrescriptionList entry={entry} />
      {audience === 'doctor' ? <Signature entry={entry} /> : null}
      {addenda.length > 0 ? (
        <section className="evo-addenda" aria-label={`Adendos a esta ${entry.kind === 'addendum' ? 'anotação' : 'evolução'}`}>
          {addenda.map((a) => (
            <article key={a.id} className={clsx('evo-addendum', a.status === 'draft' && 'evo-entry-draft')}>
              <p className="evo-addendum-title">
                <strong>{audience === 'patient' ? `Complemento de ${formatDateTime(entryMoment(a))}` : entryTitle(a)}</strong>
                {a.status === 'draft' ? <Badge tone="warning">Rascunho</Badge> : null}
              </p>
              <EvolutionText entry={a} audience={audience} />
              <DiagnosisList entry={a} />
              <PrescriptionList entry={a} />
              {audience === 'doctor' ? <Signature entry={a} /> : null}
            </article>
          ))}
        </section>
      ) : null}
      {actions ? <div className="evo-entry-actions">{actions}</div> : null}
    </article>
  );
}
