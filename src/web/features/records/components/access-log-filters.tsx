import type { AccessAction } from '../../../../shared/schemas/records';
import { ACCESS_ACTIONS } from '../../../../shared/schemas/records';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useUsers } from '../../users/api/get-users';
import { ACCESS_ACTION_LABELS } from '../model/record-text';

export interface AccessLogFilterValues {
  patientId: string;
  actorId: string;
  action: AccessAction | '';
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AccessLogFilterValues = { patientId: '', actorId: '', action: '', from: '', to: '' };

const ROLE_SHORT = { admin: 'administração', doctor: 'médico(a)', patient: 'paciente' } as const;

/** Paciente, quem acessou, tipo de acesso, de/até. */
export function AccessLogFilters({ values, onChange }: { values: AccessLogFilterValues; onChange: (next: AccessLogFilterValues) => void }) {
  const patients = useUsers({ role: 'patient', page: 1, pageSize: 100 });
  const people = useUsers({ page: 1, pageSize: 100 });
  const patientOptions = (patients.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const actorOptions = (people.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${ROLE_SHORT[u.role]})` }));
  const set = (patch: Partial<AccessLogFilterValues>) => onChange({ ...values, ...patch });
  const active = Object.values(values).some((v) => v !== '');
  return (
    <div className="access-filters" role="search" aria-label="Filtros do registro de acessos">
      <SelectField label="Paciente" options={patientOptions} placeholder={patients.isPending ? 'Carregando…' : 'Todos'} value={values.patientId} onChange={(e) => set({ patientId: e.target.value })} />
      <SelectField label="Quem acessou" options={actorOptions} placeholder={people.isPending ? 'Carregando…' : 'Todos'} value={values.actorId} onChange={(e) => set({ actorId: e.target.value })} />
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
