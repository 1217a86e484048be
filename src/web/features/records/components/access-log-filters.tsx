import { useDeferredValue, useState } from 'react';
import type { AccessAction } from '#shared/schemas/records.ts';
import { ACCESS_ACTIONS } from '#shared/schemas/records.ts';
import { Button } from '#web/components/ui/button.tsx';
import { SelectField } from '#web/components/ui/select-field.tsx';
import { TextField } from '#web/components/ui/text-field.tsx';
import { useUsers } from '#web/features/users/api/get-users.ts';
import { ACCESS_ACTION_LABELS } from '#web/features/records/model/access-text.ts';

export interface AccessLogFilterValues {
  patientId: string;
  actorId: string;
  action: AccessAction | '';
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AccessLogFilterValues = { patientId: '', actorId: '', action: '', from: '', to: '' };

const ROLE_SHORT = { admin: 'administração', doctor: 'médico(a)', patient: 'paciente' } as const;

type Option = { value: string; label: string };

/** The options, plus the chosen one when a new search left it out (remembered by id). */
function withChosen(options: Option[], selected: string, names: Record<string, string>): Option[] {
  if (!selected || options.some((o) => o.value === selected)) return options;
  const label = names[selected];
  return label ? [{ value: selected, label }, ...options] : options;
}

/** Busca por nome, paciente, quem acessou, tipo de acesso, de/até. */
export function AccessLogFilters({ values, onChange }: { values: AccessLogFilterValues; onChange: (next: AccessLogFilterValues) => void }) {
  // The lists hold 100 people at most: a name search narrows them, so any patient can be chosen.
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim()) || undefined;
  const patients = useUsers({ role: 'patient', page: 1, pageSize: 100, q });
  const people = useUsers({ page: 1, pageSize: 100, q });
  // Names of the people chosen, so a selection stays readable after the search changes.
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const patientOptions = withChosen(
    (patients.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
    values.patientId,
    chosen,
  );
  const actorOptions = withChosen(
    (people.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${ROLE_SHORT[u.role]})` })),
    values.actorId,
    chosen,
  );
  const remember = (options: Option[], id: string) => {
    const label = options.find((o) => o.value === id)?.label;
    if (label) setChosen((c) => ({ ...c, [id]: label }));
  };
  const set = (patch: Partial<AccessLogFilterValues>) => onChange({ ...values, ...patch });
  const active = Object.values(values).some((v) => v !== '');
  return (
    <div className="access-filters" role="search" aria-label="Filtros do registro de acessos">
      <TextField
        label="Buscar pelo nome"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        hint="Encurta as listas de paciente e de quem acessou."
      />
      <SelectField
        label="Paciente"
        options={patientOptions}
        placeholder={patients.isPending ? 'Carregando…' : 'Todos'}
        value={values.patientId}
        onChange={(e) => {
          remember(patientOptions, e.target.value);
          set({ patientId: e.target.value });
        }}
      />
      <SelectField
        label="Quem acessou"
        options={actorOptions}
        placeholder={people.isPending ? 'Carregando…' : 'Todos'}
        value={values.actorId}
        onChange={(e) => {
          remember(actorOptions, e.target.value);
          set({ actorId: e.target.value });
        }}
      />
      <SelectField
        label="Tipo de acesso"
        options={ACCESS_ACTIONS.map((a) => ({ value: a, label: ACCESS_ACTION_LABELS[a] }))}
        placeholder="Todos"
        value={values.action}
        onChange={(e) => set({ action: e.target.value as AccessAction | '' })}
      />
      <TextField label="De" type="date" value={values.from} max={values.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      <TextField label="Até" type="date" value={values.to} min={values.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      {active ? (
        <div className="access-filters-clear">
          <Button variant="ghost" size="sm" onClick={() => onChange(EMPTY_FILTERS)}>
            Limpar filtros
          </Button>
        </div>
      ) : null}
    </div>
  );
}
